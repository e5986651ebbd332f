/**
 * SheetGrid keeps cells in row then column order, one a position, whatever order a host
 * hands them over in: readers see the same sheet either way.
 */
import { SheetGrid } from "../../src/core/grid";
import type { Cell } from "../../src/core/snapshot";

const grid = (cells: Cell[]) => new SheetGrid({ name: "S", visibility: "visible", cells, merges: [] });

test("cells handed over out of order are read in row then column order", () => {
  const g = grid([
    { row: 3, col: 2, value: "c" },
    { row: 1, col: 4, value: "b" },
    { row: 1, col: 1, value: "a" },
    { row: 3, col: 1, value: "d" },
  ]);
  expect([...g.cells()].map((c) => c.value)).toEqual(["a", "b", "d", "c"]);
  expect(g.rows()).toEqual([1, 3]);
  expect(g.cellsOfRow(3).map((c) => c.col)).toEqual([1, 2]);
  expect(g.get(1, 4)?.value).toBe("b");
  expect(g.get(1, 2)).toBeUndefined();
  expect(g.get(2, 1)).toBeUndefined();
  expect(g.maxRow).toBe(3);
  expect(g.maxCol).toBe(4);
});

test("where a position is given twice the later cell stands, as a later write would", () => {
  const g = grid([
    { row: 2, col: 2, value: "first" },
    { row: 1, col: 1, value: "x" },
    { row: 2, col: 2, value: "second" },
  ]);
  expect(g.get(2, 2)?.value).toBe("second");
  expect([...g.cells()].map((c) => c.value)).toEqual(["x", "second"]);
});

test("a long row is searched exactly: every column found, no other", () => {
  const cells: Cell[] = [];
  for (let c = 1; c <= 500; c += 3) cells.push({ row: 7, col: c, value: c });
  const g = grid(cells);
  for (let c = 1; c <= 501; c++) expect(g.get(7, c)?.value).toBe(c % 3 === 1 ? c : undefined);
});
