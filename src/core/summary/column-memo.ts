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
  readonly texts: (string | undefined)[] = [];
  readonly sizes: number[] = [];
  readonly fonts: (FontSpec | undefined)[] = [];
  readonly answers: number[] = [];

  /** The column's answer: the caller takes `answers[col]` where text, size and font are all `===` the column's last. */
  set(col: number, text: string, size: number, font: FontSpec, answer: number): void {
    this.texts[col] = text;
    this.sizes[col] = size;
    this.fonts[col] = font;
    this.answers[col] = answer;
  }
}
