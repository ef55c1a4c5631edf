import { spawn } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * `npm start` and `npm test` run the asset build every time, possibly while
 * another server serves the assets: the build must not touch what is served,
 * must switch to a new build atomically and must not redo an unchanged one.
 */
const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function publicDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'open-region-assets-'));
  dirs.push(d);
  return d;
}

async function runBuild(dir: string): Promise<string> {
  const child = spawn(
    path.join(root, 'node_modules/.bin/node'),
    ['--import', 'tsx', 'scripts/build-assets.ts', dir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (c) => {
    out += String(c);
  });
  child.stderr.on('data', (c) => {
    out += String(c);
  });
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (code !== 0) throw new Error(`build failed: ${out}`);
  return out;
}

describe('asset build', () => {
  it('builds into a content-named directory, links public/build to it, and does not redo an unchanged build', {
    timeout: 120_000,
  }, async () => {
    const dir = publicDir();
    expect(await runBuild(dir)).toMatch(/^assets built in .*build-[0-9a-f]{16}\n$/);
    const link = path.join(dir, 'build');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const target = readlinkSync(link);
    expect(target).toMatch(/^build-[0-9a-f]{16}$/);
    const css = path.join(dir, target, 'app.css');
    expect(readFileSync(css, 'utf8')).toContain('PT Sans');
    const before = statSync(css);

    expect(await runBuild(dir)).toMatch(/^assets up to date in .*build-[0-9a-f]{16}\n$/);
    expect(readlinkSync(link)).toBe(target);
    const after = statSync(css);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    // no temporary directories or links left behind
    expect(readdirSync(dir).sort()).toEqual(['build', target]);
  });

  it('switches a served build atomically: a reader always finds the files, old or new', {
    timeout: 120_000,
  }, async () => {
    const dir = publicDir();
    // a build a running server serves, from other inputs
    mkdirSync(path.join(dir, 'build-0000000000000000'));
    writeFileSync(path.join(dir, 'build-0000000000000000', 'app.css'), 'old');
    symlinkSync('build-0000000000000000', path.join(dir, 'build'));

    const seen = new Set<string>();
    let failures = 0;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        try {
          seen.add(readFileSync(path.join(dir, 'build', 'app.css'), 'utf8') === 'old' ? 'old' : 'new');
        } catch {
          failures++;
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    await runBuild(dir);
    await new Promise((r) => setTimeout(r, 50));
    reading = false;
    await reader;
    expect(failures).toBe(0);
    expect(seen).toEqual(new Set(['old', 'new']));
    // the old build is still there for the server that serves it
    expect(readFileSync(path.join(dir, 'build-0000000000000000', 'app.css'), 'utf8')).toBe('old');
  });

  it('moves aside a public/build directory of the old layout', { timeout: 120_000 }, async () => {
    const dir = publicDir();
    mkdirSync(path.join(dir, 'build'));
    writeFileSync(path.join(dir, 'build', 'app.css'), 'old layout');
    await runBuild(dir);
    expect(lstatSync(path.join(dir, 'build')).isSymbolicLink()).toBe(true);
    const aside = readdirSync(dir).filter((d) => d.startsWith('build-old-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] as string, 'app.css'), 'utf8')).toBe('old layout');
  });
});
