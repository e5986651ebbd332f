/**
 * A risk's scale, score and level (action-plans-and-risks.md §11, rules 1–5; the RAG that
 * follows is risks/risk-rag.ts):
 * 1. likelihood and impact both 5-point: score = L × I (a score cell's differing number is
 *    `score-mismatch`, and L × I is used); NPSA bands 15–25 extreme, 8–14 high, 4–7
 *    moderate, 1–3 low;
 * 2. both 3-point words: score = L × I on 1–9; 6–9 high, 3–4 medium, 1–2 low;
 * 3. a 3-point word beside a 5-point rating: `invalid-rating` at the word, then rule 5;
 * 4. one rating column, or likelihood and impact both blank with a usable score: rated by
 *    that one cell;
 * 5. otherwise no level (`missing-rating` where a rating is blank and none is invalid).
 */
import type { RaiseFinding } from "../../findings";
import type { RatingBasis, RiskScale, RiskScoreLevel } from "../../risks/records";
import type { RatingCell, RatingColumn } from "./rating-cell";

/** A rating cell of the risk's row, read, with its address; null where the register lacks the column. */
export interface PlacedRating {
  column: RatingColumn;
  col: number;
  address: string;
  reading: RatingCell;
}

export interface RiskLevelReading {
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  scale: RiskScale;
  level: RiskScoreLevel | null;
  basis: RatingBasis;
  /** The figures behind the level: `Likelihood 4 × impact 4 = 16: extreme`. */
  figures: string;
}

/** The NPSA band of a 5 × 5 score. */
export function npsaLevel(score: number): RiskScoreLevel {
  return score >= 15 ? "extreme" : score >= 8 ? "high" : score >= 4 ? "moderate" : "low";
}

/** The level of a 3-point score (1–9). */
export function threePointLevel(score: number): RiskScoreLevel {
  return score >= 6 ? "high" : score >= 3 ? "medium" : "low";
}

/** A lone likelihood or impact number: 5 extreme, 4 high, 3 moderate, 1–2 low. */
function loneLevel(n: number): RiskScoreLevel {
  return n >= 5 ? "extreme" : n === 4 ? "high" : n === 3 ? "moderate" : "low";
}

const THREE_WORDS = ["Low", "Medium", "High"] as const;
const threeWord = (n: number): string => THREE_WORDS[n - 1];
const NAME: Record<RatingColumn, string> = { likelihood: "Likelihood", impact: "Impact", score: "Score" };

const usable = (r: PlacedRating | null): boolean => r !== null && (r.reading.kind === "five" || r.reading.kind === "three" || r.reading.kind === "level");
const invalid = (r: PlacedRating | null): boolean => r !== null && (r.reading.kind === "invalid" || r.reading.kind === "error");
const blank = (r: PlacedRating | null): boolean => r === null || r.reading.kind === "blank";

export interface RiskScaleContext {
  /** How messages name the risk: `risk R1`. */
  name: string;
  raise: RaiseFinding;
  /** The register's score column uses `Extreme` or `Moderate` somewhere: its level words name NPSA bands. */
  npsaWords: boolean;
}

const THREE_LEVEL: Record<1 | 2 | 3, RiskScoreLevel> = { 1: "low", 2: "medium", 3: "high" };
/** A 3-point word in a score column that uses `Extreme` or `Moderate` names an NPSA band. */
const NPSA_OF_THREE: Record<1 | 2 | 3, RiskScoreLevel> = { 1: "low", 2: "moderate", 3: "high" };

/** Rated by one cell (rule 4). */
function single(r: PlacedRating, npsaWords: boolean): RiskLevelReading {
  const base = { likelihood: null, impact: null, score: null, basis: "single" as const };
  const reading = r.reading;
  const own = r.column === "likelihood" ? "likelihood" : "impact";
  if (reading.kind === "five") {
    if (r.column === "score") {
      const level = npsaLevel(reading.value);
      return { ...base, score: reading.value, scale: 5, level, figures: `Score ${reading.value}: ${level}` };
    }
    const level = loneLevel(reading.value);
    return { ...base, [own]: reading.value, scale: 5, level, figures: `${NAME[r.column]} ${reading.value}: ${level}` };
  }
  if (reading.kind === "level" || (reading.kind === "three" && r.column === "score" && npsaWords)) {
    const level = reading.kind === "level" ? reading.level : NPSA_OF_THREE[reading.value];
    return { ...base, scale: null, level, figures: `Rated ${reading.shown}: ${level}` };
  }
  if (reading.kind === "three") {
    const level = THREE_LEVEL[reading.value];
    if (r.column === "score") return { ...base, scale: 3, level, figures: `Rated ${reading.shown}: ${level}` };
    return { ...base, [own]: reading.value, scale: 3, level, figures: `${NAME[r.column]} ${threeWord(reading.value)}: ${level}` };
  }
  return none(null, null, "Not rated");
}

function none(likelihood: number | null, impact: number | null, figures: string): RiskLevelReading {
  return { likelihood, impact, score: null, scale: null, level: null, basis: "none", figures };
}

/** Applies rules 1–5 to a risk's rating cells (null where the register lacks the column), raising their findings. */
export function riskLevel(l: PlacedRating | null, i: PlacedRating | null, s: PlacedRating | null, ctx: RiskScaleContext): RiskLevelReading {
  const { raise, name } = ctx;
  // Every cell that is not a rating says so (and is not used).
  for (const r of [l, i, s]) {
    if (r?.reading.kind === "invalid") raise("invalid-rating", r.address, { field: `The ${r.column} of ${name}`, reason: r.reading.reason });
    if (r?.reading.kind === "error") {
      raise("formula-error", r.address, { field: `The ${r.column} of ${name}`, error: r.reading.error, expected: r.column === "score" ? "a score from 1 to 25" : "a rating from 1 to 5" });
    }
  }
  const lv = l?.reading.kind === "five" || l?.reading.kind === "three" ? l.reading : null;
  const iv = i?.reading.kind === "five" || i?.reading.kind === "three" ? i.reading : null;

  if (l !== null && i !== null) {
    if (lv && iv && lv.kind === "five" && iv.kind === "five") {
      // Rule 1.
      const score = lv.value * iv.value;
      const level = npsaLevel(score);
      if (s?.reading.kind === "five" && s.reading.value !== score) {
        raise("score-mismatch", s.address, { risk: name, likelihood: lv.value, impact: iv.value, stated: s.reading.value });
      }
      return { likelihood: lv.value, impact: iv.value, score, scale: 5, level, basis: "likelihood-impact", figures: `Likelihood ${lv.value} × impact ${iv.value} = ${score}: ${level}` };
    }
    if (lv && iv && lv.kind === "three" && iv.kind === "three") {
      // Rule 2.
      const score = lv.value * iv.value;
      const level = threePointLevel(score);
      return {
        likelihood: lv.value,
        impact: iv.value,
        score,
        scale: 3,
        level,
        basis: "likelihood-impact",
        figures: `Likelihood ${threeWord(lv.value)} × impact ${threeWord(iv.value)} = ${score}: ${level}`,
      };
    }
    if (lv && iv) {
      // Rule 3: the 3-point word is the odd one out.
      const word = lv.kind === "three" ? l : i;
      raise("invalid-rating", word.address, {
        field: `The ${word.column} of ${name}`,
        reason: `'${word.reading.kind === "three" ? word.reading.shown : ""}' is a 3-point word, but this register scores 1 to 5: use a number from 1 to 5`,
      });
      const five = lv.kind === "five" ? { likelihood: lv.value, impact: null } : { likelihood: null, impact: iv.kind === "five" ? iv.value : null };
      return none(five.likelihood, five.impact, "Not rated: a 3-point word beside a 1 to 5 rating");
    }
    if (blank(l) && blank(i) && s !== null && usable(s)) return single(s, ctx.npsaWords);
    return missing(l, i, s, ctx, lv?.value ?? null, iv?.value ?? null);
  }

  // One of likelihood and impact, or neither: rated by the score where it is usable, else the lone rating.
  const lone = [s, l, i].find((r): r is PlacedRating => r !== null && usable(r));
  if (lone) return single(lone, ctx.npsaWords);
  return missing(l, i, s, ctx, lv?.value ?? null, iv?.value ?? null);
}

/** Rule 5: no level; `missing-rating` where a rating is blank and none is invalid. */
function missing(l: PlacedRating | null, i: PlacedRating | null, s: PlacedRating | null, ctx: RiskScaleContext, lValue: number | null, iValue: number | null): RiskLevelReading {
  const present = [l, i, s].filter((r): r is PlacedRating => r !== null);
  if (present.some(invalid)) return none(lValue, iValue, "Not rated: a rating is not usable");
  const expected = (r: PlacedRating) => (r.column === "score" ? "a score from 1 to 25" : "a rating from 1 to 5 (or Low, Medium or High)");
  if (l !== null && i !== null && (lValue !== null) !== (iValue !== null)) {
    const gap = lValue === null ? l : i;
    ctx.raise("missing-rating", gap.address, { risk: ctx.name, rating: gap.column, expected: expected(gap) });
    return none(lValue, iValue, `Not rated: no ${gap.column}`);
  }
  const first = [...present].sort((a, b) => a.col - b.col)[0];
  ctx.raise("missing-rating", first.address, { risk: ctx.name, rating: present.length === 1 ? first.column : "rating", expected: expected(first) });
  return none(lValue, iValue, "Not rated");
}
