import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root directory (where package.json, migrations/ and public/ are), found upwards
 * from this file: the code runs from src/platform under tsx and tests, and from dist/ when
 * `npm start` runs the server bundle (scripts/build-server.ts), so no fixed `../..` fits both.
 */
export const projectRoot: string = (() => {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'migrations/meta/_journal.json'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error('the project root (migrations/meta/_journal.json) not found above the code');
  }
})();

/** A path inside the project, e.g. `projectPath('public/build')`. */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
