// Benchmark (not a test): the harness's «monitoring» scenarios alone (the rating page, a body's page in the rating,
// the rating's API), with both ceilings (see bench/run.ts).
// Run: npm run bench:monitoring
process.argv.push('monitoring');
await import('./run.ts');

export {};
