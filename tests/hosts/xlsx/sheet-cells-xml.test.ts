/**
 * The worksheet's rows as renderSheet writes them (a look's pieces made once, a column's
 * last look taken again, values', dates' and row heights' text remembered, texts needing
 * nothing tested once) against the plain way: each cell's look asked of the style book and
 * each piece made afresh. Random cells of every kind, with looks shared, alike and apart.
 */
import fc from "fast-check";
import { a1, sheetRef } from "../../../src/core/grid";
import { NUMBER_FORMATS, type ModelCell, type NumberFormatKind } from "../../../src/core/summary/sheet-model";
import { dateSerial, heightsByRow, keepsSpace, renderSheet, TableNames, xstring } from "../../../src/hosts/xlsx/sheet-xml";
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
  fc.record({ text, sheet: fc.constantFrom("Data", "It's here", "R&D \"<1>\"", "A1"), cell: fc.constantFrom("A1", "C12", "<&\">") }).map((l) => ({ kind: "link" as const, ...l })),
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
            { cells, merges: [], columnWidths: [], freezeRows: 0, rowHeights: heightsByRow(rowHeights), textAsText },
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

/** renderSheet's worksheet XML and the chunks it was handed on in. */
function rendered(draft: Parameters<typeof renderSheet>[0]): { xml: string; chunks: Uint8Array[]; tables: ReturnType<typeof renderSheet>["tables"] } {
  const chunks: Uint8Array[] = [];
  const { tables } = renderSheet(
    draft,
    "Sheet",
    { styles: new StyleBook(STYLES, "s"), date1904: false, tables: new TableNames([], []), mainNs: MAIN, relNs: REL },
    { push: (c) => chunks.push(c) },
  );
  return { xml: Buffer.concat(chunks).toString("utf8"), chunks, tables };
}

describe("the worksheet's rows, many chunks long", () => {
  it("are what the plain way writes, handed on where each 64 Ki characters fill", () => {
    // Rows of long texts, rows with a height and no cells among them, a few links: the rows
    // loop stops and starts again at each chunk (writeRows), between rows and between the
    // empty rows written as the cells pass them.
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 300, max: 1500 }), fc.boolean(), (gapEvery, width, trailing) => {
        const cells: ModelCell[] = [];
        const rowHeights: { row: number; height: number }[] = [];
        for (let row = 1; row <= 1000; row++) {
          if (row % gapEvery === 0) {
            rowHeights.push({ row, height: 9 });
            continue;
          }
          rowHeights.push({ row, height: 15 + (row % 3) });
          cells.push({ row, col: 1, content: { kind: "text", text: `${row} ${"w".repeat(width)}` }, style: SHARED[row % 2] });
          cells.push({ row, col: 2, content: row % 5 === 0 ? { kind: "link", text: `to ${row}`, sheet: "Data", cell: "A1" } : { kind: "number", value: row / 4 } });
        }
        if (trailing) rowHeights.push({ row: 1001, height: 30 }, { row: 1002, height: 30 });
        const { xml, chunks } = rendered({ cells, merges: [], columnWidths: [], freezeRows: 0, rowHeights: heightsByRow(rowHeights), textAsText: true });
        const book = new StyleBook(STYLES, "s");
        const links: string[] = [];
        const heightOf = new Map(rowHeights.map((h) => [h.row, h.height]));
        let want = "<sheetData>";
        for (const [row, h] of heightOf) {
          const mine = cells.filter((c) => c.row === row);
          want += `<row r="${row}" ht="${h}" customHeight="1"`;
          want += mine.length ? `>${mine.map((c) => plainCell(c, book, false, true, links)).join("")}</row>` : "/>";
        }
        want += "</sheetData>";
        expect(xml.slice(xml.indexOf("<sheetData>"), xml.indexOf("</sheetData>") + 12)).toBe(want);
        expect(xml.includes("<hyperlinks>") ? xml.slice(xml.indexOf("<hyperlinks>"), xml.indexOf("</hyperlinks>") + 13) : "").toBe(links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "");
        // Handed on as Utf8Writer.write hands on (ASCII here: a byte a character): each chunk
        // but the last once 64 Ki are pending, and no later than the piece that filled it.
        expect(chunks.length).toBeGreaterThan(2);
        for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(1 << 16);
        for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThan((1 << 16) + 2 * width + 400);
      }),
      { numRuns: 25 },
    );
  });
});

describe("a table's header cells", () => {
  it("hold the table's column names as written, whatever the model's cells held", () => {
    const look = SHARED[0];
    const header = (col: number, content: ModelCell["content"]): ModelCell => ({ row: 2, col, content, style: look });
    const cells: ModelCell[] = [
      header(1, { kind: "text", text: "Ref" }),
      header(2, { kind: "text", text: "ref" }),
      header(3, { kind: "text", text: " " }),
      header(4, { kind: "link", text: "Source", sheet: "Data", cell: "A1" }),
      header(5, { kind: "number", value: 5 }),
      { row: 3, col: 1, content: { kind: "text", text: "x" } },
    ];
    const { xml, tables } = rendered({
      cells,
      merges: [],
      columnWidths: [],
      freezeRows: 0,
      textAsText: true,
      tables: [{ name: "T", headerRow: 2, firstCol: 1, columns: ["Ref", "ref", " ", "Source", "Five"], dataRows: 1, totalsRow: false, style: "TableStyleLight1", bandedRows: false }],
    });
    const names = [...tables[0].xml.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(["Ref", "ref 2", "Column3", "Source", "Five"]);
    const book = new StyleBook(STYLES, "s");
    const row2 = names.map((name, j) => plainCell({ row: 2, col: j + 1, content: { kind: "text", text: name }, style: look }, book, false, true, [])).join("");
    expect(xml).toContain(`<row r="2">${row2}</row>`);
    // The link under a header is written as its name's text: no hyperlink.
    expect(xml).not.toContain("<hyperlink ");
  });
});
