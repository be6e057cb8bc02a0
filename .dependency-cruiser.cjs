/**
 * The house's boundaries, checked by `npm run lint:boundaries` (part of `npm run lint`, so CI).
 *
 * Type-only imports count everywhere, cycles included: an `import type` is an arrow in the
 * design even though it is erased at run time, and a type cycle today is a value cycle once
 * someone needs the value. The kernel keeps them apart by putting the interfaces the
 * AppContext names (Jobs in jobs/queue.ts, StreamEvent in realtime/stream-events.ts) in files
 * that do not take the context.

 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-feature',
      comment:
        'The kernel (everything under src/server but features/ and the composition root: compose.ts, modules.ts, bootstrap.ts) never imports a feature; features plug in through their module.',
      severity: 'error',
      from: {
        path: '^src/server/',
        pathNot: [
          '^src/server/features/',
          '^src/server/(compose|modules|bootstrap)\\.ts$',
          // Kernel tests run the real composed app and may read a feature's figures through its service.
          '\\.test\\.ts$',
        ],
      },
      to: { path: '^src/server/features/' },
    },
    {
      name: 'feature-through-service-only',
      comment:
        'A feature reaches another feature only through its *.service.ts (views and refs, never rows), never its tables, repository, presenter or routes.',
      severity: 'error',
      from: { path: '^src/server/features/([^/]+)/' },
      to: {
        path: '^src/server/features/[^/]+/',
        pathNot: ['^src/server/features/$1/', '\\.service\\.ts$'],
      },
    },
    {
      name: 'kernel-through-service-only',
      comment:
        'The composition root and kernel tests reach a feature through its service or its module, nothing else.',
      severity: 'error',
      from: { path: '^src/server/(?!features/)' },
      to: {
        path: '^src/server/features/',
        pathNot: ['\\.service\\.ts$', '\\.module\\.ts$'],
      },
    },
    {
      name: 'module-only-from-modules',
      comment: 'A *.module.ts is bound by src/server/modules.ts, the one list of modules.',
      severity: 'error',
      from: { pathNot: '^src/server/modules\\.ts$' },
      to: { path: '\\.module\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included (see the exception at the top).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'web-shell-names-no-feature',
      comment:
        "The web shell (app, header, bottom bar, home, session) collects the features from their feature.ts manifests (feature-registry.ts); it imports no feature. The service worker handles the alerts' push messages.",
      severity: 'error',
      from: {
        path: '^src/web/',
        pathNot: ['^src/web/features/', '^src/web/sw\\.ts$', '\\.test\\.tsx?$'],
      },
      to: { path: '^src/web/features/', pathNot: '^src/web/features/feature\\.ts$' },
    },
    {
      name: 'web-not-server',
      comment: 'The web client talks to the server over HTTP only: src/common holds the contract.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'common-is-isomorphic',
      comment: 'src/common runs in Node and the browser alike and imports neither side.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/(server|web|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
