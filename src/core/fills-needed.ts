/**
 * Which cells' fill colours the engine needs (action-plans-and-risks.md §10: a stated RAG
 * shown by colour alone). A host that reads fills apart from values (the Excel host, with
 * `Range.getCellProperties` in its bounded syncs) reads values first, asks this, then reads
 * exactly these fills into the snapshot's `fill`. Pure: a snapshot of values in, ranges out.
 */
import { a1, parseA1, SheetGrid } from "./grid";
import { readActionPlan } from "./readers/action-plan";
import { recogniseSheet } from "./recognise";
import type { WorkbookSnapshot } from "./snapshot";
import { displayText } from "./values";

export interface FillRequest {
  sheet: string;
  /** A1 ranges on that sheet (`H7:H12`, `H15`), top to bottom. */
  ranges: string[];
}

/** Consecutive rows of one column as A1 ranges: H7, H8, H9, H12 → `H7:H9`, `H12`. */
function asRanges(cells: { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((x, y) => x.col - y.col || x.row - y.row);
  const ranges: string[] = [];
  let start = sorted[0];
  let end = sorted[0];
  for (const c of sorted.slice(1)) {
    if (c.col === end.col && c.row === end.row + 1) {
      end = c;
      continue;
    }
    ranges.push(start === end ? a1(start.row, start.col) : `${a1(start.row, start.col)}:${a1(end.row, end.col)}`);
    start = c;
    end = c;
  }
  ranges.push(start === end ? a1(start.row, start.col) : `${a1(start.row, start.col)}:${a1(end.row, end.col)}`);
  return ranges;
}

/**
 * On every sheet recognised as an action plan: the stated-RAG cells of its actions that hold
 * no text (a cell with text is read as a word, never by its fill). Sheets needing none are left out.
 */
export function fillsNeeded(snapshot: WorkbookSnapshot): FillRequest[] {
  const requests: FillRequest[] = [];
  for (const sheet of snapshot.sheets) {
    const grid = new SheetGrid(sheet);
    if (recogniseSheet(grid).kind !== "action-plan") continue;
    const seen = new Set<string>();
    const cells: { row: number; col: number }[] = [];
    for (const action of readActionPlan(grid).actions) {
      const address = action.statedRagCell;
      if (address === null || seen.has(address)) continue;
      seen.add(address);
      const at = parseA1(address);
      if (displayText(grid.get(at.row, at.col)) === "") cells.push(at);
    }
    if (cells.length > 0) requests.push({ sheet: sheet.name, ranges: asRanges(cells) });
  }
  return requests;
}
