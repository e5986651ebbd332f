/**
 * The directions reader reads a packed sheet's rows by stored index (plainTextAt,
 * plainProgressFigureAt, DirectionBuilder.addStoredRow), making a cell object only for a
 * cell that is not plain. These hold that read to the cell-object read: cell by cell, and
 * the whole reader on the same sheet packed and as objects (the object form never takes
 * the stored-index way), with plain and shared texts, numbers, percent formats, booleans,
 * errors, shown texts, formulas' cached values, empty cells and merges.
 */
import fc from "fast-check";
import { SheetGrid } from "../../../src/core/grid";
import { PackedCellsBuilder } from "../../../src/core/pack-cells";
import type { PackedCells } from "../../../src/core/packed-cells";
import { readDirections } from "../../../src/core/readers/directions";
import { plainProgressFigure, plainProgressFigureAt } from "../../../src/core/readers/directions/progress";
import { plainText, plainTextAt } from "../../../src/core/readers/table-cells";
import type { Cell, Merge, SheetSnapshot } from "../../../src/core/snapshot";

const HEADER = ["No", "Direction", "Measure", "Progress at Q2 2024/25", "Source"];

const valueArb: fc.Arbitrary<Cell["value"]> = fc.oneof(
  fc.constantFrom("1.1", "1.2", " 2.1 ", "3.", "1.1", "D4.1", "Theme", "Performance Measures", "", " ", "#N/A", "#REF!", "Act by January 2024.", "  Act by May 2025 \n", "• a\n• b", "50%", "Narrative text", "Service  report", "Service report"),
  fc.constantFrom(0, 0.4, 0.555, 1, 40, 100, 101, -3, 1e300, Infinity, NaN, 1.1),
  fc.boolean(),
  fc.constant(null),
);

interface Spec {
  value: Cell["value"];
  format?: string;
  text?: string;
  error?: string;
  formula?: string;
  fill?: string;
  shared: boolean;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  value: valueArb,
  format: fc.option(fc.constantFrom("0%", "0.0%", "General", "dd/mm/yyyy"), { nil: undefined, freq: 2 }),
  text: fc.option(fc.constantFrom("shown", "40%", ""), { nil: undefined, freq: 8 }),
  error: fc.option(fc.constantFrom("#REF!", "#N/A", ""), { nil: undefined, freq: 8 }),
  formula: fc.option(fc.constant("SUM(A1:A2)"), { nil: undefined, freq: 4 }),
  fill: fc.option(fc.constant("FF0000"), { nil: undefined, freq: 8 }),
  shared: fc.boolean(),
});

/** A cell as the object form's reader makes it: the value, its format, then the rare fields. */
function cellOf(row: number, col: number, s: Spec): Cell {
  const out: Cell = s.format === undefined ? { row, col, value: s.value } : { row, col, value: s.value, format: s.format };
  if (s.text !== undefined) out.text = s.text;
  if (s.error !== undefined) out.error = s.error;
  if (s.formula !== undefined) out.formula = s.formula;
  if (s.fill !== undefined) out.fill = s.fill;
  return out;
}

/** The cells (row then column order, each position once) packed as the .xlsx reader packs them: texts marked shared go in as shared strings. */
function pack(cells: readonly { cell: Cell; shared: boolean }[]): PackedCells {
  const shared: string[] = [];
  const b = new PackedCellsBuilder(shared);
  for (const { cell: c, shared: isShared } of cells) {
    const extras = c.text !== undefined || c.error !== undefined || c.formula !== undefined || c.fill !== undefined ? { text: c.text, error: c.error, formula: c.formula, fill: c.fill } : undefined;
    // Absent fields left out, as the .xlsx reader leaves them.
    if (extras) for (const k of Object.keys(extras) as (keyof typeof extras)[]) if (extras[k] === undefined) delete extras[k];
    if (isShared && typeof c.value === "string") {
      shared.push(c.value);
      b.addShared(c.row, c.col, shared.length - 1, c.format, extras);
    } else b.add(c.row, c.col, c.value, c.format, extras);
  }
  return b.finish();
}

test("plainTextAt and plainProgressFigureAt read a packed cell as plainText and plainProgressFigure read it made", () => {
  fc.assert(
    fc.property(fc.array(specArb, { minLength: 1, maxLength: 20 }), (specs) => {
      const cells = pack(specs.map((s, k) => ({ cell: cellOf(1, k + 1, s), shared: s.shared })));
      for (let i = 0; i < cells.length; i++) {
        const made = cells.cell(i);
        expect(made).toEqual(cellOf(1, i + 1, specs[i]));
        expect(plainTextAt(cells, i)).toBe(plainText(made));
        expect(plainProgressFigureAt(cells, i)).toBe(plainProgressFigure(made));
      }
      // No cell there: what the reads give an absent cell.
      expect(plainTextAt(cells, -1)).toBe(plainText(undefined));
      expect(plainProgressFigureAt(cells, -1)).toBe(plainProgressFigure(undefined));
    }),
    { numRuns: 1_000 },
  );
});

test("storedIndexAt names the cell get gives, -1 where there is none", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 7 })), { selector: ([r, c]) => `${r},${c}`, maxLength: 30 }), (positions) => {
      positions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const packed = pack(positions.map(([row, col]) => ({ cell: { row, col, value: `${row}.${col}` }, shared: false })));
      const grid = new SheetGrid({ name: "S", visibility: "visible", cells: packed, merges: [] });
      for (let row = 0; row <= 9; row++)
        for (let col = 0; col <= 8; col++) {
          const i = grid.storedIndexAt(row, col);
          const cell = grid.get(row, col);
          if (cell === undefined) expect(i).toBe(-1);
          else expect(packed.cell(i)).toEqual(cell);
        }
    }),
    { numRuns: 300 },
  );
});

/** A directions sheet: a title, a header in columns B–F, then rows of any cells in columns A–G, some merged. */
const sheetArb = fc.record({
  rows: fc.array(fc.array(fc.option(specArb, { nil: undefined, freq: 4 }), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 14 }),
  // Most rows are plain (a No, a direction, a figure): the stored-index way is taken often.
  plain: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
  merges: fc.array(fc.record({ top: fc.integer({ min: 3, max: 16 }), left: fc.integer({ min: 1, max: 7 }), h: fc.integer({ min: 0, max: 2 }), w: fc.integer({ min: 0, max: 2 }) }), { maxLength: 2 }),
  secondHeader: fc.option(fc.integer({ min: 4, max: 16 }), { nil: undefined }),
});

test("readDirections reads a packed sheet as it reads the same cells as objects", () => {
  fc.assert(
    fc.property(sheetArb, ({ rows, plain, merges, secondHeader }) => {
      const cells: { cell: Cell; shared: boolean }[] = [{ cell: { row: 1, col: 1, value: "Directions 2024/25" }, shared: false }];
      const header = (row: number) => HEADER.forEach((value, k) => cells.push({ cell: { row, col: k + 2, value }, shared: true }));
      header(2);
      rows.forEach((specs, k) => {
        const row = k + 3;
        if (row === secondHeader) return header(row);
        if (plain[k]) {
          const no = `${1 + (k % 3)}.${k}`;
          const line = [undefined, no, `Act by ${["January", "May"][k % 2]} 2025.`, "• a\n• b", k % 4 === 0 ? "Narrative" : 0.25 * (k % 5), "Finance"];
          line.forEach((value, c) => {
            if (value !== undefined) cells.push({ cell: c === 4 && typeof value === "number" ? { row, col: c + 1, value, format: "0%" } : { row, col: c + 1, value }, shared: k % 2 === 0 });
          });
          return;
        }
        specs.forEach((s, c) => {
          if (s !== undefined) cells.push({ cell: cellOf(row, c + 1, s), shared: s.shared });
        });
      });
      const sheetMerges: Merge[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
      const objects: SheetSnapshot = { name: "Directions", visibility: "visible", cells: cells.map((c) => c.cell), merges: sheetMerges };
      const packed = { ...objects, cells: pack(cells) };
      const expected = readDirections(new SheetGrid(objects));
      const got = readDirections(new SheetGrid(packed));
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    }),
    { numRuns: 1_500 },
  );
});

test("the stored-index way is taken: plain rows of a packed sheet make no cell object", () => {
  const cells: { cell: Cell; shared: boolean }[] = [{ cell: { row: 1, col: 1, value: "Health" }, shared: false }];
  HEADER.forEach((value, k) => cells.push({ cell: { row: 2, col: k + 1, value }, shared: true }));
  for (let row = 3; row <= 5; row++)
    [`1.${row}`, "Act by May 2025.", "• a", 0.4, "Finance"].forEach((value, k) =>
      cells.push({ cell: k === 3 ? { row, col: k + 1, value, format: "0%" } : { row, col: k + 1, value }, shared: k !== 3 }),
    );
  const packed = pack(cells);
  const made = jest.spyOn(packed, "cell");
  const { directions, findings } = readDirections(new SheetGrid({ name: "Directions", visibility: "visible", cells: packed, merges: [] }));
  expect(directions.map((d) => [d.no, d.theme, d.text, d.measures, d.progress, d.source, d.dueDate])).toEqual(
    [3, 4, 5].map((row) => [`1.${row}`, "Health", "Act by May 2025.", ["a"], 40, "Finance", "2025-05-31"]),
  );
  expect(findings).toEqual([]);
  // The title, the header and the row below it (which the header's search looks at) are made as cells; the rows after are not.
  expect(made.mock.calls.length).toBeGreaterThan(0);
  expect(made.mock.calls.filter(([i]) => packed.rows[i] > 3)).toEqual([]);
});
