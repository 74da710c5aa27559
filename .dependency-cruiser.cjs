/**
 * The allowed imports of docs/ARCHITECTURE.md as dependency-cruiser rules: `npm run lint:layers` (the first step of
 * `npm test`) fails on any import that crosses a layer. Example: `import { openDatabase } from '@duixian/storage'` in
 * packages/server/src/routes/x.routes.ts → error routes-call-services.
 * Every rule is an error; `layers.test.ts` proves each one fires on a file that breaks it.
 */
const TEST = '\\.test\\.tsx?$';
/** The packages' public doors: their entry points and their test-only `testing` sub-exports. */
const ENTRY_POINTS = ['^packages/[^/]+/src/index\\.ts$', '^packages/[^/]+/src/testing\\.ts$', '^packages/storage/src/test-database\\.ts$'];
const TESTING_ENTRIES = ['^packages/[^/]+/src/testing\\.ts$', '^packages/storage/src/test-database\\.ts$', '^packages/ingest/src/fixtures/'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle has no bottom layer: split the shared part out, or turn one import around.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-no-package',
      severity: 'error',
      comment: 'Core is the bottom layer: it imports no other package of the project.',
      from: { path: '^packages/core/' },
      to: { path: '^packages/(?!core/)' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'Core runs in the browser and does no I/O: no node: built-ins (fs, network, clock live in the callers). Its tests may read files.',
      from: { path: '^packages/core/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ingest-imports-core-only',
      severity: 'error',
      comment: 'Ingest turns files into text for core: it knows nothing of storage, the server, the web or the command.',
      from: { path: '^packages/ingest/' },
      to: { path: '^packages/(storage|server|web|cli)/' },
    },
    {
      name: 'storage-imports-core-only',
      severity: 'error',
      comment: 'Storage sits below the server and the command: it never imports them, nor ingest or the web.',
      from: { path: '^packages/storage/' },
      to: { path: '^packages/(ingest|server|web|cli)/' },
    },
    {
      name: 'server-imports-no-web-or-cli',
      severity: 'error',
      comment: 'The server serves the built web app as files; it never imports the web or the command.',
      from: { path: '^packages/server/' },
      to: { path: '^packages/(web|cli)/' },
    },
    {
      name: 'server-reads-uploads-in-the-import-worker-only',
      severity: 'error',
      comment: 'The server uses ingest for one thing: reading an uploaded document, inside the import worker (import-work.ts, import.worker.ts).',
      from: { path: '^packages/server/', pathNot: ['^packages/server/src/services/import-work\\.ts$', '^packages/server/src/services/import\\.worker\\.ts$', TEST] },
      to: { path: '^packages/ingest/' },
    },
    {
      name: 'routes-call-services',
      severity: 'error',
      comment: 'Routes validate and present; services decide and reach storage. A route importing storage skips the service.',
      from: { path: ['^packages/server/src/routes/', '\\.routes\\.ts$'], pathNot: TEST },
      to: { path: '^packages/storage/' },
    },
    {
      name: 'web-imports-core-and-server-types',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP: it imports core (pure) and the server\'s types, nothing else of the project.',
      from: { path: '^packages/web/' },
      to: { path: '^packages/(ingest|storage|cli)/' },
    },
    {
      name: 'web-imports-server-types-only',
      severity: 'error',
      comment: 'Only `import type` from the server: its code must not end up in the browser bundle.',
      from: { path: '^packages/web/' },
      to: { path: '^packages/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-imports-no-node-built-ins',
      severity: 'error',
      comment: 'The web app runs in the browser.',
      from: { path: '^packages/web/src/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'cli-imports-no-web',
      severity: 'error',
      comment: 'The command serves the built web app through the server; it never imports the web package.',
      from: { path: '^packages/cli/' },
      to: { path: '^packages/web/' },
    },
    {
      name: 'packages-meet-at-entry-points',
      severity: 'error',
      comment: 'Another package is imported by its name (@duixian/x, or a sub-export), never by a path into its src.',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/', pathNot: ['^packages/$1/', ...ENTRY_POINTS] },
    },
    {
      name: 'testing-entries-in-tests-only',
      severity: 'error',
      comment: 'Test helpers (the testing sub-exports, fixtures) are for tests: production code never imports them.',
      from: { pathNot: [TEST, ...TESTING_ENTRIES, '^packages/server/src/test-support\\.ts$'] },
      to: { path: [...TESTING_ENTRIES, '^packages/server/src/test-support\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/'] },
    // Type-only imports count too (a route importing a storage type still reaches past its service), and the web
    // rules tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
