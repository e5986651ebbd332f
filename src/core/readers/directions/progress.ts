/**
 * Progress (§5): a percent. Blank is not reported; text that is not a percent is narrative
 * (`non-numeric-progress`); outside 0–100 is `progress-out-of-range` and not used. A
 * direction's progress is the mean of its rows' usable figures, half-up to one decimal.
 */
import type { RaiseFinding } from "../../findings";
import { a1 } from "../../grid";
import { remembered } from "../../remembered";
import { NUMBER_VALUE, type PackedCells } from "../../packed-cells";
import type { Cell } from "../../snapshot";
import { isPercentFormat, parsePercent, roundHalfUp } from "../../values";
import { numberPoints } from "../../values/percent";

/** A progress cell of narrative text (counted as reported, with no figure). */
export const NARRATIVE = "narrative";

/**
 * What one progress cell adds to its direction: a usable figure, narrative, or nothing (a
 * bare number or word, not an object: one is read on every row of a long report).
 */
export type ProgressReading = number | typeof NARRATIVE | null;

/**
 * The reading of the progress cell at (row, col); its address is worked out only for a
 * finding (a progress cell on every row of a long report is almost always a figure).
 */
export function readProgressCell(cell: Cell | undefined, row: number, col: number, no: string, raise: RaiseFinding): ProgressReading {
  return plainProgressFigure(cell) ?? progressByRule(cell, row, col, no, raise);
}

/**
 * The figure of a number cell without an error or a shown text (nearly every progress cell
 * of a long report) where it is 0–100 points, read as parsePercent reads it but without its
 * input and result objects; null for any other cell, which progressByRule reads
 * (tests/core/readers/directions-fast-paths.test.ts holds the two together).
 */
export function plainProgressFigure(cell: Cell | undefined): number | null {
  if (cell === undefined) return null;
  const v = cell.value;
  if (typeof v !== "number" || cell.error !== undefined || cell.text !== undefined) return null;
  return figureOfNumber(v, cell.format);
}

/** plainProgressFigure of the packed cell at stored index i (-1: none), no cell made. */
export function plainProgressFigureAt(cells: PackedCells, i: number): number | null {
  if (i < 0 || cells.kinds[i] !== NUMBER_VALUE || !cells.valueAlone(i)) return null;
  return figureOfNumber(cells.numbers[i], cells.formatOf(i));
}

/** A plain number's progress figure, read as parsePercent reads it, where it is 0–100 points; else null. */
function figureOfNumber(v: number, format: string | undefined): number | null {
  if (!Number.isFinite(v)) return null;
  const points = numberPoints(v, isPercentFormat(format) ? 2 : 0);
  return points !== null && points >= 0 && points <= 100 ? points : null;
}

/**
 * parsePercent of a text, each distinct text read once (at most 1,024 kept): a report's
 * narrative progress repeats (the bench's 50,000 directions hold one sentence 2,428 times),
 * and each was cleaned, matched and quoted afresh (~6 µs warm). A cell of text without an
 * error reads as its text does: parsePercent looks at nothing else of it.
 */
const percentOfText = remembered((text: string) => parsePercent(text), 1_024);

/** readProgressCell's rule, for any cell. */
export function progressByRule(cell: Cell | undefined, row: number, col: number, no: string, raise: RaiseFinding): ProgressReading {
  const r = cell !== undefined && typeof cell.value === "string" && cell.error === undefined ? percentOfText(cell.value) : parsePercent(cell);
  switch (r.status) {
    case "empty":
      return null;
    case "error":
      raise("formula-error", a1(row, col), { field: `The Progress cell for direction ${no}`, error: r.error, expected: "a percentage" });
      return null;
    case "invalid":
      raise("non-numeric-progress", a1(row, col), { no, text: r.text });
      return NARRATIVE;
    case "ok":
      if (r.value >= 0 && r.value <= 100) return r.value;
      raise("progress-out-of-range", a1(row, col), { no, percent: r.value });
      return null;
  }
}

/**
 * The mean of usable progress figures (a direction's rows', or a theme's directions' in the
 * totals): their sum, added in order from 0, over their count, half-up to one decimal; null
 * where there are none.
 */
export function meanProgress(sum: number, count: number): number | null {
  return count === 0 ? null : roundHalfUp(sum / count, 1);
}
