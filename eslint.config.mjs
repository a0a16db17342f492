// ESLint 9 flat config: typescript-eslint's type-aware recommended rules, and the import boundaries of the
// codebase: the engine evaluates ASL and imports nothing outside src/engine; the Distributed Map runtime
// (src/map-run) reaches the engine only through src/engine/index.ts; the HTTP layer (src/server) does not import
// the engine; shipped code (src/) never imports test code (test/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// `no-restricted-imports` matches the import text, not the resolved file, so each boundary is written per
// directory depth: from src/engine/a/b/x.ts, `../../../` is the first step out of src/engine.
const MAX_DEPTH = 8;
const up = (n) => `^(\\.\\./){${n}}`;
const depths = Array.from({ length: MAX_DEPTH }, (_, d) => d);
const filesAt = (dir, depth) => [`${dir}/${'*/'.repeat(depth)}*.ts`];

const NO_TEST = (srcDepth) => ({
  regex: `${up(srcDepth + 1)}test(/|$)`,
  message: 'Shipped code (src/) must not import test code (test/).',
});
const NO_ENGINE_EXIT = (engineDepth) => ({
  regex: `${up(engineDepth + 1)}`,
  message: 'src/engine imports nothing outside src/engine: the engine knows nothing of HTTP, services or tests.',
});
const NO_ENGINE_FROM_SERVER = (serverDepth) => ({
  regex: `${up(serverDepth + 1)}engine(/|$)`,
  message: 'The HTTP layer (src/server) must not import the engine: it reaches Step Functions through src/services.',
});
// From a file `depth` folders below src/, src/engine is `./engine` (depth 0) or `../…/engine`.
const toEngine = (srcDepth) => (srcDepth === 0 ? '^\\./engine' : `${up(srcDepth)}engine`);
const NO_ENGINE_INTERNALS = (srcDepth) => ({
  regex: `${toEngine(srcDepth)}/(?!index$)`,
  message: 'Import the engine through src/engine/index.ts (`…/engine`): its internals are not part of its API.',
});
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

const boundaries = [
  // Everywhere in src/: no test code; the engine (and so the Distributed Map runtime, src/map-run, and the
  // services) reach the engine only through src/engine/index.ts.
  ...depths.map((d) => restrict(filesAt('src', d), [NO_TEST(d), NO_ENGINE_INTERNALS(d)])),
  ...depths.map((d) => restrict(filesAt('src/server', d), [NO_ENGINE_FROM_SERVER(d), NO_TEST(d + 1)])),
  ...depths.map((d) => restrict(filesAt('src/engine', d), [NO_ENGINE_EXIT(d)])),
  // The Step Functions service's records (store/) know nothing of its API (api/) or of running executions (runs/).
  // (A later entry replaces an earlier one's patterns for the same files, so this one repeats the src/ rules.)
  restrict(filesAt('src/services/stepfunctions/store', 0), [
    NO_TEST(3),
    NO_ENGINE_INTERNALS(3),
    {
      regex: '^\\.\\./(api|runs)(/|$)',
      message: 'services/stepfunctions/store imports nothing from api/ or runs/: records know nothing of the API or of runs.',
    },
  ]),
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.data/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // Async functions here implement Promise-returning contracts (state handlers, operations, ports); many do
      // their work synchronously. Dropping `async` would turn their throws into synchronous exceptions instead of
      // rejections, which callers do not expect.
      '@typescript-eslint/require-await': 'off',
      // AWS's name rules and XML 1.0's character rules are defined by control-character ranges, so the regexes
      // that enforce them must contain control characters.
      'no-control-regex': 'off',
      // Caught errors, AbortSignal reasons and callback errors are stored and propagated unchanged, whatever
      // their type; new errors are Error subclasses. Two thrown markers are not Errors on purpose:
      // IterationFailure (src/engine/states/iterate.ts) carries a sibling's original error and where it failed,
      // TimedOut (src/engine/states/task.ts) a task's deadline; each is caught by the module that throws it.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      // `_` marks an intentionally unused binding; a rest sibling omits members (`const { $metadata, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `import x = require('x')` is TypeScript's typed form for CommonJS packages without ES exports (dynalite).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // Interfaces declare callbacks with method syntax (MapRunEvents, stop functions); every implementation is
      // a closure or arrow function, so passing them on is safe.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // Tests assert on parsed wire output (JSON.parse is `any`), use jest's `expect.any()` / `expect.objectContaining()`
  // (typed `any`), stringify response bodies of wide union types, and build fakes with `this` captured in closures.
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  ...boundaries,
  // The JavaScript config files (jest configs, the suite-kind list they share, this file) are in no tsconfig.
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
  },
);
