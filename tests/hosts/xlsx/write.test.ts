import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME, settingsFromJson } from "../../../src/core/settings";
import { HostError } from "../../../src/hosts/host";
import { INTERNAL_LINK, loadWorkbook } from "../../../src/hosts/xlsx/read";
import { buildSummaryBytes, writeSettings } from "../../../src/hosts/xlsx/write";
import { recoverySummaryModel, samplePlan } from "../../fixtures/make-plan";
import { sourceWorkbook, toBytes, withChart } from "../../fixtures/make-xlsx";

// Our own reader: plain exceljs 4.4 would drop in-document links and misread some results (see read.ts).
const open = async (bytes: Uint8Array) => (await loadWorkbook(bytes, "test.xlsx")).workbook;

async function part(bytes: Uint8Array, path: string): Promise<string> {
  const f = (await JSZip.loadAsync(bytes)).file(path);
  if (!f) throw new Error(`no part ${path}`);
  return f.async("string");
}

/** The package path of a sheet, by name. */
async function sheetPath(bytes: Uint8Array, name: string): Promise<string> {
  const wbXml = await part(bytes, "xl/workbook.xml");
  const rels = await part(bytes, "xl/_rels/workbook.xml.rels");
  const esc = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1];
  const target = new RegExp(`<Relationship Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

describe("buildSummaryBytes into the user's workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let out: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    input = await toBytes(sourceWorkbook());
    const { bytes, result } = await buildSummaryBytes(await loadWorkbook(input, "pack.xlsx"), samplePlan());
    expect(result.separateWorkbookReason).toBeUndefined();
    expect(result.written).toEqual([
      { id: "recovery-summary", name: "Recovery Summary" },
      { id: "data-checks", name: "Data Checks" },
    ]);
    output = bytes;
    out = await open(output);
    ws = out.getWorksheet("Recovery Summary")!;
  });

  it("adds the summaries after the last source sheet", () => {
    expect(out.worksheets.map((w) => w.name)).toEqual([
      "RA-01",
      "Lists",
      "Secret",
      "O'Brien's Actions",
      "Recovery Summary",
      "Data Checks",
    ]);
  });

  it("writes values with the model's number formats, fills and fonts", () => {
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2023, 8, 21)));
    expect(ws.getCell("B2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B3").value).toBe(0.1611);
    expect(ws.getCell("B3").numFmt).toBe("0%");
    expect(ws.getCell("C6").value).toBe(448000);
    expect(ws.getCell("C6").numFmt).toBe("£#,##0");
    expect(ws.getCell("A6").value).toBe("1.10");
    expect(ws.getCell("A6").numFmt).toBe("@");
    expect(ws.getCell("D6").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFC00000" } });
    expect(ws.getCell("D6").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("D7").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("C8").border?.top).toMatchObject({ style: "thin" });
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getCell("A1").isMerged && ws.getCell("E1").isMerged).toBe(true);
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
  });

  it("writes in-document links with quotes doubled, and no external relationship", async () => {
    expect(ws.getCell("E6").value).toEqual({ text: "O'Brien's Actions A1", hyperlink: `${INTERNAL_LINK}'O''Brien''s Actions'!A1` });
    const path = await sheetPath(output, "Recovery Summary");
    const xml = await part(output, path);
    expect(xml).toContain(`<hyperlink ref="E6" location="&apos;O&apos;&apos;Brien&apos;&apos;s Actions&apos;!A1"/>`);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    const rels = await part(output, path.replace("worksheets/", "worksheets/_rels/") + ".rels").catch(() => "");
    expect(rels).not.toContain('TargetMode="External"');
    // Plain exceljs cannot see it, which shows it is a location, as Excel writes one.
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(output as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    expect(plain.getWorksheet("Recovery Summary")!.getCell("E6").value).toBe("O'Brien's Actions A1");
  });

  it("writes a real Excel table whose totals row holds the model's formula and result", async () => {
    expect(ws.getCell("C8").value).toEqual({ formula: "SUM(C6:C7)", result: 725000 });
    const zip = await JSZip.loadAsync(output);
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    // The zero-row table is a plain range: only one table part.
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t).toMatch(/name="RecoveryActions"/);
    expect(t).toMatch(/ref="A5:E8"/); // header + 2 data rows + totals
    expect(t).toMatch(/totalsRowCount="1"/);
    // The formula lives in its cell; the table part names no function it cannot describe.
    expect(t).toContain('<tableColumn id="3" name="Recovery Value (£)" totalsRowFunction="none"/>');
    expect(t).not.toContain("custom");
    expect(t).toContain('name="Ref" totalsRowLabel="Total"');
    expect(ws.getCell("B8").value).toBeNull();
    const headers = [...t.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(headers).toEqual([1, 2, 3, 4, 5].map((c) => ws.getCell(5, c).value));
    // The zero-row table's header is still written, with its look.
    expect(ws.getCell("A10").value).toBe("Risk Level");
    expect(ws.getCell("A10").fill).toMatchObject({ fgColor: { argb: "FFD9E1F2" } });
  });

  it("never writes a formula with a leading '='", async () => {
    const zip = await JSZip.loadAsync(output);
    for (const p of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
      const xml = await zip.file(p)!.async("string");
      expect(xml).not.toMatch(/<f>=/);
      expect(xml).not.toContain("NaN");
    }
  });

  it("freezes the header rows and sets up printing as a board paper", async () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    expect(ws.headerFooter.oddFooter).toBe("&CPage &P of &N");
    expect(ws.headerFooter.oddHeader).toBe("&LRecovery Summary");
    const wbXml = await part(output, "xl/workbook.xml");
    expect(wbXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="4">&apos;Recovery Summary&apos;!$5:$5</definedName>');
  });

  it("writes the marker and hides its column", () => {
    expect(ws.getCell("G1").value).toBe("board-summary:generated:recovery-summary");
    expect(ws.getColumn(7).hidden).toBe(true);
    expect(ws.getColumn(6).hidden).toBe(false);
  });

  it("leaves every source sheet as it was: values, formulas, styles, merges, widths, visibility", async () => {
    const before = await open(input);
    for (const src of before.worksheets) {
      const after = out.getWorksheet(src.name)!;
      expect(after.state).toBe(src.state);
      expect(Object.keys((after as unknown as { _merges: object })._merges)).toEqual(
        Object.keys((src as unknown as { _merges: object })._merges),
      );
      for (let c = 1; c <= Math.max(src.columnCount, 1); c++) {
        expect(after.getColumn(c).width).toBe(src.getColumn(c).width);
        expect(after.getColumn(c).hidden).toBe(src.getColumn(c).hidden);
      }
      let compared = 0;
      src.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const a = after.getCell(r, c);
          expect({ at: `${src.name}!${cell.address}`, value: a.value, formula: a.formula, numFmt: a.numFmt }).toEqual({
            at: `${src.name}!${cell.address}`,
            value: cell.value,
            formula: cell.formula,
            numFmt: cell.numFmt,
          });
          expect(a.font).toEqual(cell.font);
          expect(a.fill).toEqual(cell.fill);
          expect(a.border).toEqual(cell.border);
          expect(a.alignment).toEqual(cell.alignment);
          compared++;
        });
      });
      expect(compared).toBeGreaterThan(0);
    }
  });

  it("keeps a source sheet's internal link internal after the round trip", async () => {
    const xml = await part(output, await sheetPath(output, "RA-01"));
    expect(xml).toContain('<hyperlink ref="C10" location="Lists!A1"/>');
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
  });

  it("replaces its own earlier summaries and keeps every other sheet", async () => {
    const again = await buildSummaryBytes(await loadWorkbook(output, "pack.summary.xlsx"), samplePlan(["Recovery Summary", "Data Checks"]));
    const wb = await open(again.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(out.worksheets.map((w) => w.name));
    expect(wb.getWorksheet("RA-01")!.getCell("C3").value).toBe(448000);
    // One table, still under its own name (the old one went with its sheet).
    const zip = await JSZip.loadAsync(again.bytes);
    const tables = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    expect(tables).toHaveLength(1);
    expect(await zip.file(tables[0])!.async("string")).toMatch(/name="RecoveryActions"/);
  });

  it("refuses to remove a sheet that does not carry the marker", async () => {
    const plan = samplePlan(["RA-01"]);
    await expect(buildSummaryBytes(await loadWorkbook(input, "pack.xlsx"), plan)).rejects.toThrow(HostError);
    await expect(buildSummaryBytes(await loadWorkbook(input, "pack.xlsx"), plan)).rejects.toThrow(
      "The sheet 'RA-01' in pack.xlsx does not carry Board Summary's marker, so it was not replaced; nothing was written.",
    );
  });

  it("renames a table whose name a user's table already has", async () => {
    const wb = sourceWorkbook();
    wb.getWorksheet("Lists")!.addTable({
      name: "RecoveryActions",
      ref: "D1",
      columns: [{ name: "Level" }],
      rows: [["High"]],
    });
    const { bytes } = await buildSummaryBytes(await loadWorkbook(await toBytes(wb), "t.xlsx"), samplePlan());
    const zip = await JSZip.loadAsync(bytes);
    const names = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
        .map(async (p) => /<table [^>]*name="([^"]+)"/.exec(await zip.file(p)!.async("string"))![1]),
    );
    expect(names.sort()).toEqual(["RecoveryActions", "RecoveryActions_2"]);
  });
});

describe("links and tables as Excel writes them", () => {
  it("keeps an Excel-style in-document link (a location, no relationship) through a rewrite", async () => {
    const zip = await JSZip.loadAsync(await toBytes(sourceWorkbook()));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<hyperlink ref="C10"[^>]*\/>/, '<hyperlink ref="C10" location="\'O\'\'Brien\'\'s Actions\'!A1:A2" display="See lists"/>'));
    zip.file("xl/worksheets/_rels/sheet1.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
    const excelStyle = await zip.generateAsync({ type: "uint8array" });
    const { bytes } = await buildSummaryBytes(await loadWorkbook(excelStyle, "x.xlsx"), samplePlan());
    const xml = await part(bytes, await sheetPath(bytes, "RA-01"));
    expect(xml).toContain(`<hyperlink ref="C10" location="&apos;O&apos;&apos;Brien&apos;&apos;s Actions&apos;!A1:A2"/>`);
    expect(await part(bytes, "xl/worksheets/_rels/sheet1.xml.rels")).not.toContain("External");
  });

  it("reads a workbook whose table has a calculated column, and writes the summary separately", async () => {
    const wb = sourceWorkbook();
    wb.getWorksheet("Lists")!.addTable({ name: "Levels", ref: "D1", columns: [{ name: "Level" }, { name: "Twice" }], rows: [[1, 2]] });
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const table = await zip.file("xl/tables/table1.xml")!.async("string");
    zip.file("xl/tables/table1.xml", table.replace(/<tableColumn id="2" name="Twice"[^>]*\/>/, '<tableColumn id="2" name="Twice"><calculatedColumnFormula>Levels[[#This Row],[Level]]*2</calculatedColumnFormula></tableColumn>'));
    const loaded = await loadWorkbook(await zip.generateAsync({ type: "uint8array" }), "calc.xlsx");
    expect(loaded.snapshot.sheets[1].cells.find((c) => c.row === 2 && c.col === 4)?.value).toBe(1);
    const { result } = await buildSummaryBytes(loaded, samplePlan());
    expect(result.separateWorkbookReason).toContain("an Excel table with calculated columns, custom totals or a query (xl/tables/table1.xml)");
  });
});

describe("buildSummaryBytes with parts exceljs would drop", () => {
  it("writes only the summaries to a new workbook, says why, and links become text", async () => {
    const input = await withChart(await toBytes(sourceWorkbook()));
    const copy = input.slice();
    const loaded = await loadWorkbook(input, "charted.xlsx");
    const { bytes, result } = await buildSummaryBytes(loaded, samplePlan());
    expect(result.separateWorkbookReason).toContain("a chart (xl/charts/chart1.xml)");
    const wb = await open(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Recovery Summary", "Data Checks"]);
    const ws = wb.getWorksheet("Recovery Summary")!;
    expect(ws.getCell("E6").value).toBe("'O''Brien''s Actions'!A1");
    expect(ws.getCell("E7").value).toBe("'RA-01'!C3");
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((p) => p.startsWith("xl/externalLinks"))).toBe(false);
    for (const p of Object.keys(zip.files).filter((n) => n.includes("_rels/sheet"))) {
      expect(await zip.file(p)!.async("string")).not.toContain("External");
    }
    // The input is untouched.
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  });

  it("writes a formula naming another sheet as its value there", async () => {
    const model = recoverySummaryModel();
    model.cells.push({ row: 3, col: 3, content: { kind: "formula", formula: "'RA-01'!C3", result: 448000 } });
    const loaded = await loadWorkbook(await withChart(await toBytes(sourceWorkbook())), "c.xlsx");
    const { bytes, result } = await buildSummaryBytes(loaded, { models: [model], replace: [], notes: [] });
    expect((await open(bytes)).getWorksheet("Recovery Summary")!.getCell("C3").value).toBe(448000);
    expect(result.notes.join(" ")).toMatch(/written as values/);
  });
});

describe("writeSettings", () => {
  it("creates, then updates, the very hidden settings sheet", async () => {
    const wb = await open(await toBytes(sourceWorkbook()));
    writeSettings(wb, DEFAULT_SETTINGS);
    writeSettings(wb, { ...DEFAULT_SETTINGS, greenThreshold: 95, targetPence: 450_000_000 });
    const back = await open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const sheets = back.worksheets.filter((w) => w.name === SETTINGS_SHEET_NAME);
    expect(sheets).toHaveLength(1);
    expect(sheets[0].state).toBe("veryHidden");
    const { settings, problem } = settingsFromJson(String(sheets[0].getCell("A1").value));
    expect(problem).toBeUndefined();
    expect(settings).toMatchObject({ greenThreshold: 95, targetPence: 450_000_000 });
  });
});
