/**
 * A sheet model's merges (SheetModel.merges), packed as numbers: each merge's top, left,
 * bottom and right in turn, in the order they were made. A register's service areas make a
 * merge a row (100,000 on a register of 100,000 lines): as objects they were 100,000 small
 * allocations from the plan to the writer, ~3 MB promoted to old space at the summary's peak.
 * Both hosts read them here, not each with a copy of the unpacking.
 */

import type { Merge } from "../snapshot";

/** The numbers one merge takes in a packed list. */
export const MERGE_NUMBERS = 4;

/** How many merges a packed list holds. */
export function mergeCount(merges: readonly number[]): number {
  return merges.length / MERGE_NUMBERS;
}

/** Appends a merge to a packed list. */
export function addMerge(merges: number[], top: number, left: number, bottom: number, right: number): void {
  merges.push(top, left, bottom, right);
}

/**
 * A packed list being made by a summary page, written in place: its room made at once where
 * the merges to come are known (reserve: a block's spanning column makes a merge a row), not
 * grown a push at a time. Pushed, a register's 400,000 numbers were copied into a larger
 * array at each growth, and each new one was fresh memory (~3 times the list's own).
 */
export class PackedMerges {
  /** The list: its first `length` numbers the merges made, the rest room reserved (cut by done). */
  readonly list: number[] = [];
  length = 0;

  /** Makes room for `more` merges past those made. */
  reserve(more: number): void {
    const want = this.length + more * MERGE_NUMBERS;
    if (want > this.list.length) this.list.length = want;
  }

  add(top: number, left: number, bottom: number, right: number): void {
    const list = this.list;
    const k = this.length;
    // Past the room reserved (most merges: a page's few spans), appended.
    if (k === list.length) {
      addMerge(list, top, left, bottom, right);
      this.length = k + MERGE_NUMBERS;
      return;
    }
    list[k] = top;
    list[k + 1] = left;
    list[k + 2] = bottom;
    list[k + 3] = right;
    this.length = k + MERGE_NUMBERS;
  }

  /** The list, cut to the merges made (room reserved and not used goes). */
  done(): number[] {
    this.list.length = this.length;
    return this.list;
  }
}

/** The `i`th merge of a packed list, as an object: for the few (a host's blocks, tests), not a walk of them all. */
export function mergeAt(merges: readonly number[], i: number): Merge {
  const k = i * MERGE_NUMBERS;
  return { top: merges[k], left: merges[k + 1], bottom: merges[k + 2], right: merges[k + 3] };
}

/** Calls `f` with each merge's corners, in order, making no object a merge. */
export function forEachMerge(merges: readonly number[], f: (top: number, left: number, bottom: number, right: number) => void): void {
  for (let k = 0; k + 3 < merges.length; k += MERGE_NUMBERS) f(merges[k], merges[k + 1], merges[k + 2], merges[k + 3]);
}

/** A packed list's merges as objects (small lists: templates, tests). */
export function mergeList(merges: readonly number[]): Merge[] {
  const out: Merge[] = [];
  for (let i = 0; i < mergeCount(merges); i++) out.push(mergeAt(merges, i));
  return out;
}

/** Merges given as objects, packed. */
export function packMerges(list: readonly Merge[]): number[] {
  const out: number[] = [];
  for (const m of list) addMerge(out, m.top, m.left, m.bottom, m.right);
  return out;
}
