import type { RatedDirection, RatedRecoveryAction } from "../../src/core/records";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { directionTotals, NO_SERVICE_AREA, recoveryTotals } from "../../src/core/totals";

let row = 1;
function action(serviceArea: string | null, pounds: number | null, over: Partial<RatedRecoveryAction> = {}): RatedRecoveryAction {
  row++;
  return {
    source: "register",
    sheet: "Register",
    cell: `C${row}`,
    row,
    ref: `Register row ${row}`,
    refCell: null,
    title: null,
    execLead: null,
    description: null,
    serviceArea,
    valuePence: pounds === null ? null : Math.round(pounds * 100),
    riskLevel: null,
    planDate: null,
    version: null,
    forecastPence: null,
    achievedPence: null,
    strategicAims: [],
    counted: true,
    rag: "grey",
    ragReason: "",
    ...over,
  };
}

// Seed 001: Midlothian IJB, Achieving Financial Balance 2018/19.
const REGISTER: [string, number][] = [
  ["Reablement Service", 277_000],
  ["Prescribing", 940_000],
  ["Homecare/Care at Home", 900_000],
  ["Learning Disability Services", 200_000],
  ["Bank & Agency (NHS)", 75_000],
  ["Agency & Standby (MLC)", 75_000],
  ["Mental Health", 50_000],
  ["Acute Services", 540_000],
  ["Charging for Services", 300_000],
  ["Operational Management", 50_000],
  ["Service Delivery", 80_000],
];

describe("recovery totals (§7)", () => {
  const settings = { ...DEFAULT_SETTINGS, targetPence: 450_000_000 };

  it("reconciles the seed register to £3,487,000 with a £1,013,000 gap against £4.5m", () => {
    const t = recoveryTotals(REGISTER.map(([a, v]) => action(a, v)), settings);
    expect(t.count).toBe(11);
    expect(t.totalValuePence).toBe(348_700_000);
    expect(t.gapPence).toBe(101_300_000);
    expect(t.coverage).toBe(0.7749);
    expect(t.forecastTotalPence).toBeNull();
    expect(t.achievedTotalPence).toBeNull();
  });

  it("orders service areas by value, ties in order of first appearance, and rounds shares to 4 places", () => {
    const t = recoveryTotals(REGISTER.map(([a, v]) => action(a, v)), settings);
    expect(t.byServiceArea.slice(0, 3).map((s) => s.serviceArea)).toEqual(["Prescribing", "Homecare/Care at Home", "Acute Services"]);
    const fifties = t.byServiceArea.filter((s) => s.valuePence === 5_000_000).map((s) => s.serviceArea);
    expect(fifties).toEqual(["Mental Health", "Operational Management"]);
    expect(t.byServiceArea[0].share).toBe(0.2696); // 940,000 / 3,487,000 = 0.26957…
  });

  it("groups service areas on the folded name and shows the first spelling", () => {
    const t = recoveryTotals([action("Mental  Health", 10), action("mental health", 5), action(null, 1)], settings);
    expect(t.byServiceArea[0]).toMatchObject({ serviceArea: "Mental Health", count: 2, valuePence: 1500 });
    expect(t.byServiceArea[1]).toMatchObject({ serviceArea: NO_SERVICE_AREA, count: 1 });
  });

  it("counts items without a value and adds nothing for them", () => {
    const t = recoveryTotals([action("A", 100), action("B", null)], settings);
    expect(t.count).toBe(2);
    expect(t.totalValuePence).toBe(10_000);
    expect(t.byRag.grey).toEqual({ count: 2, valuePence: 10_000 });
  });

  it("sums in whole pence: 0.1 + 0.2 is exactly 0.3", () => {
    const t = recoveryTotals([action("A", 0.1), action("A", 0.2)], { ...DEFAULT_SETTINGS });
    expect(t.totalValuePence).toBe(30);
    expect(t.targetPence).toBeNull();
    expect(t.gapPence).toBeNull();
    expect(t.coverage).toBeNull();
  });

  it("leaves out a register line that is the same action as a form", () => {
    const t = recoveryTotals([action("A", 100), action("A", 100, { counted: false })], settings);
    expect(t.count).toBe(1);
    expect(t.totalValuePence).toBe(10_000);
  });

  it("totals forecast and achieved only over the figures given", () => {
    const t = recoveryTotals(
      [action("A", 100, { forecastPence: 9_000 }), action("B", 100), action("C", 100, { achievedPence: 1 })],
      settings,
    );
    expect(t.forecastTotalPence).toBe(9_000);
    expect(t.achievedTotalPence).toBe(1);
  });

  it("splits by risk level and RAG", () => {
    const t = recoveryTotals(
      [action("A", 100, { riskLevel: "high", rag: "red" }), action("B", 50, { riskLevel: "low", rag: "green" })],
      settings,
    );
    expect(t.byRiskLevel).toEqual({
      high: { count: 1, valuePence: 10_000 },
      medium: { count: 0, valuePence: 0 },
      low: { count: 1, valuePence: 5_000 },
    });
    expect(t.byRag.red).toEqual({ count: 1, valuePence: 10_000 });
    expect(t.byRag.green).toEqual({ count: 1, valuePence: 5_000 });
  });
});

function dir(no: string, theme: string | null, progress: number | null, rag: RatedDirection["rag"]): RatedDirection {
  return {
    sheet: "Directions",
    row: 1,
    cell: "A1",
    no,
    theme,
    text: "",
    measures: [],
    progress,
    narrative: false,
    progressCell: "D1",
    source: null,
    dueDate: null,
    rag,
    ragReason: "",
  };
}

describe("direction totals (§7)", () => {
  it("counts per theme, reported, and the mean of reported progress to one place", () => {
    const t = directionTotals(
      [
        dir("3.1", "Positive Experiences & Dignity", 92, "green"),
        dir("3.2", "Positive Experiences & Dignity", 69, "red"),
        dir("3.3", "Positive Experiences & Dignity", null, "grey"),
        dir("9.1", null, null, "grey"),
      ],
      "half-year 2023/24",
    );
    expect(t.count).toBe(4);
    expect(t.period).toBe("half-year 2023/24");
    expect(t.byRag).toEqual({ red: 1, amber: 0, green: 1, blue: 0, grey: 2 });
    expect(t.byTheme).toEqual([
      {
        theme: "Positive Experiences & Dignity",
        count: 3,
        reported: 2,
        averageProgress: 80.5,
        byRag: { red: 1, amber: 0, green: 1, blue: 0, grey: 1 },
      },
      { theme: null, count: 1, reported: 0, averageProgress: null, byRag: { red: 0, amber: 0, green: 0, blue: 0, grey: 1 } },
    ]);
  });

  it("rounds the mean half-up: (62 + 62.5 + 62) / 3 = 62.1666… → 62.2", () => {
    const t = directionTotals([dir("1", "T", 62, "red"), dir("2", "T", 62.5, "red"), dir("3", "T", 62, "red")], null);
    expect(t.byTheme[0].averageProgress).toBe(62.2);
  });
});
