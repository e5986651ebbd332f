/**
 * A large sheet's label search (readers/labels.ts, cellsWithKeys) tells each candidate cell
 * apart (plain or other text, and a size) in a loop of its own, once a sheet, then passes
 * over the cells whose size no key of the list has. These sheets hold texts whose size is
 * only a lower bound (white space, `?`, a colon, brackets, non-ASCII) next to plain text of
 * each key's length, in runs and interleaved, and ask the lists in every order: the cells a
 * first list told apart are matched by the lists after it as a plain scan matches them.
 * Packed as the .xlsx reader packs a sheet, a text is told apart once a shared string: some
 * texts here are shared, some are the cell's own (inline), some shared strings are in error
 * cells (no text to find), so a shared string's kind is never taken from another string's.
 */
import fc from "fast-check";
import { SheetGrid } from "../../../src/core/grid";
import { PackedCellsBuilder } from "../../../src/core/pack-cells";
import { labelCells, type LabelSet } from "../../../src/core/readers/labels";
import type { Cell } from "../../../src/core/snapshot";
import { plainScan } from "../../helpers/label-scan";

const TEXTS = [
  "Risk Level",
  "RISK LEVEL",
  "Risk  Level",
  "Risk Level?",
  " Risk Level",
  "Risk\u00a0Level",
  "Risk\u200bLevel",
  "Risk Level:",
  "Risk Level: High",
  "Risk: Level",
  "Risk Level (1-5)",
  "Risk [Level]",
  "Risk Levels",
  "Risk Leve",
  "Ref",
  "Ref:",
  "ref ?",
  "Re f",
  "Finance",
  "Finance Recovery Action 3",
  "Finance  Recovery Action",
  "• Finance",
  "Finance (£000)",
  "Service Finance Report",
];

const LISTS: (readonly string[] | LabelSet)[] = [
  ["Risk Level"],
  ["Ref", "Reference"],
  ["Finance"],
  { labels: ["Risk Level", "Ref"], prefixes: ["Finance Recovery Action"] },
  ["Service Finance Report", "Risk"],
];

function cellsOf(texts: string[]): Cell[] {
  const cells: Cell[] = texts.map((value, i) => ({ row: 1 + Math.floor(i / 3), col: 1 + (i % 3), value }));
  // Padding past the small sheets' bound (4,096 cells): the search scans, as on a long report.
  const top = cells.length === 0 ? 1 : cells[cells.length - 1].row + 1;
  for (let i = 0; i < 4_200; i++) cells.push({ row: top + Math.floor(i / 6), col: 1 + (i % 6), value: i % 2 ? `Name ${i}` : i });
  return cells;
}

function sheetOf(texts: string[]): SheetGrid {
  return new SheetGrid({ name: "S", visibility: "visible", cells: cellsOf(texts), merges: [] });
}

/** The same cells packed: texts shared strings, but every `inlineEvery`th text the cell's own and every `errorEvery`th an error cell's. */
function packedSheetOf(texts: string[], inlineEvery: number, errorEvery: number): SheetGrid {
  const shared: string[] = [];
  const indexOf = new Map<string, number>();
  const b = new PackedCellsBuilder(shared);
  cellsOf(texts).forEach((c, n) => {
    if (typeof c.value !== "string" || n % inlineEvery === 0) b.add(c.row, c.col, c.value, undefined, undefined);
    else {
      let k = indexOf.get(c.value);
      if (k === undefined) indexOf.set(c.value, (k = shared.push(c.value) - 1));
      b.addShared(c.row, c.col, k, undefined, n % errorEvery === 0 ? { error: "#N/A" } : undefined);
    }
  });
  return new SheetGrid({ name: "S", visibility: "visible", cells: b.finish(), merges: [] });
}

/** A hit as found, without its cell object (the packed grid makes its own). */
const found = (grid: SheetGrid, list: readonly string[] | LabelSet) => labelCells(grid, list).map(({ cell: _c, ...h }) => h);

// Runs of one text (told apart once a run) and single texts between them.
const texts = fc
  .array(fc.tuple(fc.constantFrom(...TEXTS), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 40 })
  .map((runs) => runs.flatMap(([t, n]) => Array.from({ length: n }, () => t)));

test("a large sheet's cells, told apart by the first list asked, are matched by every list after it as the rule matches them", () => {
  fc.assert(
    fc.property(texts, fc.shuffledSubarray(LISTS, { minLength: 1 }), (ts, order) => {
      const grid = sheetOf(ts);
      for (const list of order) expect(labelCells(grid, list).map((h) => ({ ...h }))).toEqual(plainScan(grid, list));
    }),
    { numRuns: 60 },
  );
});

test("each text of the list finds its cells on a large sheet, whichever list told them apart", () => {
  for (const first of LISTS) {
    const grid = sheetOf([...TEXTS, ...TEXTS.slice().reverse()]);
    labelCells(grid, first);
    for (const list of LISTS) expect(labelCells(grid, list).map((h) => ({ ...h }))).toEqual(plainScan(grid, list));
  }
});

test("a packed sheet's shared strings, each told apart once, are matched by every list as the rule matches their cells", () => {
  fc.assert(
    fc.property(texts, fc.shuffledSubarray(LISTS, { minLength: 1 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 11 }), (ts, order, inlineEvery, errorEvery) => {
      const grid = packedSheetOf(ts, inlineEvery, errorEvery);
      for (const list of order) expect(found(grid, list)).toEqual(plainScan(grid, list).map(({ cell: _c, ...h }) => h));
    }),
    { numRuns: 60 },
  );
});
