/**
 * The .xlsx writer: summaries added to the user's package by addition. What we write is read
 * back with exceljs (an independent reader) and from the package's XML itself; what we keep
 * is checked part by part (tests/helpers/kept-by-addition.ts).
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { DEFAULT_SETTINGS, SETTINGS_SHEET_NAME, settingsFromJson } from "../../../src/core/settings";
import { HostError } from "../../../src/hosts/host";
import { openWorkbook } from "../../../src/hosts/xlsx/open";
import { openPackage } from "../../../src/hosts/xlsx/package";
import { buildSummaryBytes, saveSettingsBytes } from "../../../src/hosts/xlsx/write";
import { dataChecksModel, recoverySummaryModel, samplePlan } from "../../fixtures/make-plan";
import { sourceWorkbook, toBytes, withChart, withPart } from "../../fixtures/make-xlsx";
import { closedXmlStyle, strictOoxml, withCalcChain, withMacros, withUserSheetLast, workbookAt } from "../../fixtures/transform-package";
import { checkKeptByAddition, rebuildAllowance } from "../../helpers/kept-by-addition";
import { parts, sheetList, sheetXml, unescapeXml } from "../../helpers/package-parts";
import type { SummaryPlan } from "../../../src/core/summary/sheet-model";
import { objectSnapshot } from "../../../src/core/snapshot";

const NOW = new Date("2023-09-21T12:00:00Z");

async function build(input: Uint8Array, plan: SummaryPlan = samplePlan(), name = "pack.xlsx") {
  return buildSummaryBytes(await openWorkbook(input, name), plan, NOW);
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

/** Every element name of a part with its namespace URI, as a parser resolves them. */
function elementNamespaces(xml: string): { name: string; uri: string }[] {
  const out: { name: string; uri: string }[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on("opentag", (t) => out.push({ name: t.name, uri: t.uri }));
  p.write(xml).close();
  return out;
}

describe("a build into the user's workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let out: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let xml: string;
  beforeAll(async () => {
    input = await toBytes(sourceWorkbook());
    const { bytes, result } = await build(input);
    expect(result).toEqual({
      written: [
        { id: "recovery-summary", name: "Recovery Summary" },
        { id: "data-checks", name: "Data Checks" },
      ],
      notes: [],
    });
    output = bytes;
    out = await open(output);
    ws = out.getWorksheet("Recovery Summary")!;
    xml = await sheetXml(output, "Recovery Summary");
  });

  it("adds the summaries after the last sheet, keeping each sheet's id and visibility", async () => {
    expect(await sheetList(output)).toEqual(["RA-01#1", "Lists#2:hidden", "Secret#3:veryHidden", "O'Brien's Actions#4", "Recovery Summary#5", "Data Checks#6"]);
  });

  it("keeps every part of the workbook as it was stored, and only adds to the bookkeeping parts", async () => {
    const report = await checkKeptByAddition(input, output);
    expect(report.problems).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(report.carried).toBe(unzipSyncNames(input).length - report.bookkeeping.length);
    expect(report.bookkeeping.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"]);
  });

  it("writes values with the model's number formats, fills and fonts, every font Calibri", () => {
    expect(ws.getCell("A1").font).toMatchObject({ name: "Calibri", bold: true, size: 14 });
    expect(ws.getCell("B2").value).toEqual(new Date(Date.UTC(2023, 8, 21)));
    expect(ws.getCell("B2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B3").value).toBe(0.1611);
    expect(ws.getCell("B3").numFmt).toBe("0%");
    expect(ws.getCell("C6").value).toBe(448000);
    expect(ws.getCell("C6").numFmt).toBe("£#,##0");
    expect(ws.getCell("A6").value).toBe("1.10");
    expect(ws.getCell("A6").numFmt).toBe("@");
    expect(ws.getCell("D6").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFC00000" } });
    expect(ws.getCell("D6").font).toMatchObject({ name: "Calibri", bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("D7").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("C8").border?.top).toMatchObject({ style: "thin" });
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getCell("A1").isMerged && ws.getCell("E1").isMerged).toBe(true);
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    let cells = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        // Cells inside a merge other than its first are not written: Excel shows the first.
        if (c.isMerged && c.master !== c) return;
        cells++;
        expect({ at: c.address, font: c.font?.name }).toEqual({ at: c.address, font: "Calibri" });
      }),
    );
    expect(cells).toBeGreaterThan(20);
  });

  it("writes strings inline, so the shared strings part is untouched", () => {
    expect(xml).toContain('t="inlineStr"');
    expect(xml).not.toMatch(/t="s"/);
  });

  it("writes in-document links with quotes doubled, and no relationship", async () => {
    const links = [...xml.matchAll(/<hyperlink ref="(\w+)" location="([^"]*)" display="([^"]*)"\/>/g)].map((m) => [m[1], unescapeXml(m[2]), unescapeXml(m[3])]);
    expect(links).toEqual([
      ["E6", "'O''Brien''s Actions'!A1", "O'Brien's Actions A1"],
      ["E7", "'RA-01'!C3", "RA-01 C3"],
    ]);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    expect(ws.getCell("E6").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" }, name: "Calibri" });
  });

  it("writes a real Excel table whose totals row holds the model's formula and result", async () => {
    expect(ws.getCell("C8").value).toEqual({ formula: "SUM(C6:C7)", result: 725000 });
    const all = parts(output);
    const tables = Object.keys(all).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    // The zero-row table is a plain range: one table part only.
    expect(tables).toHaveLength(1);
    const t = all[tables[0]];
    expect(t).toMatch(/name="RecoveryActions" displayName="RecoveryActions" ref="A5:E8" totalsRowCount="1"/);
    expect(t).toContain('<autoFilter ref="A5:E7"/>');
    // As Excel writes a totals cell holding a formula of the user's own.
    expect(t).toContain('<tableColumn id="3" name="Recovery Value (£)" totalsRowFunction="custom"><totalsRowFormula>SUM(C6:C7)</totalsRowFormula></tableColumn>');
    expect(t).toContain('<tableColumn id="1" name="Ref" totalsRowLabel="Total"/>');
    expect(ws.getCell("B8").value).toBeNull();
    const headers = [...t.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(headers).toEqual([1, 2, 3, 4, 5].map((c) => ws.getCell(5, c).value));
    // The zero-row table's header is still written, with its look.
    expect(ws.getCell("A10").value).toBe("Risk Level");
    expect(ws.getCell("A10").fill).toMatchObject({ fgColor: { argb: "FFD9E1F2" } });
    const rels = all[Object.keys(all).find((p) => /worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(p) && all[p].includes("tables/"))!];
    expect(rels).toContain(`Target="../tables/${tables[0].split("/").pop()}"`);
  });

  it("never writes a formula with a leading '=', nor NaN", () => {
    expect(xml).not.toMatch(/<f>=/);
    expect(xml).not.toContain("NaN");
  });

  it("freezes the header rows and sets up printing as a board paper", async () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    expect(ws.headerFooter.oddFooter).toBe("&RPage &P of &N");
    expect(ws.headerFooter.oddHeader).toBe("&LRecovery Summary");
    expect(parts(output)["xl/workbook.xml"]).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="4">'Recovery Summary'!$5:$5</definedName>`);
  });

  it("writes the marker and hides its column", () => {
    expect(ws.getCell("G1").value).toBe("board-summary:generated:recovery-summary");
    expect(ws.getColumn(7).hidden).toBe(true);
    expect(ws.getColumn(6).hidden).toBe(false);
  });

  it("appends its styles after the workbook's own and brings each count up to date", () => {
    const styles = parts(output)["xl/styles.xml"];
    for (const [list, child] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["numFmts", "numFmt"]]) {
      const body = new RegExp(`<${list} count="(\\d+)"[^>]*>([\\s\\S]*?)</${list}>`).exec(styles)!;
      expect({ list, count: Number(body[1]) }).toEqual({ list, count: [...body[2].matchAll(new RegExp(`<${child}[ />]`, "g"))].length });
    }
    // New number formats take ids of 164 and up that the workbook did not use.
    const ids = [...styles.matchAll(/<numFmt numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id >= 164)).toBe(true);
  });

  it("replaces its own earlier summaries in their places and removes nothing else", async () => {
    const again = await build(output, samplePlan(["Recovery Summary", "Data Checks"]), "pack.summary.xlsx");
    expect(await sheetList(again.bytes)).toEqual(await sheetList(output));
    const first = await checkKeptByAddition(input, output);
    const allowance = rebuildAllowance(first, (await sheetList(output)).map((s) => s.replace(/#.*/, "")));
    const report = await checkKeptByAddition(output, again.bytes, allowance);
    expect(report.problems).toEqual([]);
    expect(report.removed.every((p) => allowance.mayRemove(p))).toBe(true);
    expect(report.removed.length).toBeGreaterThan(0);
    // One table, still under its own name (the old one went with its sheet).
    const all = parts(again.bytes);
    const tables = Object.keys(all).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    expect(tables).toHaveLength(1);
    expect(all[tables[0]]).toMatch(/name="RecoveryActions"/);
    expect([...all["xl/workbook.xml"].matchAll(/_xlnm\.Print_Titles/g)]).toHaveLength(1);
  });

  it("refuses to remove a sheet that does not carry the marker, writing nothing", async () => {
    const plan = samplePlan(["RA-01"]);
    await expect(build(input, plan)).rejects.toThrow(HostError);
    await expect(build(input, plan)).rejects.toThrow(
      "The sheet 'RA-01' in pack.xlsx does not carry Board Summary's marker, so it was not replaced; nothing was written.",
    );
  });

  it("refuses to write over a user's sheet of the same name", async () => {
    const plan: SummaryPlan = { models: [recoverySummaryModel("Lists")], replace: [], notes: [] };
    await expect(build(input, plan)).rejects.toThrow("A sheet called 'Lists' already exists and is not one of Board Summary's own");
  });
});

/** The package's parts (zip entries that are not folders). */
function unzipSyncNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes)).filter((n) => !n.endsWith("/"));
}

describe("tables among the user's own", () => {
  it("gives each table an id and a name unused in the workbook", async () => {
    const wb = sourceWorkbook();
    wb.getWorksheet("Lists")!.addTable({ name: "RecoveryActions", ref: "D1", columns: [{ name: "Level" }], rows: [["High"]] });
    const input = await toBytes(wb);
    const { bytes } = await build(input);
    const all = parts(bytes);
    const tables = Object.keys(all).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p)).map((p) => all[p]);
    const names = tables.map((t) => /<table [^>]*name="([^"]+)"/.exec(t)![1]).sort();
    const ids = tables.map((t) => /<table [^>]*id="(\d+)"/.exec(t)![1]);
    expect(names).toEqual(["RecoveryActions", "RecoveryActions_2"]);
    expect(new Set(ids).size).toBe(2);
    expect((await checkKeptByAddition(input, bytes)).problems).toEqual([]);
  });

  it("carries a table with a calculated column over untouched (it used to send the summaries elsewhere)", async () => {
    const wb = sourceWorkbook();
    wb.getWorksheet("Lists")!.addTable({ name: "Levels", ref: "D1", columns: [{ name: "Level" }, { name: "Twice" }], rows: [[1, 2]] });
    const plain = parts(await toBytes(wb));
    const table = plain["xl/tables/table1.xml"].replace(
      /<tableColumn id="2" name="Twice"[^>]*\/>/,
      '<tableColumn id="2" name="Twice"><calculatedColumnFormula>Levels[[#This Row],[Level]]*2</calculatedColumnFormula></tableColumn>',
    );
    const input = await withPart(await toBytes(wb), "xl/tables/table1.xml", table);
    const { bytes } = await build(input);
    expect(parts(bytes)["xl/tables/table1.xml"]).toBe(table);
    expect((await checkKeptByAddition(input, bytes)).problems).toEqual([]);
  });
});

describe("parts exceljs would have dropped", () => {
  it("keeps a chart and its drawing, and adds the summaries to the same workbook", async () => {
    const input = await withChart(await toBytes(sourceWorkbook()));
    const copy = input.slice();
    const { bytes } = await build(input);
    const report = await checkKeptByAddition(input, bytes);
    expect(report.problems).toEqual([]);
    const all = parts(bytes);
    expect(all["xl/charts/chart1.xml"]).toContain("<c:barChart>");
    expect(all["xl/drawings/drawing1.xml"]).toContain("graphicFrame");
    expect(await sheetList(bytes)).toContain("Recovery Summary#5");
    // The input is untouched.
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  });

  it("keeps a macro project and the macro-enabled workbook type", async () => {
    const input = await withMacros(await toBytes(sourceWorkbook()));
    const { bytes } = await build(input, samplePlan(), "pack.xlsm");
    expect((await checkKeptByAddition(input, bytes)).problems).toEqual([]);
    const pkg = await openPackage(bytes);
    expect(pkg.contentType(pkg.workbookPart)).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    const before = (await openPackage(input)).raw("xl/vbaProject.bin");
    const after = pkg.raw("xl/vbaProject.bin");
    expect(Buffer.from(after.compressed).equals(Buffer.from(before.compressed))).toBe(true);
    expect(after.method).toBe(0);
  });
});

describe("packages as other producers write them", () => {
  it("ClosedXML's x: prefixes: our elements take the document's prefix", async () => {
    const input = await closedXmlStyle(await toBytes(sourceWorkbook()));
    const { bytes } = await build(input);
    expect((await checkKeptByAddition(input, bytes)).problems).toEqual([]);
    const all = parts(bytes);
    expect(all["xl/workbook.xml"]).toContain('<x:sheet name="Recovery Summary" sheetId="5" r:id=');
    expect(all["xl/workbook.xml"]).toContain('<x:definedName name="_xlnm.Print_Titles" localSheetId="4">');
    expect(all["xl/styles.xml"]).toMatch(/<x:font><x:b\/><x:sz val="14"\/><x:name val="Calibri"\/>/);
    const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    for (const part of ["xl/workbook.xml", "xl/styles.xml"]) {
      const unbound = elementNamespaces(all[part]).filter((e) => e.uri === "");
      expect({ part, unbound }).toEqual({ part, unbound: [] });
      expect(elementNamespaces(all[part]).filter((e) => /^x:/.test(e.name)).every((e) => e.uri === MAIN)).toBe(true);
    }
  });

  it("strict OOXML: new parts and relationships in the strict namespaces", async () => {
    const input = await strictOoxml(await toBytes(sourceWorkbook()));
    const { bytes } = await build(input);
    expect((await checkKeptByAddition(input, bytes)).problems).toEqual([]);
    const sheet = await sheetXml(bytes, "Recovery Summary");
    expect(sheet).toContain('<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">');
    const rels = parts(bytes)["xl/_rels/workbook.xml.rels"];
    expect(rels).toMatch(/Type="http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\/worksheet" Target="worksheets\/sheet5\.xml"/);
    expect(rels).not.toContain("schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet");
  });

  it.each([
    ["xl", "WorkBook.xml"],
    ["book", "main.xml"],
  ])("a workbook part at %s/%s, found from the package's relationships", async (folder, name) => {
    const input = await workbookAt(await toBytes(sourceWorkbook()), folder, name);
    const { bytes } = await build(input);
    expect((await checkKeptByAddition(input, bytes)).problems).toEqual([]);
    const all = parts(bytes);
    expect(all[`${folder}/_rels/${name}.rels`]).toContain('Target="worksheets/sheet5.xml"');
    expect(all[`${folder}/worksheets/sheet5.xml`]).toContain("board-summary:generated:recovery-summary");
    expect(all["[Content_Types].xml"]).toContain(`PartName="/${folder}/worksheets/sheet5.xml"`);
    expect((await sheetList(bytes)).slice(-2)).toEqual(["Recovery Summary#5", "Data Checks#6"]);
  });

  it("a workbook with no styles part gets one of its own", async () => {
    const zip = parts(await toBytes(sourceWorkbook()));
    const input = await withPart(
      await withPart(await toBytes(sourceWorkbook()), "xl/_rels/workbook.xml.rels", zip["xl/_rels/workbook.xml.rels"].replace(/<Relationship [^>]*styles"[^>]*\/>/, "")),
      "[Content_Types].xml",
      zip["[Content_Types].xml"].replace(/<Override PartName="\/xl\/styles\.xml"[^>]*\/>/, ""),
    );
    const stripped = await openPackage(input);
    expect((await stripped.relationships(stripped.workbookPart)).some((r) => r.type.endsWith("/styles"))).toBe(false);
    const { bytes } = await build(input);
    const all = parts(bytes);
    const rel = /<Relationship [^>]*Type="[^"]*\/styles" Target="([^"]+)"/.exec(all["xl/_rels/workbook.xml.rels"])![1];
    expect(rel).not.toBe("styles.xml"); // the orphaned old part keeps its name and bytes
    expect(all[`xl/${rel}`]).toMatch(/<cellXfs count="\d+"><xf numFmtId="0"/);
    // The title's style, through our own styles part: bold Calibri.
    const s = Number(/<c r="A1" s="(\d+)"/.exec(await sheetXml(bytes, "Recovery Summary"))![1]);
    const styles = all[`xl/${rel}`];
    const xf = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf [^>]*>/g)][s][0];
    const font = [.../<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1].matchAll(/<font>[\s\S]*?<\/font>/g)][Number(/fontId="(\d+)"/.exec(xf)![1])][0];
    expect(font).toBe('<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>');
  });

  it("dates in a 1904 workbook are written as 1904 serials", async () => {
    const { bytes } = await build(await toBytes(sourceWorkbook({ date1904: true })));
    // 21/09/2023 is serial 45190 in the 1900 system, 1462 days fewer in the 1904 system.
    expect(await sheetXml(bytes, "Recovery Summary")).toMatch(/<c r="B2" s="\d+"><v>43728<\/v><\/c>/);
  });
});

describe("sheet indices and the calculation chain", () => {
  it("removing a summary of ours moves later sheets' scoped names and the open tab down with them", async () => {
    const first = (await build(await toBytes(sourceWorkbook()))).bytes;
    const input = await withUserSheetLast(first, "Later");
    expect(parts(input)["xl/workbook.xml"]).toContain(`localSheetId="6">'Later'!$A$1`);
    // The Recovery Summary no longer applies: only Data Checks is written.
    const plan: SummaryPlan = { models: [dataChecksModel()], replace: ["Recovery Summary", "Data Checks"], notes: [] };
    const { bytes } = await build(input, plan);
    expect(await sheetList(bytes)).toEqual(["RA-01#1", "Lists#2:hidden", "Secret#3:veryHidden", "O'Brien's Actions#4", "Data Checks#6", "Later#90"]);
    const wb = parts(bytes)["xl/workbook.xml"];
    expect(wb).toContain(`<definedName name="Mine" localSheetId="5">'Later'!$A$1</definedName>`);
    expect(wb).toMatch(/activeTab="5"/);
    expect(wb).not.toContain("Recovery Summary");
    expect(await sheetXml(bytes, "Later")).toBe(await sheetXml(input, "Later"));
  });

  it("takes our old sheets' cells out of the calculation chain, keeping the user's", async () => {
    const first = (await build(await toBytes(sourceWorkbook()))).bytes;
    // Sheet 1 is RA-01 (the user's), sheet 5 the Recovery Summary (ours).
    const input = await withCalcChain(first, [
      [1, "C6"],
      [5, "C8"],
      [1, "C8"],
      [1, "C12"],
      [5, "B3"],
    ]);
    const { bytes } = await build(input, samplePlan(["Recovery Summary", "Data Checks"]));
    expect(parts(bytes)["xl/calcChain.xml"]).toMatch(/<calcChain [^>]*><c r="C6" i="1"\/><c r="C8" i="1"\/><c r="C12"\/><\/calcChain>$/);
  });

  it("drops a calculation chain that named only our cells, with its relationship and content type", async () => {
    const first = (await build(await toBytes(sourceWorkbook()))).bytes;
    const input = await withCalcChain(first, [
      [5, "C8"],
      [6, "B2"],
    ]);
    const { bytes } = await build(input, samplePlan(["Recovery Summary", "Data Checks"]));
    const all = parts(bytes);
    expect(all["xl/calcChain.xml"]).toBeUndefined();
    expect(all["xl/_rels/workbook.xml.rels"]).not.toContain("calcChain");
    expect(all["[Content_Types].xml"]).not.toContain("calcChain");
  });
});

describe("text as SpreadsheetML holds it", () => {
  it("escapes what XML cannot hold and what looks like an escape", async () => {
    const model = recoverySummaryModel();
    model.cells.push(
      { row: 20, col: 1, content: { kind: "text", text: "literal _x0041_ stays" } },
      { row: 21, col: 1, content: { kind: "text", text: "bell\u0007 and <tags> & \"quotes\"" } },
      { row: 22, col: 1, content: { kind: "text", text: "  padded\nsecond line " } },
    );
    const { bytes } = await build(await toBytes(sourceWorkbook()), { models: [model], replace: [], notes: [] });
    const sheet = await sheetXml(bytes, "Recovery Summary");
    expect(sheet).toContain("<t>literal _x005F_x0041_ stays</t>");
    expect(sheet).toContain("<t>bell_x0007_ and &lt;tags&gt; &amp; &quot;quotes&quot;</t>");
    expect(sheet).toContain('<t xml:space="preserve">  padded\nsecond line </t>');
    const ws = (await open(bytes)).getWorksheet("Recovery Summary")!;
    expect(ws.getCell("A22").value).toBe("  padded\nsecond line ");
  });
});

describe("saved settings", () => {
  it("creates, then replaces in its place, the very hidden settings sheet", async () => {
    const input = await toBytes(sourceWorkbook());
    const once = await saveSettingsBytes(await openPackage(input), DEFAULT_SETTINGS, NOW);
    expect((await checkKeptByAddition(input, once)).problems).toEqual([]);
    const withSummaries = (await build(once)).bytes;
    const twice = await saveSettingsBytes(await openPackage(withSummaries), { ...DEFAULT_SETTINGS, greenThreshold: 95, targetPence: 450_000_000 }, NOW);
    expect(await sheetList(twice)).toEqual([
      "RA-01#1",
      "Lists#2:hidden",
      "Secret#3:veryHidden",
      "O'Brien's Actions#4",
      `${SETTINGS_SHEET_NAME}#5:veryHidden`,
      "Recovery Summary#6",
      "Data Checks#7",
    ]);
    const snapshot = objectSnapshot((await openWorkbook(twice, "pack.xlsx")).snapshot);
    const sheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET_NAME)!;
    const { settings, problem } = settingsFromJson(String(sheet.cells[0].value));
    expect(problem).toBeUndefined();
    expect(settings).toMatchObject({ greenThreshold: 95, targetPence: 450_000_000 });
  });
});
