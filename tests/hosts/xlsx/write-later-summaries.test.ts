/**
 * The writer's code, compiled on a build's first summary, kept for the summaries after it:
 * a pack of forms and directions (the bench's mixed pack, smaller) gets a Recovery Summary,
 * then a Directions Summary and Data Checks. Before, at the second summary V8 threw away
 * writeRows and appendCell (a field of the objects a sheet made held something new: each
 * sheet's draft copied with its `selected` added, `undefined` stored at the first sheet's
 * end), then the cell walk (the marker, met before V8 kept feedback) and writeLinks (a CRC
 * above 2^30 turned a field to a float). Run in a child node with deoptimisations traced.
 */
import * as fs from "fs";
import * as path from "path";
import { writePack } from "../../../bench/generate";
import { deoptimised, markedForDeopt, tracedRun } from "../../helpers/deopt-trace";
import { ROOT, tempDir } from "../../helpers/workbooks";

let dir: string;
let input: string;

beforeAll(async () => {
  dir = tempDir("board-summary-later-");
  input = path.join(dir, "mixed-500-2500.xlsx");
  await writePack({ forms: 500, directionRows: 2500, registerItems: 0 }, input);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a build's later summaries leave the writer's loop in the code compiled for the first", () => {
  const main = JSON.stringify(path.join(ROOT, "lib", "cli", "main.js"));
  const run = tracedRun(`require(${main}).main(["build", ${JSON.stringify(input)}, "-o", ${JSON.stringify(path.join(dir, "out.xlsx"))}, "--force"]).then((code) => console.log("exit " + code));`);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("Wrote");
  expect(run.stdout).toContain("Directions Summary, Data Checks");
  expect(run.stdout).toContain("exit 0");
  const writer = ["writeRows", "appendCell", "styleOf", "inlineText", "note", "next", "writeLinks"];
  expect(deoptimised(run, writer)).toEqual([]);
  expect(markedForDeopt(run, writer)).toEqual([]);
}, 120_000);
