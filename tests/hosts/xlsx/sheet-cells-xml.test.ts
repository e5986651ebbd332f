/**
 * The worksheet's rows as renderSheet writes them (a look's pieces made once, a column's
 * last look taken again, values', dates' and row heights' text remembered, texts needing
 * nothing tested once) against the plain way: each cell's look asked of the style book and
 * each piece made afresh. Random cells of every kind, with looks shared, alike and apart.
 */
import fc from "fast-check";
import { a1, sheetRef } from "../../../src/core/grid";
import { NUMBER_FORMATS, type ModelCell, type NumberFormatKind } from "../../../src/core/summary/sheet-model";
import { dateSerial, keepsSpace, renderSheet, TableNames, xstring } from "../../../src/hosts/xlsx/sheet-xml";
import { StyleBook } from "../../../src/hosts/xlsx/styles-edit";
import { escapeXml } from "../../../src/hosts/xlsx/xml-splice";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>`;

/** Style objects: some shared between cells, one alike but apart from another. */
const SHARED = [{ bold: true }, { fill: "FF0000", border: true }, { bold: true }, { wrap: true, size: 9 }];
const style = fc.oneof(fc.constant(undefined), fc.constantFrom(...SHARED), fc.constantFrom(...SHARED).map((s) => ({ ...s })));
const format = fc.option(fc.constantFrom(...(Object.keys(NUMBER_FORMATS) as NumberFormatKind[])), { nil: undefined });
const text = fc.oneof(
  fc.constantFrom("", " ", "a", "On track", " lead", "trail ", "two\nlines", "A & B <c> \"q\"", "_x0041_", "£1,000", "😀", "\ud800x", "tab\there", "\u00a0nbsp", "ctl\u0001"),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const number = fc.oneof(fc.constantFrom(0, -0, 1, 1.5, 12345.67, -3, 1e21, NaN, Infinity), fc.double());
const iso = fc.constantFrom("1900-03-01", "2023-09-21", "2024-02-29", "1999-12-31");
const content = fc.oneof(
  text.map((t) => ({ kind: "text" as const, text: t })),
  number.map((value) => ({ kind: "number" as const, value })),
  iso.map((d) => ({ kind: "date" as const, iso: d })),
  fc.record({ formula: fc.constantFrom("=SUM(A1:A3)", "B2*2", "\"a&b\""), result: fc.option(number, { nil: null }) }).map((f) => ({ kind: "formula" as const, ...f })),
  fc.record({ text, sheet: fc.constantFrom("Data", "It's here"), cell: fc.constantFrom("A1", "C12") }).map((l) => ({ kind: "link" as const, ...l })),
);
const cell = fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 26, max: 28 })), content, format, style });

/** The plain way: the old renderer's cell, its look asked of the book each time. */
function plainCell(mc: ModelCell, book: StyleBook, date1904: boolean, textAsText: boolean, links: string[]): string {
  const c = mc.content;
  let numFmt: string | undefined;
  if (mc.format) numFmt = NUMBER_FORMATS[mc.format];
  else if (c.kind === "date") numFmt = NUMBER_FORMATS.date;
  else if (textAsText && (c.kind === "text" || c.kind === "link")) numFmt = NUMBER_FORMATS.text;
  const s = book.xf({ numFmt, style: mc.style, link: c.kind === "link" });
  const r = a1(mc.row, mc.col);
  const inline = (t: string) => (keepsSpace(t) ? `<is><t xml:space="preserve">${xstring(t)}</t></is>` : `<is><t>${xstring(t)}</t></is>`);
  const num = (n: number) => (Number.isFinite(n) ? String(n) : null);
  switch (c.kind) {
    case "text":
      return c.text === "" ? `<c r="${r}" s="${s}"/>` : `<c r="${r}" s="${s}" t="inlineStr">${inline(c.text)}</c>`;
    case "number": {
      const v = num(c.value);
      return v === null ? `<c r="${r}" s="${s}"/>` : `<c r="${r}" s="${s}"><v>${v}</v></c>`;
    }
    case "date":
      return `<c r="${r}" s="${s}"><v>${dateSerial(c.iso, date1904)}</v></c>`;
    case "formula": {
      const v = c.result === null ? null : num(c.result);
      return `<c r="${r}" s="${s}"><f>${xstring(c.formula.replace(/^=/, ""))}</f>${v === null ? "" : `<v>${v}</v>`}</c>`;
    }
    case "link":
      links.push(`<hyperlink ref="${r}" location="${escapeXml(sheetRef(c.sheet, c.cell))}" display="${escapeXml(c.text)}"/>`);
      return `<c r="${r}" s="${s}" t="inlineStr">${inline(c.text)}</c>`;
  }
}

describe("the worksheet's rows", () => {
  it("are what the plain way writes, cell by cell", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 120 }),
        fc.array(fc.record({ row: fc.integer({ min: 1, max: 45 }), height: fc.constantFrom(15, 15.75, 30, 0.5) }), { maxLength: 20 }),
        fc.boolean(),
        fc.boolean(),
        (raw, rawHeights, date1904, textAsText) => {
          // One cell a position, in row then column order; heights one a row, in order.
          const byPos = new Map<string, ModelCell>();
          for (const c of raw) byPos.set(`${c.row},${c.col}`, c as ModelCell);
          const cells = [...byPos.values()].sort((x, y) => x.row - y.row || x.col - y.col);
          const heightOf = new Map(rawHeights.map((h) => [h.row, h.height]));
          const rowHeights = [...heightOf].sort((x, y) => x[0] - y[0]).map(([row, height]) => ({ row, height }));

          const chunks: Uint8Array[] = [];
          renderSheet(
            { cells, merges: [], columnWidths: [], freezeRows: 0, rowHeights, textAsText },
            "Sheet",
            { styles: new StyleBook(STYLES, "s"), date1904, tables: new TableNames([], []), mainNs: MAIN, relNs: REL },
            { push: (c) => chunks.push(c) },
          );
          const xml = Buffer.concat(chunks).toString("utf8");

          const book = new StyleBook(STYLES, "s");
          const links: string[] = [];
          const rows = [...new Set([...cells.map((c) => c.row), ...heightOf.keys()])].sort((x, y) => x - y);
          let want = "<sheetData>";
          for (const row of rows) {
            const h = heightOf.get(row);
            const mine = cells.filter((c) => c.row === row);
            want += `<row r="${row}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}`;
            want += mine.length ? `>${mine.map((c) => plainCell(c, book, date1904, textAsText, links)).join("")}</row>` : "/>";
          }
          want += "</sheetData>";
          expect(xml.slice(xml.indexOf("<sheetData>"), xml.indexOf("</sheetData>") + 12)).toBe(want);
          // As UTF-8 carries it (a lone surrogate in a link's display becomes U+FFFD, as it always has).
          const hyperlinks = Buffer.from(links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "", "utf8").toString("utf8");
          expect(xml.includes("<hyperlinks>") ? xml.slice(xml.indexOf("<hyperlinks>"), xml.indexOf("</hyperlinks>") + 13) : "").toBe(hyperlinks);
        },
      ),
      { numRuns: 400 },
    );
  });
});
