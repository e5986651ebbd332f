/**
 * The label search's one pass over a large sheet's heads (label-heads.ts byMarks) is compiled
 * once, not thrown away at every search after the first: its loop, compiled part way through
 * the first search, is a function of its own (markInto), so no code after it is met first in
 * compiled code. Run in a child process with V8's deoptimisations traced: several searches of
 * a sheet of 20,000 text cells, most of which the search lets through.
 */
import * as path from "path";
import { deoptimised, tracedRun } from "../../helpers/deopt-trace";
import { ROOT } from "../../helpers/workbooks";

const lib = (file: string) => JSON.stringify(path.join(ROOT, "lib", "core", file));

const SCRIPT = `
const { SheetGrid } = require(${lib("grid.js")});
const { cellsByHeads, headsFor } = require(${lib(path.join("readers", "label-heads.js"))});
const cells = Array.from({ length: 20000 }, (_, i) => ({ row: 1 + i, col: 1, value: i % 7 ? "Risk " + i : "Zed " + i }));
const grid = new SheetGrid({ name: "S", visibility: "visible", cells, merges: [] });
let found = 0;
for (const begin of ["risk", "risk level", "risk", "risk owner", "risk"]) found += cellsByHeads(grid, headsFor([begin])).length;
console.log("found " + found);
`;

test("five searches of a large sheet's heads in one pass leave the pass compiled once", () => {
  const run = tracedRun(SCRIPT);
  expect(run.status).toBe(0);
  // 17,142 of the 20,000 texts begin with `Risk`, each search's.
  expect(run.stdout).toContain(`found ${5 * 17_142}`);
  expect(deoptimised(run, ["byMarks", "markInto"])).toEqual([]);
});
