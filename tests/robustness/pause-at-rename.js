/**
 * Preloaded (`node -r`) into a build run by interrupted-build.test.ts: holds the process for
 * a while just before (BOARD_SUMMARY_TEST_PAUSE=before) or just after (=after) the rename
 * that puts the finished output in place, so the test's kill lands at that exact moment
 * every time instead of by luck. The command line itself is not changed.
 */
"use strict";
const fs = require("fs");

const where = process.env.BOARD_SUMMARY_TEST_PAUSE;
const ms = Number(process.env.BOARD_SUMMARY_TEST_PAUSE_MS || 5000);
const rename = fs.promises.rename;

function hold() {
  // A synchronous sleep: nothing else of the process runs meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

fs.promises.rename = async function (from, to) {
  if (where === "before") hold();
  const result = await rename.call(this, from, to);
  if (where === "after") hold();
  return result;
};
