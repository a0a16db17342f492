/**
 * The end-to-end suites against the `containers` target (LocalStack for S3 and DynamoDB, the engine in-process):
 * the same test/e2e/*.e2e.test.ts files `npm test` runs embedded. Run with
 *   npx jest -c test/e2e/jest.containers.config.js --runInBand
 * Environment as for test/containers/jest.config.js (LOCALSTACK_IMAGE, TESTCONTAINERS_* on bridge-less daemons).
 * Without Docker or the image every suite fails in beforeAll with the preflight's message: it never passes.
 */
const { join } = require('node:path');

// Read by test/e2e/support/target.ts; set here so the workers Jest forks inherit it.
process.env.E2E_TARGET = 'containers';

module.exports = {
  rootDir: join(__dirname, '..', '..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] },
  // Each suite starts its own LocalStack container (~30 s) before its cases.
  testTimeout: 180000,
};
