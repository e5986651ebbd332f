#!/usr/bin/env node
// The command line's entry point. `npm run build:cli` (run by `npm ci` / `npm install`
// through the `prepare` script) compiles src/ into lib/ with tsc, then bundles the command
// line into lib/bundle/ (webpack.cli.config.js), which starts in about half the time. The
// bundle runs unless lib/cli/main.js is newer (a tsc-only rebuild since), so what runs is
// never older than what tsc last compiled. The bundle runs with a V8 code cache
// (src/cli/code-cache.ts: what V8 compiled on an earlier run, kept in a per-user folder).
"use strict";
const fs = require("fs");
const path = require("path");

const lib = path.join(__dirname, "..", "lib");
const compiled = path.join(lib, "cli", "main.js");
const bundle = path.join(lib, "bundle", "board-summary.js");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

const bundled = mtime(bundle);
const tsc = mtime(compiled);
if (bundled < 0 && tsc < 0) {
  process.stderr.write("board-summary: the command line is not built yet; run `npm run build:cli` in the project folder.\n");
  process.exit(2);
}
let loaded;
if (bundled >= tsc) {
  const loader = path.join(lib, "cli", "code-cache.js");
  loaded = tsc >= 0 ? require(loader).requireBundle(bundle) : { exports: require(bundle), save: () => undefined };
} else {
  loaded = { exports: require(compiled), save: () => undefined };
}
loaded.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  loaded.save();
  // The run is over: exit once what it wrote has gone out. Left to end by itself, node first
  // runs the tasks V8 has queued, among them a full collection of the heap the run built
  // (a 5,000-direction `check` collects ~16 MB there, 3% of its instructions) for a process
  // about to end. Standard output and error are synchronous on Linux but not everywhere, so
  // the exit waits for each stream's writes to finish; where one failed (a reader that
  // closed the pipe), the run ends as it always did, the stream's error and all.
  let open = 2;
  let failed = false;
  const flushed = (error) => {
    if (error) failed = true;
    if (--open === 0 && !failed) process.exit();
  };
  process.stdout.write("", flushed);
  process.stderr.write("", flushed);
});
