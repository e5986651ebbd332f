/**
 * A sheet's cells packed column-wise in typed arrays: the snapshot's packed form.
 *
 * A 200,000-row data tab is 1.8 million cells. As objects they cost ~70 bytes each and,
 * kept alive through a check, V8 copies each of them twice as it promotes them (500–750 ms
 * of the data tab's read, bench/results.md round 6), while the readers ask for a few
 * hundred. Packed, a cell is ~23 bytes in a handful of arrays the collector never walks,
 * and a `Cell` is made only when a reader asks for it (SheetGrid, the only reader of this
 * form, keeps each one it makes). zod's schema describes the object form; this one is
 * checked by construction (the .xlsx reader builds it), so the contract names it as a class.
 */
import { valueCell } from "./cell-shapes";
import type { Cell } from "./snapshot";

/** What a cell's value is; a number's value, or a text's place in `texts`, is in `numbers`. */
export const NULL_VALUE = 0;
export const NUMBER_VALUE = 1;
export const TEXT_VALUE = 2;
export const TRUE_VALUE = 3;
export const FALSE_VALUE = 4;
/** Text that is the workbook's shared string at the index in `numbers` (most text of an .xlsx). */
export const SHARED_VALUE = 5;

/** The fields few cells have, by stored index (a formula, an error, a fill, a shown text). */
export interface CellExtras {
  text?: string;
  error?: string;
  formula?: string;
  fill?: string;
}

export class PackedCells {
  constructor(
    /** How many cells; each array below has at least this many entries. */
    readonly length: number,
    /** 1-based rows, ascending; within a row, columns ascend; each position once. */
    readonly rows: Int32Array,
    readonly cols: Uint16Array,
    /** NULL_VALUE, NUMBER_VALUE, TEXT_VALUE, TRUE_VALUE or FALSE_VALUE. */
    readonly kinds: Uint8Array,
    /** A number's value; a text's index in `texts`. */
    readonly numbers: Float64Array,
    /** The sheet's own texts (TEXT_VALUE) and the workbook's shared strings (SHARED_VALUE). */
    readonly texts: readonly string[],
    readonly shared: readonly string[],
    /** 0 for no number format; else its index in `formatList` plus one. */
    readonly formats: Uint16Array,
    readonly formatList: readonly string[],
    readonly extras: ReadonlyMap<number, CellExtras>,
  ) {}

  /** The value of cell i. */
  value(i: number): Cell["value"] {
    switch (this.kinds[i]) {
      case NUMBER_VALUE:
        return this.numbers[i];
      case TEXT_VALUE:
        return this.texts[this.numbers[i]];
      case SHARED_VALUE:
        return this.shared[this.numbers[i]];
      case TRUE_VALUE:
        return true;
      case FALSE_VALUE:
        return false;
      default:
        return null;
    }
  }

  /**
   * Cell i as an object, made now: in the shape the object form's reader made (the value,
   * then its format, then the rare fields), so the two forms give the same cells.
   */
  cell(i: number): Cell {
    // Most sheets have no extras at all: no look-up a cell.
    const extras = this.extras.size === 0 ? undefined : this.extras.get(i);
    const value = this.value(i);
    const out = valueCell(this.rows[i], this.cols[i], value, this.formatOf(i));
    if (!extras) return out;
    if (extras.text !== undefined) out.text = extras.text;
    if (extras.error !== undefined) out.error = extras.error;
    if (extras.formula !== undefined) out.formula = extras.formula;
    if (extras.fill !== undefined) out.fill = extras.fill;
    return out;
  }

  /** The text of cell i where its value is text and it holds no error (an error shows no text). */
  textOf(i: number): string | undefined {
    const kind = this.kinds[i];
    if (kind !== SHARED_VALUE && kind !== TEXT_VALUE) return undefined;
    if (this.extras.size !== 0 && this.extras.get(i)?.error) return undefined;
    return kind === SHARED_VALUE ? this.shared[this.numbers[i]] : this.texts[this.numbers[i]];
  }

  /** The index in `shared` of cell i's text where it is a shared string and the cell holds no error; else -1. */
  sharedIndexOf(i: number): number {
    if (this.kinds[i] !== SHARED_VALUE) return -1;
    if (this.extras.size !== 0 && this.extras.get(i)?.error) return -1;
    return this.numbers[i];
  }

  /** True where cell i has no error and no shown text of its own (a Cell made of it has neither field): its value is all it shows. */
  valueAlone(i: number): boolean {
    if (this.extras.size === 0) return true;
    const extras = this.extras.get(i);
    return extras === undefined || (extras.error === undefined && extras.text === undefined);
  }

  /** The number format of cell i (a Cell's `format`), undefined for none. */
  formatOf(i: number): string | undefined {
    const f = this.formats[i];
    return f === 0 ? undefined : this.formatList[f - 1];
  }

  /** True where cell i shows a text of its own or holds an error. */
  showsOtherText(i: number): boolean {
    if (this.extras.size === 0) return false;
    const extras = this.extras.get(i);
    return extras !== undefined && (extras.text !== undefined || !!extras.error);
  }

  /** The cells as objects, as JSON writes them: the same text as the object form's. */
  toJSON(): Cell[] {
    const out: Cell[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.cell(i));
    return out;
  }
}
