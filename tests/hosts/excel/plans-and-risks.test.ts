// Action plans and risk registers through the Office.js host (issue 11 on the add-in): read in
// full, the stated-RAG fills the engine asks for read with Range.getCellProperties in the
// same bounded syncs, their templates inserted, and summaries of any id written.
import { analyse } from "../../../src/core/engine";
import { fillsNeeded } from "../../../src/core/fills-needed";
import { MARKER_PREFIX, type SheetModel } from "../../../src/core/summary/sheet-model";
import { ExcelHost } from "../../../src/hosts/excel";
import { FakeExcel, type CellInit, type FakeExcelOptions } from "../../fakes/excel/fake-excel";
import { addActionSheet, planFor } from "./plan-fixtures";

const NOW = new Date("2024-01-15T12:00:00Z");

function setup(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel(options);
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "T0K3N" });
  return { fake, host };
}

interface PlanRow {
  ref: string;
  action: string;
  due: string;
  progress: string;
  /** The RAG cell's word, if any. */
  rag?: string;
  /** Its fill colour (`#RRGGBB`), and pattern where not solid. */
  fill?: string;
  pattern?: string;
}

/** An action plan laid out as seed 003's: a title, then Ref | Action | Lead | By When | Progress | RAG from row 3. */
function addPlan(fake: FakeExcel, name: string, rows: PlanRow[]): void {
  const cells: Record<string, CellInit> = {
    A1: "Organisational Development Action Plan",
    A3: "Ref",
    B3: "Action to deliver",
    C3: "OP Lead",
    D3: "By When",
    E3: "Progress",
    F3: "RAG",
  };
  rows.forEach((r, i) => {
    const row = 4 + i;
    cells[`A${row}`] = { value: r.ref, numberFormat: "@" };
    cells[`B${row}`] = r.action;
    cells[`C${row}`] = "ADA";
    cells[`D${row}`] = r.due;
    cells[`E${row}`] = r.progress;
    if (r.rag !== undefined) cells[`F${row}`] = r.rag;
  });
  const s = fake.addSheet(name, cells);
  rows.forEach((r, i) => {
    if (r.fill === undefined) return;
    const key = `${4 + i},6`;
    const cell = s.cells.get(key) ?? { value: null, numberFormat: "General", style: {} };
    // As Excel keeps a fill set in its Format Cells dialog (RangeFill.color / pattern).
    cell.style["fill.color"] = r.fill;
    if (r.pattern) cell.style["fill.pattern"] = r.pattern;
    s.cells.set(key, cell);
  });
}

/** Seed 003's kind of plan, its RAG column stated by words and by colours. */
const SEED_LIKE: PlanRow[] = [
  // Overdue and still in progress: Red; stated Green by colour alone.
  { ref: "6.1", action: "Commission external OD resource", due: "Dec 2023", progress: "In progress", fill: "#00B050" },
  { ref: "6.2", action: "Governing Body development sessions", due: "Mar 2025", progress: "In progress", rag: "Green" },
  // A cell with no fill: no stated RAG.
  { ref: "6.3", action: "Review committee structure", due: "Mar 2025", progress: "Complete" },
  // A patterned fill is no solid fill: no stated RAG.
  { ref: "6.4", action: "Member practice engagement plan", due: "Mar 2025", progress: "Delayed", fill: "#FF0000", pattern: "Gray50" },
  // Excel's standard orange, by colour alone: Amber, as computed.
  { ref: "6.5", action: "Staff survey action plan", due: "Mar 2025", progress: "Delayed", fill: "#FFC000" },
];

describe("action plans: the stated RAG read from fill colours", () => {
  it("reads exactly the fills the engine asks for, and rates colour-only RAGs as the spec says", async () => {
    const { fake, host } = setup({ apiVersion: "1.13" });
    addPlan(fake, "OD Plan", SEED_LIKE);
    const snapshot = await host.readSnapshot();

    // Only the stated-RAG cells without text: F4, and F6 to F8 (F5 says Green in words).
    expect(fake.cellPropertyReads).toEqual(["'OD Plan'!F4", "'OD Plan'!F6:F8"]);
    expect(fillsNeeded(snapshot)).toEqual([{ sheet: "OD Plan", ranges: ["F4", "F6:F8"] }]);

    const analysis = analyse(snapshot, { now: NOW });
    const items = analysis.actionPlan.items.map((a) => [a.ref, a.statedRag, a.statedRagBy, a.rag]);
    expect(items).toEqual([
      ["6.1", "green", "fill", "red"],
      ["6.2", "green", "word", "green"],
      ["6.3", null, null, "green"],
      ["6.4", null, null, "amber"],
      ["6.5", "amber", "fill", "amber"],
    ]);
    const at = (code: string) => analysis.findings.filter((f) => f.code === code).map((f) => f.cell);
    expect(at("rag-colour-only")).toEqual(["F4", "F8"]);
    expect(at("rag-mismatch")).toEqual(["F4"]);
  });

  it("keeps a fill only on the cells it read: no fill is no stated RAG, and a cell with a word is read by its word", async () => {
    const { fake, host } = setup();
    addPlan(fake, "Plan", [
      { ref: "1", action: "Has a word and a fill", due: "Mar 2025", progress: "In progress", rag: "Green", fill: "#C00000" },
      { ref: "2", action: "Has neither", due: "Mar 2025", progress: "In progress" },
    ]);
    const snapshot = await host.readSnapshot();
    expect(snapshot.sheets[0].cells.filter((c) => c.fill !== undefined)).toEqual([]);
    const analysis = analyse(snapshot, { now: NOW });
    expect(analysis.actionPlan.items.map((a) => a.statedRag)).toEqual(["green", null]);
    expect(analysis.findings.filter((f) => f.code === "rag-colour-only" || f.code === "rag-mismatch")).toEqual([]);
  });

  it("reads a RAG fill on a plan longer than the recognition window, below row 200", async () => {
    const { fake, host } = setup({ apiVersion: "1.13" });
    const rows = Array.from({ length: 300 }, (_, i): PlanRow => ({ ref: `${i + 1}`, action: `Action ${i + 1}`, due: "Mar 2025", progress: "In progress", rag: "Green" }));
    rows[279] = { ...rows[279], rag: undefined, fill: "#C00000" };
    addPlan(fake, "Long Plan", rows);
    const analysis = analyse(await host.readSnapshot(), { now: NOW });
    expect(fake.cellPropertyReads).toEqual(["'Long Plan'!F283"]);
    expect(analysis.actionPlan.items).toHaveLength(300);
    expect(analysis.actionPlan.items[279]).toMatchObject({ ref: "280", statedRag: "red", statedRagBy: "fill", rag: "green", ragMismatch: true });
  });

  it("follows a RAG cell merged over several rows: the merge's own fill, read once the merged areas are known", async () => {
    const { fake, host } = setup({ apiVersion: "1.13" });
    addPlan(fake, "Plan", [
      { ref: "1", action: "First", due: "Mar 2025", progress: "In progress", fill: "#00B050" },
      { ref: "2", action: "Second", due: "Mar 2025", progress: "In progress" },
      { ref: "3", action: "Third", due: "Mar 2025", progress: "In progress" },
    ]);
    const s = fake.sheet("Plan")!;
    // F4:F5 merged: one RAG for two actions. Then a section heading on row 7 whose RAG cell
    // is merged down over the action below it: only the merged areas show that F7 is needed.
    s.merges.push({ top: 4, left: 6, bottom: 5, right: 6 });
    s.cells.set("5,6", { value: null, numberFormat: "General", style: { "fill.color": "#00B050" } });
    s.cells.set("7,1", { value: "Member Practices", numberFormat: "General", style: {} });
    s.cells.set("8,2", { value: "Fourth", numberFormat: "General", style: {} });
    s.cells.set("8,4", { value: "Mar 2025", numberFormat: "General", style: {} });
    s.cells.set("8,5", { value: "In progress", numberFormat: "General", style: {} });
    s.cells.set("7,6", { value: null, numberFormat: "General", style: { "fill.color": "#C00000" } });
    s.merges.push({ top: 7, left: 6, bottom: 8, right: 6 });
    const snapshot = await host.readSnapshot();
    const filled = snapshot.sheets[0].cells.filter((c) => c.fill !== undefined).map((c) => [c.row, c.col, c.fill]);
    // F5's own fill is no RAG of its own (the merge's is F4's); F7's is the fourth action's.
    expect(filled).toEqual([
      [4, 6, "00B050"],
      [7, 6, "C00000"],
    ]);
    const analysis = analyse(snapshot, { now: NOW });
    expect(analysis.actionPlan.items.map((a) => [a.ref, a.statedRag, a.statedRagCell])).toEqual([
      ["1", "green", "F4"],
      ["2", "green", "F4"],
      ["3", null, "F6"],
      ["Plan row 8", "red", "F7"],
    ]);
  });

  /** Syncs to read a workbook of `n` copies of a plan. */
  async function syncs(n: number, rows: PlanRow[], options: FakeExcelOptions): Promise<number> {
    const { fake, host } = setup(options);
    for (let i = 1; i <= n; i++) addPlan(fake, `Plan ${i}`, rows);
    const snapshot = await host.readSnapshot();
    // Every colour-only RAG of every plan really read.
    const colourOnly = analyse(snapshot, { now: NOW }).findings.filter((f) => f.code === "rag-colour-only");
    expect(colourOnly).toHaveLength(n * rows.filter((r) => r.fill && !r.pattern && r.rag === undefined).length);
    return fake.syncs.length;
  }

  it("costs the same syncs with 1 and with 50 action plans, on every requirement set", async () => {
    const long = Array.from({ length: 250 }, (_, i): PlanRow => ({ ref: `${i + 1}`, action: `Action ${i + 1}`, due: "Mar 2025", progress: "In progress", fill: "#00B050" }));
    const figures: Record<string, number[]> = {};
    for (const [label, rows, apiVersion] of [
      ["small, 1.13", SEED_LIKE, "1.13"],
      ["small, 1.9", SEED_LIKE, "1.9"],
      ["250 actions, 1.13", long, "1.13"],
    ] as const) {
      figures[label] = [await syncs(1, rows, { apiVersion }), await syncs(50, rows, { apiVersion })];
    }
    // List, windows, then the merged areas with the fills (1.13); list, windows, fills (1.9);
    // a plan past the window: its rows below row 200, then its fills.
    expect(figures).toEqual({ "small, 1.13": [3, 3], "small, 1.9": [3, 3], "250 actions, 1.13": [4, 4] });
  });

  it("reading fills costs no sync more where the merged areas are read (ExcelApi 1.13)", async () => {
    const words = SEED_LIKE.map((r) => ({ ...r, rag: r.rag ?? "Amber", fill: undefined, pattern: undefined }));
    const withWords = setup({ apiVersion: "1.13" });
    addPlan(withWords.fake, "Plan", words);
    await withWords.host.readSnapshot();
    expect(withWords.fake.cellPropertyReads).toEqual([]);
    const withColours = setup({ apiVersion: "1.13" });
    addPlan(withColours.fake, "Plan", SEED_LIKE);
    await withColours.host.readSnapshot();
    expect(withColours.fake.syncs.length).toBe(withWords.fake.syncs.length);
  });
});

describe("risk registers", () => {
  it("are read in full, past the recognition window", async () => {
    const { fake, host } = setup();
    const cells: Record<string, CellInit> = { A1: "Corporate Risk Register", A3: "Ref", B3: "Risk Description", C3: "Likelihood", D3: "Impact", E3: "Mitigation" };
    for (let i = 0; i < 300; i++) {
      const row = 4 + i;
      cells[`A${row}`] = `R${i + 1}`;
      cells[`B${row}`] = `Risk ${i + 1}`;
      cells[`C${row}`] = 4;
      cells[`D${row}`] = (i % 5) + 1;
      cells[`E${row}`] = "Programme Management Team to support delivery";
    }
    fake.addSheet("Risks", cells);
    const analysis = analyse(await host.readSnapshot(), { now: NOW });
    expect(analysis.risks.items).toHaveLength(300);
    expect(analysis.risks.items.at(-1)).toMatchObject({ ref: "R300", likelihood: 4, impact: 5, score: 20, level: "extreme", rag: "red" });
    // No fills are needed for a risk register.
    expect(fake.cellPropertyReads).toEqual([]);
  });
});

describe("inserting the action-plan and risk-register templates", () => {
  it("an action plan: drop-down lists for progress and RAG, a date rule on due dates", async () => {
    const { fake, host } = setup();
    fake.addSheet("Sheet1");
    const name = await host.insertTemplate("action-plan");
    expect(name).toBe("Action Plan");
    expect(fake.validationAt(name, "F6")?.rule).toEqual({ date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } });
    expect(fake.validationAt(name, "F30")?.errorAlert?.style).toBe("Warning");
    expect(fake.cell(name, "F6")?.numberFormat).toBe("dd/mm/yyyy");
    expect(fake.validationAt(name, "H6")?.rule).toEqual({ list: { inCellDropDown: true, source: "Not started,In progress,On track,At risk,Delayed,On hold,Complete" } });
    expect(fake.validationAt(name, "I30")?.rule).toEqual({ list: { inCellDropDown: true, source: "Red,Amber,Green,Blue,Grey" } });
    expect(fake.validationAt(name, "I31")).toBeUndefined();
    expect(fake.cell(name, "A6")?.numberFormat).toBe("@");
  });

  it("a risk register: rating and status lists, a review-date rule, and the score as a formula with no cached result", async () => {
    const { fake, host } = setup();
    fake.addSheet("Sheet1");
    const name = await host.insertTemplate("risk-register");
    expect(name).toBe("Risk Register");
    for (const at of ["E4", "F28"]) expect(fake.validationAt(name, at)?.rule).toEqual({ list: { inCellDropDown: true, source: "1,2,3,4,5" } });
    expect(fake.validationAt(name, "K4")?.rule).toEqual({ list: { inCellDropDown: true, source: "Open,Closed" } });
    expect(fake.validationAt(name, "J28")?.rule).toEqual({ date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" } });
    expect(fake.validationAt(name, "I4")?.rule).toEqual({ decimal: { formula1: 1, formula2: 25, operator: "Between" } });
    // `result: null` in the model: the formula is written and Excel works it out (the fake calculates none).
    expect(fake.cell(name, "G4")).toMatchObject({ formula: 'IF(COUNT(E4,F4)=2,E4*F4,"")', value: null, numberFormat: "0" });
    expect(fake.cell(name, "G28")?.formula).toBe('IF(COUNT(E28,F28)=2,E28*F28,"")');
    // Read back, the blank register is a risk register with no risks and no findings of its own.
    const analysis = analyse(await host.readSnapshot(), { now: NOW });
    expect(analysis.sheets.find((s) => s.name === name)?.kind).toBe("risk-register");
    expect(analysis.risks.items).toEqual([]);
    expect(analysis.findings.filter((f) => f.sheet === name)).toEqual([]);
  });
});

describe("summary sheets of any id", () => {
  /**
   * A summary whose id the writing path has never heard of. The schema's id list
   * (summaryIdSchema in core) does not hold the new kinds' ids yet; the cast stands for a
   * model of one, to prove the host has no list of its own: what it writes and replaces is
   * decided by the plan alone.
   */
  function riskSummary(dataRows: number): SheetModel {
    const id = "risk-summary" as SheetModel["id"];
    return {
      id,
      name: "Risk Summary",
      marker: `${MARKER_PREFIX}risk-summary`,
      markerCell: { row: 1, col: 10 },
      cells: [
        { row: 1, col: 1, content: { kind: "text", text: "Risk Summary" }, style: { bold: true, size: 16 } },
        { row: 3, col: 1, content: { kind: "text", text: "Ref" } },
        { row: 3, col: 2, content: { kind: "text", text: "Score" } },
        ...Array.from({ length: dataRows }, (_, i) => [
          { row: 4 + i, col: 1, content: { kind: "text" as const, text: `R${i + 1}` } },
          { row: 4 + i, col: 2, content: { kind: "number" as const, value: 20 - i } },
        ]).flat(),
      ],
      merges: [],
      tables: [{ name: "Risks", headerRow: 3, firstCol: 1, columns: ["Ref", "Score"], dataRows, totalsRow: false, style: "TableStyleMedium2", bandedRows: true }],
      columnWidths: [{ col: 1, width: 10 }],
      freezeRows: 3,
      pageBreaks: [],
      print: {
        orientation: "landscape",
        paperSize: "A4",
        fitToPagesWide: 1,
        margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
        repeatRows: { from: 3, to: 3 },
        header: { left: "", center: "", right: "" },
        footer: { left: "", center: "", right: "Page &P of &N" },
      },
    };
  }

  it("writes a summary of a new id beside the others, and rewrites it in place", async () => {
    const { fake, host } = setup();
    addActionSheet(fake, "RA 1", 1000);
    const plan = planFor(["RA 1"]);
    const first = await host.writeSummaries({ ...plan, models: [...plan.models, riskSummary(2)] });
    expect(first.written.map((w) => [w.id, w.name])).toEqual([
      ["recovery-summary", "Recovery Summary"],
      ["data-checks", "Data Checks"],
      ["risk-summary", "Risk Summary"],
    ]);
    const id = fake.sheet("Risk Summary")!.id;
    fake.addSheet("My notes", { A1: { formula: "'Risk Summary'!B4", value: 20 } });

    await host.writeSummaries({ models: [riskSummary(3)], replace: ["Risk Summary"], notes: [] });
    expect(fake.sheet("Risk Summary")!.id).toBe(id);
    expect(fake.cell("Risk Summary", "A6")?.value).toBe("R3");
    expect(fake.cell("Risk Summary", "J1")?.value).toBe(`${MARKER_PREFIX}risk-summary`);
    expect(fake.sheet("Risk Summary")!.tables.map((t) => t.name)).toEqual(["Risks"]);
    expect(fake.cell("My notes", "A1")).toMatchObject({ formula: "'Risk Summary'!B4" });
    expect(fake.cell("My notes", "A1")?.error).toBeUndefined();
  });
});
