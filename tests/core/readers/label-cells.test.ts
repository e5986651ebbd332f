/**
 * The label search (readers/labels.ts) finds what the rule finds: on a small sheet by one
 * walk for every list asked (the vocabulary's answers kept by text), on a large one by a
 * scan of lengths and kinds, it gives
 * the same hits as testing every text cell in row-major order with matchLabelText (the
 * rule, on the text alone), and labelValue stops at the same cells isLabelCell names.
 */
import fc from "fast-check";
import { SheetGrid } from "../../../src/core/grid";
import { isLabelCell, keysOfText, labelCells, labelValue, rowsWithLabel, VOCABULARY_LIMIT, type LabelSet } from "../../../src/core/readers/labels";
import { normaliseLabel } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";
import { plainScan } from "../../helpers/label-scan";

const WORDS = ["Risk Level", "risk  LEVEL", "Plan Date", "Exec Lead(s)", "Exec Lead (s)", "Description", "Finance", "Finance Recovery Action", "Financial Recovery Actions 2024/25", "Version", "Ref", "Gill Main", "v1", "Forecast"];
const PIECES = ["", " ", ":", ": ", " : ", "?", "：", "(£000)", " [note]", "\u00a0", "\u200b", "\t", "\n", "  ", "High", "x: y"];
const text = fc.oneof(
  fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...WORDS), fc.constantFrom(...PIECES), fc.constantFrom(...WORDS, ...PIECES)).map((p) => p.join("")),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(text, text, text, fc.integer(), fc.constant(null));
const cellsOf = (n: number) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), value, fc.boolean()), { maxLength: n });

const LISTS: (readonly string[] | LabelSet)[] = [
  ["Risk Level"],
  ["Exec Lead(s)", "Exec Lead"],
  ["Finance"],
  { labels: [], prefixes: ["Finance Recovery Action", "Financial Recovery Action"] },
  { labels: ["Plan Date", "Version", "Description", "Ref"], prefixes: ["Finance Recovery Action"] },
];

function sheetOf(raw: [number, number, string | number | null, boolean][], pad = 0): SheetGrid {
  const cells: Cell[] = [];
  const seen = new Set<string>();
  for (const [row, col, v, error] of raw) {
    if (seen.has(`${row},${col}`)) continue;
    seen.add(`${row},${col}`);
    cells.push(error && typeof v === "string" ? { row, col, value: v, error: "#N/A" } : { row, col, value: v });
  }
  // Padding below the cells makes a large sheet (searched by a scan, not an index).
  for (let i = 0; i < pad; i++) cells.push({ row: 100 + Math.floor(i / 10), col: 1 + (i % 10), value: i % 3 ? `Name ${i}` : i });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return new SheetGrid({ name: "S", visibility: "visible", cells, merges: [] });
}

const check = (grid: SheetGrid) => {
  for (const list of LISTS) {
    const hits = labelCells(grid, list).map((h) => ({ ...h }));
    expect(hits).toEqual(plainScan(grid, list));
    // A value found is never a cell the rule calls a label (the search stops there).
    for (const hit of labelCells(grid, list)) {
      const v = labelValue(grid, hit, LISTS[4]);
      if (v && v.cell !== hit.cell) expect(isLabelCell(v.cell, LISTS[4])).toBe(false);
    }
  }
};

/** The rows of every text cell whose whole text or part before its colon has one of the labels' normal forms. */
function plainRows(grid: SheetGrid, labels: readonly string[]): Set<number> {
  const keys = new Set(labels.map(normaliseLabel));
  const rows = new Set<number>();
  for (const cell of grid.cells()) {
    if (typeof cell.value !== "string" || cell.error) continue;
    const [whole, split] = keysOfText(cell.value);
    if ((whole !== null && keys.has(whole)) || (split !== null && keys.has(split))) rows.add(cell.row);
  }
  return rows;
}

test("a small sheet's walk finds what the rule finds", () => {
  fc.assert(fc.property(cellsOf(60), (raw) => check(sheetOf(raw))), { numRuns: 2_000 });
});

test("a small sheet already walked finds what the rule finds for a list first asked after, and the rows that may hold a label", () => {
  fc.assert(
    fc.property(cellsOf(60), fc.integer({ min: 0, max: LISTS.length - 1 }), fc.boolean(), (raw, k, pad) => {
      const grid = sheetOf(raw, pad ? 4_100 : 0);
      check(grid);
      // A copy of a list is a list the vocabulary has not seen: the sheet is walked again for it alone.
      const list = LISTS[k];
      const fresh = Array.isArray(list) ? [...(list as readonly string[])] : { ...(list as LabelSet) };
      expect(labelCells(grid, fresh).map((h) => ({ ...h }))).toEqual(plainScan(grid, fresh));
      // The lists asked before keep their hits as they were.
      check(grid);
      if (Array.isArray(fresh)) expect([...rowsWithLabel(grid, fresh)].sort((a, b) => a - b)).toEqual([...plainRows(grid, fresh)].sort((a, b) => a - b));
    }),
    { numRuns: 300 },
  );
});

test("a large sheet's scan finds what the rule finds", () => {
  fc.assert(fc.property(cellsOf(60), (raw) => check(sheetOf(raw, 4_100))), { numRuns: 30 });
});

test("a large sheet's scan finds what the rule finds where a column repeats texts (each told apart once a run)", () => {
  // Runs of one text down a column, the text the same string or an equal one made apart, and
  // runs of texts that differ only after their first characters (as a search's heads see them).
  const TEXTS = ["Risk Level", "Risk Level: High", "Risk  Level", "Risk Levels", "Risk Level (£000)", "Risky", "Finance", "Finance Recovery Action 3", "Plan Date?", "Ref"];
  const runs = fc.array(fc.tuple(fc.constantFrom(...TEXTS), fc.integer({ min: 1, max: 12 }), fc.boolean()), { minLength: 1, maxLength: 20 });
  fc.assert(
    fc.property(runs, (spec) => {
      const raw: [number, number, string | number | null, boolean][] = [];
      let row = 1;
      for (const [t, n, copy] of spec) for (let i = 0; i < n; i++) raw.push([row++, 2, copy ? [t].join("") : t, false]);
      // Above the padding's rows (sheetOf puts it from row 100).
      check(sheetOf(raw.slice(0, 99), 4_100));
    }),
    { numRuns: 40 },
  );
});

test("fresh lists past the vocabulary's bound find what the rule finds, on sheets walked before and after it is forgotten", () => {
  // Sheets kept across the bound: their hits for lists numbered before it must not be read for lists numbered after.
  const grids = fc.sample(cellsOf(60), 8).map((raw) => sheetOf(raw));
  for (let k = 0; k < VOCABULARY_LIMIT * 2 + 7; k++) {
    const list = LISTS[k % LISTS.length];
    const fresh = Array.isArray(list) ? [...(list as readonly string[])] : { ...(list as LabelSet) };
    const grid = grids[k % grids.length];
    expect(labelCells(grid, fresh).map((h) => ({ ...h }))).toEqual(plainScan(grid, fresh));
    if (Array.isArray(fresh)) expect([...rowsWithLabel(grid, fresh)].sort((a, b) => a - b)).toEqual([...plainRows(grid, fresh)].sort((a, b) => a - b));
    // The constant lists, asked on either side of the bound, keep their answers.
    if (k % 50 === 0) check(grid);
  }
});
