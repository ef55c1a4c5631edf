// Benchmark (not a test): the harness's «appeals» scenarios alone, with both ceilings (see bench/run.ts).
// Run: npm run bench:appeals
process.argv.push('appeals');
await import('./run.ts');

export {};
