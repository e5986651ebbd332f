/**
 * Duplicate numbers (§5 `duplicate-direction`): a direction whose number an earlier direction
 * of the sheet has is flagged at its No cell, naming the first one's.
 */
import type { Direction } from "../../records";

/** The longest segment read as a number: 15 digits are below 2^53, so read exactly. */
const MAX_DIGITS = 15;

/** True where the text is dot-separated segments of 1 to 15 digits (`1`, `1.2`, `10.2.3`). */
export function isPlainNumber(t: string): boolean {
  let digits = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (digits === 0) return false;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > MAX_DIGITS) return false;
    } else return false;
  }
  return digits > 0;
}

/**
 * For two plain numbers (isPlainNumber): true where `b` comes after `a`, segment by segment
 * as numbers, a number after its own prefix (`1.2` < `1.10` < `1.10.1` < `2`). Equal texts
 * are equal in this order, and the order is transitive: in a run of numbers each after the
 * one before, no two texts are the same. Texts alike in number (`1.01`, `1.1`) are equal in
 * it, so not after each other.
 */
export function comesAfter(a: string, b: string): boolean {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  for (;;) {
    let x = 0;
    for (; i < n; i++) {
      const c = a.charCodeAt(i);
      if (c === 46) break;
      x = x * 10 + (c - 48);
    }
    let y = 0;
    for (; j < m; j++) {
      const c = b.charCodeAt(j);
      if (c === 46) break;
      y = y * 10 + (c - 48);
    }
    if (x !== y) return y > x;
    if (i === n) return j < m;
    if (j === m) return false;
    i++;
    j++;
  }
}

/**
 * The first No cell of each number on a sheet. A long report numbers its directions in
 * order (`1.1`, `1.2`, … `2.1`), and while each comes after the one before, none can repeat
 * an earlier one: no look-up is made and nothing is kept but the last. The first number out
 * of order (or not plain digits and dots) makes the map of every number so far, from the
 * directions read (the reader pushes each before it starts the next), and from then on each
 * is looked up as before: a Map of 50,000 numbers cost ~2% of a 50,000-direction `check`.
 */
export class FirstCellOfNo {
  private last: string | null = null;
  private byNo: Map<string, string> | null = null;

  /** `earlier`: the sheet's directions so far, in order; every number asked of `firstOf` is in it before the next is asked. */
  constructor(private readonly earlier: readonly Direction[]) {}

  /** The No cell of the first direction numbered `no`; undefined where this one (at `cell`) is the first. */
  firstOf(no: string, cell: string): string | undefined {
    if (this.byNo === null) {
      const last = this.last;
      if (last === null ? isPlainNumber(no) : isPlainNumber(no) && comesAfter(last, no)) {
        this.last = no;
        return undefined;
      }
      this.byNo = new Map();
      for (const d of this.earlier) if (!this.byNo.has(d.no)) this.byNo.set(d.no, d.cell);
    }
    const first = this.byNo.get(no);
    if (first === undefined) this.byNo.set(no, cell);
    return first;
  }
}
