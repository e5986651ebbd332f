/**
 * `npm run test:unit`: the engine and the pure parts of the command line and the pane, in
 * seconds; no browser, no LibreOffice, no spawned command line, no rendered pane, and not the
 * exhaustive round trip of every Excel date serial (skipped by name in the npm script). The
 * full `npm test` (jest.config.js) runs everything, and CI runs that.
 */
const base = require("./jest.config");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/tests"],
  testMatch: [
    "<rootDir>/tests/core/**/*.test.ts",
    "<rootDir>/tests/conformance/**/*.test.ts",
    "<rootDir>/tests/property/**/*.test.ts",
    "<rootDir>/tests/templates/**/*.test.ts",
    "<rootDir>/tests/docs/**/*.test.ts",
    "<rootDir>/tests/cli/args.test.ts",
    "<rootDir>/tests/taskpane/checking.test.ts",
  ],
};
