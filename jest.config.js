/** Jest runs TypeScript through ts-jest in transpile-only mode; `npm test` type-checks first with tsc. */
// Test output stays readable: the SDK's notice that its 2027 releases need Node 22 would repeat once per worker.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

module.exports = {
  // One line per case.
  verbose: true,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.containers\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] },
  testTimeout: 60000,
};
