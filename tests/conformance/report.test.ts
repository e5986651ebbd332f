/**
 * The command line's JSON report (command-line.md) and the RAG/settings rules behind it
 * (§6, §7): every field present, nulls where unknown, findings order, base name, money to
 * the penny, saved settings on the very hidden sheet and CLI flags over them.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { check, cleanUp, cliCheck, NOW, put, rows, saveSettings, writeBook } from "./builder";

afterAll(cleanUp);

const EMPTY_RAG = { red: 0, amber: 0, green: 0, blue: 0, grey: 0 };
const cv0 = { count: 0, value: 0 };

function form(
  wb: ExcelJS.Workbook,
  name: string,
  f: { value: ExcelJS.CellValue; risk?: string; forecast?: ExcelJS.CellValue; achieved?: ExcelJS.CellValue; area?: string },
): void {
  const ws = wb.addWorksheet(name);
  put(ws, {
    A1: `Finance Recovery Action: ${name}`,
    A2: "Exec Lead",
    B2: "Lead",
    A3: "Description",
    B3: "Text",
    A4: "Lead Service Area",
    B4: f.area ?? "Reablement Service",
    A5: "Financial Recovery Value",
    B5: f.value,
    A6: "Risk Level",
    B6: f.risk ?? "High",
    A7: "Plan Date",
    B7: "31/03/2024",
  });
  if (f.forecast !== undefined) put(ws, { A8: "Forecast", B8: f.forecast });
  if (f.achieved !== undefined) put(ws, { A9: "Delivered to Date", B9: f.achieved });
  rows(ws, 11, [
    ["Strategic Aims", "Actions", "Dependencies", "Risks", "Mitigation", "Delivery Timeframe"],
    ["No.1", "Do it", "None", "Some", "Plan", "2024/25"],
    ["Triangulation", null, null, null, null, "Reporting Frequency"],
    ["Population Need", null, null, null, null, "Monthly"],
    ["Finance", null, null, null, null, "Monthly"],
    ["Outcomes", null, null, null, null, "Monthly"],
  ]);
}

function directions(wb: ExcelJS.Workbook, name = "Directions"): void {
  const ws = wb.addWorksheet(name);
  rows(ws, 1, [
    ["Health & Wellbeing"],
    ["No", "Direction", "Measure", "Progress at Q2", "Source"],
    ["1.1", "Done by 30/06/2024", "m", "Achieved", "A"],
    ["1.2", "Nearly by 30/06/2024", "m", 85, "A"],
    ["1.3", "Halfway by 30/06/2024", "m", 65, "A"],
    ["1.4", "Late by 31/03/2024", "m", 85, "A"],
  ]);
}

describe("JSON report shape (command-line.md)", () => {
  it("a workbook with only directions still has a zeroed recovery object; every field present", async () => {
    const wb = new ExcelJS.Workbook();
    directions(wb);
    wb.addWorksheet("Blank");
    const run = await cliCheck(wb, "only-directions.xlsx");
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const raw = JSON.parse(run.out);
    expect(raw.workbook).toBe("only-directions.xlsx");
    expect(raw.schemaVersion).toBe(1);
    expect(raw.asOf).toBe("2023-09-21");
    expect(raw.sheets).toEqual([
      { name: "Directions", kind: "directions" },
      { name: "Blank", kind: "other" },
    ]);
    expect(raw.recovery).toEqual({
      count: 0,
      totalValue: 0,
      target: null,
      gap: null,
      coverage: null,
      forecastTotal: null,
      achievedTotal: null,
      byRag: { red: cv0, amber: cv0, green: cv0, blue: cv0, grey: cv0 },
      byRiskLevel: { high: cv0, medium: cv0, low: cv0 },
      byServiceArea: [],
      actions: [],
    });
    // Every item carries every field, dueDate/progress as values or null.
    for (const item of raw.directions.items) {
      expect(Object.keys(item).sort()).toEqual(["dueDate", "no", "progress", "rag", "ragReason", "row", "sheet", "theme"]);
    }
    // An empty sheet gets no unrecognised-sheet finding.
    expect(raw.findings.filter((f: { sheet: string }) => f.sheet === "Blank")).toEqual([]);
  });

  it("a workbook with no directions still has a zeroed directions object", async () => {
    const wb = new ExcelJS.Workbook();
    form(wb, "RA-01", { value: "£448K" });
    const { report } = await check(wb);
    expect(report.directions).toEqual({ count: 0, period: null, byRag: EMPTY_RAG, byTheme: [], items: [] });
  });

  it("findings follow the workbook's sheet order, then row, column, code; info for a non-empty unrecognised sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet("Zeta notes");
    put(notes, { C5: "Some notes a colleague left" });
    form(wb, "Alpha", { value: "TBC", risk: "Very High" });
    const { report } = await check(wb);
    expect(report.findings.map((f) => [f.sheet, f.cell, f.code, f.severity])).toEqual([
      ["Zeta notes", "A1", "unrecognised-sheet", "info"],
      ["Alpha", "B5", "invalid-money", "error"],
      ["Alpha", "B6", "invalid-risk-level", "error"],
    ]);
    // Messages say what is wrong and where the reader can act: they quote the bad value.
    expect(report.findings[1].message).toContain("TBC");
    expect(report.findings[2].message).toContain("Very High");
  });

  it("an action with an invalid value has value null, stays in the count, and adds nothing", async () => {
    const wb = new ExcelJS.Workbook();
    form(wb, "Good", { value: "£1,234.565", risk: "Low" });
    form(wb, "Bad", { value: "TBC", risk: "Low" });
    const run = await cliCheck(wb, "mixed.xlsx");
    expect(run.code).toBe(1);
    const r = run.json!;
    expect(r.recovery.count).toBe(2);
    expect(r.recovery.totalValue).toBe(1234.57);
    expect(r.recovery.actions.map((a) => a.value)).toEqual([1234.57, null]);
    expect(r.recovery.byRiskLevel.low).toEqual({ count: 2, value: 1234.57 });
    expect(r.recovery.byServiceArea).toEqual([{ serviceArea: "Reablement Service", count: 2, value: 1234.57, share: 1 }]);
  });
});

describe("recovery RAG (§6)", () => {
  it("forecast ratio thresholds are inclusive; achieved = value is delivered; risk level otherwise", async () => {
    const wb = new ExcelJS.Workbook();
    form(wb, "F95", { value: 100000, forecast: 95000, risk: "High" });
    form(wb, "F75", { value: 100000, forecast: "£75K", risk: "Low" });
    form(wb, "F74", { value: 100000, forecast: 74000, risk: "Low" });
    form(wb, "Done", { value: 100000, achieved: 100000, forecast: 1, risk: "High" });
    form(wb, "Med", { value: 100000, risk: "Med" });
    form(wb, "Zero", { value: 0, risk: "Low" });
    const plain = await check(wb);
    expect(plain.report.recovery.actions.map((a) => `${a.ref}:${a.rag}`)).toEqual([
      "F95:green",
      "F75:amber",
      "F74:red",
      "Done:green",
      "Med:amber",
      "Zero:grey",
    ]);
    expect(plain.report.recovery.forecastTotal).toBe(95000 + 75000 + 74000 + 1);
    expect(plain.report.recovery.achievedTotal).toBe(100000);
    const brag = await check(wb, "brag.xlsx", { overrides: { brag: true } });
    expect(brag.report.recovery.actions.find((a) => a.ref === "Done")!.rag).toBe("blue");
    expect(brag.report.recovery.byRag.blue).toEqual({ count: 1, value: 100000 });
  });
});

describe("settings saved on the very hidden sheet, overridden by flags (§6)", () => {
  function book(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    form(wb, "RA-01", { value: "£1.2m", risk: "Low" });
    directions(wb);
    saveSettings(wb, {
      greenThreshold: 80,
      amberThreshold: 60,
      brag: true,
      targetPence: 4_500_000_00,
      asOf: "2024-04-01",
    });
    return wb;
  }

  it("the saved settings apply in every run, and the settings sheet is kind settings with no finding", async () => {
    const run = await cliCheck(book(), "saved.xlsx");
    const r = run.json!;
    expect(r.asOf).toBe("2024-04-01");
    expect(r.sheets.find((s) => s.name === "Board Summary Settings")!.kind).toBe("settings");
    expect(r.findings.filter((f) => f.sheet === "Board Summary Settings")).toEqual([]);
    // 85 ≥ 80 green; 65 ≥ 60 amber; Achieved = 100 blue with BRAG; 1.4 due 31/03/2024 before 01/04/2024: overdue.
    expect(r.directions.items.map((i) => i.rag)).toEqual(["blue", "green", "amber", "red"]);
    expect(r.recovery).toMatchObject({ target: 4500000, totalValue: 1200000, gap: 3300000, coverage: 0.2667 });
  });

  it("flags override the saved settings for the run", async () => {
    const run = await cliCheck(book(), "override.xlsx", [
      "--as-of",
      "2024-03-01",
      "--green",
      "90",
      "--no-brag",
      "--target",
      "£4,000,000",
    ]);
    expect(run.code).toBe(0);
    const r = run.json!;
    expect(r.asOf).toBe("2024-03-01");
    // Amber 60 is still the saved one; green is now 90; BRAG off; 1.4 is no longer overdue.
    expect(r.directions.items.map((i) => i.rag)).toEqual(["green", "amber", "amber", "amber"]);
    expect(r.recovery).toMatchObject({ target: 4000000, gap: 2800000, coverage: 0.3 });
  });

  it("an invalid override (amber above green) is exit 2 with one clear line and no JSON", async () => {
    const run = await cliCheck(book(), "bad-flags.xlsx", ["--amber", "95"]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toMatch(/amber/i);
  });

  it("a target below the total gives a negative gap and coverage above 1", async () => {
    const run = await cliCheck(book(), "over.xlsx", ["--target", "1m"]);
    expect(run.json!.recovery).toMatchObject({ target: 1000000, gap: -200000, coverage: 1.2 });
  });
});

describe("a user's own sheet named like a summary", () => {
  it("'Recovery Summary' holding a register is read as a register, and build writes 'Recovery Summary (2)'", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Recovery Summary");
    rows(ws, 1, [
      ["Service Area", "Saving"],
      ["Prescribing", "£50K"],
    ]);
    const { report } = await check(wb);
    expect(report.sheets).toEqual([{ name: "Recovery Summary", kind: "recovery-register" }]);
    expect(report.recovery.totalValue).toBe(50000);

    const file = await writeBook(wb, "user-summary.xlsx");
    const out = file.replace(/\.xlsx$/, ".out.xlsx");
    let stdout = "";
    const code = await main(["build", file, "-o", out], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => undefined,
      progress: () => undefined,
      now: () => NOW,
    });
    expect(code).toBe(0);
    const built = new ExcelJS.Workbook();
    await built.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const names = built.worksheets.map((w) => w.name);
    expect(names).toContain("Recovery Summary");
    expect(names).toContain("Recovery Summary (2)");
    expect(built.getWorksheet("Recovery Summary")!.getCell("B2").value).toBe("£50K");
    expect(stdout).toContain("Recovery Summary (2)");
  });
});

describe("the as-at date and flag errors on the command line", () => {
  async function run(args: string[], now: string) {
    const wb = new ExcelJS.Workbook();
    rows(wb.addWorksheet("Reg"), 1, [
      ["Service Area", "Saving"],
      ["A", 5],
    ]);
    const file = await writeBook(wb, "asof.xlsx");
    let out = "";
    let err = "";
    const code = await main(["check", file, "--json", ...args], {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
      progress: () => undefined,
      now: () => new Date(now),
    });
    return { code, out, err };
  }

  it("takes --as-of as people in the UK write it (21/03/2024) or as ISO, as the revised command-line.md says", async () => {
    expect(JSON.parse((await run(["--as-of", "21/03/2024"], "2023-09-21T12:00:00Z")).out).asOf).toBe("2024-03-21");
    expect(JSON.parse((await run(["--as-of", "2024-03-21"], "2023-09-21T12:00:00Z")).out).asOf).toBe("2024-03-21");
  });

  it("defaults to today in Europe/London: 23:30 UTC on 30 June is already 1 July in British Summer Time", async () => {
    const r = await run([], "2024-06-30T23:30:00Z");
    expect(JSON.parse(r.out).asOf).toBe("2024-07-01");
    const winter = await run([], "2024-01-31T23:30:00Z");
    expect(JSON.parse(winter.out).asOf).toBe("2024-01-31");
  });

  it.each([
    [["--as-of", "2024-02-30"], /as-of/],
    // The revised command-line.md takes UK dates (31/03/2024) as well as ISO; US order is refused.
    [["--as-of", "03/21/2024"], /US month\/day order/],
    [["--target", "TBC"], /target/],
    [["--target", "-5"], /negative/],
    [["--green", "101"], /green/],
  ])("%p is exit 2 with one line on standard error and nothing on standard output", async (args, pattern) => {
    const r = await run(args, "2023-09-21T12:00:00Z");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(pattern);
  });
});
