/** The console's browser suite (`npm run test:browser`): Chromium driven by playwright-core, one file at a time. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

module.exports = {
  verbose: true,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.browser.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] },
  globalSetup: '<rootDir>/test/browser/support/require-chromium.js',
  // A pipeline run plus a browser on a loaded 2-core machine.
  testTimeout: 240000,
};
