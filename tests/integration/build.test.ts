/**
 * Build round trip on the real sample: build, reopen, the summary holds the engine's
 * figures; every part of the workbook is carried over as stored (so every source sheet,
 * and the register's page break, are as they were); a second build gives the same summary
 * and replaces only our parts; a user's own sheet called Recovery Summary survives.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { analyse, summarise } from "../../src/core/engine";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { buildSummaryBytes } from "../../src/hosts/xlsx/write";
import { checkKeptByAddition, rebuildAllowance } from "../helpers/kept-by-addition";
import { parts, sheetList, sheetXml, unescapeXml } from "../helpers/package-parts";
import { BOARD_PACK } from "../helpers/workbooks";
import { withPart } from "../fixtures/make-xlsx";

const NOW = new Date("2023-09-21T12:00:00Z");

async function build(bytes: Uint8Array, name = "board-pack.xlsx") {
  const opened = await openWorkbook(bytes, name);
  const analysis = analyse(opened.snapshot, { now: NOW });
  const plan = summarise(analysis, NOW);
  const out = await buildSummaryBytes(opened, plan, NOW);
  return { analysis, plan, ...out };
}

/** In-document links of a sheet: their locations, as a reader sees them. */
async function links(bytes: Uint8Array, sheet: string): Promise<string[]> {
  const xml = await sheetXml(bytes, sheet);
  expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/); // internal, never an external file link
  return [...xml.matchAll(/<hyperlink [^>]*location="([^"]+)"/g)].map((m) => unescapeXml(m[1]));
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Everything a source sheet holds that a user could see or rely on. */
function sheetContent(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (c) => {
      cells.push({
        a: c.address,
        v: c.value instanceof Date ? c.value.toISOString() : c.value,
        f: c.formula ?? null,
        numFmt: c.numFmt ?? null,
        font: c.font ?? null,
        fill: c.fill ?? null,
        border: c.border ?? null,
        alignment: c.alignment ?? null,
      });
    });
  });
  return {
    name: ws.name,
    state: ws.state,
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    widths: (ws.columns ?? []).map((c) => c?.width ?? null),
    cells,
  };
}

/** A summary sheet's cells as text, without the time it was generated. */
function summaryCells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      if (c.address === "B2" || c.address === "C2") return; // "Generated" time
      out.push(`${c.address}=${JSON.stringify(c.value)}`);
    }),
  );
  return out;
}

function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      if (!found && c.value === text) found = c;
    }),
  );
  if (!found) throw new Error(`No cell reads '${text}' on ${ws.name}`);
  return found;
}

describe("build round trip on the board pack", () => {
  const input = new Uint8Array(fs.readFileSync(BOARD_PACK));
  let first: Awaited<ReturnType<typeof build>>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    first = await build(input);
    wb = await open(first.bytes);
  });

  it("adds the three summary sheets after the sources", () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(-3)).toEqual(["Recovery Summary", "Directions Summary", "Data Checks"]);
  });

  it("carries every part of the pack over as it was stored, adding only to the bookkeeping parts", async () => {
    const report = await checkKeptByAddition(input, first.bytes);
    expect(report.problems).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(report.carried).toBeGreaterThan(10);
  });

  it("keeps the register's page break before Mental Health", async () => {
    const register = await sheetXml(first.bytes, "Savings Register 2018-19");
    expect(register).toBe(await sheetXml(input, "Savings Register 2018-19"));
    expect(register).toMatch(/<rowBreaks [^>]*><brk id="16"[^>]*man="1"\/><\/rowBreaks>/);
  });

  it("writes the engine's totals, with a formula totals row whose cached result is the total", () => {
    const ws = wb.getWorksheet("Recovery Summary")!;
    // Each headline figure sits under its caption.
    const below = (label: string) => {
      const c = findCell(ws, label);
      return ws.getRow(Number(c.row) + 1).getCell(Number(c.col)).value;
    };
    expect(below("Total value")).toBe(3_935_000);
    expect(below("Target")).toBe(4_500_000);
    expect(below("Gap to target")).toBe(565_000);
    expect(below("Coverage of target")).toBe(0.8744);
    // The actions table's totals row: a SUBTOTAL over the value column.
    let formula: ExcelJS.CellFormulaValue | undefined;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === "object" && "formula" in v && /^SUBTOTAL\(109,E/.test(v.formula)) formula = formula ?? v;
      }),
    );
    expect(formula).toBeDefined();
    expect(formula!.result).toBe(3_935_000);
  });

  it("shows RAG as a word and a fill", () => {
    const ws = wb.getWorksheet("Recovery Summary")!;
    const ref = findCell(ws, "FRA-01 Planning");
    const rowCells: string[] = [];
    ws.getRow(Number(ref.row)).eachCell((c) => rowCells.push(String(c.value && typeof c.value === "object" && "text" in c.value ? c.value.text : c.value)));
    expect(rowCells).toContain("Red");
    let ragCell: ExcelJS.Cell | undefined;
    ws.getRow(Number(ref.row)).eachCell((c) => {
      if (c.value === "Red") ragCell = c;
    });
    expect(ragCell!.fill).toMatchObject({ type: "pattern", pattern: "solid" });
  });

  it("links each action to its source cell, quoting sheet names", async () => {
    // exceljs does not read in-workbook links back, so look at the sheet's XML itself.
    const found = await links(first.bytes, "Recovery Summary");
    expect(found).toContain("'FRA-01 Planning'!C5");
    expect(found.some((l) => l.startsWith("'Savings Register 2018-19'!"))).toBe(true);
  });

  it("prints as a board paper: landscape, one page wide, header rows repeated, page numbers", () => {
    for (const name of ["Recovery Summary", "Directions Summary", "Data Checks"]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
      expect(ws.headerFooter.oddFooter).toMatch(/&P/);
    }
  });

  it("leaves every source sheet's values, formulas and styles exactly as they were", async () => {
    const before = await open(input);
    for (const ws of before.worksheets) {
      expect(sheetContent(wb.getWorksheet(ws.name)!)).toEqual(sheetContent(ws));
    }
  });

  it("gives the same summary when built again from its own output", async () => {
    const second = await build(first.bytes, "board-pack.summary.xlsx");
    expect(second.plan.replace.sort()).toEqual(["Data Checks", "Directions Summary", "Recovery Summary"]);
    const wb2 = await open(second.bytes);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    for (const name of ["Recovery Summary", "Directions Summary", "Data Checks"]) {
      expect(summaryCells(wb2.getWorksheet(name)!)).toEqual(summaryCells(wb.getWorksheet(name)!));
    }
    // The earlier summaries are recognised as ours, never read as sources.
    expect(second.analysis.recovery.totals.totalValuePence).toBe(first.analysis.recovery.totals.totalValuePence);
    // Only our own parts went; everything of the user's is carried over again.
    const allowance = rebuildAllowance(await checkKeptByAddition(input, first.bytes), (await sheetList(first.bytes)).map((s) => s.replace(/#.*/, "")));
    const report = await checkKeptByAddition(first.bytes, second.bytes, allowance);
    expect(report.problems).toEqual([]);
    expect(report.removed.length).toBeGreaterThan(0);
    expect(report.removed.every((p) => allowance.mayRemove(p))).toBe(true);
    expect(report.carried).toBeGreaterThan(10);
  });

  it("keeps a user's own sheet called Recovery Summary and writes Recovery Summary (2)", async () => {
    const user = await open(input);
    const mine = user.addWorksheet("Recovery Summary");
    mine.getCell("A1").value = "My own notes for the board";
    mine.getCell("B2").value = 42;
    const bytes = new Uint8Array(await user.xlsx.writeBuffer());
    const built = await build(bytes);
    expect((await checkKeptByAddition(bytes, built.bytes)).problems).toEqual([]);
    expect(built.plan.notes.join(" ")).toMatch(/Recovery Summary \(2\)/);
    const out = await open(built.bytes);
    expect(out.getWorksheet("Recovery Summary")!.getCell("A1").value).toBe("My own notes for the board");
    expect(out.getWorksheet("Recovery Summary")!.getCell("B2").value).toBe(42);
    expect(out.getWorksheet("Recovery Summary (2)")).toBeDefined();
  });
});

describe("sheet names that look like replacement patterns", () => {
  // `$&`, "$`" and `$'` mean something to String.replace; a sheet may be called anything.
  it.each(["$` ", "Costs $& savings", "Q1 $'24"])("builds and reopens a pack with a form on sheet %j", async (name) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(name);
    ws.getCell("A1").value = "Finance Recovery Action: Agency staffing";
    ws.getCell("A2").value = "Financial Recovery Value";
    ws.getCell("B2").value = 75_000;
    ws.getCell("A3").value = "Risk Level";
    ws.getCell("B3").value = "Low";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const built = await build(bytes, "odd.xlsx");
    const out = await open(built.bytes);
    expect(out.getWorksheet(name)!.getCell("B2").value).toBe(75_000);
    expect(await links(built.bytes, "Recovery Summary")).toContain(`'${name.replace(/'/g, "''")}'!B2`);
  });
});

describe("a source sheet with an apostrophe in its name and print titles", () => {
  it("keeps its print titles exactly as Excel wrote them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("O'Brien's Actions");
    ws.getCell("A1").value = "Finance Recovery Action: Agency staffing";
    ws.getCell("A2").value = "Financial Recovery Value";
    ws.getCell("B2").value = 75_000;
    ws.pageSetup.printTitlesRow = "1:2";
    // exceljs does not double the apostrophes; Excel does, and that is the text we must keep.
    const raw = new Uint8Array(await wb.xlsx.writeBuffer());
    const written = parts(raw)["xl/workbook.xml"];
    const excel = written.replace(/(&apos;|')O\1Brien\1s Actions\1!\$1:\$2/, "'O''Brien''s Actions'!$$1:$$2");
    expect(excel).not.toBe(written);
    const input = await withPart(raw, "xl/workbook.xml", excel);
    const built = await build(input, "obrien.xlsx");
    expect((await checkKeptByAddition(input, built.bytes)).problems).toEqual([]);
    const xml = parts(built.bytes)["xl/workbook.xml"];
    const titles = [...xml.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)</g)].map((m) => unescapeXml(m[1]));
    // The sheet is no standard template (no Risk Level), so only Data Checks is written
    // (board-pages.md §9), with its own print titles after the user's.
    expect(titles).toHaveLength(2);
    expect(titles[0]).toBe("'O''Brien''s Actions'!$1:$2");
    expect(titles[1]).toMatch(/^'Data Checks'!\$(\d+):\$\1$/);
    const out = await open(built.bytes);
    expect(out.getWorksheet("O'Brien's Actions")!.pageSetup.printTitlesRow).toBe("1:2");
  });
});
