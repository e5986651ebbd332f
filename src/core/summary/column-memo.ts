/**
 * A measure of a cell's text remembered for the last cell of each column: a table's column
 * shares its width and look, and its texts often repeat down it (a register's RAG reasons,
 * a directions list's themes, empty cells). Only the last text is kept, compared as a
 * string: no Map, so no text is hashed (round 12's memo by text, hashing every text, cost
 * a register more than it saved). The callers compare the fields in their own loops (a
 * method or callback a cell cost a first run more than the memo saved: fitWidths and
 * rowHeights run once, mostly before V8 optimises them).
 */
import type { FontSpec } from "./text-metrics";

export class LastByColumn {
  /** By column: the last text measured, the size (width, or a flag) and font it was measured at, and the answer. */
  readonly texts: (string | undefined)[];
  readonly sizes: Float64Array;
  readonly fonts: (FontSpec | undefined)[];
  readonly answers: Float64Array;

  /**
   * For columns 0 to `columns` - 1 (a column past them is measured every time). Made whole,
   * each array of the one kind it keeps: arrays grown from empty change their elements' kind
   * as they fill, and each new memo's then did not match what the loops reading them were
   * compiled for, which threw that compiled code away (fitWidths and rowHeights compiled
   * three and four times in a register's summary, 20-60 ms each).
   */
  constructor(columns: number) {
    this.texts = columnsOf(columns);
    this.sizes = new Float64Array(columns);
    this.fonts = columnsOf(columns);
    this.answers = new Float64Array(columns);
  }

  /** The column's answer: the caller takes `answers[col]` where text, size and font are all `===` the column's last. */
  set(col: number, text: string, size: number, font: FontSpec, answer: number): void {
    // Past the columns, nothing is kept: a size read there is undefined, never equal.
    if (col >= this.sizes.length) return;
    this.texts[col] = text;
    this.sizes[col] = size;
    this.fonts[col] = font;
    this.answers[col] = answer;
  }
}

/** An array of `n` empty places, made whole (not grown), so every one made has the same elements kind. */
export function columnsOf<T>(n: number): (T | undefined)[] {
  return Array.from({ length: n }, () => undefined);
}
