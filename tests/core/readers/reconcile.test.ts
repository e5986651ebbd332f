import { reconcileRecoveryActions, refKey } from "../../../src/core/readers/reconcile";
import type { RecoveryAction } from "../../../src/core/records";

function form(sheet: string, ref: string, serviceArea: string | null, pounds: number | null): RecoveryAction {
  return {
    source: "form",
    sheet,
    cell: "C5",
    row: 5,
    ref,
    refCell: null,
    title: sheet,
    execLead: "Gill Main",
    description: null,
    serviceArea,
    valuePence: pounds === null ? null : pounds * 100,
    riskLevel: "high",
    planDate: "2024-03-21",
    version: "v1",
    forecastPence: null,
    achievedPence: null,
    strategicAims: [],
    counted: true,
  };
}

function line(sheet: string, row: number, ref: string | null, serviceArea: string, pounds: number | null): RecoveryAction {
  return {
    ...form(sheet, ref ?? `${sheet} row ${row}`, serviceArea, pounds),
    source: "register",
    // As the reader gives it: no text for a line's own ref (refOf makes `<sheet> row <n>`).
    ref,
    cell: `C${row}`,
    refCell: ref ? `A${row}` : null,
    row,
    title: serviceArea,
    riskLevel: null,
    planDate: null,
    version: null,
  };
}

const summary = (r: ReturnType<typeof reconcileRecoveryActions>) => r.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);

describe("refKey", () => {
  it("compares refs case-insensitively after trimming and folding spaces", () => {
    expect(refKey("  RA  07 ")).toBe(refKey("ra 07"));
    expect(refKey("RA-07")).not.toBe(refKey("RA-70"));
  });
});

describe("reconcileRecoveryActions", () => {
  it("leaves distinct actions alone, in order", () => {
    const input = [form("PPP", "PPP", "Planning", 448_000), line("Savings", 4, null, "Prescribing", 940_000)];
    const r = reconcileRecoveryActions(input);
    expect(r.findings).toEqual([]);
    expect(r.actions).toEqual(input);
  });

  it("duplicate-ref among forms at the later one; both counted", () => {
    const r = reconcileRecoveryActions([form("A", "RA-1", "Planning", 1), form("B", " ra-1 ", "Finance", 2)]);
    expect(summary(r)).toEqual(["duplicate-ref@B!C5"]);
    expect(r.findings[0].severity).toBe("error");
    expect(r.findings[0].message).toContain("'A'");
    expect(r.actions.every((a) => a.counted)).toBe(true);
  });

  it("duplicate-ref among register items, across register sheets", () => {
    const r = reconcileRecoveryActions([
      line("Reg 1", 4, "SR-1", "Prescribing", 10),
      line("Reg 1", 5, "SR-2", "Mental Health", 20),
      line("Reg 2", 7, "sr-1", "Acute Services", 30),
    ]);
    // At the ref cell of the later line, where the user fixes it.
    expect(summary(r)).toEqual(["duplicate-ref@Reg 2!A7"]);
    expect(r.actions.every((a) => a.counted)).toBe(true);
  });

  it("a form and a register line with the same ref are one action: the line is not counted, no finding", () => {
    const r = reconcileRecoveryActions([form("PPP", "RA-7", "Planning", 448_000), line("Savings", 9, "ra-7", "Planning", 400_000)]);
    expect(r.findings).toEqual([]);
    expect(r.actions.map((a) => a.counted)).toEqual([true, false]);
  });

  it("also matches when the register comes before the form", () => {
    const r = reconcileRecoveryActions([line("Savings", 9, "RA-7", "Planning", 1), form("PPP", "RA-7", "Planning", 1)]);
    expect(r.findings).toEqual([]);
    expect(r.actions.map((a) => [a.source, a.counted])).toEqual([
      ["register", false],
      ["form", true],
    ]);
  });

  it("possible-double-count at the register line's money cell for the same service area and value", () => {
    const r = reconcileRecoveryActions([
      form("PPP", "PPP", "Planning,  performance", 448_000),
      line("Savings", 12, null, "planning, Performance", 448_000),
      line("Savings", 13, null, "Planning, Performance", 448_001),
      line("Savings", 14, null, "Prescribing", 448_000),
    ]);
    expect(summary(r)).toEqual(["possible-double-count@Savings!C12"]);
    expect(r.findings[0].severity).toBe("warning");
    expect(r.findings[0].message).toContain("£448,000");
    expect(r.actions.every((a) => a.counted)).toBe(true);
  });

  it("does not flag lines without a valid value", () => {
    const r = reconcileRecoveryActions([form("PPP", "PPP", "Planning", null), line("Savings", 12, null, "Planning", null)]);
    expect(r.findings).toEqual([]);
  });

  it("register lines only: the same objects in a list of its own, duplicates found, none uncounted", () => {
    // With no form, reconcile returns straight after the refs (no line is looked at again).
    const input = [line("Savings", 4, "SR-1", "Prescribing", 10), line("Savings", 5, "sr-1", "Prescribing", 10), line("Savings", 6, null, "Acute", 20)];
    const r = reconcileRecoveryActions(input);
    expect(r.actions).not.toBe(input);
    expect(r.actions).toHaveLength(3);
    r.actions.forEach((a, i) => expect(a).toBe(input[i]));
    expect(summary(r)).toEqual(["duplicate-ref@Savings!A5"]);
    expect(r.actions.every((a) => a.counted)).toBe(true);
  });

  it("does not change its input", () => {
    const input = [form("PPP", "X", "Planning", 1), line("Savings", 2, "X", "Planning", 1)];
    reconcileRecoveryActions(input);
    expect(input[1].counted).toBe(true);
  });
});
