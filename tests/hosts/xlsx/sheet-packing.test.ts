/**
 * The sheet reader (sheet.ts) packs a sheet from its first cell where its `dimension` says it
 * is large, and keeps a packed shared-string cell's index without reading the string. Either
 * way the sheet must read as the object form reads it: the same cells, the same notes (a
 * shared-string index that is not in the list, written any way a producer may write it).
 */
import fc from "fast-check";
import { PackedCells } from "../../../src/core/packed-cells";
import type { Cell } from "../../../src/core/snapshot";
import { sheetReader, type SheetContent } from "../../../src/hosts/xlsx/sheet";
import { readStyles } from "../../../src/hosts/xlsx/styles";
import { XmlStream } from "../../../src/hosts/xlsx/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRINGS = ["Ref", "Service Area", "", " padded ", "£1,234"];

function readSheet(xml: string, packFrom: number): { content: SheetContent; notes: string[] } {
  const notes: string[] = [];
  const reader = sheetReader({ strings: STRINGS, styles: readStyles(null), date1904: false, note: (t) => notes.push(t), packFrom });
  const stream = new XmlStream(reader.handlers);
  stream.write(xml);
  stream.close();
  return { content: reader.result(), notes };
}

const objects = (cells: Cell[] | PackedCells): Cell[] => (cells instanceof PackedCells ? cells.toJSON() : cells);

/** `<v>` texts of `t="s"` cells: indexes in the list and out of it, and the ways `Number` reads one. */
const INDEX_TEXTS = ["0", "1", "2", "4", "5", "99", "-1", "-0", "1.5", "1e0", " 3 ", "", "  ", "x", "00001", "4.0", "NaN", "Infinity"];

/** A cell's XML after `<c r="…" `. */
const cellXml = fc.oneof(
  fc.constantFrom(...INDEX_TEXTS).map((v) => `t="s"><v>${v}</v></c>`),
  fc.constant(`t="s"><v/></c>`),
  fc.constant(`t="s"/>`),
  fc.constantFrom("7", "3654.29", "-0.5", "abc").map((v) => `><v>${v}</v></c>`),
  fc.constantFrom("Ref", "x").map((v) => `t="str"><v>${v}</v></c>`),
);

function sheetXml(rows: string[][], dimension: string | null): string {
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((c, k) => `<c r="${String.fromCharCode(65 + k)}${r + 1}" ${c}`).join("")}</row>`).join("");
  return `<worksheet xmlns="${MAIN}">${dimension === null ? "" : `<dimension ref="${dimension}"/>`}<sheetData>${body}</sheetData></worksheet>`;
}

test("a sheet packed from its first cell, by its dimension, reads as the object form", () => {
  // At most 48 cells, against a point of 50: only a dimension of 100 positions or more packs.
  const large = ["A1:J10", "A1:XFD1048576"];
  fc.assert(
    fc.property(fc.array(fc.array(cellXml, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.constantFrom(...large, "A1:D12", "B2"), (rows, dimension) => {
      // Without its dimension (which says nothing else of the cells), the sheet is read as objects.
      const asObjects = readSheet(sheetXml(rows, null), 50);
      expect(Array.isArray(asObjects.content.cells)).toBe(true);
      const read = readSheet(sheetXml(rows, dimension), 50);
      expect(read.content.cells instanceof PackedCells).toBe(large.includes(dimension));
      expect(objects(read.content.cells)).toEqual(asObjects.content.cells);
      expect(read.notes).toEqual(asObjects.notes);
      expect(read.content.usedRange).toEqual(asObjects.content.usedRange);
    }),
    { numRuns: 300 },
  );
});

test("the dimension packs a sheet from its first cell only where it holds twice the point's positions", () => {
  const xml = (dimension: string) => sheetXml([["><v>1</v></c>"], ["><v>2</v></c>"]], dimension);
  // Two cells, far below a point of 50: packed by the dimension, or kept as objects.
  expect(readSheet(xml("A1:J10"), 50).content.cells).toBeInstanceOf(PackedCells);
  expect(readSheet(xml("A1:J9"), 50).content.cells).toBeInstanceOf(Array);
  expect(readSheet(xml("not a range"), 50).content.cells).toBeInstanceOf(Array);
  expect(readSheet(sheetXml([["><v>1</v></c>"]], null), 50).content.cells).toBeInstanceOf(Array);
});

test("a list made at the length the dimension promises reads as one grown cell by cell, whatever the promise", () => {
  // From 4,096 positions (below the packing point) the reader makes its list of cells at the
  // dimension's length: a promise too large must leave no holes, one too small must still
  // keep every cell, and cells out of order must be read as before.
  const promises = ["A1:D2000", "A1:BZ100", "A1:A4096", "A1:XFD1"];
  fc.assert(
    fc.property(fc.array(fc.array(cellXml, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.constantFrom(...promises), fc.boolean(), (rows, dimension, reversed) => {
      let xml = sheetXml(rows, null);
      if (reversed) xml = xml.replace(/<sheetData>(.*)<\/sheetData>/, (_, body: string) => `<sheetData>${body.split("</row>").filter(Boolean).reverse().map((r) => `${r}</row>`).join("")}</sheetData>`);
      const asObjects = readSheet(xml, 400_000);
      const read = readSheet(xml.replace("<sheetData>", `<dimension ref="${dimension}"/><sheetData>`), 400_000);
      expect(read.content.cells).toBeInstanceOf(Array);
      expect(read.content.cells).toEqual(asObjects.content.cells);
      expect((read.content.cells as Cell[]).length).toBe((asObjects.content.cells as Cell[]).length);
      expect(read.notes).toEqual(asObjects.notes);
      expect(read.content.usedRange).toEqual(asObjects.content.usedRange);
    }),
    { numRuns: 200 },
  );
});

test("a promise too small for the cells read keeps them all", () => {
  // 5,000 cells against a dimension of 4,096 positions: the list grows past its made length.
  const rows = Array.from({ length: 5000 }, (_, r) => [`><v>${r + 1}</v></c>`]);
  const read = readSheet(sheetXml(rows, "A1:A4096"), 400_000);
  const cells = read.content.cells as Cell[];
  expect(cells).toHaveLength(5000);
  expect(cells[4999]).toMatchObject({ row: 5000, col: 1, value: 5000 });
  expect(Object.keys(cells)).toHaveLength(5000);
});
