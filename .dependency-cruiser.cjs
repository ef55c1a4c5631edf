/**
 * The import rules of the project (see docs/ARCHITECTURE.md, "Boundaries"),
 * checked by `npm run lint:deps` in CI before the tests.
 *
 * Tests (`*.test.ts(x)`, `test/**`) may import anything, so they are left out
 * of the cruise (an unresolvable import in a test fails the typecheck instead).
 * TypeScript 7 has no JavaScript API yet, so sources are parsed with swc.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-not-to-modules',
      severity: 'error',
      comment:
        'The platform is plumbing with no business rules: it never imports a feature module. ' +
        'Modules fill the platform’s registries from their manifests; the composition root ' +
        '(src/app.ts, src/modules/index.ts, src/modules/schema.ts) wires them together.',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment:
        'A module imports another module only through its index.ts, so its tables, ' +
        'repositories and pages stay its own.',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment:
        'No loop between folders (platform/audit ↔ platform/calendar, say): a folder either ' +
        'uses another or is used by it, so layers can be read, tested and replaced one at a time.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file or package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: ['\\.test\\.tsx?$', '^test/'] },
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
