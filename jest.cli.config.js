/**
 * `npm run test:cli`: the suites that drive the real AWS CLI (`*.cli.test.ts`) against the endpoint, an independent
 * client for the wire protocols. Needs Debian's `awscli` (/usr/bin/aws) or `aws` on PATH; without it the run stops
 * at once with one line saying what to install (test/support/require-aws-cli.ts), never a skip.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/*.cli.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/support/require-aws-cli.ts',
};
