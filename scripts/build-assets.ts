/*
 * Build the static assets (the themed GOV.UK CSS, its JavaScript, the PT fonts,
 * the ALTCHA widget) once per content: into public/build-<hash of the inputs>,
 * then switch the symlink public/build to it with a rename, which is atomic. A
 * running server keeps serving the directory it resolved at start, so a build
 * never changes files under it; an unchanged build is not redone.
 *
 * Usage: node --import tsx scripts/build-assets.ts [public directory]
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const publicDir = path.resolve(process.argv[2] ?? path.join(root, 'public'));
const KEEP_OLD = 2;

const copies: [from: string, to: string][] = [
  ['node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', 'govuk-frontend.min.js'],
  // ALTCHA widget (CSP-friendly external build), its SHA worker, Russian texts and our enhancement.
  ['node_modules/altcha/dist/external/altcha.min.js', 'altcha/altcha.js'],
  ['node_modules/altcha/dist/external/altcha.css', 'altcha/altcha.css'],
  ['node_modules/altcha/dist/workers/sha.js', 'altcha/sha-worker.js'],
  ['node_modules/altcha/dist/i18n/ru.js', 'altcha/ru.js'],
  ['src/platform/ui/scripts/altcha-enhance.js', 'altcha-enhance.js'],
  ['src/platform/ui/scripts/kiosk-idle.js', 'kiosk-idle.js'],
  // the consultant chat's enhancement (participation, task 3.4)
  ['src/modules/participation/consult/web/chat-enhance.js', 'chat-enhance.js'],
  // conditional questions of surveys shown only when their condition holds (participation/polls)
  ['src/modules/participation/polls/web/survey-conditions.js', 'survey-conditions.js'],
];
const fonts = ['pt-sans', 'pt-serif'].flatMap((family) => {
  const dir = path.join('node_modules/@fontsource', family, 'files');
  return readdirSync(path.join(root, dir))
    .filter((f) => /-(cyrillic|latin)-(400|700)-(normal|italic)\.woff2$/.test(f))
    .map((f): [string, string] => [path.join(dir, f), path.join('fonts', f)]);
});

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** Everything the output depends on: this script, our styles, the copied files, the versions of the packages compiled in. */
function inputsHash(): string {
  const h = createHash('sha256');
  const inputs = [
    'scripts/build-assets.ts',
    ...filesUnder('src/platform/ui/styles').sort(),
    ...copies.map(([from]) => from),
    ...fonts.map(([from]) => from),
    'node_modules/govuk-frontend/package.json',
    'node_modules/sass/package.json',
  ];
  for (const f of inputs) {
    h.update(f);
    h.update(readFileSync(path.join(root, f)));
  }
  return h.digest('hex').slice(0, 16);
}

async function build(out: string) {
  const sass = await import('sass');
  mkdirSync(path.join(out, 'fonts'), { recursive: true });
  mkdirSync(path.join(out, 'altcha'), { recursive: true });
  const css = sass.compile(path.join(root, 'src/platform/ui/styles/app.scss'), {
    loadPaths: [path.join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  writeFileSync(path.join(out, 'app.css'), css.css);
  for (const [from, to] of [...copies, ...fonts]) copyFileSync(path.join(root, from), path.join(out, to));
  writeFileSync(
    path.join(out, 'app.js'),
    // GOV.UK's template marks support with an inline script, which our CSP forbids; the module does it instead.
    "import { initAll } from '/assets/govuk-frontend.min.js';\n" +
      "document.body.classList.add('js-enabled', 'govuk-frontend-supported');\ninitAll();\n" +
      "if (document.querySelector('[data-module=\"app-altcha\"]')) import('/assets/altcha-enhance.js');\n" +
      "if (document.querySelector('[data-module=\"app-kiosk-idle\"]')) import('/assets/kiosk-idle.js');\n" +
      "if (document.querySelector('[data-module^=\"app-chat\"]')) import('/assets/chat-enhance.js');\n" +
      "if (document.querySelector('[data-module=\"survey-conditions\"]')) import('/assets/survey-conditions.js');\n",
  );
}

const name = `build-${inputsHash()}`;
const target = path.join(publicDir, name);
mkdirSync(publicDir, { recursive: true });
let built = false;
if (!existsSync(target)) {
  // built beside and renamed into place: a half-built directory never has the final name
  const temp = path.join(publicDir, `.${name}-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  await build(temp);
  try {
    renameSync(temp, target);
    built = true;
  } catch {
    // another build of the same inputs got there first; its files are the same
    rmSync(temp, { recursive: true, force: true });
  }
}

// Switch public/build with a rename over it: readers see the old target or the new, never neither.
const link = path.join(publicDir, 'build');
const current = (() => {
  try {
    return lstatSync(link);
  } catch {
    return null;
  }
})();
if (current && !current.isSymbolicLink()) {
  // the layout before content-addressed builds: a plain directory, moved aside
  renameSync(link, path.join(publicDir, `build-old-${Date.now()}`));
}
const tempLink = path.join(publicDir, `.build-link-${process.pid}`);
rmSync(tempLink, { force: true });
symlinkSync(name, tempLink);
renameSync(tempLink, link);

// Older builds: the newest few stay for servers still running on them.
const old = readdirSync(publicDir)
  .filter((d) => d.startsWith('build-') && d !== name)
  .map((d) => ({ d, t: statSync(path.join(publicDir, d)).mtimeMs }))
  .sort((a, b) => b.t - a.t);
for (const { d } of old.slice(KEEP_OLD)) rmSync(path.join(publicDir, d), { recursive: true, force: true });

process.stdout.write(
  `assets ${built ? 'built in' : 'up to date in'} ${path.relative(root, target) || target}\n`,
);
