// The layer rules, checked by `npm test` (npm run check:layers). Every arrow points one way:
//   entry points (server/main, server/cli, seeds/**/cli, routes) → features (server/services) → domain
//   features → graph → domain;  seeds (loaders, importer, drafter) → graph → domain;  client → domain.
// domain/ is pure TypeScript; graph/ is the only door to Neo4j; the code tree never imports tests.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two modules cannot be understood or changed apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'domain/ holds the model, periods, names, evidence, the fact-file format and plan: no I/O, no driver, no HTTP. Pure string libraries compare names.',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', '^node_modules/(zod|yaml|double-metaphone|fastest-levenshtein|jaro-winkler)/'] },
    },
    {
      name: 'only-graph-touches-neo4j',
      severity: 'error',
      comment: 'graph/ is the one door to Neo4j: nothing else in the product imports the driver.',
      from: { path: '^(domain|server|seeds|client|neo4j)/' },
      to: { path: '^node_modules/neo4j-driver/' },
    },
    {
      name: 'graph-below-features',
      severity: 'error',
      comment: 'graph/ serves the features and loaders; it never reaches up into them.',
      from: { path: '^graph/' },
      to: { path: '^(server|seeds|client|bench|tests)/' },
    },
    {
      name: 'seeds-never-import-server',
      severity: 'error',
      comment: 'Loaders, the importer and the drafter work without the HTTP server.',
      from: { path: '^seeds/' },
      to: { path: '^(server|client|bench|tests)/' },
    },
    {
      name: 'features-below-http',
      severity: 'error',
      comment: 'Services are pure over graph/ and domain/: they never import routes, the HTTP edge, the app or the CLIs.',
      from: { path: '^server/services/' },
      to: { path: '^server/(routes|http|cli|app\\.ts|main\\.ts|deps\\.ts)' },
    },
    {
      name: 'http-edge-above-features',
      severity: 'error',
      comment: 'The HTTP edge (middleware, problem mapping, OpenAPI) does not call features; routes do.',
      from: { path: '^server/http/' },
      to: { path: '^server/services/' },
    },
    {
      name: 'contracts-are-data',
      severity: 'error',
      comment: 'The API contract (zod schemas) depends only on the domain.',
      from: { path: '^server/contracts/' },
      to: { pathNot: ['^server/contracts/', '^domain/', '^node_modules/(zod|@asteasolutions)/'] },
    },
    {
      name: 'client-stands-alone',
      severity: 'error',
      comment: 'The browser bundle uses the domain tables and the API contract, never server code.',
      from: { path: '^client/' },
      to: { path: '^(server/(?!contracts/)|graph|seeds|neo4j|bench|tests)' },
    },
    {
      name: 'product-never-imports-tests-or-bench',
      severity: 'error',
      from: { path: '^(domain|graph|server|seeds|client|neo4j)/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'bench-never-imports-tests',
      severity: 'error',
      comment: 'Tests may exercise the benchmark code; the benchmarks do not depend on the tests.',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|target)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      // `npm run deps:graph` draws docs/layers.svg with this theme: entry points at the top, domain at the bottom.
      dot: {
        collapsePattern:
          '^(node_modules/[^/]+|domain|graph|seeds/ingest|seeds/import|seeds|server/services|server/routes|server/http|server/contracts|server/cli|server|client/src|neo4j|bench|tests)/',
        theme: {
          graph: { rankdir: 'TB', splines: 'true', nodesep: '0.3', ranksep: '0.5', fontsize: '11' },
          node: { fontsize: '11' },
          edge: { color: '#00000077', penwidth: '1.2' },
          modules: [
            // The picture lives in docs/, where the folder links dependency-cruiser adds would point nowhere.
            { criteria: { source: '.' }, attributes: { URL: '' } },
            { criteria: { source: '^server/$' }, attributes: { label: 'server (app, main, deps, config)' } },
            { criteria: { source: '^bench/$' }, attributes: { fillcolor: '#eeeeee' } },
          ],
        },
      },
    },
  },
};
