/**
 * A repeated directions header's answer, remembered from the header before it, is the plain
 * search's: on random sheets of header-like rows (the header's words, near misses, direction
 * numbers, merges over and beside them, numbers and errors), the headers found are the same.
 */
import fc from "fast-check";
import { SheetGrid } from "../../../src/core/grid";
import { findDirectionsHeaders } from "../../../src/core/readers/directions";
import type { Cell, Merge } from "../../../src/core/snapshot";

const texts = ["No", "No.", "Ref", "Direction", "Directions", "Progress", "Progress at half-year 2023/24", "Progress (%)", "progress at Q2", "Measure", "Measures", "Source", "Sources", "Performance Measures", "1.1", "2", "3.4.", "Theme", "", " ", "Progres"];
const cellArb = fc.record({
  col: fc.integer({ min: 1, max: 6 }),
  value: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...texts) }, { weight: 1, arbitrary: fc.constantFrom(12, 0.5, true, null) }),
  error: fc.option(fc.constant("#REF!"), { freq: 12, nil: undefined }),
});
/** A row: cells by column (the last for a column stands). */
const rowArb = fc.array(cellArb, { maxLength: 4 });
const spec = (col: number, value: string): CellSpec => ({ col, value, error: undefined });
/** Headers as the templates lay them out: on one row, or Measure / Progress / Source on the row below. */
const templates: [CellSpec[], CellSpec[]][] = [
  [[spec(1, "No"), spec(2, "Direction"), spec(3, "Measure"), spec(4, "Progress at half-year 2023/24"), spec(5, "Source")], [spec(1, "1.1"), spec(2, "Text")]],
  [[spec(1, "No."), spec(2, "Directions"), spec(3, "Performance Measures")], [spec(3, "Measures"), spec(4, "Progress (%)"), spec(5, "Sources")]],
];
/** A header block (two rows: a template changed by a few cells) repeated with small changes, and rows between. */
const sheetArb = fc.record({
  template: fc.integer({ min: 0, max: templates.length - 1 }),
  changes: fc.tuple(rowArb, rowArb),
  between: fc.array(rowArb, { maxLength: 3 }),
  repeats: fc.array(fc.record({ change: fc.option(fc.tuple(fc.integer({ min: 0, max: 1 }), cellArb), { freq: 3, nil: null }), gap: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 6 }),
  merges: fc.array(fc.record({ at: fc.integer({ min: 0, max: 30 }), col: fc.integer({ min: 1, max: 5 }), down: fc.integer({ min: 0, max: 1 }), across: fc.integer({ min: 0, max: 2 }) }), { maxLength: 3 }),
});

function sheetOf(s: typeof sheetArb extends fc.Arbitrary<infer T> ? T : never): SheetGrid {
  const cells: Cell[] = [];
  let row = 1;
  const put = (specs: CellSpec[]) => {
    const byCol = new Map<number, CellSpec>();
    for (const c of specs) byCol.set(c.col, c);
    for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
      const c = byCol.get(col) as CellSpec;
      const cell: Cell = { row, col, value: c.error ? null : c.value };
      if (c.error) cell.error = c.error;
      cells.push(cell);
    }
    row++;
  };
  const base = templates[s.template];
  for (const r of s.repeats) {
    const block: [CellSpec[], CellSpec[]] = [[...base[0], ...s.changes[0]], [...base[1], ...s.changes[1]]];
    if (r.change) block[r.change[0]].push(r.change[1]);
    put(block[0]);
    put(block[1]);
    for (let g = 0; g < r.gap; g++) put(s.between.length ? s.between[g % s.between.length] : []);
  }
  const merges: Merge[] = s.merges.map((m) => ({ top: 1 + m.at, left: m.col, bottom: 1 + m.at + m.down, right: m.col + m.across }));
  return new SheetGrid({ name: "Directions", visibility: "visible", cells, merges });
}

interface CellSpec {
  col: number;
  value: string | number | boolean | null;
  error: string | undefined;
}

test("remembered headers are the plain search's", () => {
  let found = 0;
  let repeated = 0;
  fc.assert(
    fc.property(sheetArb, (s) => {
      const grid = sheetOf(s);
      const plain = findDirectionsHeaders(grid, false);
      expect(findDirectionsHeaders(grid)).toEqual(plain);
      found += plain.length;
      if (plain.length > 1) repeated++;
    }),
    { numRuns: 3_000 },
  );
  // Only worth something where headers were found, and found again further down.
  expect(found).toBeGreaterThan(100);
  expect(repeated).toBeGreaterThan(20);
});
