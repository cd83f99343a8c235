/**
 * The domain's dependency rules (ADR 0021), checked by `make test` (scripts/run-tests.ts) and proved
 * able to fail by domain/dependency-rules.test.ts. Paths are relative to domain/.
 */
const CONTEXTS = '(access|bank|documents|finance|governance|identity|ledger|platform|property|stats)'

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'cross-context-deep-import',
      comment:
        "A context uses another only through that context's index.ts (its public surface: use cases, " +
        'query ports, services). Tests and their testing/ fixtures may reach further.',
      severity: 'error',
      from: { path: `^src/${CONTEXTS}/`, pathNot: ['\\.test\\.ts$', '/testing/'] },
      to: { path: `^src/${CONTEXTS}/`, pathNot: ['^src/$1/', `^src/${CONTEXTS}/index\\.ts$`] },
    },
    {
      name: 'shared-kernel-depends-on-no-context',
      comment:
        'src/shared is the kernel every context builds on: it imports nothing of theirs (its tests may use their fixtures).',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: ['\\.test\\.ts$', '/testing/'] },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'no-framework-in-domain',
      comment: 'The domain stays pure: no HTTP framework, ORM, schema library or JWT library.',
      severity: 'error',
      from: {},
      to: { path: '(^|/)node_modules/(hono|@hono/[^/]+|drizzle-orm|drizzle-kit|drizzle-zod|zod|jose)/' },
    },
    {
      name: 'no-unresolvable-framework-in-domain',
      comment: 'The same packages, when not even installed for the domain (an import that cannot resolve).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^(hono|@hono/|drizzle-orm|drizzle-kit|drizzle-zod|zod|jose)' },
    },
    {
      name: 'no-node-builtins-in-domain',
      comment:
        'node:* (and bare fs, crypto, …) would tie the domain to one runtime; Workers and browsers run it too.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      comment:
        'Import cycles make load order matter; type-only cycles are erased at compile time and allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    // See type-only imports too: a deep type import couples contexts as much as a value import.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    moduleSystems: ['es6'],
  },
}
