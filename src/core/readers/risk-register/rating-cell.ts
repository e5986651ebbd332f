/**
 * One likelihood, impact or score cell (action-plans-and-risks.md §11, Ratings): a number
 * (1–5 for likelihood and impact, 1–25 for a score); a 5-point word (likelihood `Rare` 1 …
 * `Almost Certain` 5, impact `Negligible` 1 … `Catastrophic` 5); a 3-point word in any rating
 * column (`Low`/`L` 1, `Medium`/`Med`/`M` 2, `High`/`H` 3); in a score column also the level
 * words `Extreme` and `Moderate`. Anything else, or a number out of range, is not a rating.
 */
import type { Cell } from "../../snapshot";
import { cellError, displayText } from "../../values";
import { quote } from "../../values/input";

export type RatingColumn = "likelihood" | "impact" | "score";

export type RatingCell =
  | { kind: "blank" }
  /** A number, or a 5-point word read as its number. */
  | { kind: "five"; value: number; shown: string }
  | { kind: "three"; value: 1 | 2 | 3; shown: string }
  /** A level word only a score column holds: `Extreme`, `Moderate`. */
  | { kind: "level"; level: "extreme" | "moderate"; shown: string }
  | { kind: "invalid"; reason: string }
  | { kind: "error"; error: string };

const FIVE_POINT: Record<"likelihood" | "impact", ReadonlyMap<string, number>> = {
  likelihood: new Map([["rare", 1], ["unlikely", 2], ["possible", 3], ["likely", 4], ["almost certain", 5]]),
  impact: new Map([["negligible", 1], ["minor", 2], ["moderate", 3], ["major", 4], ["catastrophic", 5]]),
};
const THREE_POINT: ReadonlyMap<string, 1 | 2 | 3> = new Map([["low", 1], ["l", 1], ["medium", 2], ["med", 2], ["m", 2], ["high", 3], ["h", 3]]);
const LEVEL_WORDS: ReadonlyMap<string, "extreme" | "moderate"> = new Map([["extreme", "extreme"], ["moderate", "moderate"]]);

const WORD_ADVICE: Record<RatingColumn, string> = {
  likelihood: "use a number from 1 to 5, or Rare, Unlikely, Possible, Likely or Almost Certain (or Low, Medium or High)",
  impact: "use a number from 1 to 5, or Negligible, Minor, Moderate, Major or Catastrophic (or Low, Medium or High)",
  score: "use a number from 1 to 25, or Extreme, High, Moderate, Medium or Low",
};

const fold = (t: string): string => t.toLowerCase().replace(/[.]$/, "").replace(/\s+/g, " ").trim();

/** A word's rating in a column, or null. */
function wordRating(word: string, column: RatingColumn): RatingCell | null {
  const w = fold(word);
  if (column !== "score") {
    const five = FIVE_POINT[column].get(w);
    if (five !== undefined) return { kind: "five", value: five, shown: word };
  }
  const three = THREE_POINT.get(w);
  if (three !== undefined) return { kind: "three", value: three, shown: word };
  if (column === "score") {
    const level = LEVEL_WORDS.get(w);
    if (level !== undefined) return { kind: "level", level, shown: word };
  }
  return null;
}

function numberRating(n: number, shown: string, column: RatingColumn): RatingCell {
  const max = column === "score" ? 25 : 5;
  if (Number.isInteger(n) && n >= 1 && n <= max) return { kind: "five", value: n, shown };
  return { kind: "invalid", reason: `${quote(shown)} is not a ${column === "score" ? "score" : "rating"}: ${column === "score" ? "a score is a whole number from 1 to 25" : "use a whole number from 1 to 5"}` };
}

/**
 * `4 - Likely`, `4 (Likely)`, `Likely (4)`: a number and its 5-point word, as NHS registers
 * often write them; read only where the two agree.
 */
const NUMBER_THEN_WORD = /^(\d+)\s*(?:[-–:]\s*|\(\s*)([a-z][a-z ]*?)\s*\)?$/i;
const WORD_THEN_NUMBER = /^([a-z][a-z ]*?)\s*(?:[-–:]\s*|\(\s*)(\d+)\s*\)?$/i;

function pairRating(text: string, column: RatingColumn): RatingCell | null {
  const m = NUMBER_THEN_WORD.exec(text);
  const w = WORD_THEN_NUMBER.exec(text);
  const pair = m ? { n: Number(m[1]), word: m[2] } : w ? { n: Number(w[2]), word: w[1] } : null;
  if (!pair) return null;
  const byWord = wordRating(pair.word, column);
  return byWord?.kind === "five" && byWord.value === pair.n ? { kind: "five", value: pair.n, shown: text } : null;
}

/** Reads a rating cell of a column. Never throws. */
export function readRatingCell(cell: Cell | undefined, column: RatingColumn): RatingCell {
  const error = cellError(cell);
  if (error !== null) return { kind: "error", error };
  if (!cell || cell.value === null || cell.value === "") return { kind: "blank" };
  const shown = displayText(cell).replace(/\s+/g, " ").trim();
  if (shown === "") return { kind: "blank" };
  if (typeof cell.value === "number") return numberRating(cell.value, shown, column);
  if (typeof cell.value === "boolean") return { kind: "invalid", reason: `${shown} is not a rating: ${WORD_ADVICE[column]}` };
  if (/^\d+(?:\.\d+)?$/.test(shown)) return numberRating(Number(shown), shown, column);
  const byWord = wordRating(shown, column) ?? pairRating(shown, column);
  return byWord ?? { kind: "invalid", reason: `${quote(shown)} is not a rating: ${WORD_ADVICE[column]}` };
}
