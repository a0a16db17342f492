/**
 * `npm test`: every suite that needs nothing but Node.js (22 or 24) and npm. ts-jest runs TypeScript in
 * transpile-only mode; `npm test` type-checks first with tsc.
 * Suites that need a system tool have their own configurations and scripts (README "Tests"):
 *   *.cli.test.ts        the real AWS CLI        npm run test:cli        (jest.cli.config.js)
 *   *.browser.test.ts    Chromium                npm run test:browser    (jest.browser.config.js)
 *   *.containers.test.ts Docker                  npm run test:containers (jest.containers.config.js)
 */
const { toolSuites } = require('./test/support/suite-kinds');

module.exports = {
  // One line per case.
  verbose: true,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...toolSuites],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] },
  // Generous on purpose: CI machines are small and may be loaded (4x slower than an idle one).
  testTimeout: 240000,
};
