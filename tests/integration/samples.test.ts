/**
 * The engine on the bundled sample workbooks, read through the .xlsx host, against the
 * figures of the public board papers they were built from.
 */
import { ERROR_CODES, INFO_CODES, WARNING_CODES } from "../../src/core/findings";
import type { Analysis } from "../../src/core/analysis";
import { refOf } from "../../src/core/records";
import { EXPECTED_ERROR_FINDINGS } from "../../scripts/make-samples";
import { analyseFile, BOARD_PACK, BOARD_PACK_WITH_ERRORS, hostReadsFills, SAVINGS_REGISTER } from "../helpers/workbooks";

describe("savings register sample (Midlothian IJB, Achieving Financial Balance 2018/19)", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyseFile(SAVINGS_REGISTER);
  });

  it("reads the 11 service areas and reconciles to the stated £3,487,000", () => {
    expect(a.sheets.some((s) => s.kind === "recovery-register")).toBe(true);
    expect(a.recovery.totals.count).toBe(11);
    expect(a.recovery.totals.totalValuePence).toBe(348_700_000);
    expect(a.findings.filter((f) => f.code === "total-mismatch")).toEqual([]);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("leaves a gap of £1,013,000 against the £4.5m target saved in the workbook", () => {
    expect(a.recovery.totals.targetPence).toBe(450_000_000);
    expect(a.recovery.totals.gapPence).toBe(101_300_000);
    expect(a.recovery.totals.coverage).toBe(0.7749);
  });

  it("keeps the register's wrapped descriptions with their items", () => {
    const reablement = a.recovery.actions.find((x) => x.serviceArea === "Reablement Service")!;
    expect(reablement.valuePence).toBe(27_700_000);
    expect(reablement.description).toBe("Significant time spent on travel resulting in reduced productivity");
    const acute = a.recovery.actions.find((x) => x.serviceArea === "Acute Services")!;
    expect(acute.valuePence).toBe(54_000_000);
  });

  it("gives refs from the sheet and row when the register has no Ref column", () => {
    for (const x of a.recovery.actions) {
      expect(x.ref).toBeNull();
      expect(refOf(x)).toBe(`${x.sheet} row ${x.row}`);
    }
  });
});

describe("board pack sample", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyseFile(BOARD_PACK);
  });

  it("recognises every kind of source sheet, hidden ones too", () => {
    const kinds = new Set(a.sheets.map((s) => s.kind));
    for (const k of ["recovery-action", "recovery-register", "directions", "settings"]) expect(kinds).toContain(k);
  });

  it("reads the Midlothian recovery action of 2024/25 as on its form", () => {
    const ra = a.recovery.actions.find((x) => x.title === "Planning, Performance, and Programme Funding")!;
    expect(ra).toMatchObject({
      source: "form",
      execLead: "Gill Main, Integration Manager",
      serviceArea: "Planning, Performance, and Programme",
      valuePence: 44_800_000,
      riskLevel: "high",
      planDate: "2024-03-21",
      version: "v1",
      strategicAims: [1, 2, 3, 4, 5, 6],
      rag: "red",
      ragReason: "High risk of not delivering",
    });
  });

  it("counts a form and its register line once", () => {
    const counted = a.recovery.actions.filter((x) => x.counted);
    const refs = counted.map((x) => refOf(x).toLowerCase());
    expect(new Set(refs).size).toBe(refs.length);
    // £448K on the 2024/25 form plus the register's £3,487,000.
    expect(a.recovery.totals.totalValuePence).toBe(44_800_000 + 348_700_000);
  });

  it("has no errors: the clean sample is clean", () => {
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reads the directions report of the half-year 2023/24 in full", () => {
    const d = a.directions;
    expect(d.totals.period).toBe("half-year 2023/24");
    expect(d.items.map((i) => i.no)).toEqual([
      "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2",
      "6.1", "6.2", "7.1", "7.2", "7.3", "8.1", "8.2", "9.1", "9.2",
    ]);
    const by = (no: string) => d.items.find((i) => i.no === no)!;
    expect(by("1.1").progress).toBe(92);
    expect(by("3.1").progress).toBe(92);
    expect(by("3.2").progress).toBe(69);
    expect(by("4.2").progress).toBe(62);
    expect(by("4.3").progress).toBe(75);
    expect(by("6.1").progress).toBe(89);
    expect(by("7.3").progress).toBe(100);
    expect(by("1.2").progress).toBeNull();
    expect(by("9.1")).toMatchObject({ progress: null, narrative: true, rag: "grey" });
    expect(by("1.1")).toMatchObject({ theme: "Health & Wellbeing", dueDate: "2024-01-31", rag: "green" });
    expect(by("3.2")).toMatchObject({ theme: "Positive Experiences & Dignity", rag: "red" });
    expect(by("4.3").rag).toBe("amber");
    expect(by("5.1").dueDate).toBe("2025-01-31");
    expect(by("9.1").theme).toBeNull();
  });

  it("flags the narrative progress, the missing theme and the missing target dates", () => {
    const codes = (code: string) => a.findings.filter((f) => f.code === code);
    expect(codes("non-numeric-progress")).toHaveLength(1);
    expect(codes("missing-theme")).toHaveLength(1);
    expect(codes("missing-target-date").length).toBeGreaterThanOrEqual(4);
  });

  it("totals the directions by theme", () => {
    const themes = a.directions.totals.byTheme.map((t) => t.theme);
    expect(themes).toEqual([
      "Health & Wellbeing",
      "Living in the Community",
      "Positive Experiences & Dignity",
      "Quality of Life",
      "Health Inequalities",
      "Support for Carers",
      "Safe from Harm",
      "Workforce",
      null,
    ]);
    const pe = a.directions.totals.byTheme[2];
    expect(pe).toMatchObject({ count: 3, reported: 2, averageProgress: 80.5 });
  });
});

describe("board pack with deliberate errors", () => {
  let a: Analysis;
  /** `rag-colour-only` needs the host to read fill colours; an .xlsx reader without them cannot raise it. */
  let fills = false;
  beforeAll(async () => {
    a = await analyseFile(BOARD_PACK_WITH_ERRORS);
    fills = await hostReadsFills(BOARD_PACK_WITH_ERRORS);
  });

  it("raises every finding code of the spec", () => {
    const raised = new Set(a.findings.map((f) => f.code));
    for (const code of [...ERROR_CODES, ...WARNING_CODES, ...INFO_CODES]) {
      if (code === "rag-colour-only" && !fills) continue;
      expect([code, raised.has(code)]).toEqual([code, true]);
    }
  });

  it.each(EXPECTED_ERROR_FINDINGS.map((f) => [f.code, f.sheet, f.cell]))("raises %s at %s!%s", (code, sheet, cell) => {
    if (code === "rag-colour-only" && !fills) return;
    expect(a.findings).toContainEqual(expect.objectContaining({ code, sheet, cell }));
  });

  it("lists findings in sheet, row, column, code order with messages", () => {
    const order = new Map(a.sheets.map((s, i) => [s.name, i]));
    const keys = a.findings.map((f) => {
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return [order.get(f.sheet)!, Number(m[2]), col, f.code] as const;
    });
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : 0));
    expect(keys).toEqual(sorted);
    for (const f of a.findings) expect(f.message.length).toBeGreaterThan(10);
  });
});
