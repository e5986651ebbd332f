import { isRecoveryActionSheet, readRecoveryAction } from "../../../src/core/readers/recovery-action";
import { blankFormFinding } from "../../../src/core/readers/recovery-action/blank-form";
import { FormFields } from "../../../src/core/readers/recovery-action/form-field";
import { errorCell, grid, type TestCell } from "../../helpers/grid";

// Seed 000: Midlothian HSCP, Financial Recovery Actions 2024/25, laid out as in the paper.
const SEED: Record<string, TestCell> = {
  A1: "Midlothian Health and Social Care",
  A2: "Financial Recovery Actions 2024/25",
  A3: "Finance Recovery Action: Planning, Performance, and Programme Funding",
  B3: "Exec Lead(s):",
  C3: "Gill Main, Integration Manager",
  A4:
    "Description: A reduction in funding to the Planning Performance and Programme team will initiate Organisational " +
    "Change in partnership with NHS Lothian, Midlothian Council and Trade Union partners to reduce recurring staff-pay costs by £448K.",
  B4: "Lead Service Area(s):",
  C4: "Planning, Performance, and Programme",
  B5: "Financial Recovery Value",
  C5: "£448K",
  B6: "Risk Level (of not delivering the financial saving)",
  C6: "High",
  D6: "Plan Date",
  E6: "21/03/2024",
  D7: "Version",
  E7: "v1",
  A9: "Strategic Aims",
  B9: "Actions",
  C9: "Dependencies",
  D9: "Risk Mitigation",
  F9: "Delivery Timeframe",
  A10: "Which Strategic Aims are impacted by this recovery action?",
  B10: "What are the high-level actions that you are going to take?",
  C10: "What are the factors that influence this work that are out with your control?",
  D10: "What are the main risks?",
  E10: "How are you mitigating these risks?",
  A11: "No.1 No.2 No.3 No.4 No.5 No.6",
  B11: "Commence Organisational Change with NHS Lothian, Midlothian Council and Trade Union partners.",
  C11: "Collaborative working across organisations and staff groups.",
  D11: "The time between commencing and concluding organisational change will result in a limited return.",
  E11: "Suspend recruitment to posts which become vacant prior to organisational change commencing.",
  F11: "Unknown",
  A13: "Triangulation",
  C13: "Evidence and Data Sources",
  D13: "Tolerance",
  F13: "Reporting Frequency",
  A14: "The areas of our triangulated approach to monitoring impact",
  C14: "What data/information source(s) are you using to monitor change over time?",
  D14: "What would indicate the recovery action is being successfully managed?",
  E14: "What would indicate corrective or additional support is required to deliver this recovery action?",
  F14: "How frequently will you report on progress?",
  B15: "Population Need",
  C15: "iMatter reports and Staff Stress Risk Assessments.",
  F15: "Quarterly",
  B16: "Finance",
  C16: "Monthly Service Finance Reports.",
  F16: "Quarterly",
  B17: "Outcomes",
  C17: "OutNav: IJB Strategic Commissioning Map.",
  F17: "Quarterly",
};
const SEED_MERGES = ["D9:E9", "A13:B13", "D13:E13"];

/** The seed form with some cells changed (null or "" clears a cell). */
function form(changes: Record<string, TestCell> = {}, merges = SEED_MERGES, name = "PPP Funding") {
  return grid({ ...SEED, ...changes }, { merges, name });
}
const read = (changes: Record<string, TestCell> = {}, merges = SEED_MERGES) => readRecoveryAction(form(changes, merges));
const codesAt = (r: ReturnType<typeof read>) => r.findings.map((f) => `${f.code}@${f.cell}`).sort();

describe("isRecoveryActionSheet", () => {
  it("needs both Financial Recovery Value and Risk Level", () => {
    expect(isRecoveryActionSheet(form())).toBe(true);
    expect(isRecoveryActionSheet(form({ B6: null }))).toBe(false);
    expect(isRecoveryActionSheet(grid({ A1: "Service Area", B1: "Recovery Value", C1: "Risk Level" }))).toBe(false);
  });
});

describe("readRecoveryAction on the seed form", () => {
  const r = read();

  it("reads every field", () => {
    expect(r.action).toMatchObject({
      source: "form",
      sheet: "PPP Funding",
      cell: "C5",
      row: 5,
      ref: "PPP Funding",
      title: "Planning, Performance, and Programme Funding",
      execLead: "Gill Main, Integration Manager",
      serviceArea: "Planning, Performance, and Programme",
      valuePence: 44_800_000,
      riskLevel: "high",
      planDate: "2024-03-21",
      version: "v1",
      forecastPence: null,
      achievedPence: null,
      strategicAims: [1, 2, 3, 4, 5, 6],
      counted: true,
    });
    expect(r.action.description).toMatch(/^A reduction in funding .* by £448K\.$/);
  });

  it("raises only the unknown timeframe, at the timeframe content cell", () => {
    expect(codesAt(r)).toEqual(["unknown-timeframe@F11"]);
    expect(r.findings[0]).toMatchObject({ severity: "warning", sheet: "PPP Funding" });
    expect(r.findings[0].message).toContain("'Unknown'");
  });
});

describe("readRecoveryAction: finding labels and values", () => {
  it("uses a Ref label when present", () => {
    expect(read({ A5: "Ref: RA-07" }).action.ref).toBe("RA-07");
  });

  it("reads labels with colons and a £000 hint", () => {
    const r = read({ B5: "Financial Recovery Value (£000):", C5: 448 });
    expect(r.action.valuePence).toBe(44_800_000);
    const inline = read({ B5: "Financial Recovery Value (£000): 1,250", C5: null });
    expect(inline.action.valuePence).toBe(125_000_000);
    expect(inline.action.cell).toBe("B5");
  });

  it("reads a merged label and a merged value", () => {
    const r = read({ B5: "Financial Recovery Value", C5: null, D5: "£448,000" }, [...SEED_MERGES, "B5:C5", "D5:E5"]);
    expect(r.action.valuePence).toBe(44_800_000);
    expect(r.action.cell).toBe("D5");
  });

  it("reads a value below its label", () => {
    const r = read({ B3: "Exec Lead(s)", C3: null, B4: null, C4: null, G4: "Lead Service Area", G5: "Planning", B5: "Gill Main" });
    // B4 now blank: B5 holds the exec lead; the service area sits under its label.
    expect(r.action.execLead).toBe("Gill Main");
    expect(r.action.serviceArea).toBe("Planning");
  });

  it("treats a blank Risk Level beside Plan Date as missing, not a risk level called 'Plan Date'", () => {
    const r = read({ C6: null });
    expect(r.action.riskLevel).toBeNull();
    expect(codesAt(r)).toEqual(["missing-field@B6", "unknown-timeframe@F11"]);
    expect(r.findings.find((f) => f.code === "missing-field")?.message).toContain("Risk Level");
  });

  it("reads a number cell value and a date cell", () => {
    const r = read({ C5: 448000, E6: { value: 45372, format: "dd/mm/yyyy" } });
    expect(r.action.valuePence).toBe(44_800_000);
    expect(r.action.planDate).toBe("2024-03-21");
  });
});

describe("readRecoveryAction: findings at their cells", () => {
  it("missing-field at A1 for an absent label and at the label for an empty value", () => {
    const r = read({ B3: null, C3: null, C4: null });
    expect(r.action.execLead).toBeNull();
    expect(r.action.serviceArea).toBeNull();
    expect(codesAt(r)).toEqual(["missing-field@A1", "missing-field@B4", "unknown-timeframe@F11"]);
  });

  it("missing-field for a missing title and for a title with nothing after the colon", () => {
    expect(codesAt(read({ A3: null }))).toContain("missing-field@A1");
    expect(codesAt(read({ A3: "Financial Recovery Action:" }))).toContain("missing-field@A3");
  });

  it("invalid-money for TBC, quoting it, and not missing-field too", () => {
    const r = read({ C5: "TBC" });
    expect(r.action.valuePence).toBeNull();
    expect(codesAt(r)).toEqual(["invalid-money@C5", "unknown-timeframe@F11"]);
    expect(r.findings[0].message).toMatch(/Financial Recovery Value: 'TBC' is not an amount of money/);
    expect(r.findings[0].severity).toBe("error");
  });

  it("negative-value (value not used) and zero-value", () => {
    const neg = read({ C5: "-£5,000" });
    expect(neg.action.valuePence).toBeNull();
    expect(codesAt(neg)).toEqual(["negative-value@C5", "unknown-timeframe@F11"]);
    const zero = read({ C5: 0 });
    expect(zero.action.valuePence).toBe(0);
    expect(codesAt(zero)).toEqual(["unknown-timeframe@F11", "zero-value@C5"]);
  });

  it("invalid-risk-level, invalid-date (US order) and invalid-version", () => {
    const r = read({ C6: "Severe", E6: "03/21/2024", E7: "draft" });
    expect(codesAt(r)).toEqual(["invalid-date@E6", "invalid-risk-level@C6", "invalid-version@E7", "unknown-timeframe@F11"]);
    expect(r.findings.find((f) => f.code === "invalid-date")!.message).toMatch(/US/);
    expect(r.findings.find((f) => f.code === "invalid-version")!.severity).toBe("warning");
    expect(r.action).toMatchObject({ riskLevel: null, planDate: null, version: null });
  });

  it("formula-error where a value is needed, and not missing-field", () => {
    const r = read({ C5: errorCell("#REF!"), C3: errorCell("#N/A") });
    expect(codesAt(r)).toEqual(["formula-error@C3", "formula-error@C5", "unknown-timeframe@F11"]);
    expect(r.findings.find((f) => f.cell === "C5")!.message).toContain("#REF!");
  });

  it("reads forecast and achieved, and warns when achieved exceeds the value", () => {
    const r = read({ D4: "Forecast Saving", E4: "£400K", G5: "Achieved to Date", H5: "£500,000" });
    expect(r.action.forecastPence).toBe(40_000_000);
    expect(r.action.achievedPence).toBe(50_000_000);
    expect(codesAt(r)).toEqual(["achieved-exceeds-value@H5", "unknown-timeframe@F11"]);
    const neg = read({ G5: "Delivered to Date", H5: "-3" });
    expect(neg.action.achievedPence).toBeNull();
    expect(codesAt(neg)).toContain("negative-value@H5");
  });
});

describe("readRecoveryAction: the plan table", () => {
  it("missing-field at A1 with no plan table", () => {
    const r = read({ A9: null, B9: null, C9: null, D9: null, F9: null });
    expect(r.action.strategicAims).toEqual([]);
    expect(codesAt(r)).toEqual(["missing-field@A1"]);
  });

  it("missing-field at the Actions content cell when Actions is empty", () => {
    const r = read({ B11: "  " });
    expect(codesAt(r)).toEqual(["missing-field@B11", "unknown-timeframe@F11"]);
  });

  it("reads the row straight below the header when it is not a guidance row", () => {
    // Without the guidance questions, row 10 is the content row: here it is empty.
    const r = read({ A10: null, B10: null, C10: null, D10: null, E10: null });
    expect(codesAt(r)).toEqual(["missing-field@B10", "missing-strategic-aims@A10", "unknown-timeframe@F10"]);
  });

  it("missing-strategic-aims at the aims cell, and a clear timeframe raises nothing", () => {
    const r = read({ A11: null, F11: "Q4 2024/25" });
    expect(codesAt(r)).toEqual(["missing-strategic-aims@A11"]);
  });

  it("accepts Risks and Mitigation in separate columns and reads content straight below the header", () => {
    const r = read(
      { D9: "Risks", E9: "Mitigation", A10: "No.2, No.4", B10: "Do it", F10: "TBC", A11: null, B11: null, F11: null },
      ["A13:B13", "D13:E13"],
    );
    expect(r.action.strategicAims).toEqual([2, 4]);
    expect(codesAt(r)).toEqual(["unknown-timeframe@F10"]);
  });

  it("unknown-timeframe for an empty timeframe", () => {
    expect(codesAt(read({ F11: null }))).toEqual(["unknown-timeframe@F11"]);
  });
});

describe("readRecoveryAction: the triangulation table", () => {
  it("missing-triangulation at the header's first cell for each missing row", () => {
    const r = read({ B16: null, C16: null, F16: null, F11: "March 2025" });
    expect(codesAt(r)).toEqual(["missing-triangulation@A13"]);
    expect(r.findings[0].message).toContain("Finance");
  });

  it("missing-triangulation at A1 without a table", () => {
    expect(codesAt(read({ A13: null, F11: "March 2025" }))).toEqual(["missing-triangulation@A1"]);
  });

  it("invalid-frequency at the frequency cell", () => {
    const r = read({ F17: "Whenever", F11: "March 2025" });
    expect(codesAt(r)).toEqual(["invalid-frequency@F17"]);
    expect(r.findings[0].message).toContain("'Whenever'");
  });
});

// A label's hit, a value's cell and the plan and triangulation tables keep their places as row
// and column, and make an A1 address only for a finding or the action's cell: each place below
// is one of those, worked out late.
describe("readRecoveryAction: where findings and the action point", () => {
  it("the action's cell is the value label's when the value is empty, with missing-field there", () => {
    const r = read({ C5: null, F11: "March 2025" });
    expect(r.action).toMatchObject({ cell: "B5", row: 5, valuePence: null });
    expect(codesAt(r)).toEqual(["missing-field@B5"]);
  });

  it("the action's cell and ref cell are the value cells' where the values are given", () => {
    const r = read({ A2: "Ref:", B2: "FRA-7", F11: "March 2025" });
    expect(r.action).toMatchObject({ cell: "C5", row: 5, ref: "FRA-7", refCell: "B2" });
  });

  it("missing-field at a title label whose value is empty", () => {
    const r = read({ A3: "Finance Recovery Action:", F11: "March 2025" });
    expect(codesAt(r)).toEqual(["missing-field@A3"]);
  });

  it("a value below its label points at its own cell", () => {
    const r = read({ E7: null, D8: "version two", F11: "March 2025" });
    expect(codesAt(r)).toEqual(["invalid-version@D8"]);
  });

  it("blank-form at the title label, else at the value label", () => {
    const empty: Record<string, TestCell> = { A3: "Finance Recovery Action:", C3: null, A4: "Description:", C4: null, C5: null, C6: null, E6: null, E7: null };
    expect(blankFormFinding(new FormFields(form(empty)))).toMatchObject({ code: "blank-form", cell: "A3" });
    expect(blankFormFinding(new FormFields(form({ ...empty, A3: null, A5: "Financial Recovery Value" })))).toMatchObject({ code: "blank-form", cell: "A5" });
    expect(blankFormFinding(new FormFields(form()))).toBeNull();
  });

  it("a plan table header on the sheet's last row points its findings at its headings", () => {
    const cleared: Record<string, TestCell> = {};
    for (const k of Object.keys(SEED)) if (Number(k.slice(1)) >= 10) cleared[k] = null;
    const r = read(cleared);
    expect(codesAt(r)).toEqual(["missing-field@B9", "missing-strategic-aims@A9", "missing-triangulation@A1", "unknown-timeframe@F9"]);
  });

  it("every frequency and plan finding at once, each at its own cell", () => {
    const r = read({ A11: "none", B11: errorCell("#REF!"), F11: errorCell("#N/A"), F15: "Whenever", F16: errorCell("#DIV/0!"), B17: null });
    expect(codesAt(r)).toEqual([
      "formula-error@B11",
      "formula-error@F11",
      "formula-error@F16",
      "invalid-frequency@F15",
      "missing-strategic-aims@A11",
      "missing-triangulation@A13",
    ]);
  });
});
