/*
 * Bundle the server for `npm start`: src/server.ts and everything it imports into one ES module,
 * dist/server.js (with a source map), so a start neither compiles TypeScript (tsx) nor resolves
 * hundreds of source files one by one. drizzle-orm goes into the bundle too: Node 24 re-parses a
 * package's `exports` map for every .js file it loads from it (lib/internal/modules/package_json_reader.js
 * spreads the lazily parsed field), and drizzle-orm's map is 130 KB for ~110 files, which cost seconds
 * and left a heap of 200 MB of garbage at every start. The other packages stay external, loaded
 * from node_modules as they are (native code, data files found by require.resolve).
 * Tests and scripts still run the sources through tsx.
 *
 * Usage: node --import tsx scripts/build-server.ts [outfile]   (default dist/server.js)
 */
import path from 'node:path';
import { build } from 'esbuild';
import pkg from '../package.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.resolve(process.argv[2] ?? path.join(root, 'dist/server.js'));
const BUNDLED = new Set(['drizzle-orm']);

await build({
  absWorkingDir: root,
  entryPoints: ['src/server.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)),
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: 'linked',
  // keep the names in stacks (pino's error logs)
  keepNames: true,
  logLevel: 'warning',
  // bundled CommonJS (none today) would call require: give the module one
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
