import { globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The import rules of .dependency-cruiser.cjs (npm run lint:deps): a made-up
 * tree that breaks each rule once must be caught by that rule, and the real
 * tree must break none.
 */

const root = path.resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as {
  forbidden: IForbiddenRuleType[];
  options: ICruiseOptions;
};

/** Cruise these paths (relative to baseDir) with the project's rules; "rule: from → to" per violation. */
async function violations(baseDir: string, paths: string[]): Promise<string[]> {
  const { output } = await cruise(paths, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const result = output as ICruiseResult;
  return [...new Set(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`))].sort();
}

describe('import rules (dependency-cruiser)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'open-region-deps-'));
    const files: Record<string, string> = {
      // a module and its public face
      'src/modules/alpha/index.ts': "export { thing } from './alpha.tables.ts';\n",
      'src/modules/alpha/alpha.tables.ts': 'export const thing = 1;\n',
      // another module: through the index is fine, its own folders too, a reach-in is not
      'src/modules/beta/index.ts': "import { thing } from '../alpha/index.ts';\nexport const ok = thing;\n",
      'src/modules/beta/web/page.ts': "import { ok } from '../index.ts';\nexport const page = ok;\n",
      'src/modules/beta/reach-in.ts':
        "import { thing } from '../alpha/alpha.tables.ts';\nexport const bad = thing;\n",
      // the platform importing a module
      'src/platform/leak/leak.ts':
        "import { thing } from '../../modules/alpha/index.ts';\nexport const leak = thing;\n",
      // two platform folders using each other (no file-level cycle, a folder-level one)
      'src/platform/one/a.ts': "import { b } from '../two/b.ts';\nexport const a = b;\n",
      'src/platform/one/c.ts': 'export const c = 3;\n',
      'src/platform/two/b.ts': "import { c } from '../one/c.ts';\nexport const b = c;\n",
      // an import of nothing
      'src/platform/db/missing.ts': "import { nothing } from './nowhere.ts';\nexport const m = nothing;\n",
      // tests may import anything
      'src/modules/beta/beta.test.ts':
        "import { thing } from '../alpha/alpha.tables.ts';\nexport const t = thing;\n",
      'src/platform/one/one.test.ts':
        "import { ok } from '../../modules/beta/reach-in.ts';\nexport const t = ok;\n",
      'test/helper.ts':
        "import { thing } from '../src/modules/alpha/alpha.tables.ts';\nexport const h = thing;\n",
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          module: 'preserve',
          moduleResolution: 'bundler',
          allowImportingTsExtensions: true,
        },
      }),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches each broken rule by name, and nothing the rules allow', async () => {
    expect(await violations(dir, ['src', 'test'])).toEqual([
      'module-through-index: src/modules/beta/reach-in.ts → src/modules/alpha/alpha.tables.ts',
      'no-folder-cycles: src/platform/one → src/platform/two',
      'no-folder-cycles: src/platform/two → src/platform/one',
      'not-to-unresolvable: src/platform/db/missing.ts → ./nowhere.ts',
      'platform-not-to-modules: src/platform/leak/leak.ts → src/modules/alpha/index.ts',
    ]);
  }, 120_000);

  it('finds no violation in the real tree (src, scripts, bench)', async () => {
    expect(await violations(root, ['src', 'scripts', 'bench'])).toEqual([]);
  }, 120_000);

  it('sees every import: no inline import("./…") types, which the swc parser does not report', () => {
    const inline = globSync('{src,scripts,bench}/**/*.{ts,tsx}', { cwd: root }).filter(
      (f) =>
        !/\.test\.tsx?$/.test(f) &&
        /\bimport\(\s*['"]\.[^'"]*['"]\s*\)\s*\./.test(readFileSync(path.join(root, f), 'utf8')),
    );
    expect(inline).toEqual([]);
  });
});
