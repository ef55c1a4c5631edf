// Benchmark (not a test): the harness's «participation» scenarios alone (poll pages and results,
// a consultation, reference groups, the participation feed), with both ceilings (see bench/run.ts).
// Run: npm run bench:participation
process.argv.push('participation');
await import('./run.ts');

export {};
