/**
 * The marker that makes a sheet recognisably the product's own summary: the text
 * `board-summary:generated:<id>` in row 1 of a hidden column. A sheet without it is a
 * user's sheet and is never replaced, whatever its name.
 */
import type { SheetGrid } from "../grid";
import { cellsByHeads, headsBeginning } from "../readers/label-heads";
import { MARKER_PREFIX, summaryIdSchema, type SummaryId } from "./sheet-model";

/** The marker text for a summary: `board-summary:generated:recovery-summary`. */
export function markerText(id: SummaryId): string {
  return MARKER_PREFIX + id;
}

/** The summary id a marker text names, or null when it is not one of ours. */
export function summaryIdOfText(text: string): SummaryId | null {
  // Every text cell of every sheet passes here: rule most out before trimming a copy.
  if (!text.includes(MARKER_PREFIX)) return null;
  const t = text.trim();
  if (!t.startsWith(MARKER_PREFIX)) return null;
  const id = t.slice(MARKER_PREFIX.length).trim();
  const known = summaryIdSchema().safeParse(id);
  return known.success ? known.data : null;
}

/**
 * Which of the product's summaries a sheet is, from its marker; null for any other sheet.
 * The marker is written in row 1, but the whole sheet is searched: a user who inserts rows
 * above it must not turn the summary into a source sheet (it would then be read as a
 * register and counted twice).
 */
export function summaryIdOf(grid: SheetGrid): SummaryId | null {
  // Every sheet of every workbook passes here. A large sheet's text cells are grouped by
  // their first characters once (label-heads.ts, which the label search needs too): only
  // those that may begin a marker are read, and the cells that show another text than their
  // value (a number's, or an error's) are tested whole.
  const count = grid.cellCount;
  if (count <= SCAN_UP_TO_CELLS) return firstMarker(grid, null);
  // A packed sheet whose every text is a shared string, with no cell showing another text or
  // an error, holds a marker only where a shared string is one: where none is (the
  // workbook's strings looked at once), no cell of its 250,000 is passed over to be sure.
  if (onlySharedText(grid) && !sharedMarker(grid.sharedTexts() as readonly string[])) return null;
  const candidates: number[] = [];
  for (let i = 0; i < count; i++) if (grid.showsOtherText(i)) candidates.push(i);
  const text = cellsByHeads(grid, MARKER_HEADS);
  // Text cells with a shown text or an error are in both lists: once, in stored order.
  const merged = candidates.length === 0 ? text : Int32Array.from(new Set([...candidates, ...text])).sort();
  return firstMarker(grid, merged);
}

/** True where the sheet is packed, its every text a shared string, and no cell shows another text or holds an error. */
function onlySharedText(grid: SheetGrid): boolean {
  const packed = grid.packedCells();
  return packed !== null && packed.texts.length === 0 && packed.extras.size === 0;
}

/** Whether any of a workbook's shared strings is a marker, by its list (every large sheet of the workbook asks). */
const markerInShared = new WeakMap<readonly string[], boolean>();

function sharedMarker(shared: readonly string[]): boolean {
  let any = markerInShared.get(shared);
  if (any === undefined) {
    any = false;
    for (let s = 0; s < shared.length && !any; s++) any = markerOf(shared[s], undefined) !== null;
    markerInShared.set(shared, any);
  }
  return any;
}

/** Sheets of up to this many cells are searched cell by cell (forms). */
const SCAN_UP_TO_CELLS = 4096;
const MARKER_HEADS = headsBeginning([MARKER_PREFIX]);

/**
 * The first marker, in stored order, in row 1 (where it is written), else the first
 * elsewhere; among the stored cells at `at` (ascending) where given, else all.
 */
function firstMarker(grid: SheetGrid, at: Int32Array | null): SummaryId | null {
  let elsewhere: SummaryId | null = null;
  const n = at ? at.length : grid.cellCount;
  // Packed cells: a shared string's candidates (a report's 50,000 bullet lists of one text)
  // are ruled out once a string by its index, not each made as a cell (and its row kept).
  const shared = grid.sharedTexts();
  const noMarker = shared !== null && n > 0 ? new Uint8Array(shared.length) : null;
  for (let k = 0; k < n; k++) {
    const i = at ? at[k] : k;
    if (noMarker !== null) {
      const s = grid.sharedTextIndex(i);
      if (s >= 0) {
        if (noMarker[s] === 1) continue;
        if (markerOf((shared as readonly string[])[s], undefined) === null) {
          noMarker[s] = 1;
          continue;
        }
      }
    }
    const cell = grid.cellAt(i);
    if (elsewhere !== null && cell.row !== 1) continue;
    const id = markerOf(cell.value, cell.text);
    if (id === null) continue;
    if (cell.row === 1) return id;
    elsewhere = id;
  }
  return elsewhere;
}

/**
 * False where a text cannot be a marker, from its first character alone: a marker's text,
 * trimmed, begins `b`, so text beginning with any other printable ASCII character (not white
 * space, which trimming would drop) is none. Most cells of a large sheet are ruled out so.
 * tests/core/summary/marker.test.ts holds it to summaryIdOfText.
 */
export function mayBeMarkerText(text: string): boolean {
  const c = text.charCodeAt(0);
  return !(c > 0x20 && c < 0x7f) || c === 0x62;
}

function markerOf(value: unknown, shown: string | undefined): SummaryId | null {
  if (typeof value === "string") return mayBeMarkerText(value) ? summaryIdOfText(value) : null;
  return shown && mayBeMarkerText(shown) ? summaryIdOfText(shown) : null;
}
