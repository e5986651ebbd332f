/**
 * Risk registers (action-plans-and-risks.md §11) as NHS bodies and IJBs lay them out, written
 * as real .xlsx files and checked through the command line: the 5 × 5 matrix in words and
 * numbers, a score column that disagrees, `Risk Rating` alone in level words, 3-point words,
 * closed risks, owners, reviews, residual scores, thresholds saved and overridden, and the
 * order sheets are recognised in. Expected figures come from the spec, not the code.
 */
import ExcelJS from "exceljs";
import { check, cleanUp, cliCheck, codesOn, rows, saveSettings, ukDate } from "./builder";

afterAll(cleanUp);

/** A trust board's corporate risk register: NPSA words, scores, owners, reviews, a closed risk. */
function corporate(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Corporate Risk Register");
  rows(ws, 1, [
    ["Board Assurance Framework 2024/25"],
    [],
    ["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Consequence", "Current Score", "Controls", "Target Score", "Next Review", "Status"],
    ["Finance"],
    ["BAF1", "Failure to deliver the financial plan", "Director of Finance", "Almost Certain", "Major", 20, "Recovery board\nGrip and control", 12, ukDate(2024, 6, 30), "Open"],
    ["BAF2", "Agency spend exceeds the cap", "Chief People Officer", "Likely", "Moderate", 10, "Vacancy panel", 16, ukDate(2024, 6, 30), "Open"],
    ["BAF3", "Capital programme slips", "Director of Estates", 3, 5, 15, null, 10, ukDate(2024, 3, 31), "Open"],
    ["Quality"],
    ["BAF4", "Cancer waiting times breached", "Medical Director", "Possible", "Catastrophic", 15, "Tumour site recovery plans", 8, ukDate(2024, 9, 30), "Open"],
    ["BAF5", "Estates compliance backlog", "Director of Estates", "Rare", "Minor", 2, "Compliance plan", null, ukDate(2024, 3, 1), "Closed"],
    ["BAF6", "Digital resilience", null, 2, 4, 8, "Backups tested", null, ukDate(2024, 9, 30), "Open"],
    ["BAF7", "Workforce wellbeing", "Chief People Officer", 2, 3, 6, "Wellbeing hub", null, ukDate(2024, 9, 30), "Open"],
  ]);
}

describe("a board assurance framework on the 5 × 5 matrix", () => {
  it("scores likelihood × consequence from words and numbers, banding and rating each risk", async () => {
    const wb = new ExcelJS.Workbook();
    corporate(wb);
    const { report } = await check(wb, "baf.xlsx", { overrides: { asOf: "2024-04-01" } });
    expect(report.sheets).toEqual([{ name: "Corporate Risk Register", kind: "risk-register" }]);
    expect(report.risks.items.map((r) => [r.ref, r.section, r.likelihood, r.impact, r.score, r.scale, r.level, r.rag, r.status])).toEqual([
      ["BAF1", "Finance", 5, 4, 20, 5, "extreme", "red", "open"],
      ["BAF2", "Finance", 4, 3, 12, 5, "high", "amber", "open"],
      ["BAF3", "Finance", 3, 5, 15, 5, "extreme", "red", "open"],
      ["BAF4", "Quality", 3, 5, 15, 5, "extreme", "red", "open"],
      ["BAF5", "Quality", 1, 2, 2, 5, "low", "green", "closed"],
      ["BAF6", "Quality", 2, 4, 8, 5, "high", "amber", "open"],
      ["BAF7", "Quality", 2, 3, 6, 5, "moderate", "green", "open"],
    ]);
    expect(report.risks.items[0].ragReason).toBe("Likelihood 5 × impact 4 = 20: extreme");
    expect(report.risks.items[4].ragReason).toBe("Closed");
    expect(report.risks.items[0].mitigations).toEqual(["Recovery board", "Grip and control"]);
    expect(report.risks.items[0].reviewDate).toBe("2024-06-30");
  });

  it("raises each finding at its cell: the disagreeing score, the unmitigated red, the missing owner, residual above current, an overdue review", async () => {
    const wb = new ExcelJS.Workbook();
    corporate(wb);
    const { report } = await check(wb, "baf.xlsx", { overrides: { asOf: "2024-04-01" } });
    expect(codesOn(report, "Corporate Risk Register")).toEqual([
      "score-mismatch@F6", // BAF2: 4 × 3 = 12, written 10
      "residual-above-current@H6", // BAF2: target 16 above 12
      "missing-mitigation@G7", // BAF3: red, no controls
      "review-overdue@I7", // BAF3: 31/03/2024, before 01/04/2024 (BAF5 is closed)
      "missing-owner@C11",
    ]);
  });

  it("draws the heat map of open risks: impact 5 down to 1, likelihood 1 to 5", async () => {
    const wb = new ExcelJS.Workbook();
    corporate(wb);
    const { report } = await check(wb, "baf.xlsx", { overrides: { asOf: "2024-04-01" } });
    expect(report.risks.heatMap).toEqual({
      grid5: [
        [0, 0, 2, 0, 0], // impact 5: BAF3 and BAF4 at likelihood 3
        [0, 1, 0, 0, 1], // impact 4: BAF6 (2), BAF1 (5)
        [0, 1, 0, 1, 0], // impact 3: BAF7 (2), BAF2 (4)
        [0, 0, 0, 0, 0], // impact 2: BAF5 is closed
        [0, 0, 0, 0, 0],
      ],
      grid3: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      singleRating: 0,
    });
    expect(report.risks).toMatchObject({ open: 6, closed: 1, byRag: { red: 3, amber: 2, green: 1, blue: 0, grey: 0 } });
    expect(report.risks.byOwner.map((o) => [o.owner, o.count])).toEqual([
      ["Director of Finance", 1],
      ["Chief People Officer", 2],
      ["Director of Estates", 1],
      ["Medical Director", 1],
      [null, 1],
    ]);
  });

  it("moves the RAG with --risk-red and --risk-amber, at and either side of each threshold", async () => {
    const wb = new ExcelJS.Workbook();
    corporate(wb);
    // Scores 20, 12, 15, 15, (closed), 8, 6.
    const run = await cliCheck(wb, "baf-thresholds.xlsx", ["--as-of", "2024-04-01", "--risk-red", "16", "--risk-amber", "7"]);
    expect(run.json?.risks.items.map((r) => `${r.score}:${r.rag}`)).toEqual(["20:red", "12:amber", "15:amber", "15:amber", "2:green", "8:amber", "6:green"]);
    const closer = await cliCheck(wb, "baf-closer.xlsx", ["--as-of", "2024-04-01", "--risk-red", "12", "--risk-amber", "6"]);
    expect(closer.json?.risks.items.map((r) => `${r.score}:${r.rag}`)).toEqual(["20:red", "12:red", "15:red", "15:red", "2:green", "8:amber", "6:amber"]);
  });

  it("refuses amber at or above red, saved or given, in one line", async () => {
    const wb = new ExcelJS.Workbook();
    corporate(wb);
    const run = await cliCheck(wb, "baf-bad.xlsx", ["--risk-amber", "15"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe("board-summary: Invalid setting: the risk amber score must be below the risk red score.\n");
    const saved = new ExcelJS.Workbook();
    corporate(saved);
    saveSettings(saved, { asOf: "2024-04-01", riskRed: 10, riskAmber: 12 });
    const ignored = await cliCheck(saved, "baf-saved-bad.xlsx");
    // A damaged saved setting never blocks a check: the defaults apply and a note says why
    // (exit 1 for the register's own error, the score that disagrees).
    expect(ignored.code).toBe(1);
    expect(ignored.json?.risks.items[0].rag).toBe("red");
    expect(ignored.err).toMatch(/note: Saved settings ignored: Invalid setting: the risk amber score must be below the risk red score/);
  });

  it("gives BRAG blue to closed risks", async () => {
    const wb = new ExcelJS.Workbook();
    corporate(wb);
    const run = await cliCheck(wb, "baf-brag.xlsx", ["--as-of", "2024-04-01", "--brag"]);
    expect(run.json?.risks.items[4]).toMatchObject({ rag: "blue", ragReason: "Closed", score: 2, level: "low" });
  });
});

describe("registers rated another way", () => {
  it("`Risk Rating` alone in NPSA words names the band; the top risks follow RAG then level", async () => {
    const wb = new ExcelJS.Workbook();
    rows(wb.addWorksheet("IJB Risks"), 1, [
      ["Ref", "Risk", "Risk Rating", "Lead", "Mitigation"],
      ["IJB1", "Unfunded pay award", "High", "Chief Finance Officer", "Lobby Scottish Government"],
      ["IJB2", "Delayed discharges", "Extreme", "Chief Officer", "Discharge to assess"],
      ["IJB3", "Winter pressures", "Moderate", "Chief Officer", "Winter plan"],
      ["IJB4", "Audit qualification", "Low", "Chief Finance Officer", "Close-down plan"],
      ["IJB5", "Carers support", "Medium", "Head of Adult Services", null],
    ]);
    const { report } = await check(wb, "ijb.xlsx", { overrides: { asOf: "2024-04-01" } });
    expect(report.risks.items.map((r) => [r.ref, r.score, r.scale, r.level, r.rag])).toEqual([
      ["IJB1", null, null, "high", "amber"],
      ["IJB2", null, null, "extreme", "red"],
      ["IJB3", null, null, "moderate", "amber"],
      ["IJB4", null, null, "low", "green"],
      ["IJB5", null, null, "moderate", "amber"],
    ]);
    expect(report.risks.heatMap.singleRating).toBe(5);
    expect(codesOn(report, "IJB Risks")).toEqual(["missing-mitigation@E6"]);
  });

  it("`Risk Rating` alone in H/M/L: 3-point levels, High red", async () => {
    const wb = new ExcelJS.Workbook();
    rows(wb.addWorksheet("Risks"), 1, [
      ["Risk", "Risk Rating", "Mitigation"],
      ["Pay award", "H", "Lobby"],
      ["Winter", "M", "Plan"],
      ["Audit", "L", "Plan"],
    ]);
    const { report } = await check(wb, "hml.xlsx");
    expect(report.risks.items.map((r) => [r.score, r.scale, r.level, r.rag])).toEqual([
      [null, 3, "high", "red"],
      [null, 3, "medium", "amber"],
      [null, 3, "low", "green"],
    ]);
  });

  it("likelihood and impact in 3-point words multiply on 1–9 into the 3 × 3 heat map", async () => {
    const wb = new ExcelJS.Workbook();
    rows(wb.addWorksheet("Programme Risks"), 1, [
      ["No", "Description of Risk", "Probability", "Severity", "Actions"],
      ["1", "Supplier fails", "High", "High", "Second supplier"],
      ["2", "Staff leave", "Medium", "High", "Retention"],
      ["3", "Scope creep", "Low", "Medium", "Change control"],
      ["4", "Mixed scales", "High", 4, "m"],
    ]);
    const { report } = await check(wb, "three.xlsx");
    expect(report.risks.items.map((r) => [r.likelihood, r.impact, r.score, r.scale, r.level, r.rag])).toEqual([
      [3, 3, 9, 3, "high", "red"],
      [2, 3, 6, 3, "high", "red"],
      [1, 2, 2, 3, "low", "green"],
      [null, 4, null, null, null, "grey"],
    ]);
    expect(report.risks.heatMap.grid3).toEqual([
      [0, 1, 1], // impact High: likelihood Medium, High
      [1, 0, 0], // impact Medium: likelihood Low
      [0, 0, 0],
    ]);
    expect(codesOn(report, "Programme Risks")).toEqual(["invalid-rating@C5"]);
  });

  it("a numeric score alone is read on the 5 × 5 bands", async () => {
    const wb = new ExcelJS.Workbook();
    rows(wb.addWorksheet("Scores"), 1, [
      ["Risk", "Risk Score", "Owner", "Mitigation"],
      ["A", 16, "x", "m"],
      ["B", 15, "x", "m"],
      ["C", 14, "x", "m"],
      ["D", 8, "x", "m"],
      ["E", 7, "x", "m"],
      ["F", 26, "x", "m"],
    ]);
    const { report } = await check(wb, "scores.xlsx");
    expect(report.risks.items.map((r) => `${r.score}:${r.level}:${r.rag}`)).toEqual([
      "16:extreme:red",
      "15:extreme:red",
      "14:high:amber",
      "8:high:amber",
      "7:moderate:green",
      "null:null:grey",
    ]);
    expect(codesOn(report, "Scores")).toEqual(["invalid-rating@B7"]);
  });
});

describe("recognition order (standard-templates.md §2)", () => {
  it("a sheet with a risk and an actions column and due dates is a risk register; one with actions and due dates only is an action plan", async () => {
    const wb = new ExcelJS.Workbook();
    rows(wb.addWorksheet("Risk Log"), 1, [
      ["Risk", "Likelihood", "Impact", "Actions", "Due Date"],
      ["Recruitment", 4, 3, "Overseas campaign", "Mar 2024"],
    ]);
    rows(wb.addWorksheet("Action Log"), 1, [
      ["Action", "Owner", "Due Date", "Update"],
      ["Launch the overseas campaign", "HR", "Mar 2024", "On track"],
    ]);
    const { report } = await check(wb, "logs.xlsx", { overrides: { asOf: "2024-03-01" } });
    expect(report.sheets).toEqual([
      { name: "Risk Log", kind: "risk-register" },
      { name: "Action Log", kind: "action-plan" },
    ]);
    expect(report.risks.items[0]).toMatchObject({ score: 12, mitigations: ["Overseas campaign"], rag: "amber" });
    expect(report.actionPlan.items[0]).toMatchObject({ lead: "HR", status: "in-progress", rag: "green", due: "2024-03-31" });
  });
});
