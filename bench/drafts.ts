// Benchmark (not a test): the harness's «drafts» scenarios alone (the drafts list, a draft in discussion with its
// clause comments, the legislative plan), with both ceilings (see bench/run.ts).
// Run: npm run bench:drafts
process.argv.push('drafts');
await import('./run.ts');

export {};
