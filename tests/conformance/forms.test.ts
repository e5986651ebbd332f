/**
 * The recovery-action form (§1, §3) laid out as other finance officers lay it out: labels
 * beside or above their values, hints and colons, merged labels and values, £000 hints,
 * errors, hidden sheets. Every expectation comes from the spec's text.
 */
import ExcelJS from "exceljs";
import { check, cleanUp, codesOn, errorFormula, put, rows, ukDate, where } from "./builder";

afterAll(cleanUp);

/** A complete plan table and triangulation table from `row`, so only the fields under test raise findings. */
function completeTables(ws: ExcelJS.Worksheet, row: number): void {
  rows(ws, row, [
    ["Strategic Aims", "Actions", "Dependencies", "Risks", "Mitigation", "Delivery Timeframe"],
    ["No.1, No.4", "Reconfigure the service", "Staff consultation", "Delay", "Weekly review", "Q4 2023/24"],
    [],
    ["Triangulation", "Evidence and Data Sources", "Tolerance", null, null, "Reporting Frequency"],
    ["Population Need", "Waiting lists", null, null, null, "Monthly"],
    ["Finance", "Ledger", null, null, null, "Quarterly"],
    ["Outcomes", "Surveys", null, null, null, "Six-monthly"],
  ]);
}

describe("a two-column form: labels in A with colons and hints, values in B", () => {
  it("reads every field and raises nothing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("MH Beds");
    put(ws, {
      A1: "Financial Recovery Action: Mental Health Bed Reconfiguration",
      A3: "Ref:",
      B3: "MH-07",
      A4: "Exec Lead:",
      B4: "Jane Doe, Head of Service",
      A5: "Description:",
      B5: "Close one ward and move to community beds.",
      A6: "Lead Service Area:",
      B6: "Mental Health",
      A7: "Financial Recovery Value (£):",
      B7: { v: 250000, fmt: "£#,##0" },
      A8: "Risk Level (H/M/L):",
      B8: "m",
      A9: "Plan Date (dd/mm/yyyy)",
      B9: "31/03/2024",
      A10: "Version",
      B10: "v2.1",
    });
    ws.mergeCells("A1:F1");
    completeTables(ws, 12);
    const { report, analysis } = await check(wb);
    expect(report.sheets).toEqual([{ name: "MH Beds", kind: "recovery-action" }]);
    expect(report.findings).toEqual([]);
    expect(report.recovery.actions).toEqual([
      {
        sheet: "MH Beds",
        cell: "B7",
        ref: "MH-07",
        title: "Mental Health Bed Reconfiguration",
        serviceArea: "Mental Health",
        execLead: "Jane Doe, Head of Service",
        value: 250000,
        riskLevel: "medium",
        rag: "amber",
        ragReason: expect.any(String),
      },
    ]);
    const a = analysis.recovery.actions[0];
    expect(a.planDate).toBe("2024-03-31");
    expect(a.version).toBe("v2.1");
    expect(a.description).toBe("Close one ward and move to community beds.");
    expect(a.strategicAims).toEqual([1, 4]);
  });
});

describe("a one-column form: every value below its label", () => {
  async function build() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Care at Home");
    rows(ws, 1, [
      ["Finance Recovery Action: Care at Home Review"],
      ["Exec Lead(s):"],
      ["Morag Barrow"],
      ["Lead Service Area(s)"],
      ["Care at Home"],
      ["Description"],
      ["Review every package over 20 hours a week."],
      ["Financial Recovery Value (£000)"],
      [448],
      ["Risk Level (of not delivering the financial saving)"],
      ["Low"],
      ["Plan Date"],
      [{ v: ukDate(2024, 3, 21), fmt: "dd/mm/yyyy" }],
      [],
      // Risk Mitigation spans two columns; a guidance row of questions sits under the header.
      ["Strategic Aims", "Actions", "Dependencies", "Risk Mitigation", null, "Delivery Timeframe"],
      ["Which aims?", "What actions?", "What factors?", "What risks?", "How mitigated?", "When?"],
      ["1 3", "Review packages", "None", "Capacity", "Agency cover", "TBC"],
      [],
      ["Triangulation", null, "Evidence", null, null, "Reporting Frequency"],
      [null, "Population Need", "Lists", null, null, "Monthly"],
      [null, "Finance", "Ledger", null, null, "fortnightly"],
    ]);
    return check(wb);
  }

  it("reads values below labels, scales the £000 hint and reads a real date cell", async () => {
    const { report, analysis } = await build();
    const a = analysis.recovery.actions[0];
    expect(a.title).toBe("Care at Home Review");
    expect(a.execLead).toBe("Morag Barrow");
    expect(a.serviceArea).toBe("Care at Home");
    expect(a.valuePence).toBe(448_000_00);
    expect(a.cell).toBe("A9");
    expect(a.riskLevel).toBe("low");
    expect(a.planDate).toBe("2024-03-21");
    expect(a.strategicAims).toEqual([1, 3]);
    // No Ref label: the ref falls back to the sheet name.
    expect(a.ref).toBe("Care at Home");
    expect(report.recovery.actions[0]).toMatchObject({ value: 448000, rag: "green" });
  });

  it("flags the TBC timeframe at its cell and the missing Outcomes row at the header's first cell", async () => {
    const { report } = await build();
    expect(codesOn(report, "Care at Home")).toEqual(["unknown-timeframe@F17", "missing-triangulation@A19"]);
  });
});

describe("labels sharing a cell with their value, merged labels and merged values", () => {
  async function build() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Prescribing");
    put(ws, {
      A1: "Financial Recovery Action: Generic Prescribing",
      A2: "Exec Lead: Dr A Smith",
      A3: "Lead Service Area",
      C3: "Prescribing",
      A4: "Description: Switch to generic equivalents where clinically safe.",
      A5: "Financial Recovery Value",
      C5: "£1,234.565",
      A6: "Risk Level",
      C6: "H",
      A7: "Plan Date",
      C7: "21st March 2024",
      A8: "Forecast Saving",
      C8: "£1,000",
      A9: "Achieved to Date",
      C9: "£1,500",
    });
    ws.mergeCells("A1:D1");
    ws.mergeCells("A3:B3");
    ws.mergeCells("A5:B5");
    ws.mergeCells("C5:D5");
    ws.mergeCells("A6:B6");
    ws.mergeCells("A7:B7");
    return check(wb);
  }

  it("reads the value after the colon and after each merge, money rounded half-up to the penny", async () => {
    const { report, analysis } = await build();
    const a = analysis.recovery.actions[0];
    expect(a.execLead).toBe("Dr A Smith");
    expect(a.description).toBe("Switch to generic equivalents where clinically safe.");
    expect(a.serviceArea).toBe("Prescribing");
    expect(a.valuePence).toBe(123457);
    expect(a.riskLevel).toBe("high");
    expect(a.planDate).toBe("2024-03-21");
    expect(a.forecastPence).toBe(100000);
    expect(a.achievedPence).toBe(150000);
    expect(report.recovery.actions[0].value).toBe(1234.57);
    expect(report.recovery.totalValue).toBe(1234.57);
    expect(report.recovery.forecastTotal).toBe(1000);
    expect(report.recovery.achievedTotal).toBe(1500);
  });

  it("rates achieved ≥ value as delivered (green with BRAG off) ahead of the forecast ratio", async () => {
    const { report } = await build();
    expect(report.recovery.actions[0].rag).toBe("green");
    expect(report.recovery.actions[0].ragReason.toLowerCase()).toContain("deliver");
  });

  it("raises the missing plan table at A1, the missing triangulation at A1 and achieved above value", async () => {
    const { report } = await build();
    const codes = codesOn(report, "Prescribing");
    expect(codes.filter((c) => c.endsWith("@A1"))).toEqual(["missing-field@A1", "missing-triangulation@A1"]);
    expect(where(report, "achieved-exceeds-value")).toHaveLength(1);
    expect(report.findings.find((f) => f.code === "missing-field")!.severity).toBe("error");
  });
});

/** A form whose fields are given as [label, value] pairs in columns B and C, rows 3 on. */
async function formWith(fields: Array<[string, ExcelJS.CellValue | { v: ExcelJS.CellValue; fmt: string }]>, sheet = "RA") {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  put(ws, { B1: "Finance Recovery Action: Test action" });
  const defaults: Record<string, ExcelJS.CellValue | { v: ExcelJS.CellValue; fmt: string }> = {
    "Exec Lead": "A Lead",
    Description: "Something",
    "Lead Service Area": "Reablement Service",
    "Financial Recovery Value": 277000,
    "Risk Level": "Low",
    "Plan Date": "21/03/2024",
  };
  const given = new Map(fields);
  // A given label with a hint ("Financial Recovery Value (£k)") replaces the default one.
  const replaced = (k: string) => fields.some(([l]) => l.toLowerCase().startsWith(k.toLowerCase()));
  const all = [...Object.entries(defaults).filter(([k]) => !replaced(k)), ...fields];
  all.forEach(([label, value], i) => {
    put(ws, { [`B${3 + i}`]: label });
    if (value !== null && value !== undefined) put(ws, { [`C${3 + i}`]: value });
  });
  completeTables(ws, 20);
  const result = await check(wb);
  const row = 3 + all.findIndex(([l]) => given.has(l));
  return { ...result, valueCell: `C${row}`, labelCell: `B${row}` };
}

describe("money in every accepted form (§1)", () => {
  const accepted: Array<[ExcelJS.CellValue | { v: ExcelJS.CellValue; fmt: string }, number]> = [
    ["£448K", 448_000_00],
    ["£448k", 448_000_00],
    ["£3,487,000", 3_487_000_00],
    ["£1.2m", 1_200_000_00],
    ["£0.25m", 250_000_00],
    ["£ 448 K", 448_000_00],
    ["2mn", 2_000_000_00],
    ["1.5 million", 1_500_000_00],
    ["£12,345.67", 12_345_67],
    ["£0.005", 1],
    [{ v: 448000, fmt: "£#,##0" }, 448_000_00],
    [{ v: 1234.565, fmt: "£#,##0.00" }, 1234_57],
  ];
  it.each(accepted)("%p is %p pence", async (cell, pence) => {
    const { analysis, report } = await formWith([["Financial Recovery Value", cell]]);
    expect(analysis.recovery.actions[0].valuePence).toBe(pence);
    expect(report.findings).toEqual([]);
  });

  const rejected = ["TBC", "tbc", "Unknown", "n/a", "£44 8K", "£448KK", "100 200"];
  it.each(rejected)("%p is invalid-money at the value cell, not missing-field, and the action is grey", async (text) => {
    const { report, valueCell } = await formWith([["Financial Recovery Value", text]]);
    expect(codesOn(report, "RA")).toEqual([`invalid-money@${valueCell}`]);
    expect(report.recovery.actions[0]).toMatchObject({ value: null, rag: "grey" });
    expect(report.recovery.count).toBe(1);
    expect(report.recovery.totalValue).toBe(0);
  });

  it.each(["(£5,000)", "-£5,000", "-5000"])("%p is negative-value (error) and the value is not used", async (text) => {
    const { report, valueCell } = await formWith([["Financial Recovery Value", text]]);
    expect(codesOn(report, "RA")).toEqual([`negative-value@${valueCell}`]);
    expect(report.findings[0].severity).toBe("error");
    expect(report.recovery.actions[0].value).toBeNull();
    expect(report.recovery.totalValue).toBe(0);
  });

  it("0 is a zero-value warning", async () => {
    const { report, valueCell } = await formWith([["Financial Recovery Value", 0]]);
    expect(report.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([["zero-value", valueCell, "warning"]]);
    expect(report.recovery.actions[0].rag).toBe("grey");
  });

  it("a £000 hint on the label scales a bare number but not £448K", async () => {
    const a = await formWith([["Financial Recovery Value (£'000)", 448]]);
    expect(a.analysis.recovery.actions[0].valuePence).toBe(448_000_00);
    const b = await formWith([["Financial Recovery Value (£k)", "£448K"]]);
    expect(b.analysis.recovery.actions[0].valuePence).toBe(448_000_00);
  });
});

describe("dates in every accepted form (§1)", () => {
  const accepted: Array<[ExcelJS.CellValue | { v: ExcelJS.CellValue; fmt: string }, string]> = [
    ["21/03/2024", "2024-03-21"],
    ["1/3/2024", "2024-03-01"],
    ["21/03/24", "2024-03-21"],
    ["21-03-2024", "2024-03-21"],
    ["21.03.2024", "2024-03-21"],
    ["2024-03-21", "2024-03-21"],
    ["21 March 2024", "2024-03-21"],
    ["21st March 2024", "2024-03-21"],
    ["21 Mar 2024", "2024-03-21"],
    ["March 2024", "2024-03-31"],
    ["Feb 2024", "2024-02-29"],
    ["Sept 2018", "2018-09-30"],
    [{ v: ukDate(2024, 3, 21), fmt: "d mmmm yyyy" }, "2024-03-21"],
  ];
  it.each(accepted)("%p is %p", async (cell, iso) => {
    const { analysis, report } = await formWith([["Plan Date", cell]]);
    expect(analysis.recovery.actions[0].planDate).toBe(iso);
    expect(report.findings).toEqual([]);
  });

  it("03/21/2024 is invalid-date and the message says US order is not accepted", async () => {
    const { report, valueCell } = await formWith([["Plan Date", "03/21/2024"]]);
    expect(codesOn(report, "RA")).toEqual([`invalid-date@${valueCell}`]);
    expect(report.findings[0].message).toMatch(/US|month first|day first/i);
  });

  it("31/02/2024 is invalid-date", async () => {
    const { report, valueCell } = await formWith([["Plan Date", "31/02/2024"]]);
    expect(codesOn(report, "RA")).toEqual([`invalid-date@${valueCell}`]);
  });
});

describe("risk levels, versions and labels that stop a search", () => {
  it.each([
    ["Med", "medium"],
    ["h", "high"],
    ["LOW", "low"],
    ["Medium", "medium"],
  ])("risk level %p is %p", async (text, level) => {
    const { analysis } = await formWith([["Risk Level", text]]);
    expect(analysis.recovery.actions[0].riskLevel).toBe(level);
  });

  it("an unknown risk level is invalid-risk-level only", async () => {
    const { report, valueCell } = await formWith([["Risk Level", "Very High"]]);
    expect(codesOn(report, "RA")).toEqual([`invalid-risk-level@${valueCell}`]);
  });

  it.each(["v1", "1", "1.0", "v2.1"])("version %p is accepted", async (v) => {
    const { report } = await formWith([["Version", v]]);
    expect(report.findings).toEqual([]);
  });

  it("version 'draft' is an invalid-version warning", async () => {
    const { report, valueCell } = await formWith([["Version", "draft"]]);
    expect(report.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([["invalid-version", valueCell, "warning"]]);
  });

  it("a blank Risk Level beside Plan Date is missing-field at the label, not a risk level called 'Plan Date'", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Seed layout");
    put(ws, {
      A1: "Finance Recovery Action: Seed layout",
      B2: "Exec Lead(s):",
      C2: "Gill Main",
      B3: "Lead Service Area(s):",
      C3: "Planning",
      A4: "Description: A reduction in funding.",
      B5: "Financial Recovery Value",
      C5: "£448K",
      B6: "Risk Level (of not delivering the financial saving)",
      D6: "Plan Date",
      E6: "21/03/2024",
    });
    completeTables(ws, 10);
    const { report, analysis } = await check(wb);
    expect(codesOn(report, "Seed layout")).toEqual(["missing-field@B6"]);
    expect(analysis.recovery.actions[0].riskLevel).toBeNull();
    expect(analysis.recovery.actions[0].planDate).toBe("2024-03-21");
    expect(report.recovery.actions[0].rag).toBe("grey");
  });

  it("a missing required label is missing-field at A1", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("No lead");
    put(ws, {
      A1: "Finance Recovery Action: No lead",
      A3: "Description",
      B3: "x",
      A4: "Lead Service Area",
      B4: "Finance",
      A5: "Financial Recovery Value",
      B5: 1000,
      A6: "Risk Level",
      B6: "L",
      A7: "Plan Date",
      B7: "March 2024",
    });
    completeTables(ws, 10);
    const { report } = await check(wb);
    expect(codesOn(report, "No lead")).toEqual(["missing-field@A1"]);
    expect(report.findings[0].message).toMatch(/Exec Lead/);
  });
});

describe("Excel errors where a value is needed (§1)", () => {
  it("#REF!, #N/A and #DIV/0! (as formula results and as error cells) give formula-error at each cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Errors");
    put(ws, {
      A1: "Finance Recovery Action: Broken links",
      A2: "Exec Lead",
      B2: "X",
      A3: "Description",
      B3: "Y",
      A4: "Lead Service Area",
      B4: "Z",
      A5: "Financial Recovery Value",
      B5: errorFormula("Sheet9!B2*1000", "#REF!"),
      A6: "Risk Level",
      B6: { error: "#N/A" } as ExcelJS.CellErrorValue,
      A7: "Plan Date",
      B7: errorFormula("1/0", "#DIV/0!"),
    });
    completeTables(ws, 10);
    const { report } = await check(wb);
    expect(codesOn(report, "Errors")).toEqual(["formula-error@B5", "formula-error@B6", "formula-error@B7"]);
    expect(report.findings.every((f) => f.severity === "error")).toBe(true);
    expect(report.recovery.actions[0]).toMatchObject({ value: null, riskLevel: null, rag: "grey" });
  });
});

describe("hidden and very hidden forms are read like any other (§1)", () => {
  it("counts both", async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, state, value] of [
      ["Hidden RA", "hidden", 1000],
      ["Secret RA", "veryHidden", 2500.5],
    ] as const) {
      const ws = wb.addWorksheet(name, { state });
      put(ws, {
        A1: `Finance Recovery Action: ${name}`,
        A2: "Exec Lead",
        B2: "X",
        A3: "Description",
        B3: "Y",
        A4: "Lead Service Area",
        B4: "Z",
        A5: "Financial Recovery Value",
        B5: value,
        A6: "Risk Level",
        B6: "High",
        A7: "Plan Date",
        B7: "21/03/2024",
      });
      completeTables(ws, 10);
    }
    const { report } = await check(wb);
    expect(report.sheets.map((s) => s.kind)).toEqual(["recovery-action", "recovery-action"]);
    expect(report.recovery.count).toBe(2);
    expect(report.recovery.totalValue).toBe(3500.5);
    expect(report.recovery.byRiskLevel.high).toEqual({ count: 2, value: 3500.5 });
  });
});
