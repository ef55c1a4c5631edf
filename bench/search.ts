// Benchmark (not a test): the harness's «search» scenarios alone, with both ceilings (see bench/run.ts).
// Run: npm run bench:search
process.argv.push('search');
await import('./run.ts');

export {};
