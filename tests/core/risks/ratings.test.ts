/**
 * Risk ratings (action-plans-and-risks.md §11): each cell's grammar, rules 1–5 with their
 * findings at the right cells, and the RAG at and either side of `riskRed` and `riskAmber`.
 */
import { readRatingCell } from "../../../src/core/readers/risk-register/rating-cell";
import { npsaLevel, riskLevel, threePointLevel, type PlacedRating } from "../../../src/core/readers/risk-register/risk-scale";
import { findingsOn } from "../../../src/core/findings";
import { ratingRag, rateRisk, scoreRag } from "../../../src/core/risks/risk-rag";
import type { Risk } from "../../../src/core/risks/records";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import type { Cell } from "../../../src/core/snapshot";

const cell = (value: Cell["value"], more: Partial<Cell> = {}): Cell => ({ row: 5, col: 3, value, ...more });

describe("a rating cell", () => {
  it.each([
    [4, "likelihood", { kind: "five", value: 4 }],
    ["4", "impact", { kind: "five", value: 4 }],
    [16, "score", { kind: "five", value: 16 }],
    ["Rare", "likelihood", { kind: "five", value: 1 }],
    ["Unlikely", "likelihood", { kind: "five", value: 2 }],
    ["Possible", "likelihood", { kind: "five", value: 3 }],
    ["Likely", "likelihood", { kind: "five", value: 4 }],
    ["Almost Certain", "likelihood", { kind: "five", value: 5 }],
    ["almost  certain", "likelihood", { kind: "five", value: 5 }],
    ["Negligible", "impact", { kind: "five", value: 1 }],
    ["Minor", "impact", { kind: "five", value: 2 }],
    ["Moderate", "impact", { kind: "five", value: 3 }],
    ["Major", "impact", { kind: "five", value: 4 }],
    ["Catastrophic", "impact", { kind: "five", value: 5 }],
    ["4 - Likely", "likelihood", { kind: "five", value: 4 }],
    ["Major (4)", "impact", { kind: "five", value: 4 }],
    ["Low", "likelihood", { kind: "three", value: 1 }],
    ["L", "impact", { kind: "three", value: 1 }],
    ["Med", "impact", { kind: "three", value: 2 }],
    ["M", "score", { kind: "three", value: 2 }],
    ["Medium", "score", { kind: "three", value: 2 }],
    ["High", "score", { kind: "three", value: 3 }],
    ["H", "impact", { kind: "three", value: 3 }],
    ["Extreme", "score", { kind: "level", level: "extreme" }],
    ["Moderate", "score", { kind: "level", level: "moderate" }],
  ] as const)("%s in a %s column", (value, column, expected) => {
    expect(readRatingCell(cell(value), column)).toMatchObject(expected);
  });

  it.each([
    [6, "likelihood"],
    [0, "impact"],
    [26, "score"],
    [2.5, "likelihood"],
    ["Very likely", "likelihood"],
    ["Major", "likelihood"],
    ["Likely", "impact"],
    ["Extreme", "impact"],
    ["4 - Minor", "impact"],
    ["Catastrophic", "score"],
  ] as const)("refuses %s in a %s column", (value, column) => {
    expect(readRatingCell(cell(value), column).kind).toBe("invalid");
  });

  it("reads blank as blank and an Excel error as an error", () => {
    expect(readRatingCell(cell(null), "score")).toEqual({ kind: "blank" });
    expect(readRatingCell(undefined, "score")).toEqual({ kind: "blank" });
    expect(readRatingCell(cell(null, { error: "#N/A" }), "score")).toEqual({ kind: "error", error: "#N/A" });
  });
});

describe("levels", () => {
  it("bands 5 × 5 scores as the NPSA does: 15–25 extreme, 8–14 high, 4–7 moderate, 1–3 low", () => {
    expect([25, 15, 14, 8, 7, 4, 3, 1].map(npsaLevel)).toEqual(["extreme", "extreme", "high", "high", "moderate", "moderate", "low", "low"]);
  });

  it("bands 3-point scores: 6–9 high, 3–4 medium, 1–2 low", () => {
    expect([9, 6, 4, 3, 2, 1].map(threePointLevel)).toEqual(["high", "high", "medium", "medium", "low", "low"]);
  });
});

describe("RAG of a 5 × 5 score at and either side of the thresholds", () => {
  it.each([
    [16, "red"],
    [15, "red"],
    [14, "amber"],
    [9, "amber"],
    [8, "amber"],
    [7, "green"],
    [1, "green"],
  ])("score %i is %s with the defaults (15, 8)", (score, rag) => {
    expect(scoreRag(score, DEFAULT_SETTINGS)).toBe(rag);
  });

  it("follows the settings", () => {
    expect(scoreRag(16, { riskRed: 20, riskAmber: 10 })).toBe("amber");
    expect(scoreRag(20, { riskRed: 20, riskAmber: 10 })).toBe("red");
    expect(scoreRag(9, { riskRed: 20, riskAmber: 10 })).toBe("green");
  });

  it("rates levels without a score by their band", () => {
    expect(ratingRag({ scale: 3, score: null, level: "high" }, DEFAULT_SETTINGS)).toBe("red");
    expect(ratingRag({ scale: 3, score: null, level: "medium" }, DEFAULT_SETTINGS)).toBe("amber");
    expect(ratingRag({ scale: null, score: null, level: "extreme" }, DEFAULT_SETTINGS)).toBe("red");
    expect(ratingRag({ scale: null, score: null, level: "high" }, DEFAULT_SETTINGS)).toBe("amber");
    expect(ratingRag({ scale: 5, score: null, level: "moderate" }, DEFAULT_SETTINGS)).toBe("amber");
    expect(ratingRag({ scale: 5, score: null, level: "low" }, DEFAULT_SETTINGS)).toBe("green");
    expect(ratingRag({ scale: null, score: null, level: null }, DEFAULT_SETTINGS)).toBe("grey");
  });

  it("rates a closed risk blue with BRAG, else green, 'Closed', keeping its score and level", () => {
    const r = { status: "closed", scale: 5, score: 20, level: "extreme", figures: "Likelihood 4 × impact 5 = 20: extreme" } as Risk;
    expect(rateRisk(r, DEFAULT_SETTINGS)).toEqual({ rag: "green", ragReason: "Closed" });
    expect(rateRisk(r, { ...DEFAULT_SETTINGS, brag: true })).toEqual({ rag: "blue", ragReason: "Closed" });
  });
});

/** A rating cell as the reader places it (column letters: L = C, I = D, S = E). */
function at(column: "likelihood" | "impact" | "score", value: Cell["value"]): PlacedRating {
  const col = { likelihood: 3, impact: 4, score: 5 }[column];
  return { column, col, address: `${"CDE"[col - 3]}5`, reading: readRatingCell(cell(value, { col }), column) };
}

function level(l: Cell["value"] | undefined, i: Cell["value"] | undefined, s: Cell["value"] | undefined, npsaWords = false) {
  const { findings, raise } = findingsOn("Risks");
  const r = riskLevel(
    l === undefined ? null : at("likelihood", l),
    i === undefined ? null : at("impact", i),
    s === undefined ? null : at("score", s),
    { name: "risk R1", raise, npsaWords },
  );
  return { ...r, findings: findings.map((f) => `${f.code}@${f.cell}`), messages: findings.map((f) => f.message) };
}

describe("rules 1–5", () => {
  it("rule 1: likelihood × impact on 1–5, numbers or words", () => {
    expect(level(4, 4, null)).toMatchObject({ likelihood: 4, impact: 4, score: 16, scale: 5, level: "extreme", basis: "likelihood-impact", figures: "Likelihood 4 × impact 4 = 16: extreme", findings: [] });
    expect(level("Almost Certain", "Catastrophic", undefined)).toMatchObject({ score: 25, level: "extreme" });
    expect(level("Possible", 3, undefined)).toMatchObject({ score: 9, level: "high" });
  });

  it("rule 1: a score cell that disagrees is score-mismatch at the score cell, and L × I is used", () => {
    const r = level(4, 4, 12);
    expect(r).toMatchObject({ score: 16, level: "extreme", findings: ["score-mismatch@E5"] });
    expect(r.messages[0]).toBe("The score of risk R1 is 12, but likelihood 4 × impact 4 = 16: correct the score (or the ratings). 16 is used.");
    expect(level(4, 4, 16).findings).toEqual([]);
    // A level word in the score column is not a number to compare.
    expect(level(4, 4, "Extreme").findings).toEqual([]);
  });

  it("rule 2: two 3-point words multiply on 1–9", () => {
    expect(level("High", "Medium", undefined)).toMatchObject({ likelihood: 3, impact: 2, score: 6, scale: 3, level: "high", figures: "Likelihood High × impact Medium = 6: high" });
    expect(level("M", "M", undefined)).toMatchObject({ score: 4, level: "medium" });
    expect(level("L", "H", undefined)).toMatchObject({ score: 3, level: "medium" });
    expect(level("L", "M", undefined)).toMatchObject({ score: 2, level: "low" });
  });

  it("rule 3: a 3-point word beside a 5-point rating is invalid-rating at the word, then no level", () => {
    const r = level("High", 4, undefined);
    expect(r).toMatchObject({ level: null, scale: null, score: null, basis: "none", likelihood: null, impact: 4, findings: ["invalid-rating@C5"] });
    expect(r.messages[0]).toBe("The likelihood of risk R1: 'High' is a 3-point word, but this register scores 1 to 5: use a number from 1 to 5.");
  });

  it("rule 4: likelihood and impact blank but a usable score: rated by the score", () => {
    expect(level(null, null, 16)).toMatchObject({ score: 16, scale: 5, level: "extreme", basis: "single", findings: [] });
    expect(level(null, null, "Extreme", true)).toMatchObject({ score: null, scale: null, level: "extreme", basis: "single" });
  });

  it("rule 4: one rating column alone", () => {
    // Seed 004: Impact H/M/L alone.
    expect(level(undefined, "H", undefined)).toMatchObject({ impact: 3, likelihood: null, score: null, scale: 3, level: "high", figures: "Impact High: high" });
    expect(level(undefined, "M", undefined)).toMatchObject({ scale: 3, level: "medium" });
    expect(level(undefined, 5, undefined)).toMatchObject({ impact: 5, scale: 5, level: "extreme" });
    expect(level(undefined, 4, undefined)).toMatchObject({ scale: 5, level: "high" });
    expect(level(3, undefined, undefined)).toMatchObject({ likelihood: 3, scale: 5, level: "moderate" });
    expect(level(2, undefined, undefined)).toMatchObject({ level: "low" });
    expect(level(undefined, undefined, 9)).toMatchObject({ score: 9, scale: 5, level: "high" });
    // `Risk Rating` alone with level words: NPSA where the column uses Extreme or Moderate anywhere.
    expect(level(undefined, undefined, "High", true)).toMatchObject({ scale: null, level: "high" });
    expect(level(undefined, undefined, "Medium", true)).toMatchObject({ scale: null, level: "moderate" });
    expect(level(undefined, undefined, "High", false)).toMatchObject({ scale: 3, level: "high" });
  });

  it("rule 5: one rating blank: missing-rating at the blank cell, no level", () => {
    const r = level(4, null, undefined);
    expect(r).toMatchObject({ level: null, likelihood: 4, impact: null, basis: "none", findings: ["missing-rating@D5"] });
    expect(r.messages[0]).toBe("Risk R1 has no impact, so its score and RAG cannot be worked out: enter a rating from 1 to 5 (or Low, Medium or High).");
  });

  it("rule 5: nothing usable and nothing invalid: one missing-rating at the first rating cell (a blank score is no finding of its own)", () => {
    expect(level(null, null, null).findings).toEqual(["missing-rating@C5"]);
    expect(level(null, null, undefined).findings).toEqual(["missing-rating@C5"]);
  });

  it("never joins an invalid-rating with a missing-rating", () => {
    expect(level(9, null, undefined).findings).toEqual(["invalid-rating@C5"]);
    expect(level(null, null, 30).findings).toEqual(["invalid-rating@E5"]);
    expect(level(4, "Huge", null)).toMatchObject({ level: null, findings: ["invalid-rating@D5"] });
  });

  it("raises formula-error for an Excel error, and does not use the figure", () => {
    const { findings, raise } = findingsOn("Risks");
    const r = riskLevel(at("likelihood", 4), { column: "impact", col: 4, address: "D5", reading: { kind: "error", error: "#REF!" } }, null, { name: "risk R1", raise, npsaWords: false });
    expect(r.level).toBeNull();
    expect(findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["formula-error@D5"]);
  });
});
