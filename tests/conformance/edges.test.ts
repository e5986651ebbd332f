/**
 * Edge layouts other people's workbooks bring (§1): non-breaking spaces and line breaks in
 * labels, square-bracket hints, rich text, formulas with cached results, values sharing a
 * colon cell, a title beside its label, text with stray spaces, and register totals made by
 * =SUM formulas.
 */
import ExcelJS from "exceljs";
import { check, cleanUp, codesOn, put, rows, ukDate } from "./builder";

afterAll(cleanUp);

function tables(ws: ExcelJS.Worksheet, row: number): void {
  rows(ws, row, [
    ["Strategic Aims", "Actions", "Dependencies", "Risks", "Mitigation", "Delivery Timeframe"],
    ["No.2", "Do it", "None", "Some", "Plan", "March 2025"],
    ["Triangulation", null, null, null, null, "Reporting Frequency"],
    ["Population Need", null, null, null, null, "Weekly"],
    ["Finance", null, null, null, null, "Bi-monthly"],
    ["Outcomes", null, null, null, null, "Annually"],
  ]);
}

describe("labels as people type them", () => {
  it("non-breaking spaces, line breaks, square-bracket hints, rich text and lower case still match", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Odd labels");
    put(ws, {
      A1: { richText: [{ text: "Financial Recovery Action:", font: { bold: true } }, { text: " Transport Review" }] },
      A2: "Exec\u00a0Lead",
      B2: "Chris Lee",
      A3: "  description  ",
      B3: "Fewer taxis",
      A4: "Lead Service\nArea(s)",
      B4: "Transport",
      A5: { richText: [{ text: "Financial Recovery Value", font: { bold: true } }, { text: " [£]" }] },
      B5: " £12,500 ",
      A6: "RISK LEVEL?",
      B6: " l ",
      A7: "Plan\u00a0Date:",
      B7: " 21/03/2024 ",
    });
    tables(ws, 10);
    const { report, analysis } = await check(wb);
    expect(report.findings).toEqual([]);
    const a = analysis.recovery.actions[0];
    expect([a.title, a.execLead, a.description, a.serviceArea, a.valuePence, a.riskLevel, a.planDate]).toEqual([
      "Transport Review",
      "Chris Lee",
      "Fewer taxis",
      "Transport",
      12_500_00,
      "low",
      "2024-03-21",
    ]);
  });

  it("values in the label's own cell after the colon, for every field", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Colons");
    rows(ws, 1, [
      ["Finance Recovery Action: Estates: closing two sites"],
      ["Ref: EST-2"],
      ["Exec Lead(s): Pat Kay"],
      ["Description: Close sites: A and B."],
      ["Lead Service Area(s): Estates"],
      ["Financial Recovery Value (£000): 150"],
      ["Risk Level (H/M/L): M"],
      ["Plan Date: 1st April 2024"],
      ["Version: 1.0"],
      ["Forecast Saving: £140K"],
    ]);
    tables(ws, 12);
    const { report, analysis } = await check(wb);
    expect(report.findings).toEqual([]);
    const a = analysis.recovery.actions[0];
    expect(a.title).toBe("Estates: closing two sites");
    expect(a.ref).toBe("EST-2");
    expect(a.description).toBe("Close sites: A and B.");
    expect(a.valuePence).toBe(150_000_00);
    expect(a.cell).toBe("A6");
    expect(a.planDate).toBe("2024-04-01");
    expect(a.forecastPence).toBe(140_000_00);
    // 140 / 150 = 0.9333: amber.
    expect(report.recovery.actions[0].rag).toBe("amber");
  });

  it("formula cells are read by their cached results: money, risk level and date", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Formulas");
    put(ws, {
      A1: "Finance Recovery Action: Formula driven",
      A2: "Exec Lead",
      B2: "X",
      A3: "Description",
      B3: "Y",
      A4: "Lead Service Area",
      B4: { formula: 'UPPER("care homes")', result: "CARE HOMES", date1904: false } as ExcelJS.CellValue,
      A5: "Financial Recovery Value",
      B5: { v: { formula: "448*1000", result: 448000, date1904: false } as ExcelJS.CellValue, fmt: "£#,##0" },
      A6: "Risk Level",
      B6: { formula: 'IF(B5>100000,"High","Low")', result: "High", date1904: false } as ExcelJS.CellValue,
      A7: "Plan Date",
      B7: { v: { formula: "DATE(2024,3,21)", result: ukDate(2024, 3, 21), date1904: false } as ExcelJS.CellValue, fmt: "dd/mm/yyyy" },
    });
    tables(ws, 10);
    const { report, analysis } = await check(wb);
    expect(report.findings).toEqual([]);
    const a = analysis.recovery.actions[0];
    expect([a.serviceArea, a.valuePence, a.riskLevel, a.planDate]).toEqual(["CARE HOMES", 448_000_00, "high", "2024-03-21"]);
  });
});

describe("register totals made by formulas", () => {
  it("a =SUM total that agrees raises nothing; one that disagrees is total-mismatch at its cell", async () => {
    for (const [cached, mismatch] of [
      [120000, false],
      [110000, true],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Plan");
      rows(ws, 1, [
        ["Recovery plan 2024/25"],
        ["Service Area", "Lead", "Recovery Value (£)"],
        ["Care Homes", "A", { v: 70000, fmt: "£#,##0" }],
        ["Care at Home", "B", { v: 50000, fmt: "£#,##0" }],
        ["Grand Total", null, { v: { formula: "SUM(C3:C4)", result: cached, date1904: false } as ExcelJS.CellValue, fmt: "£#,##0" }],
      ]);
      const { report } = await check(wb);
      expect(report.recovery.count).toBe(2);
      expect(report.recovery.totalValue).toBe(120000);
      expect(codesOn(report, "Plan")).toEqual(mismatch ? ["total-mismatch@C5"] : []);
    }
  });

  it("a Total row merged across the text columns still ends the table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Merged total");
    rows(ws, 1, [
      ["Service Area", "Analysis of Issue", "Proposed Saving (£000s)"],
      ["Prescribing", "Generics", 100],
      ["Total", null, 100],
      ["Prescribing", "after the total: not read", 50],
    ]);
    ws.mergeCells("A3:B3");
    const { report } = await check(wb);
    expect(report.findings).toEqual([]);
    expect(report.recovery.totalValue).toBe(100000);
  });
});

describe("directions written differently", () => {
  it("banner themes merged across the row, capital By, trailing full stops, text Nos with spaces, formula progress", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dirs");
    rows(ws, 1, [
      ["Theme: Right Support, Right Time"],
      ["No", "Direction", "Measures", "Progress as at 30 September 2023", "Source"],
      [" 1.1 ", "Open the unit By 31st March 2024.", "x", { v: { formula: "9/13", result: 9 / 13, date1904: false } as ExcelJS.CellValue, fmt: "0%" }, "A"],
      ["1.2", "Recruit by 31/03/24", "x", "92%", "A"],
      ["1.3", "Launch by the end of March 2024", "x", { v: 1, fmt: "0%" }, "A"],
      ["1.4", "Error", "x", { error: "#DIV/0!" } as ExcelJS.CellErrorValue, "A"],
    ]);
    ws.mergeCells("A1:E1");
    const { report } = await check(wb);
    expect(report.directions.period).toBe("30 September 2023");
    expect(report.directions.items.map((i) => [i.no, i.dueDate, i.progress, i.rag])).toEqual([
      // 9/13 = 69.23…% → 69.2: below the amber threshold of 70.
      ["1.1", "2024-03-31", 69.2, "red"],
      ["1.2", "2024-03-31", 92, "green"],
      ["1.3", "2024-03-31", 100, "green"],
      ["1.4", null, null, "grey"],
    ]);
    expect(codesOn(report, "Dirs")).toEqual(["missing-target-date@B6", "formula-error@D6"]);
  });
});

describe("money text from other people's sheets (§1 money grammar)", () => {
  async function valueOf(text: ExcelJS.CellValue) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("RA");
    put(ws, {
      A1: "Finance Recovery Action: t",
      A2: "Exec Lead",
      B2: "x",
      A3: "Description",
      B3: "y",
      A4: "Lead Service Area",
      B4: "z",
      A5: "Financial Recovery Value",
      B5: text,
      A6: "Risk Level",
      B6: "Low",
      A7: "Plan Date",
      B7: "21/03/2024",
    });
    tables(ws, 10);
    const { report, analysis } = await check(wb);
    return { pence: analysis.recovery.actions[0].valuePence, codes: codesOn(report, "RA") };
  }

  // Regression: Excel's accounting format shows negatives as `£ (5,000)`; copied as text that
  // was invalid-money, though the spec reads brackets as negative wherever the £ sits.
  it.each(["£(5,000)", "£ (5,000)", "(£5,000)", "£-5,000", "-£5K"])("%p is negative-value", async (text) => {
    expect(await valueOf(text)).toEqual({ pence: null, codes: ["negative-value@B5"] });
  });

  it.each(["£1,23,4", "1.234,56", "£500-", "£(5,000", "((5))"])("%p is invalid-money", async (text) => {
    expect(await valueOf(text)).toEqual({ pence: null, codes: ["invalid-money@B5"] });
  });

  it.each([
    ["1,234,567.891", 123456789],
    ["£2.675", 268],
    ["£448,000.00 ", 44800000],
    ["GBP 448,000", 44800000],
  ] as const)("%p is %p pence", async (text, pence) => {
    expect(await valueOf(text)).toEqual({ pence, codes: [] });
  });

  it("a cell holding only spaces is empty: missing-field at the label", async () => {
    expect(await valueOf("   ")).toEqual({ pence: null, codes: ["missing-field@A5"] });
  });
});

describe("directions offset from column A with continuation rows and a merged No cell", () => {
  it("joins continuation rows, averages their progress, and reads a merged No once", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("D");
    rows(ws, 1, [
      ["IJB Directions Half Year Report 2023/24"],
      [],
      [null, "Outcome 1\nHealth & Wellbeing"],
      [null, "People are able to look after and improve their own health and wellbeing."],
      [null, "No.", "Direction", "Measure", "Progress at half-year", "Source?"],
      [null, 1.1, "Do by March 2024", "• a\n• b", { v: 0.92, fmt: "0%" }, "A"],
      [null, null, "and also this", "• c", { v: 0.5, fmt: "0%" }, "B"],
      [null, "1.3", "Merged by March 2024", "m", 80, "A"],
      [null, null, null, "m2", null, null],
      [],
      [null, "Outcome 2: Right care, right place"],
      [null, "No.", "Direction", "Measure", "Progress at half-year", "Source?"],
      [null, 10.2, "Ten two by March 2024", "m", "50%", "C"],
    ]);
    ws.mergeCells("A1:F1");
    ws.mergeCells("B8:B9");
    const { report, analysis } = await check(wb);
    expect(report.findings).toEqual([]);
    expect(report.directions.period).toBe("half-year");
    expect(analysis.directions.items.map((d) => [d.no, d.row, d.theme, d.measures, d.progress, d.rag])).toEqual([
      // (92 + 50) / 2 = 71: amber.
      ["1.1", 6, "Health & Wellbeing", ["a", "b", "c"], 71, "amber"],
      ["1.3", 8, "Health & Wellbeing", ["m", "m2"], 80, "amber"],
      ["10.2", 13, "Outcome 2: Right care, right place", ["m"], 50, "red"],
    ]);
  });
});
