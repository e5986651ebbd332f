/**
 * Directions whose Measure cells hold the same text share measuresOf's one list of it. A
 * direction whose continuation rows add measures gets a list of its own: the rows' measures
 * in order, and the shared list (and every other direction holding it) as it was.
 */
import { SheetGrid } from "../../../src/core/grid";
import { readDirections } from "../../../src/core/readers/directions";
import type { Cell } from "../../../src/core/snapshot";

function grid(rows: (string | null)[][]): SheetGrid {
  const cells: Cell[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && cells.push({ row: i + 1, col: j + 1, value: v })));
  return new SheetGrid({ name: "Directions", visibility: "visible", cells, merges: [] });
}

const HEADER = ["No", "Direction", "Measure", "Progress", "Source"];
const SAME = "• shared one\n• shared two";

test("a continuation's measures go to its direction's own list, not the list shared by the text", () => {
  const r = readDirections(
    grid([
      ["Theme"],
      HEADER,
      ["1.1", "Act by May 2024.", SAME, "10%"],
      ["1.2", "Act by May 2024.", SAME, "20%"],
      [null, null, "• added a", "30%"],
      [null, null, "• added b"],
      ["1.3", "Act by May 2024.", SAME, "40%"],
      ["1.4", "Act by May 2024.", "• b only"],
      [null, null, SAME],
    ]),
  );
  expect(r.directions.map((d) => [d.no, d.measures])).toEqual([
    ["1.1", ["shared one", "shared two"]],
    ["1.2", ["shared one", "shared two", "added a", "added b"]],
    ["1.3", ["shared one", "shared two"]],
    ["1.4", ["b only", "shared one", "shared two"]],
  ]);
  // One text, one list: the first and third directions hold the same.
  expect(r.directions[0].measures).toBe(r.directions[2].measures);
  expect(r.directions[1].measures).not.toBe(r.directions[0].measures);
});
