/**
 * SheetGrid keeps cells in row then column order, one a position, whatever order a host
 * hands them over in: readers see the same sheet either way.
 */
import fc from "fast-check";
import { SheetGrid, a1, columnLetters, isBlank } from "../../src/core/grid";
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

describe("columnLetters and a1", () => {
  /** The letters a letter at a time, as columnLetters made them before it kept any. */
  const plainLetters = (col: number) => {
    let s = "";
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const plain = (row: number, col: number) => `${plainLetters(col)}${row}`;

  test("give the column's letters and the row, kept letters or not, in any order of asking", () => {
    // Asked out of order first, so the kept letters are filled past what was asked before.
    for (const col of [700, 3, 1024, 1, 26, 27, 1025, 16_384, 52, 53, 702, 703]) {
      expect(a1(9, col)).toBe(plain(9, col));
      expect(columnLetters(col)).toBe(plainLetters(col));
    }
    for (let col = 1; col <= 2000; col++) {
      expect(a1(col * 7, col)).toBe(plain(col * 7, col));
      expect(columnLetters(col)).toBe(plainLetters(col));
    }
    expect(a1(7, 2)).toBe("B7");
    expect(a1(1, 28)).toBe("AB1");
    expect(columnLetters(16_384)).toBe("XFD");
    // Not a column the letters are kept for: as the plain rule makes it.
    for (const col of [0, -1, 2.5]) {
      expect(a1(4, col)).toBe(plain(4, col));
      expect(columnLetters(col)).toBe(plainLetters(col));
    }
  });
});

describe("isBlank", () => {
  test("a text is blank where trimming leaves nothing", () => {
    const unit = fc.oneof(fc.constantFrom(" ", "\n", "\r", "\t", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u200b", "\u0085", "a", "£"), fc.string({ maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }), (parts) => {
        const value = parts.join("");
        expect(isBlank({ row: 1, col: 1, value })).toBe(value.trim() === "");
      }),
      { numRuns: 3000 },
    );
    for (let c = 0; c <= 0xffff; c++) {
      const value = String.fromCharCode(c);
      expect(isBlank({ row: 1, col: 1, value: value + value })).toBe(value.trim() === "");
    }
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank({ row: 1, col: 1, value: null })).toBe(true);
    expect(isBlank({ row: 1, col: 1, value: " ", error: "#N/A" })).toBe(false);
    expect(isBlank({ row: 1, col: 1, value: 0 })).toBe(false);
  });
});

test("a sheet's few merges, looked through, answer mergeAt as the same merges indexed by cell", () => {
  // Overlapping, single-cell and large (indexed by their top-left cell alone) merges; the
  // same list with merges far below added past the bound is indexed by cell instead.
  const merge = fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.boolean())
    .map(([top, left, h, w, large]) => ({ top, left, bottom: top + (large ? 200 : h), right: left + (large ? 60 : w) }));
  const far = Array.from({ length: 9 }, (_, i) => ({ top: 1_000 + i, left: 1, bottom: 1_000 + i, right: 2 }));
  fc.assert(
    fc.property(fc.array(merge, { maxLength: 8 }), (merges) => {
      const cells: Cell[] = [{ row: 1, col: 1, value: "x" }];
      const few = new SheetGrid({ name: "S", visibility: "visible", cells, merges });
      const many = new SheetGrid({ name: "S", visibility: "visible", cells, merges: [...merges, ...far] });
      for (let row = 1; row <= 12; row++) for (let col = 1; col <= 12; col++) expect(few.mergeAt(row, col)).toBe(many.mergeAt(row, col));
      expect(few.mergeAt(209, 69)).toBe(many.mergeAt(209, 69));
    }),
    { numRuns: 1_000 },
  );
});
