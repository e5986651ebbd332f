/**
 * A finished direction is made by a constructor, not an object literal (direction-builder.ts:
 * a literal's allocation site had `finish` compiled three times on a long report). The record
 * must still be what the literal was: the same fields, in the same order (the JSON report and
 * the summary read them in that order), with the same values, and one shape for every record.
 */
import { SheetGrid } from "../../../src/core/grid";
import { readDirections } from "../../../src/core/readers/directions";
import type { Direction } from "../../../src/core/records";
import type { Cell } from "../../../src/core/snapshot";

function grid(rows: (string | number | null)[][]): SheetGrid {
  const cells: Cell[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && cells.push({ row: i + 1, col: j + 1, value: v })));
  return new SheetGrid({ name: "Directions", visibility: "visible", cells, merges: [] });
}

const FIELDS = ["sheet", "row", "cell", "no", "theme", "text", "measures", "progress", "narrative", "progressCell", "source", "dueDate"];

/** The record as the object literal made it: its fields in Direction's order. */
function literalOf(d: Direction): Direction {
  return {
    sheet: d.sheet,
    row: d.row,
    cell: d.cell,
    no: d.no,
    theme: d.theme,
    text: d.text,
    measures: d.measures,
    progress: d.progress,
    narrative: d.narrative,
    progressCell: d.progressCell,
    source: d.source,
    dueDate: d.dueDate,
  };
}

const r = readDirections(
  grid([
    ["Theme one"],
    ["No", "Direction", "Measure", "Progress", "Source"],
    ["1.1", "Act by May 2024.", "• one\n• two", "50%", "Board"],
    [null, "And more.", "• three", "on track", "Audit"],
    ["1.2", "No date here.", null, null, null],
    ["1.3", "Act by the end of March 2025.", "• four", "25%", "Board"],
  ]),
);

test("every direction has a Direction's fields, in its order, and nothing else", () => {
  expect(r.directions).toHaveLength(3);
  for (const d of r.directions) {
    expect(Object.keys(d)).toEqual(FIELDS);
    expect(JSON.stringify(d)).toBe(JSON.stringify(literalOf(d)));
  }
});

test("the records hold what the rows say", () => {
  expect(r.directions.map(literalOf)).toEqual([
    {
      sheet: "Directions",
      row: 3,
      cell: "A3",
      no: "1.1",
      theme: "Theme one",
      text: "Act by May 2024.\nAnd more.",
      measures: ["one", "two", "three"],
      progress: 50,
      narrative: true,
      progressCell: "D3",
      source: "Board; Audit",
      dueDate: "2024-05-31",
    },
    {
      sheet: "Directions",
      row: 5,
      cell: "A5",
      no: "1.2",
      theme: "Theme one",
      text: "No date here.",
      measures: [],
      progress: null,
      narrative: false,
      progressCell: "D5",
      source: null,
      dueDate: null,
    },
    {
      sheet: "Directions",
      row: 6,
      cell: "A6",
      no: "1.3",
      theme: "Theme one",
      text: "Act by the end of March 2025.",
      measures: ["four"],
      progress: 25,
      narrative: false,
      progressCell: "D6",
      source: "Board",
      dueDate: "2025-03-31",
    },
  ]);
});

test("made by a constructor (no literal's allocation site), one for every record", () => {
  const protos = new Set(r.directions.map((d) => Object.getPrototypeOf(d) as object));
  expect(protos.size).toBe(1);
  expect(protos.has(Object.prototype)).toBe(false);
});
