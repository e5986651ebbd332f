/**
 * Cell lists known to be in sheet order (by row, then column; one cell a position), with
 * the last row and the widest column they reach. A summary page lists its grid in that
 * order as it works out the row heights (SummaryPage.build), so the writer need not
 * compare two million cells to learn it (~140 ms on a register of 100,000 lines) nor pass
 * over them again for the sheet's dimension. Kept beside the list, not in the model: it
 * is a fact about this array, not something written. A list whose length has changed
 * since (a caller adding cells) is no longer known, and is looked through as any other.
 */
import type { ModelCell } from "./sheet-model";

export interface SheetOrder {
  /** The last row and widest column of any cell (1 where the list is empty). */
  maxRow: number;
  maxCol: number;
}

const KNOWN = new WeakMap<readonly ModelCell[], { length: number; order: SheetOrder }>();

/** Records that `cells`, as they stand, are in sheet order and reach `maxRow` and `maxCol`. */
export function knownInSheetOrder(cells: readonly ModelCell[], maxRow: number, maxCol: number): void {
  KNOWN.set(cells, { length: cells.length, order: { maxRow, maxCol } });
}

/** What is known of a list's order, if it is known and the list has not grown or shrunk since. */
export function sheetOrderOf(cells: readonly ModelCell[]): SheetOrder | undefined {
  const known = KNOWN.get(cells);
  return known !== undefined && known.length === cells.length ? known.order : undefined;
}
