// The packed snapshot (core/packed-cells.ts) against the object form it stands for: the same
// cells through SheetGrid, and the same analysis of real workbooks, whichever form they come in.
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { BENCH_PACKS, writePack } from "../../bench/generate";
import { analyse } from "../../src/core/engine";
import { SheetGrid } from "../../src/core/grid";
import { PackedCellsBuilder, packCells } from "../../src/core/pack-cells";
import { objectSnapshot, type AnyWorkbookSnapshot, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";
import { openPackage } from "../../src/hosts/xlsx/package";
import { loadWorkbook, readSnapshot } from "../../src/hosts/xlsx/read";
import { EXAMPLES, ROOT, tempDir } from "../helpers/workbooks";

const cellArb: fc.Arbitrary<Cell> = fc
  .record({
    row: fc.integer({ min: 1, max: 12 }),
    col: fc.integer({ min: 1, max: 6 }),
    value: fc.oneof(fc.constantFrom("", " ", "Risk", "Lead officer", "board-summary:generated:data-checks", "#N/A"), fc.string({ maxLength: 6 }), fc.double({ noNaN: true }), fc.integer(), fc.boolean(), fc.constant(null)),
    format: fc.option(fc.constantFrom("0%", "dd/mm/yyyy", "General"), { nil: undefined }),
    text: fc.option(fc.constantFrom("shown", ""), { nil: undefined, freq: 8 }),
    error: fc.option(fc.constantFrom("#REF!", "#N/A"), { nil: undefined, freq: 8 }),
    formula: fc.option(fc.constant("SUM(A1:A2)"), { nil: undefined, freq: 8 }),
    fill: fc.option(fc.constantFrom("FF0000", "00B050"), { nil: undefined, freq: 8 }),
  })
  .map((c) => {
    // The object form's fields in its reader's order, absent ones left out.
    const out: Cell = c.format === undefined ? { row: c.row, col: c.col, value: c.value } : { row: c.row, col: c.col, value: c.value, format: c.format };
    if (c.text !== undefined) out.text = c.text;
    if (c.error !== undefined) out.error = c.error;
    if (c.formula !== undefined) out.formula = c.formula;
    if (c.fill !== undefined) out.fill = c.fill;
    return out;
  });

const sheetOf = (cells: Cell[]): SheetSnapshot => ({ name: "S", visibility: "visible", cells, merges: [] });
const packed = (sheet: SheetSnapshot) => ({ ...sheet, cells: packCells(sheet.cells) });
const packedWorkbook = (snapshot: WorkbookSnapshot): AnyWorkbookSnapshot => ({ ...snapshot, sheets: snapshot.sheets.map(packed) });

describe("a packed sheet through SheetGrid", () => {
  it("gives the cells, rows and extent the object form gives, in any order, a position given twice standing as its last", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), (cells) => {
        const objects = new SheetGrid(sheetOf(cells));
        const grid = new SheetGrid(packed(sheetOf(cells)));
        expect(grid.rows()).toEqual(objects.rows());
        expect([grid.maxRow, grid.maxCol]).toEqual([objects.maxRow, objects.maxCol]);
        expect(grid.isEmpty()).toBe(objects.isEmpty());
        expect([...grid.cells()]).toEqual([...objects.cells()]);
        for (let row = 0; row <= 13; row++) {
          expect(grid.cellsOfRow(row)).toEqual(objects.cellsOfRow(row));
          for (let col = 0; col <= 7; col++) {
            const cell = grid.get(row, col);
            expect(cell).toEqual(objects.get(row, col));
            // Made once: the same object however it is asked for.
            if (cell) expect(grid.cellsOfRow(row)).toContain(cell);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives each stored cell, its text and whether it shows its own, as the object form does for cells listed in order", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), (raw) => {
        const byPosition = new Map(raw.map((c) => [c.row * 100 + c.col, c]));
        const cells = [...byPosition.values()].sort((x, y) => x.row - y.row || x.col - y.col);
        const objects = new SheetGrid(sheetOf(cells));
        const grid = new SheetGrid(packed(sheetOf(cells)));
        expect(grid.cellCount).toBe(objects.cellCount);
        for (let i = 0; i < cells.length; i++) {
          expect(grid.cellAt(i)).toEqual(objects.cellAt(i));
          expect(grid.cellAt(i)).toBe(grid.get(cells[i].row, cells[i].col));
          expect(grid.textAt(i)).toBe(objects.textAt(i));
          expect(grid.showsOtherText(i)).toBe(objects.showsOtherText(i));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("cellsOfRowInto", () => {
  it("gives cellsOfRow's cells in either form and any order, into the one array it is given: the same objects but for a packed row not yet kept", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 4 }), (cells, asked, keptFirst) => {
        for (const grid of [new SheetGrid(sheetOf(cells)), new SheetGrid(packed(sheetOf(cells)))]) {
          const isPacked = grid.sharedTexts() !== null;
          const kept = new Set<number>();
          // Some rows kept by the grid first (a reader's cellsOfRow or get), the rest not.
          for (const row of keptFirst) {
            grid.cellsOfRow(row);
            kept.add(row);
          }
          const out: Cell[] = [{ row: 99, col: 99, value: "left over" }];
          // Rows asked for in any order, some twice, before or after cellsOfRow was.
          for (const row of asked) {
            const got = grid.cellsOfRowInto(row, out);
            expect(got).toBe(out);
            const fresh = isPacked && !kept.has(row);
            const made = [...got];
            const plain = grid.cellsOfRow(row);
            kept.add(row);
            expect(made).toEqual(plain);
            // Packed, a row no one kept is made for the call and left to the collector (a
            // reader of every row of a long table holds none of them); else the grid's own.
            for (let i = 0; i < plain.length; i++) {
              if (fresh) expect(made[i]).not.toBe(plain[i]);
              else expect(made[i]).toBe(plain[i]);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("a packed builder told how many cells to expect", () => {
  it("gives the cells it gives untold, whether the hint is too small, exact, too large or nonsense", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.oneof(fc.integer({ min: -3, max: 60 }), fc.constantFrom(NaN, Infinity, 2 ** 40)), (cells, expected) => {
        const builder = new PackedCellsBuilder([], expected);
        for (const c of cells) builder.addCell(c);
        expect(builder.length).toBe(cells.length);
        expect(builder.finish().toJSON()).toEqual(packCells(cells).toJSON());
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a packed sheet's cells left out by its merges", () => {
  it("are those a plain filter of the finished cells leaves out, in any order, none or the first or last of them dropped", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 })), { maxLength: 6 }), (cells, dropped) => {
        const drop = (row: number, col: number) => dropped.some(([r, c]) => r === row && c === col);
        const builder = new PackedCellsBuilder();
        for (const c of cells) builder.addCell(c);
        expect(builder.finish(drop).toJSON()).toEqual(packCells(cells).toJSON().filter((c) => !drop(c.row, c.col)));
      }),
      { numRuns: 1000 },
    );
  });
  it("are those a plain filter leaves out where the merges are given too (cells in order: found merge by merge, the rest kept by runs)", () => {
    const merge = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }))
      .map(([top, left, down, across]) => ({ top, left, bottom: top + down, right: left + across }));
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 40 }), fc.array(merge, { maxLength: 5 }), fc.boolean(), (given, merges, inOrder) => {
        // In order, each position once (as a sheet's XML gives them), or as generated.
        const byPosition = new Map(given.map((c) => [c.row * 10 + c.col, c]));
        const cells = inOrder ? [...byPosition.values()].sort((x, y) => x.row - y.row || x.col - y.col) : given;
        const drop = (row: number, col: number) => merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
        const builder = new PackedCellsBuilder();
        for (const c of cells) builder.addCell(c);
        const done = builder.finish(drop, merges);
        expect(done.toJSON()).toEqual(packCells(cells).toJSON().filter((c) => !drop(c.row, c.col)));
        expect(done.length).toBe(done.rows.length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the analysis of a packed snapshot", () => {
  const files = [
    ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(EXAMPLES, f)),
    ...(fs.readdirSync(path.join(ROOT, "tests", "fixtures"), { recursive: true }) as string[]).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(ROOT, "tests", "fixtures", f)),
  ];
  const now = new Date("2023-09-21T12:00:00Z");

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("is the object form's: %s", async (_name, file) => {
    let snapshot: WorkbookSnapshot;
    try {
      ({ snapshot } = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file)));
    } catch (e) {
      // The damaged fixtures: no snapshot in either form.
      expect(e).toHaveProperty("name", "HostError");
      return;
    }
    const objects = analyse(snapshot, { now });
    expect(analyse(packedWorkbook(snapshot), { now })).toEqual(objects);
    // As the reader gives it: every sheet packed from its first cell, or switched to packing
    // part way through its largest sheet (the cells made so far moved into the packed form).
    const largest = Math.max(0, ...snapshot.sheets.map((s) => s.cells.length));
    for (const packFrom of new Set([1, Math.max(1, Math.floor(largest / 2)), Math.max(1, largest - 1)])) {
      const read = await readSnapshot(await openPackage(new Uint8Array(fs.readFileSync(file)), { fileName: path.basename(file) }), undefined, packFrom);
      // A sheet switches on the cells it is given, before covered and repeated ones are left out.
      expect(read.sheets.filter((s) => !Array.isArray(s.cells)).length).toBeGreaterThanOrEqual(snapshot.sheets.filter((s) => s.cells.length >= packFrom).length);
      expect(objectSnapshot(read)).toEqual(snapshot);
      expect(analyse(read, { now })).toEqual(objects);
    }
  });

  it("is the object form's on sheets large enough to be searched by their text cells' heads", async () => {
    const dir = tempDir("board-summary-packed-");
    try {
      const file = path.join(dir, "pack.xlsx");
      await writePack({ ...BENCH_PACKS["mixed-1000-5000"], forms: 3, directionRows: 1000, registerItems: 1600, dataRows: 600 }, file);
      const { snapshot } = await loadWorkbook(new Uint8Array(fs.readFileSync(file)), "pack.xlsx");
      // Every kind of large sheet is there, past the 4,096 cells where the searches change.
      expect(snapshot.sheets.filter((s) => s.cells.length > 4096).length).toBeGreaterThanOrEqual(3);
      const objects = analyse(snapshot, { now });
      expect(objects.recovery.actions.length).toBeGreaterThan(1600);
      expect(objects.directions.items.length).toBeGreaterThan(500);
      expect(analyse(packedWorkbook(snapshot), { now })).toEqual(objects);
      // The large sheets switched to packing part way through, as the reader does past its point.
      const read = await readSnapshot(await openPackage(new Uint8Array(fs.readFileSync(file)), { fileName: "pack.xlsx" }), undefined, 4097);
      expect(read.sheets.filter((s) => !Array.isArray(s.cells)).length).toBeGreaterThanOrEqual(3);
      expect(read.sheets.filter((s) => Array.isArray(s.cells)).length).toBeGreaterThanOrEqual(3);
      expect(objectSnapshot(read)).toEqual(snapshot);
      expect(analyse(read, { now })).toEqual(objects);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
