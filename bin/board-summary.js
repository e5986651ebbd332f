#!/usr/bin/env node
// The command line's entry point. The TypeScript is compiled into lib/ by `npm run build:cli`
// (run automatically by `npm ci` / `npm install` through the `prepare` script).
"use strict";
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main.js")) {
    process.stderr.write("board-summary: the command line is not built yet; run `npm run build:cli` in the project folder.\n");
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
