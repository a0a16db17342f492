// The file-name suffixes of the suites that need a system tool besides Node.js and npm. `npm test` leaves them out;
// each has its own Jest configuration and npm script.
module.exports = {
  toolSuites: ['\\.cli\\.test\\.ts$', '\\.browser\\.test\\.ts$', '\\.containers\\.test\\.ts$'],
};
