/**
 * The layers, enforced by lint (docs/adr/0006-feature-modules.md): the domain imports no I/O and nothing above it;
 * the platform imports no feature, no demo and not the composition root; a feature uses another only through its
 * index.ts and never imports the composition root (its tests may: they are entry points).
 *
 * `notYetMigrated` lists the files that break these rules today. Feature engineers remove their files as they move
 * them onto the structure: the list only shrinks, and no file is added to it.
 */

/** @type {string[]} */
export const notYetMigrated = [];

/** An import of another feature's files, from a file `depth` folders below src/features/<feature>/. */
const otherFeature = (depth) => ({
  regex: `^(\\.\\./){${depth}}(?!\\.\\.)[^/]+/(?!index\\.ts$).+|^(\\.\\./){${depth + 1}}features/[^/]+/(?!index\\.ts$).+`,
  message: "Use another feature only through its index.ts (docs/architecture.md, 'How a feature plugs in').",
});
const intoApp = {
  regex: '^(\\.\\./)+app/',
  message: 'Only the entry points (src/cli, tests) use the composition root in src/app.',
};

export const boundaries = [
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'The domain is pure: no I/O (pass data in instead).' },
            {
              regex: '^(fs|path|pg|kysely|fastify|@electric-sql/.*|pg-boss)$',
              message: 'The domain is pure: no I/O.',
            },
            {
              regex: '^(\\.\\./)+(platform|features|demo|app|cli)/',
              message: 'The domain imports nothing above it: no platform, features, demo or app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(features|demo|app|cli)/',
              message: 'The platform imports no feature, no demo and not the composition root.',
            },
          ],
        },
      ],
    },
  },
  ...[1, 2, 3].flatMap((depth) => {
    const files = [`src/features/*/${'*/'.repeat(depth - 1)}*.ts`];
    const tests = [`src/features/*/${'*/'.repeat(depth - 1)}*.test.ts`];
    return [
      { files, rules: { 'no-restricted-imports': ['error', { patterns: [otherFeature(depth), intoApp] }] } },
      // Tests are entry points: they may build the whole service from src/app.
      { files: tests, rules: { 'no-restricted-imports': ['error', { patterns: [otherFeature(depth)] }] } },
    ];
  }),
  // Empty since the plan fixtures moved to test/helpers: kept so a file could be listed (ESLint refuses empty `files`).
  ...(notYetMigrated.length ? [{ files: notYetMigrated, rules: { 'no-restricted-imports': 'off' } }] : []),
];
