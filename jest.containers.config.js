/**
 * `npm run test:containers` (--runInBand): the suites that need Docker (`*.containers.test.ts`, excluded from
 * `npm test`) and the end-to-end suites (`test/e2e/**\/*.e2e.test.ts`) against their `containers` target.
 * Without Docker or a needed image it fails (globalSetup), never passes.
 * Environment: LOCALSTACK_IMAGE, SANDBOX_ENGINE_IMAGE, and on bridge-less daemons TESTCONTAINERS_NETWORK_MODE=host,
 * TESTCONTAINERS_RYUK_DISABLED=true, TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 (docs/docker.md).
 */
// The e2e suites choose their target from E2E_TARGET; set here so that the workers inherit it.
process.env.E2E_TARGET = 'containers';

module.exports = {
  // One line per case.
  verbose: true,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.containers.test.ts', '<rootDir>/test/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] },
  globalSetup: '<rootDir>/test/containers/global-setup.ts',
  // Images are local (never pulled); LocalStack itself can take ~30 s to start.
  testTimeout: 180000,
};
