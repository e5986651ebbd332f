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

/**
 * Misses a column's memo may have before it is dropped where it finds fewer than one text in
 * FINDS_NEEDED it misses: a column of distinct texts finds none. A directions list's RAG reasons
 * (2,449 texts in 50,000 lines) find 20 in their first 256 misses, and 47,521 in all.
 */
const MISSES_ALLOWED = 256;
const FINDS_NEEDED = 16;
/** Misses after which a memo is dropped where it finds fewer texts than it misses. */
const MISSES_ALLOWED_LATER = 4096;

/**
 * A measure of each text a column has measured, for columns whose texts repeat but not one
 * after another (a directions list's 50,000 directions and RAG reasons are a few hundred or
 * thousand texts, in any order), which LastByColumn misses. A Map hashes each text it is asked for, as costly as
 * measuring a short one (round 12), so a column's memo is dropped once it has missed
 * MISSES_ALLOWED times and found far fewer (or MISSES_ALLOWED_LATER times and found fewer):
 * a column of distinct texts (a register's actions) pays for that many hashes, then one test
 * a cell. Kept for the one size and font the column's first text was measured at; any other
 * is measured as before.
 */
export class TextsByColumn {
  /** By column: the memo; undefined before the first text, null once dropped. */
  private readonly memos: (Map<string, number> | null | undefined)[];
  private readonly sizes: Float64Array;
  private readonly fonts: (FontSpec | undefined)[];
  private readonly hits: Int32Array;
  private readonly misses: Int32Array;

  /** For columns 0 to `columns` - 1 (a column past them is measured every time), made whole as LastByColumn's. */
  constructor(columns: number) {
    this.memos = columnsOf(columns);
    this.sizes = new Float64Array(columns);
    this.fonts = columnsOf(columns);
    this.hits = new Int32Array(columns);
    this.misses = new Int32Array(columns);
  }

  /** The column's answer for the text at this size and font, or -1 where it has none (every measure here is ≥ 0). */
  of(col: number, text: string, size: number, font: FontSpec): number {
    if (col >= this.sizes.length) return -1;
    const memo = this.memos[col];
    if (memo === null || (memo !== undefined && (size !== this.sizes[col] || font !== this.fonts[col]))) return -1;
    if (memo === undefined) {
      this.memos[col] = new Map<string, number>();
      this.sizes[col] = size;
      this.fonts[col] = font;
      return -1;
    }
    const known = memo.get(text);
    if (known !== undefined) {
      this.hits[col]++;
      return known;
    }
    return -1;
  }

  /** Keeps the answer of() had none for (at its size and font), or drops a memo that misses more than it finds. */
  add(col: number, text: string, size: number, font: FontSpec, answer: number): void {
    if (col >= this.sizes.length) return;
    const memo = this.memos[col];
    if (memo == null || size !== this.sizes[col] || font !== this.fonts[col]) return;
    const misses = ++this.misses[col];
    const hits = this.hits[col];
    if ((misses > MISSES_ALLOWED && hits * FINDS_NEEDED < misses) || (misses > MISSES_ALLOWED_LATER && hits < misses)) this.memos[col] = null;
    else memo.set(text, answer);
  }
}
