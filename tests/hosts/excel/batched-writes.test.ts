// How the Office.js host batches a summary's looks, number formats and links, so that the
// operations (and the request) stay few whatever the number of rows.
import { ExcelHost } from "../../../src/hosts/excel/excel-host";
import { areaLists } from "../../../src/hosts/excel/areas";
import { linkRuns, renderSheet, styleGroups } from "../../../src/hosts/excel/render";
import type { ModelCell, SheetModel } from "../../../src/core/summary/sheet-model";
import { FakeExcel, MAX_AREAS_ADDRESS } from "../../fakes/excel/fake-excel";
import { modelCells } from "../../../src/core/summary/model-cells";

const RED = { fill: "F4A6A6", color: "600000", bold: true };
const GREEN = { fill: "A9D8A0", color: "0B3D0B", bold: true };

/** A summary-like sheet: `rows` rows of a text ref, an amount and a RAG cell alternating red and green. */
function model(rows: number, linkSheet = "Source"): SheetModel {
  const cells: ModelCell[] = [{ row: 1, col: 1, content: { kind: "text", text: "Title" }, style: { bold: true, size: 16 } }];
  for (let i = 0; i < rows; i++) {
    const row = i + 2;
    cells.push({ row, col: 1, content: { kind: "text", text: `1.${i + 1}` } });
    cells.push({ row, col: 2, content: { kind: "number", value: 1000 * (i + 1) }, format: "money" });
    cells.push({ row, col: 3, content: { kind: "text", text: i % 2 ? "Red" : "Green" }, style: i % 2 ? RED : GREEN });
    cells.push({ row, col: 4, content: { kind: "link", sheet: linkSheet, cell: `C${row}`, text: `C${row}` } });
  }
  return {
    id: "recovery-summary",
    name: "Summary",
    marker: "board-summary:generated:recovery-summary",
    markerCell: { row: 1, col: 8 },
    cells,
    merges: [],
    columnWidths: [],
    tables: [],
    freezeRows: 0,
    pageBreaks: [],
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      repeatRows: null,
      header: { left: "", center: "", right: "" },
      footer: { left: "", center: "", right: "Page &P of &N" },
    },
  } as unknown as SheetModel;
}

describe("rendering for batched writes", () => {
  it("gives one style group per look, with a column of one look as one block", () => {
    const groups = styleGroups(modelCells(model(100)));
    const red = groups.find((g) => g.style.fill === RED.fill)!;
    const green = groups.find((g) => g.style.fill === GREEN.fill)!;
    // Alternating rows cannot join, so 50 single cells each; the links' column is one block.
    expect(red.areas).toHaveLength(50);
    expect(green.areas).toHaveLength(50);
    const link = groups.find((g) => g.style.underline)!;
    expect(link.areas).toEqual([{ top: 2, left: 4, bottom: 101, right: 4 }]);
  });

  it("joins bordered runs into blocks, grouped by shape so their inside edges fall between cells", () => {
    const cells: ModelCell[] = [
      { row: 1, col: 1, content: { kind: "text", text: "a" }, style: { border: true } },
      { row: 1, col: 2, content: { kind: "text", text: "b" }, style: { border: true } },
      { row: 2, col: 1, content: { kind: "text", text: "c" }, style: { border: true } },
      { row: 3, col: 1, content: { kind: "text", text: "d" }, style: { border: true } },
    ];
    const groups = styleGroups(cells);
    expect(groups.map((g) => g.areas)).toEqual([
      // One row, two columns: edges and the inside vertical.
      [{ top: 1, left: 1, bottom: 1, right: 2 }],
      // Rows 2 and 3 are one block: edges and the inside horizontal keep a line between them.
      [{ top: 2, left: 1, bottom: 3, right: 1 }],
    ]);
  });

  it("gives number formats as blocks and leaves General alone", () => {
    const r = renderSheet(model(3));
    expect(r.formats).toEqual([
      { bounds: { top: 1, left: 1, bottom: 4, right: 1 }, format: "@" },
      { bounds: { top: 1, left: 8, bottom: 1, right: 8 }, format: "@" },
      { bounds: { top: 2, left: 2, bottom: 4, right: 2 }, format: "£#,##0" },
      { bounds: { top: 2, left: 3, bottom: 4, right: 3 }, format: "@" },
    ]);
  });

  it("writes a link as a hyperlink to a place in the workbook, never as a formula in the content", () => {
    const r = renderSheet(model(1, "O'Brien"));
    expect(r.bands[0].formulas[1][3]).toBe("");
    expect(r.links).toEqual([{ row: 2, col: 4, documentReference: "'O''Brien'!C2", textToDisplay: "C2" }]);
    expect(r.linkRuns).toEqual([
      { bounds: { top: 2, left: 4, bottom: 2, right: 4 }, cells: [[{ hyperlink: { documentReference: "'O''Brien'!C2", textToDisplay: "C2" } }]], bytes: expect.any(Number) },
    ]);
    expect(r.linkedSheets).toEqual(["O'Brien"]);
  });

  it("joins a column's links on neighbouring rows into runs, each within its byte cap and sized as its JSON", () => {
    const links = [
      ...Array.from({ length: 300 }, (_, i) => ({ row: i + 2, col: 4, documentReference: `Source!C${i + 2}`, textToDisplay: `C${i + 2}` })),
      // A gap, then another column: runs of their own.
      { row: 400, col: 4, documentReference: "Source!C400", textToDisplay: "C400" },
      { row: 2, col: 6, documentReference: "'O''Brien'!A1", textToDisplay: "O'Brien \"A1\" £" },
    ];
    const runs = linkRuns(links, 4096);
    // JSON a run carries, as Range.setCellProperties sends it.
    const json = (run: (typeof runs)[number]) => Buffer.byteLength(JSON.stringify(run.cells));
    for (const run of runs) {
      expect(run.bytes).toBeLessThanOrEqual(4096);
      expect(run.bytes).toBeGreaterThanOrEqual(json(run));
      expect(run.bytes).toBeLessThanOrEqual(json(run) + 4 * run.cells.length + 2);
      expect(run.cells).toHaveLength(run.bounds.bottom - run.bounds.top + 1);
    }
    const inD = runs.filter((r) => r.bounds.left === 4 && r.bounds.bottom <= 301);
    expect(inD.length).toBeGreaterThan(1);
    expect(inD.map((r) => r.bounds.top)).toEqual([2, ...inD.slice(0, -1).map((r) => r.bounds.bottom + 1)]);
    expect(inD.at(-1)!.bounds.bottom).toBe(301);
    expect(runs.filter((r) => r.bounds.top === 400)).toHaveLength(1);
    expect(runs.find((r) => r.bounds.left === 6)!.cells).toEqual([[{ hyperlink: { documentReference: "'O''Brien'!A1", textToDisplay: 'O\'Brien "A1" £' } }]]);
    expect(runs.flatMap((r) => r.cells.flat())).toHaveLength(links.length);
  });

  it("splits long area lists within the address limit, keeping every area", () => {
    const areas = Array.from({ length: 3000 }, (_, i) => ({ top: 2 * i + 1, left: 3, bottom: 2 * i + 1, right: 3 }));
    const lists = areaLists(areas);
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(4000);
    expect(lists.join(", ").split(", ")).toHaveLength(3000);
    expect(lists[0].startsWith("C1, C3, C5")).toBe(true);
    expect(areaLists([])).toEqual([]);
  });
});

describe("the fake's Worksheet.getRanges, as Excel's", () => {
  it("styles every area in one operation and throws on reading the address before a sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", { A1: 1 });
    await fake.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("S").getRanges("A1:B2, D5");
      areas.format.fill.color = "#FF0000";
      expect(() => areas.address).toThrow(/not available/);
      areas.load("address");
      await context.sync();
      expect(areas.address).toBe("S!A1:B2, S!D5");
    });
    expect(fake.cell("S", "B2")?.style["fill.color"]).toBe("#FF0000");
    expect(fake.cell("S", "D5")?.style["fill.color"]).toBe("#FF0000");
    expect(fake.cell("S", "C3")).toBeUndefined();
  });

  it("refuses an address list longer than Excel takes, at the sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", {});
    const address = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(", ");
    expect(address.length).toBeGreaterThan(MAX_AREAS_ADDRESS);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRanges(address).format.font.bold = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("writing many rows", () => {
  it("costs the same operations for 100 rows as for 2,000 where the looks repeat in columns, links included", async () => {
    const ops: number[] = [];
    for (const rows of [100, 2000]) {
      const fake = new FakeExcel();
      fake.addSheet("Source", { A1: "x" });
      const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "T" });
      const m = model(rows);
      // Without the alternating RAG column, every look is one block per column.
      m.cells.forEach((c) => c.col === 3 && delete c.style);
      // Wrapped rows two lines high, the title row taller: two heights, however many rows.
      m.rowHeights = [21, ...Array.from({ length: rows }, () => 30)];
      await host.writeSummaries({ models: [m], replace: [], notes: [] } as never);
      ops.push(fake.syncs.reduce((n, s) => n + s.operations, 0));
      expect(fake.linkAt("Summary", `D${rows + 1}`)).toEqual({ documentReference: `Source!C${rows + 1}`, textToDisplay: `C${rows + 1}` });
      expect(fake.cell("Summary", `B${rows + 1}`)).toMatchObject({ value: 1000 * rows, numberFormat: "£#,##0" });
      expect(fake.cell("Summary", "A3")).toMatchObject({ value: "1.2", numberFormat: "@" });
      const heights = fake.sheet("Summary")!.rowHeights;
      expect([heights.get(1), heights.get(2), heights.get(rows + 1), heights.get(rows + 2)]).toEqual([21, 30, 30, undefined]);
    }
    // A column's links are one Range.setCellProperties, however many rows.
    expect(ops[1]).toBe(ops[0]);
  });

  it("places a long summary's 1,026 page breaks, Excel's limit a sheet, which the fake enforces as Excel does", async () => {
    const rows = 2_100;
    const fake = new FakeExcel();
    fake.addSheet("Source", { A1: "x" });
    const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "T" });
    const at = (n: number) => Array.from({ length: n }, (_, i) => 3 + 2 * i);
    await host.writeSummaries({ models: [{ ...model(rows), pageBreaks: at(1026) }], replace: [], notes: [] } as never);
    expect(fake.sheet("Summary")!.pageBreaks).toEqual(at(1026));
    // One more than the limit: Excel refuses it, and the build fails without leaving the sheet.
    const over = new FakeExcel();
    over.addSheet("Source", { A1: "x" });
    const refused = new ExcelHost({ run: over.run, isSetSupported: over.isSetSupported, token: () => "T" });
    await expect(refused.writeSummaries({ models: [{ ...model(rows), pageBreaks: at(1027) }], replace: [], notes: [] } as never)).rejects.toMatchObject({
      name: "HostError",
      message: expect.stringContaining("The workbook has been left as it was."),
    });
    expect(over.sheet("Summary")).toBeUndefined();
  });
});
