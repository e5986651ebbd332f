/**
 * The risk-register reader and risk totals (action-plans-and-risks.md §11) on seed 004's
 * register and on an NHS 5 × 5 register: recognition, rows, mitigations, owners, reviews,
 * residual ratings, closed risks, heat maps and top-risk order.
 */
import { analyse } from "../../../src/core/engine";
import { readRiskRegister } from "../../../src/core/readers/risk-register";
import { headingKey } from "../../../src/core/readers/risk-register/risk-register-header";
import { recogniseSheet } from "../../../src/core/recognise";
import { grid, sheet, type TestCell } from "../../helpers/grid";

// Seed 004 (North Lanarkshire IJB, ISRB programme plan, 2018), section 6: the five risks.
const SEED_004: TestCell[][] = [
  ["6. Risk"],
  ["Risk Description", "Impact H/M/L", "Mitigation Description"],
  ["Ability to maintain service continuity during significant change programme", "H", "• Programme Management Team to support delivery in 2018/19\n• Interim structure to provide additional change capacity"],
  ["Lack of staff engagement could lead to limited buy-in to new ways of working", "H", "• Communications plan\n• OD programme\n• Local Implementation Groups to support frontline buy in"],
  ["The new model of working is unable to offset increasing demand, leading to additional financial pressures", "H", "• Evaluation team to monitor progress of each phase of the programme\n• Quality Improvement approach\n• ISRB based on extensive research of models across UK"],
  ["Reputational risk during the transition through lack of appropriate communications with service users", "M", "• Strategic Planning Group involvement\n• Partnership Boards to play key role in developments and engagement of key user and carer representatives\n• Communications plan"],
  ["Lack of support from key corporate functions such as HR, IT and Quality Improvement could delay or derail implementation", "H", "• Early involvement of corporate leads in all workstreams of the programme\n• Regular updates to both CMTs on progress and areas of concern"],
];

describe("seed 004's register, scored H/M/L on impact alone", () => {
  const g = grid(SEED_004, { name: "Risks" });
  const a = analyse({ sheets: [g.sheet] }, { overrides: { asOf: "2018-02-07" } });

  it("is a risk register whose title is the text above its header", () => {
    expect(recogniseSheet(g).kind).toBe("risk-register");
    expect(a.risks.registers).toEqual([{ sheet: "Risks", title: "6. Risk", headerCell: "A2", risks: 5 }]);
  });

  it("rates four risks high (red) and one medium (amber), each by its impact alone", () => {
    expect(a.risks.items.map((r) => [r.ref, r.impact, r.likelihood, r.score, r.scale, r.level, r.rag, r.ragReason])).toEqual([
      ["Risks row 3", 3, null, null, 3, "high", "red", "Impact High: high"],
      ["Risks row 4", 3, null, null, 3, "high", "red", "Impact High: high"],
      ["Risks row 5", 3, null, null, 3, "high", "red", "Impact High: high"],
      ["Risks row 6", 2, null, null, 3, "medium", "amber", "Impact Medium: medium"],
      ["Risks row 7", 3, null, null, 3, "high", "red", "Impact High: high"],
    ]);
  });

  it("reads mitigations as the bullet points of the mitigation cell", () => {
    expect(a.risks.items[1].mitigations).toEqual(["Communications plan", "OD programme", "Local Implementation Groups to support frontline buy in"]);
  });

  it("totals them: 5 open, none closed, all rated by a single column, none in a grid", () => {
    const t = a.risks.totals;
    expect(t).toMatchObject({ open: 5, closed: 0, byRag: { red: 4, amber: 1, green: 0, blue: 0, grey: 0 }, unmitigated: 0, reviewsOverdue: 0 });
    expect(t.heatMap.singleRating).toBe(5);
    expect(t.heatMap.grid3.flat().every((n) => n === 0)).toBe(true);
    expect(t.topRisks).toEqual([0, 1, 2, 4, 3]);
  });

  it("raises nothing: every risk has its mitigation", () => {
    expect(a.findings).toEqual([]);
  });
});

const NHS_HEADER = ["Risk ID", "Risk Description", "Risk Owner", "Likelihood (1-5)", "Consequence (1-5)", "Risk Score", "Controls in place", "Residual Score", "Next Review", "Status"];

function nhsRegister(rows: TestCell[][]) {
  return sheet([["Corporate Risk Register 2024/25"], [], NHS_HEADER, ...rows], { name: "Corporate Risks" });
}

describe("an NHS 5 × 5 register", () => {
  const rows: TestCell[][] = [
    ["Finance"],
    ["R1", "Failure to deliver the savings plan", "Chief Finance Officer", "Almost Certain", "Major", 20, "Monthly recovery board", 12, "30/06/2024", "Open"],
    ["R2", "Agency spend exceeds the cap", "Director of HR", 4, 4, 12, "Vacancy panel", 16, "31/03/2024", "Open"],
    ["R3", "Cyber attack takes systems down", null, 3, 5, 15, null, null, "30/09/2024", "Open"],
    ["R4", "Estates backlog", "Director of Estates", 2, 4, 8, null, null, "30/09/2024", "Closed"],
    ["Quality"],
    ["R5", "Waiting lists grow", "Medical Director", "High", 4, null, "Validation", null, "30/09/2024", "Open"],
    ["R6", "Falls in hospital", "Chief Nurse", 2, null, null, "Falls team", null, "30/09/2024", "Open"],
    [null, null, null, null, null, null, "• Bed sensors"],
    ["R7", "Discharge delays", "Chief Operating Officer", 2, 2, 4, "Discharge hub", null, "not known", "Open"],
  ];
  const a = analyse({ sheets: [nhsRegister(rows)] }, { overrides: { asOf: "2024-04-01" } });
  const by = (ref: string) => {
    const r = a.risks.items.find((x) => x.ref === ref);
    if (!r) throw new Error(`no risk ${ref}`);
    return r;
  };

  it("reads words and numbers, sections and continuation rows", () => {
    expect(a.risks.items.map((r) => [r.ref, r.section, r.likelihood, r.impact, r.score, r.level, r.rag, r.status])).toEqual([
      ["R1", "Finance", 5, 4, 20, "extreme", "red", "open"],
      ["R2", "Finance", 4, 4, 16, "extreme", "red", "open"],
      ["R3", "Finance", 3, 5, 15, "extreme", "red", "open"],
      ["R4", "Finance", 2, 4, 8, "high", "green", "closed"],
      ["R5", "Quality", null, 4, null, null, "grey", "open"],
      ["R6", "Quality", 2, null, null, null, "grey", "open"],
      ["R7", "Quality", 2, 2, 4, "moderate", "green", "open"],
    ]);
    expect(by("R6").mitigations).toEqual(["Falls team", "Bed sensors"]);
    expect(by("R4").ragReason).toBe("Closed");
  });

  it("raises each finding at its cell", () => {
    expect(a.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "score-mismatch@F6", // R2: 4 × 4 = 16, not 12 (its residual 16 is not above 16)
      "review-overdue@I6", // R2: reviewed by 31/03/2024, before 01/04/2024
      "missing-owner@C7", // R3
      "missing-mitigation@G7", // R3: red, no controls
      "invalid-rating@D10", // R5: High beside a 1–5 consequence
      "missing-rating@E11", // R6: no consequence
      "invalid-date@I13", // R7: `not known`
    ]);
  });

  it("raises review-overdue for an open risk reviewed before the as-at date, never a closed one", () => {
    const overdue = (asOf: string) =>
      analyse({ sheets: [nhsRegister(rows)] }, { overrides: { asOf } })
        .findings.filter((f) => f.code === "review-overdue")
        .map((f) => f.cell);
    // R1 is due for review on 30/06/2024: not overdue on the day, overdue the day after.
    expect(overdue("2024-06-30")).toEqual(["I6"]);
    expect(overdue("2024-07-01")).toEqual(["I5", "I6"]);
    // R4 (closed) is due on 30/09/2024 like the open R3, R5, R6: only the open ones are overdue after it.
    expect(overdue("2024-10-01")).toEqual(["I5", "I6", "I7", "I10", "I11"]);
  });

  it("counts open 5-point risks in the heat map by impact (rows 5 to 1) and likelihood (columns 1 to 5)", () => {
    expect(a.risks.totals.heatMap.grid5).toEqual([
      [0, 0, 1, 0, 0], // impact 5: R3 (likelihood 3)
      [0, 0, 0, 1, 1], // impact 4: R2 (4), R1 (5); R4 is closed
      [0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0], // impact 2: R7 (2)
      [0, 0, 0, 0, 0],
    ]);
    expect(a.risks.totals.heatMap.singleRating).toBe(0);
    expect(a.risks.totals.heatMap.bands5[0]).toEqual(["green", "amber", "red", "red", "red"]);
  });

  it("orders the top risks by RAG, then score, then appearance, and counts closed risks apart", () => {
    expect(a.risks.totals.topRisks.map((i) => a.risks.items[i].ref)).toEqual(["R1", "R2", "R3", "R7", "R5", "R6"]);
    expect(a.risks.totals.tableOrder.map((i) => a.risks.items[i].ref)).toEqual(["R1", "R2", "R3", "R7", "R5", "R6", "R4"]);
    expect(a.risks.totals).toMatchObject({ open: 6, closed: 1, byRag: { red: 3, amber: 0, green: 1, blue: 0, grey: 2 }, unmitigated: 1 });
  });

  it("groups open risks by owner and section", () => {
    expect(a.risks.totals.bySection.map((s) => [s.section, s.count])).toEqual([["Finance", 3], ["Quality", 3]]);
    expect(a.risks.totals.byOwner.map((s) => [s.owner, s.count])).toEqual([
      ["Chief Finance Officer", 1],
      ["Director of HR", 1],
      [null, 1],
      ["Medical Director", 1],
      ["Chief Nurse", 1],
      ["Chief Operating Officer", 1],
    ]);
  });
});

describe("residual ratings", () => {
  it("raises residual-above-current at the residual cell where it is higher on the same scale", () => {
    const a = analyse({ sheets: [nhsRegister([["R1", "Supplier fails", "CFO", 2, 3, 6, "Contract", 12, "30/06/2099", "Open"]])] }, { overrides: { asOf: "2024-04-01" } });
    expect(a.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["residual-above-current@H4"]);
    expect(a.findings[0].message).toBe(
      "The residual rating of risk R1 (12) is higher than its current rating (6): the rating expected after mitigation should not be worse than the rating now; check both.",
    );
  });

  it("compares residual likelihood × impact, and passes over an equal or lower one", () => {
    const header = ["Ref", "Risk", "Likelihood", "Impact", "Residual Likelihood", "Residual Impact"];
    const read = (l: number, i: number) => readRiskRegister(grid([header, ["R1", "Supplier fails", 3, 3, l, i]])).findings.map((f) => `${f.code}@${f.cell}`);
    expect(read(4, 3)).toEqual(["residual-above-current@E2"]);
    expect(read(3, 3)).toEqual([]);
    expect(read(1, 2)).toEqual([]);
  });
});

describe("other layouts", () => {
  it("reads a register with `Risk Rating` alone in NPSA level words", () => {
    const read = readRiskRegister(
      grid([
        ["Ref", "Risk", "Risk Rating", "Owner", "Mitigation"],
        ["1", "Pay award unfunded", "Extreme", "CFO", "Lobby"],
        ["2", "Winter pressures", "Moderate", "COO", "Plan"],
        ["3", "Audit qualification", "High", "CFO", "Close-down plan"],
      ]),
    );
    expect(read.risks.map((r) => [r.ref, r.score, r.scale, r.level, r.basis])).toEqual([
      ["1", null, null, "extreme", "single"],
      ["2", null, null, "moderate", "single"],
      ["3", null, null, "high", "single"],
    ]);
  });

  it("ignores hints in headings: Impact H/M/L, Likelihood (1-5), Score L x I", () => {
    expect(headingKey("Impact H/M/L")).toBe("impact");
    expect(headingKey("Likelihood (1-5)")).toBe("likelihood");
    expect(headingKey("Likelihood 1-5")).toBe("likelihood");
    expect(headingKey("Risk Score L x I")).toBe("risk score");
  });

  it("takes the ref from a number leading the risk text, and raises duplicate-ref at the later one", () => {
    const read = readRiskRegister(grid([["Risk", "Score"], ["1. Pay award", 12], ["1. Pay award again", 16]]));
    expect(read.risks.map((r) => [r.ref, r.risk])).toEqual([["1", "Pay award"], ["1", "Pay award again"]]);
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["duplicate-ref@A3"]);
  });

  it("raises missing-field where ratings have no risk beside them", () => {
    const read = readRiskRegister(grid([["Ref", "Risk", "Likelihood", "Impact"], ["R1", "Pay award", 3, 3], ["R2", null, 2, 2]]));
    expect(read.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["missing-field@B3"]);
  });

  it("raises missing-mitigation at the risk cell where the register has no mitigation column", () => {
    const a = analyse({ sheets: [sheet([["Risk", "Likelihood", "Impact"], ["Pay award", 4, 4], ["Small thing", 1, 1]])] }, { overrides: { asOf: "2024-04-01" } });
    expect(a.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["missing-mitigation@A2"]);
  });

  it("places open 3-point risks in the 3 × 3 grid: rows High, Medium, Low; columns Low, Medium, High", () => {
    const a = analyse(
      { sheets: [sheet([["Risk", "Likelihood", "Impact", "Mitigation"], ["A", "High", "Low", "m"], ["B", "Low", "High", "m"], ["C", "M", "M", "m"]])] },
      { overrides: { asOf: "2024-04-01" } },
    );
    expect(a.risks.totals.heatMap.grid3).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(a.risks.totals.heatMap.bands3).toEqual([
      ["amber", "red", "red"],
      ["green", "amber", "red"],
      ["green", "green", "amber"],
    ]);
  });
});
