/**
 * The savings register (§4) as other finance teams keep it: title rows above the header,
 * a `Savings (£000)` column, a page-break header repeat, wrapped descriptions, a stated
 * total in the first column, no total at all, junk below the table; and counted-once
 * rules between forms and register lines (§4, §7).
 */
import ExcelJS from "exceljs";
import { check, cleanUp, codesOn, put, rows, where } from "./builder";

afterAll(cleanUp);

function titled(ws: ExcelJS.Worksheet): void {
  put(ws, { A1: "Midlothian Integration Joint Board", A2: "Achieving Financial Balance 2018/19 (£000)" });
  ws.mergeCells("A1:E1");
}

describe("a register with title rows, a £000 column, a page-break repeat and a Total row", () => {
  async function build(statedTotal: number) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Savings 2018-19");
    titled(ws);
    rows(ws, 4, [
      ["Ref", "Service Area", "Analysis of Issue", "Savings (£000)", "Risk Level"],
      ["S1", "Mental Health", "Reduce inpatient beds", 448, "High"],
      [null, null, "and move care to the community"],
      ["S2", "mental  health", "Day services redesign", 200, "m"],
      ["Ref", "Service Area", "Analysis of Issue", "Savings (£000)", "Risk Level"],
      ["S3", "Learning Disability", "Review of packages", 39.5, "Low"],
      ["Total", null, null, statedTotal],
      [],
      ["Notes: figures are provisional"],
      ["S9", "Junk", "below the table", 999],
    ]);
    return check(wb);
  }

  it("reads three items, skips the repeat, joins the wrapped description and stops at the total", async () => {
    const { report, analysis } = await build(687.5);
    expect(report.sheets).toEqual([{ name: "Savings 2018-19", kind: "recovery-register" }]);
    expect(report.findings).toEqual([]);
    expect(report.recovery.actions.map((a) => [a.ref, a.cell, a.value, a.riskLevel])).toEqual([
      ["S1", "D5", 448000, "high"],
      ["S2", "D7", 200000, "medium"],
      ["S3", "D9", 39500, "low"],
    ]);
    expect(analysis.recovery.actions[0].description).toContain("Reduce inpatient beds");
    expect(analysis.recovery.actions[0].description).toContain("and move care to the community");
    expect(report.recovery.count).toBe(3);
    expect(report.recovery.totalValue).toBe(687500);
  });

  it("groups service areas on the folded name, first spelling, largest first, shares to four places", async () => {
    const { report } = await build(687.5);
    expect(report.recovery.byServiceArea).toEqual([
      // 648000 / 687500 = 0.942545… ; 39500 / 687500 = 0.057454…
      { serviceArea: "Mental Health", count: 2, value: 648000, share: 0.9425 },
      { serviceArea: "Learning Disability", count: 1, value: 39500, share: 0.0575 },
    ]);
    expect(report.recovery.byRiskLevel).toEqual({
      high: { count: 1, value: 448000 },
      medium: { count: 1, value: 200000 },
      low: { count: 1, value: 39500 },
    });
  });

  it("a stated total that is out by £500 is total-mismatch at the stated total's cell, naming both sums", async () => {
    const { report } = await build(688);
    const mismatch = report.findings.filter((f) => f.code === "total-mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ severity: "error", sheet: "Savings 2018-19" });
    expect(["A10", "D10"]).toContain(mismatch[0].cell);
    expect(mismatch[0].message).toMatch(/688,000/);
    expect(mismatch[0].message).toMatch(/687,500/);
    expect(mismatch[0].message).toMatch(/500/);
    // The stated total is not an item and nothing below it is read.
    expect(report.recovery.count).toBe(3);
  });
});

describe("a register without a Ref column or a total, ended by two blank rows", () => {
  it("refs are '<sheet> row <n>', a line without money is missing-field at its money cell, junk below is ignored", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Register");
    rows(ws, 1, [
      ["Financial plan 2024/25"],
      [],
      ["Service Area", "Description", "Proposed Saving"],
      ["Prescribing", "Generic switching", "£120K"],
      ["Bank & Agency (NHS)", "Reduce agency use", { v: 85000.25, fmt: "£#,##0.00" }],
      ["Bank & Agency (MLC)", "Reduce agency use", null],
      [],
      [],
      ["Prescribing", "Below two blank rows: not part of the table", 5000],
      [null, null, 1_000_000],
    ]);
    const { report } = await check(wb);
    expect(report.recovery.actions.map((a) => [a.ref, a.cell, a.value])).toEqual([
      ["Register row 4", "C4", 120000],
      ["Register row 5", "C5", 85000.25],
      ["Register row 6", "C6", null],
    ]);
    expect(codesOn(report, "Register")).toEqual(["missing-field@C6"]);
    expect(report.recovery.count).toBe(3);
    expect(report.recovery.totalValue).toBe(205000.25);
    // Bracketed text is kept when grouping service areas (decisions.md).
    expect(report.recovery.byServiceArea.map((s) => s.serviceArea)).toEqual([
      "Prescribing",
      "Bank & Agency (NHS)",
      "Bank & Agency (MLC)",
    ]);
    // No Risk Level column and no forecast: every line is grey (§6 rule 4), valued or not.
    expect(report.recovery.byRag.grey).toEqual({ count: 3, value: 205000.25 });
  });

  it("a row holding only an amount is the stated total, checked to the penny", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Reg");
    rows(ws, 1, [
      ["Service Area", "Value (£)"],
      ["Care Homes", "£10,000.10"],
      ["Care at Home", "£20,000.20"],
      [null, 30000.31],
    ]);
    const { report } = await check(wb);
    expect(where(report, "total-mismatch")).toEqual(["Reg!B4"]);
    expect(report.findings[0].message).toMatch(/0\.01/);
    expect(report.recovery.count).toBe(2);
    expect(report.recovery.totalValue).toBe(30000.3);
  });
});

describe("one action, counted once (§4)", () => {
  function form(wb: ExcelJS.Workbook, name: string, ref: string | null, area: string, value: number): void {
    const ws = wb.addWorksheet(name);
    put(ws, {
      A1: `Finance Recovery Action: ${name}`,
      A2: "Exec Lead",
      B2: "Lead",
      A3: "Description",
      B3: "Text",
      A4: "Lead Service Area",
      B4: area,
      A5: "Financial Recovery Value",
      B5: value,
      A6: "Risk Level",
      B6: "High",
      A7: "Plan Date",
      B7: "31/03/2024",
    });
    if (ref) put(ws, { A8: "Reference", B8: ref });
    rows(ws, 10, [
      ["Strategic Aims", "Actions", "Dependencies", "Risks", "Mitigation", "Delivery Timeframe"],
      ["No.1", "Do it", "None", "Some", "Plan", "2024/25"],
      ["Triangulation", null, null, null, null, "Reporting Frequency"],
      ["Population Need", null, null, null, null, "Monthly"],
      ["Finance", null, null, null, null, "Monthly"],
      ["Outcomes", null, null, null, null, "Monthly"],
    ]);
  }

  it("a register line with a form's ref is not counted again; same area and value without a shared ref is possible-double-count", async () => {
    const wb = new ExcelJS.Workbook();
    form(wb, "AFB-01", "AFB-01", "Reablement Service", 277000);
    form(wb, "Beds", null, "Mental Health", 448000);
    const reg = wb.addWorksheet("Register");
    rows(reg, 1, [
      ["Ref", "Service Area", "Saving"],
      ["AFB-01", "Reablement Service", 277000],
      ["R-2", "mental health", 448000],
      ["R-3", "Prescribing", 100000],
      ["R-3", "Prescribing", 50000],
    ]);
    const { report } = await check(wb);
    expect(report.recovery.actions.map((a) => a.ref)).toEqual(["AFB-01", "Beds", "R-2", "R-3", "R-3"]);
    expect(report.recovery.count).toBe(5);
    expect(report.recovery.totalValue).toBe(277000 + 448000 + 448000 + 150000);
    expect(where(report, "possible-double-count")).toEqual(["Register!C3"]);
    expect(where(report, "duplicate-ref")).toEqual(["Register!A5"]);
    expect(report.findings.find((f) => f.code === "possible-double-count")!.severity).toBe("warning");
  });

  it("the same ref on two forms is duplicate-ref at the later one, and both count", async () => {
    const wb = new ExcelJS.Workbook();
    form(wb, "One", "X-1", "A", 100);
    form(wb, "Two", "X-1", "B", 200);
    const { report } = await check(wb);
    expect(where(report, "duplicate-ref")).toEqual(["Two!B8"]);
    expect(report.recovery.totalValue).toBe(300);
  });
});
