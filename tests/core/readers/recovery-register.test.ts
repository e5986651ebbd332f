import { findRegisterHeader, readRecoveryRegister } from "../../../src/core/readers/recovery-register";
import { refOf } from "../../../src/core/records";
import { errorCell, grid, type TestCell } from "../../helpers/grid";

// Seed 001: Midlothian IJB, Achieving Financial Balance 2018/19, table 3.6 as in the paper:
// descriptions wrap onto a second row, a blank row, the header repeated after a page break,
// and a stated total holding only a money amount.
const SEED_ROWS: TestCell[][] = [
  ["3.6 The table below sets out the high-level areas for transformational change within Midlothian and acute services:"],
  [],
  ["Service Area", "Analysis of Issue", "Proposed Saving"],
  ["Reablement Service", "Significant time spent on travel", "£277,000"],
  [null, "resulting in reduced productivity", null],
  ["Prescribing", "Costs are £6 per patient higher", "£940,000"],
  [null, "than Scottish average"],
  ["Homecare/Care at Home", "External providers not delivering to", "£900,000"],
  [null, "the full contract"],
  ["Learning Disability Services", "Reviews and assessments outwith", "£200,000"],
  [null, "recommended review period"],
  ["Bank & Agency (NHS)", "Ongoing use of bank staff beyond", "£75,000"],
  [null, "vacancy coverage"],
  [],
  ["Agency & Standby (MLC)", "Usage has reduced but still scope for further improvement", "£75,000"],
  ["Service Area", "Analysis of Issue", "Proposed Saving"],
  ["Mental Health", "Opportunity to move beyond bed- based model of care", "£50,000"],
  ["Acute Services", "Redesign services to reflect shift in the balance of care - Frailty - Diabetes - Respiratory - End of life care", "£540,000"],
  ["Charging for Services", "Scope to introduce charging to bring in to line with other areas", "£300,000"],
  ["Operational Management", "Review and reduction of travel, non-pay and other costs", "£50,000"],
  ["Service Delivery", "Service reviews to reflect changing models of care", "£80,000"],
  [null, null, "£3,487,000"],
  [],
  ["3.7 Whilst still high-level provides, there remains a gap of £1m", null, "£1,000,000"],
];

const EXPECTED: [string, number, number][] = [
  ["Reablement Service", 277_000, 4],
  ["Prescribing", 940_000, 6],
  ["Homecare/Care at Home", 900_000, 8],
  ["Learning Disability Services", 200_000, 10],
  ["Bank & Agency (NHS)", 75_000, 12],
  ["Agency & Standby (MLC)", 75_000, 15],
  ["Mental Health", 50_000, 17],
  ["Acute Services", 540_000, 18],
  ["Charging for Services", 300_000, 19],
  ["Operational Management", 50_000, 20],
  ["Service Delivery", 80_000, 21],
];

function withRows(rows: TestCell[][], name = "Savings") {
  const g = grid(rows, { name });
  const header = findRegisterHeader(g);
  if (!header) throw new Error("no header");
  return { g, header, r: readRecoveryRegister(g, header) };
}
/** The seed with some rows replaced (1-based row → its cells). */
function seedWith(changes: Record<number, TestCell[]>) {
  return withRows(SEED_ROWS.map((row, i) => changes[i + 1] ?? row));
}
const codesAt = (f: { code: string; cell: string }[]) => f.map((x) => `${x.code}@${x.cell}`).sort();

describe("findRegisterHeader", () => {
  it("finds the Service Area / money header row and its columns", () => {
    const h = findRegisterHeader(grid(SEED_ROWS))!;
    expect(h).toMatchObject({ row: 3, serviceAreaCol: 1, moneyCol: 3, descriptionCol: 2, thousands: false, refCol: null });
  });

  it("accepts other money headings with a unit hint, and reads £000 as thousands", () => {
    expect(findRegisterHeader(grid([["Ref", "Service Area", "Savings (£)"]]))).toMatchObject({ moneyCol: 3, refCol: 1, thousands: false });
    expect(findRegisterHeader(grid([["Service Area", "Value (£000)"]]))).toMatchObject({ moneyCol: 2, thousands: true });
    expect(findRegisterHeader(grid([[null, "Service Area", "Recovery Value (£'000)"]]))).toMatchObject({ thousands: true });
  });

  it("is null without both a Service Area and a money column", () => {
    expect(findRegisterHeader(grid([["Service Area", "Analysis of Issue"]]))).toBeNull();
    expect(findRegisterHeader(grid([["Area", "Proposed Saving"]]))).toBeNull();
  });
});

describe("readRecoveryRegister on the seed register", () => {
  const { r } = withRows(SEED_ROWS);

  it("reads the 11 items with their real figures, rows and money cells", () => {
    expect(r.actions.map((a) => [a.serviceArea, a.valuePence! / 100, a.row])).toEqual(EXPECTED);
    expect(r.actions.every((a) => a.source === "register" && a.counted && a.sheet === "Savings")).toBe(true);
    // A line that gives no ref keeps none (null), and is known by its sheet and row.
    expect(r.actions[0]).toMatchObject({ cell: "C4", ref: null, refCell: null });
    expect(r.actions[5]).toMatchObject({ cell: "C15", ref: null, refCell: null });
    expect(refOf(r.actions[0])).toBe("Savings row 4");
    expect(refOf(r.actions[5])).toBe("Savings row 15");
  });

  it("joins wrapped descriptions with a space", () => {
    expect(r.actions[0].description).toBe("Significant time spent on travel resulting in reduced productivity");
    expect(r.actions[4].description).toBe("Ongoing use of bank staff beyond vacancy coverage");
  });

  it("takes the lone amount as the stated total, which reconciles, and reads nothing below it", () => {
    expect(r.statedTotal).toEqual({ pence: 348_700_000, cell: "C22" });
    expect(r.findings).toEqual([]);
  });
});

describe("readRecoveryRegister: totals", () => {
  it("total-mismatch at the stated total, naming both sums and the difference", () => {
    const { r } = seedWith({ 22: [null, null, "£3,500,000"] });
    expect(codesAt(r.findings)).toEqual(["total-mismatch@C22"]);
    const m = r.findings[0].message;
    expect(m).toContain("£3,500,000");
    expect(m).toContain("£3,487,000");
    expect(m).toContain("£13,000");
    expect(r.findings[0].severity).toBe("error");
  });

  it("reports a difference in pence to the penny", () => {
    const { r } = seedWith({ 22: ["Total", null, 3_487_000.01] });
    expect(r.statedTotal).toEqual({ pence: 348_700_001, cell: "C22" });
    expect(r.findings[0].message).toContain("£0.01");
  });

  it("takes a row labelled Total as the stated total and ends the table there", () => {
    const { r } = seedWith({ 14: ["Total", null, "£2,392,000"] });
    expect(r.actions).toHaveLength(5);
    expect(r.statedTotal).toEqual({ pence: 239_200_000, cell: "C14" });
    expect(r.findings).toEqual([]);
  });

  it("finds the amount on a Total row outside the money column, and a broken total SUM", () => {
    const moved = withRows([["Service Area", "Saving", "Notes"], ["A", 5, null], [null, "Total", 7]]);
    expect(moved.r.statedTotal).toEqual({ pence: 700, cell: "C3" });
    expect(codesAt(moved.r.findings)).toEqual(["total-mismatch@C3"]);
    const broken = withRows([["Service Area", "Saving"], ["A", 5], [null, errorCell("#REF!")]]);
    expect(broken.r.statedTotal).toBeNull();
    expect(codesAt(broken.r.findings)).toEqual(["formula-error@B3"]);
  });

  it("does not take a lone note in the money column for the total", () => {
    const { r } = withRows([["Service Area", "Saving"], ["A", 5], [null, "see note"], ["B", 6], [null, 11]]);
    expect(r.actions.map((a) => a.serviceArea)).toEqual(["A", null, "B"]);
    expect(codesAt(r.findings)).toEqual(["invalid-money@B3", "missing-field@A3"]);
    expect(r.statedTotal?.pence).toBe(1100);
  });

  it("ends the table at two consecutive empty rows", () => {
    const rows = [...SEED_ROWS.slice(0, 13), [], [], ...SEED_ROWS.slice(14)];
    const { r } = withRows(rows);
    expect(r.actions).toHaveLength(5);
    expect(r.statedTotal).toBeNull();
  });
});

describe("readRecoveryRegister: columns and findings", () => {
  it("reads a £000 column as thousands", () => {
    const { r } = withRows([
      ["Service Area", "Proposed Saving (£000)"],
      ["Reablement Service", 277],
      ["Prescribing", "940"],
      [null, 1217],
    ]);
    expect(r.actions.map((a) => a.valuePence)).toEqual([27_700_000, 94_000_000]);
    expect(r.statedTotal?.pence).toBe(121_700_000);
    expect(r.findings).toEqual([]);
  });

  it("reads Ref, Lead, Risk Level and Forecast columns", () => {
    const { r } = withRows([
      ["Ref", "Service Area", "Description", "Lead", "Risk Level", "Saving", "Forecast"],
      ["SR-1", "Prescribing", "Costs per patient", "A. Smith", "Med", 940000, "£900K"],
    ]);
    expect(r.actions[0]).toMatchObject({
      ref: "SR-1",
      execLead: "A. Smith",
      riskLevel: "medium",
      valuePence: 94_000_000,
      forecastPence: 90_000_000,
      cell: "F2",
    });
  });

  it("raises each item finding at its own cell", () => {
    const { r } = withRows(
      [
        ["Service Area", "Risk Level", "Saving"],
        ["No money", "High", null],
        ["Bad money", "Low", "TBC"],
        ["Negative", "Low", "-£5,000"],
        ["Zero", "Low", 0],
        ["Broken", "Low", errorCell("#REF!")],
        ["Odd risk", "Extreme", "£1"],
        [null, null, "£2", "stray note"],
      ],
      "Reg",
    );
    expect(codesAt(r.findings)).toEqual([
      "formula-error@C6",
      "invalid-money@C3",
      "invalid-risk-level@B7",
      "missing-field@A8",
      "missing-field@C2",
      "negative-value@C4",
      "zero-value@C5",
    ]);
    expect(r.findings.find((f) => f.code === "invalid-money")!.message).toContain("'TBC'");
    expect(r.actions.map((a) => a.valuePence)).toEqual([null, null, null, 0, null, 100, 200]);
    expect(r.actions.map(refOf)).toContain("Reg row 8");
  });

  it("ignores text above the header and continuation text with no item above", () => {
    const { r } = withRows([["Title"], ["Service Area", "Description", "Saving"], [null, "orphan note"], ["Prescribing", "x", 5]]);
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0].description).toBe("x");
  });
});
