/**
 * Action plans (action-plans-and-risks.md §10) as other boards lay them out, written as real
 * .xlsx files and checked through the command line: `Milestone`/`Deadline`/`Status`/`RAG
 * Status` columns, R/A/G letters, date cells, quarters and financial years, `By` and `End of`,
 * a header repeated per page, headings in the action column, a plan in the middle of a sheet,
 * settings saved and overridden. Expected figures come from the spec, not the code.
 */
import ExcelJS from "exceljs";
import { check, cleanUp, cliCheck, codesOn, rows, saveSettings, ukDate } from "./builder";

afterAll(cleanUp);

/** A project board's milestone tracker: a title block, then the table from column B. */
function milestones(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Milestones");
  rows(ws, 1, [
    [null, "Digital Programme: Milestone Tracker"],
    [null, "Aim: Replace the community nursing system"],
    [],
    [null, "Ref", "Milestone", "Owner", "Deadline", "Status", "RAG Status"],
    [null, "Procurement"], // a heading in the first column of the table
    [null, "D1", "Business case approved", "Director of Finance", ukDate(2024, 1, 31), "Complete", "B"],
    [null, "D2", "Supplier appointed", "Head of Procurement", "Q4 2023/24", "Delayed", "A"],
    [null, "D3", "Contract signed", "Head of Procurement", "End of Q1 2024/25", "Not started", "G"],
    [null, "Delivery"],
    [null, "D4", "Data migration", "CCIO", "By 30/06/2024", "In progress", "G"],
    [null, "D5", "Go live", "CCIO", "2024/25", "Not started", "G"],
    [null, "D6", "Benefits review", "PMO", "TBA", "Planned", "R"],
    [null, "D7", "Decommission the old system", "CCIO", "End of March 2024", "Ongoing", "g"],
  ]);
}

describe("a milestone tracker (Milestone, Deadline, Status, RAG Status with letters)", () => {
  it("is recognised and read, with its heading sections and date forms", async () => {
    const wb = new ExcelJS.Workbook();
    milestones(wb);
    const { report, analysis } = await check(wb, "milestones.xlsx", { overrides: { asOf: "2024-03-31" } });
    expect(report.sheets).toEqual([{ name: "Milestones", kind: "action-plan" }]);
    expect(analysis.actionPlan.plans[0]).toMatchObject({ title: "Digital Programme: Milestone Tracker", headerCell: "B4", schedule: false });
    expect(report.actionPlan.items.map((i) => [i.ref, i.section, i.lead, i.due, i.status, i.statedRag])).toEqual([
      ["D1", "Procurement", "Director of Finance", "2024-01-31", "complete", "blue"],
      ["D2", "Procurement", "Head of Procurement", "2024-03-31", "at-risk", "amber"],
      ["D3", "Procurement", "Head of Procurement", "2024-06-30", "not-started", "green"],
      ["D4", "Delivery", "CCIO", "2024-06-30", "in-progress", "green"],
      ["D5", "Delivery", "CCIO", "2025-03-31", "not-started", "green"],
      ["D6", "Delivery", "PMO", null, "not-started", "red"],
      ["D7", "Delivery", "CCIO", "2024-03-31", "in-progress", "green"],
    ]);
  });

  it("rates each milestone by the spec's rules, due on the as-at date not yet overdue", async () => {
    const wb = new ExcelJS.Workbook();
    milestones(wb);
    const { report } = await check(wb, "milestones.xlsx", { overrides: { asOf: "2024-03-31" } });
    expect(report.actionPlan.items.map((i) => `${i.ref} ${i.rag}: ${i.ragReason}`)).toEqual([
      "D1 green: Complete",
      // Due 31/03/2024, the as-at date: not overdue, so rule 3 (at risk) applies.
      "D2 amber: Reported as 'Delayed'",
      "D3 green: Not started, due 30/06/2024",
      "D4 green: In progress, due 30/06/2024",
      "D5 green: Not started, due 31/03/2025",
      "D6 grey: Not started and no due date",
      "D7 green: In progress, due 31/03/2024",
    ]);
    expect(report.actionPlan).toMatchObject({
      count: 7,
      overdue: 0,
      // D2 and D7, due on the as-at date (D1 is complete).
      dueSoon: 2,
      completion: 0.1429,
      byRag: { red: 0, amber: 1, green: 5, blue: 0, grey: 1 },
      byStatus: { complete: 1, "at-risk": 1, "not-started": 3, "in-progress": 2, "not-reported": 0 },
    });
    // D1 states Blue for a complete action (Green computed: the same); D6 states Red, grey computed.
    expect(codesOn(report, "Milestones")).toEqual(["unknown-due-date@E12", "rag-mismatch@G12"]);
  });

  it("turns overdue and due soon on the day after, and follows --due-soon", async () => {
    const wb = new ExcelJS.Workbook();
    milestones(wb);
    const day = await cliCheck(wb, "milestones-day-after.xlsx", ["--as-of", "2024-04-01"]);
    const items = day.json?.actionPlan.items ?? [];
    expect(items.map((i) => `${i.ref} ${i.rag}`)).toEqual(["D1 green", "D2 red", "D3 green", "D4 green", "D5 green", "D6 grey", "D7 red"]);
    expect(items[1].ragReason).toBe("Overdue: due 31/03/2024, progress 'Delayed'");
    // D3 (not started, due 30/06/2024) is exactly 90 days after 01/04/2024: amber with a 90-day window, green with 89.
    const wide = await cliCheck(wb, "milestones-wide.xlsx", ["--as-of", "2024-04-01", "--due-soon", "89"]);
    expect(wide.json?.actionPlan.items[2].rag).toBe("green");
    const wider = await cliCheck(wb, "milestones-wider.xlsx", ["--as-of", "2024-04-01", "--due-soon", "90"]);
    expect(wider.json?.actionPlan.items[2]).toMatchObject({ rag: "amber", ragReason: "Due 30/06/2024 and not started" });
    expect(wider.json?.actionPlan.dueSoon).toBe(2);
  });

  it("uses the due-soon window saved in the workbook, and refuses a bad one in one line", async () => {
    const wb = new ExcelJS.Workbook();
    milestones(wb);
    saveSettings(wb, { asOf: "2024-04-01", dueSoonDays: 90 });
    const saved = await cliCheck(wb, "milestones-saved.xlsx");
    expect(saved.json?.actionPlan.items[2].rag).toBe("amber");
    const bad = await cliCheck(wb, "milestones-bad.xlsx", ["--due-soon", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe("");
    expect(bad.err).toBe("board-summary: --due-soon must be a whole number of days, e.g. --due-soon 30 (got 'soon').\n");
  });
});

describe("seed 003's layout with its header repeated and a section above a later header", () => {
  it("keeps sections over the repeat and takes the line above the next header", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("OD Plan");
    const header = ["OD Goal", "Action to deliver", "SRO", "OP Lead", "By When", "Measure/Evidence", "Progress", "RAG"];
    rows(ws, 1, [
      ["Organisational Development Strategy and Action Plan 2018-21"],
      ["Leadership, Structure and Behaviours"],
      ["Aim: To reset the CCGs leadership."],
      ["Lead: Accountable Officer"],
      header,
      ["Governing Body"],
      ["High performing and effective Governing Body", "6.1 Commission external OD resource", "AO/DSP", "ADA", "Dec 2018", null, "Completed"],
      [null, "6.2 Establish a joint management structure", "AO", "ADA", "Oct 2018", null, "In progress", "Green"],
      [],
      header,
      [null, "6.3 Induction programme in place for all new GB members.", "AO/DSP", "ADA", "Oct 2018", null, "Completed"],
      [],
      ["7. Financial Management"],
      ["Aim: Develop a clearly defined Financial Recovery Plan."],
      ["Lead: Chief Finance Officer"],
      header,
      ["Ensure that there are sufficient resources available", "7.2 Training budget identified for 2018/19.", "CFO", "DCFO", "March 2018", null, "Completed"],
    ]);
    const { report } = await check(wb, "od.xlsx", { overrides: { asOf: "2019-03-31" } });
    expect(report.actionPlan.items.map((i) => [i.ref, i.section, i.goal])).toEqual([
      ["6.1", "Governing Body", "High performing and effective Governing Body"],
      ["6.2", "Governing Body", "High performing and effective Governing Body"],
      ["6.3", "Governing Body", "High performing and effective Governing Body"],
      ["7.2", "7. Financial Management", "Ensure that there are sufficient resources available"],
    ]);
    expect(report.actionPlan.items[1]).toMatchObject({ rag: "red", statedRag: "green" });
    expect(codesOn(report, "OD Plan")).toEqual(["rag-mismatch@H8"]);
    expect(report.findings[0].message).toBe(
      "Stated Green, but due 31/10/2018 and still in progress at 31/03/2019: Red. Change the RAG cell to Red, or bring the progress and due date up to date.",
    );
    expect(report.actionPlan.completion).toBe(0.75);
  });
});

describe("the JSON report's actionPlan and risks", () => {
  it("are present with zero counts and empty lists in a workbook with neither", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Nothing to read";
    const run = await cliCheck(wb, "neither.xlsx");
    const raw = JSON.parse(run.out);
    expect(raw.actionPlan).toEqual({
      count: 0,
      overdue: 0,
      dueSoon: 0,
      completion: null,
      byRag: { red: 0, amber: 0, green: 0, blue: 0, grey: 0 },
      byStatus: { complete: 0, "at-risk": 0, "not-started": 0, "in-progress": 0, "not-reported": 0 },
      bySection: [],
      byLead: [],
      items: [],
    });
    expect(raw.risks).toEqual({
      open: 0,
      closed: 0,
      byRag: { red: 0, amber: 0, green: 0, blue: 0, grey: 0 },
      heatMap: { grid5: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], grid3: [[0, 0, 0], [0, 0, 0], [0, 0, 0]], singleRating: 0 },
      byOwner: [],
      bySection: [],
      items: [],
    });
    expect(raw.schemaVersion).toBe(1);
  });

  it("give every action field, unknown as null and dates ISO", async () => {
    const wb = new ExcelJS.Workbook();
    rows(wb.addWorksheet("Plan"), 1, [["Action", "By When", "Progress"], ["Agree the plan", "March 2018 (and ongoing)", "In progress"]]);
    const run = await cliCheck(wb, "one-action.xlsx", ["--as-of", "2019-03-31"]);
    const raw = JSON.parse(run.out);
    expect(raw.actionPlan.items).toEqual([
      {
        sheet: "Plan",
        row: 2,
        ref: "Plan row 2",
        section: null,
        goal: null,
        action: "Agree the plan",
        lead: null,
        sro: null,
        due: "2018-03-31",
        dueNote: "and ongoing",
        progress: "In progress",
        status: "in-progress",
        statedRag: null,
        rag: "green",
        ragReason: "Ongoing since 31/03/2018",
      },
    ]);
    expect(raw.actionPlan.byLead).toEqual([{ lead: null, count: 1, complete: 0, overdue: 0 }]);
  });
});
