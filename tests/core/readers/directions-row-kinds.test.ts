/**
 * readDirections tells a row whose No cell is digits and dots (a direction's first row) before
 * it asks whether the row is blank or only the `Performance Measures` group cell; every other
 * row goes through those tests first (otherRow). One block holding each kind of row, read
 * whole: the directions, their themes and the findings are what the rules of §5 give.
 */
import { SheetGrid } from "../../../src/core/grid";
import { readDirections } from "../../../src/core/readers/directions";
import type { Cell } from "../../../src/core/snapshot";

type V = string | number | Partial<Omit<Cell, "row" | "col">> | null;

function grid(rows: V[][]): SheetGrid {
  const cells: Cell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === "") return;
      cells.push(typeof v === "object" ? { row: i + 1, col: j + 2, value: v.value ?? null, ...v } : { row: i + 1, col: j + 2, value: v });
    }),
  );
  return new SheetGrid({ name: "Directions", visibility: "visible", cells, merges: [] });
}

// The table starts in column B: column A is the margin.
const HEADER: V[] = ["No", "Direction", "Measure", "Progress at Q2 2024/25", "Source"];

describe("readDirections: each kind of row in one block", () => {
  const rows: V[][] = [
    ["Theme One"],
    HEADER,
    ["1.1", "Act by January 2024.", "• a", "40%", "S1"],
    [null, null, "• b", "60%", "S2"], // a continuation
    [null, null, "Performance Measures"], // the group cell alone: not read
    ["1.2.", "Act by March 2024.", null, "10%"], // a trailing dot
    [{ value: 1.3 }, "Act by May 2024."], // a number cell
    [{ value: "#REF!", error: "#REF!" }, "Lost by May 2024.", null, "90%"], // an error No
    [null, null, null, "70%"], // a continuation of nothing (the error row ended 1.3)
    ["Theme Two"], // heading text in the No column
    ["Performance Measures", "Act by June 2024.", null, "5%"], // a group label No beside a direction: heading text, not a direction
    ["D2.1", "Act by July 2024.", null, "20%"], // a loose number beside a direction and progress
    ["2.2", { value: 2, text: "Performance Measures" }, null, "30%"], // a numbered row whose other cells are group labels
    [],
    ["2.3", "No date here.", "• c", "50%"],
  ];
  // The margin heading is in column A, left of the No column.
  const g = grid(rows);
  const withMargin = new SheetGrid({
    name: "Directions",
    visibility: "visible",
    cells: [...[...g.cells()].filter((c) => c.row < 17), { row: 17, col: 1, value: "Theme Three" }, { row: 18, col: 2, value: "3.1" }, { row: 18, col: 3, value: "Act by August 2024." }],
    merges: [],
  });
  const r = readDirections(withMargin);

  test("the directions, their themes, progress, measures and sources", () => {
    expect(r.directions.map((d) => [d.no, d.theme, d.progress, d.measures, d.source, d.cell, d.dueDate])).toEqual([
      ["1.1", "Theme One", 50, ["a", "b"], "S1; S2", "B3", "2024-01-31"],
      ["1.2", "Theme One", 10, [], null, "B6", "2024-03-31"],
      ["1.3", "Theme One", null, [], null, "B7", "2024-05-31"],
      ["D2.1", "Performance Measures", 20, [], null, "B12", "2024-07-31"],
      ["2.2", "Performance Measures", 30, [], null, "B13", null],
      ["2.3", "Performance Measures", 50, ["c"], null, "B15", null],
      ["3.1", "Theme Three", null, [], null, "B18", "2024-08-31"],
    ]);
  });

  test("the findings, each at its cell", () => {
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "formula-error@B8",
      "missing-target-date@C13",
      "missing-target-date@C15",
    ]);
  });
});
