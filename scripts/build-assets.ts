// Build the static assets into public/build: the themed GOV.UK CSS, its JavaScript and the PT fonts.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as sass from 'sass';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'public/build');
mkdirSync(path.join(out, 'fonts'), { recursive: true });

const css = sass.compile(path.join(root, 'src/platform/ui/styles/app.scss'), {
  loadPaths: [path.join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
writeFileSync(path.join(out, 'app.css'), css.css);

for (const family of ['pt-sans', 'pt-serif']) {
  const dir = path.join(root, 'node_modules/@fontsource', family, 'files');
  for (const f of readdirSync(dir)) {
    if (/-(cyrillic|latin)-(400|700)-(normal|italic)\.woff2$/.test(f))
      copyFileSync(path.join(dir, f), path.join(out, 'fonts', f));
  }
}
copyFileSync(
  path.join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js'),
  path.join(out, 'govuk-frontend.min.js'),
);
// ALTCHA widget (CSP-friendly external build), its SHA worker, Russian texts and our enhancement.
mkdirSync(path.join(out, 'altcha'), { recursive: true });
for (const [from, to] of [
  ['node_modules/altcha/dist/external/altcha.min.js', 'altcha/altcha.js'],
  ['node_modules/altcha/dist/external/altcha.css', 'altcha/altcha.css'],
  ['node_modules/altcha/dist/workers/sha.js', 'altcha/sha-worker.js'],
  ['node_modules/altcha/dist/i18n/ru.js', 'altcha/ru.js'],
  ['src/platform/ui/scripts/altcha-enhance.js', 'altcha-enhance.js'],
] as const) {
  copyFileSync(path.join(root, from), path.join(out, to));
}
writeFileSync(
  path.join(out, 'app.js'),
  // GOV.UK's template marks support with an inline script, which our CSP forbids; the module does it instead.
  "import { initAll } from '/assets/govuk-frontend.min.js';\n" +
    "document.body.classList.add('js-enabled', 'govuk-frontend-supported');\ninitAll();\n" +
    "if (document.querySelector('[data-module=\"app-altcha\"]')) import('/assets/altcha-enhance.js');\n",
);
process.stdout.write(`assets built in ${path.relative(root, out)}\n`);
