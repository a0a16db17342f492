// Jest globalSetup of the browser suite: without Chromium, stop at once with one line saying how to get it.
const { accessSync, constants } = require('node:fs');

module.exports = function requireChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    process.stderr.write(`\nThe browser tests need Chromium at ${path}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).\n`);
    process.exit(1);
  }
};
