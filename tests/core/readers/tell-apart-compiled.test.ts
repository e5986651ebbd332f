/**
 * A large sheet's label search tells its candidates apart (readers/labels.ts tellApart) in a
 * pass over them that is compiled once, not thrown away at the next search: the texts are
 * read between passes (toldUpTo), not inside the pass, so no search meets in compiled code a
 * read the pass had not made with type feedback. Run in a child process with V8's
 * deoptimisations traced, on a packed sheet shaped like the bench's directions: two columns
 * of 50,000 cells each repeating one shared string, asked for by several lists in turn (the
 * first list's search reads its one text first, the second's its one new text second).
 */
import * as path from "path";
import { deoptimised, tracedRun } from "../../helpers/deopt-trace";
import { ROOT } from "../../helpers/workbooks";

const lib = (file: string) => JSON.stringify(path.join(ROOT, "lib", "core", file));

const SCRIPT = `
const { SheetGrid } = require(${lib("grid.js")});
const { PackedCellsBuilder } = require(${lib("pack-cells.js")});
const { labelCells } = require(${lib(path.join("readers", "labels.js"))});
const b = new PackedCellsBuilder(["Measure", "Source", "Measure note"]);
for (let r = 1; r <= 50000; r++) {
  b.addShared(r, 1, 0, undefined, undefined);
  b.addShared(r, 2, 1, undefined, undefined);
  if (r % 25 === 0) b.addShared(r, 3, 2, undefined, undefined);
}
const grid = new SheetGrid({ name: "S", visibility: "visible", cells: b.finish(), merges: [] });
let found = 0;
for (const list of [["Measure"], ["Measure", "Source"], ["Measure note", "Source"], ["Measure"]]) found += labelCells(grid, list).length;
console.log("found " + found);
`;

test("four searches of a large packed sheet leave the pass that tells its candidates apart compiled once", () => {
  const run = tracedRun(SCRIPT);
  expect(run.status).toBe(0);
  // Measure 50,000; Measure and Source 100,000; Measure note 2,000 and Source 50,000; Measure 50,000.
  expect(run.stdout).toContain(`found ${252_000}`);
  expect(deoptimised(run, ["tellApart", "toldUpTo"])).toEqual([]);
});

/*
 * The mixed pack's order: large sheets (cells as objects, no shared strings) each searched
 * once, so no candidate was passed over as told apart already and the pass's step to the next
 * candidate had run on none; then one searched twice (the directions), whose second search
 * passes over the candidates the first told apart. The step was compiled without type
 * feedback, and that search threw tellApart's code away: compiled three times a run.
 */
const SEARCHED_ONCE_THEN_TWICE = `
const { SheetGrid } = require(${lib("grid.js")});
const { labelCells } = require(${lib(path.join("readers", "labels.js"))});
const sheet = (name, text) => {
  const cells = [];
  for (let r = 1; r <= 5000; r++) cells.push({ row: r, col: 1, value: text(r) });
  return new SheetGrid({ name, visibility: "visible", cells, merges: [] });
};
let found = 0;
for (let g = 0; g < 8; g++) found += labelCells(sheet("S" + g, (r) => "Measure " + (r >> 1)), ["Measure"]).length;
const last = sheet("R", (r) => (r % 2 ? "Measure" : "Source"));
found += labelCells(last, ["Measure"]).length + labelCells(last, ["Measure", "Source"]).length;
console.log("found " + found);
`;

test("large sheets searched once, then one searched twice, leave the pass that tells candidates apart compiled once", () => {
  const run = tracedRun(SEARCHED_ONCE_THEN_TWICE);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`found ${7_500}`);
  expect(deoptimised(run, ["tellApart", "toldUpTo"])).toEqual([]);
});
