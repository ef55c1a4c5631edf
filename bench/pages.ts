// Benchmark (not a test): the harness's «pages» scenarios alone, with both ceilings (see bench/run.ts).
// Run: npm run bench:pages
process.argv.push('pages');
await import('./run.ts');

export {};
