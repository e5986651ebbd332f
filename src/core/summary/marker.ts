/**
 * The marker that makes a sheet recognisably the product's own summary: the text
 * `board-summary:generated:<id>` in row 1 of a hidden column. A sheet without it is a
 * user's sheet and is never replaced, whatever its name.
 */
import type { SheetGrid } from "../grid";
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
  const known = summaryIdSchema.safeParse(id);
  return known.success ? known.data : null;
}

/**
 * Which of the product's summaries a sheet is, from its marker; null for any other sheet.
 * The marker is written in row 1, but the whole sheet is searched: a user who inserts rows
 * above it must not turn the summary into a source sheet (it would then be read as a
 * register and counted twice).
 */
export function summaryIdOf(grid: SheetGrid): SummaryId | null {
  // Every sheet of every workbook passes here: a plain loop over the stored cells, row 1
  // first since that is where the marker is written.
  const cells = grid.sheet.cells;
  for (const cell of cells) {
    if (cell.row !== 1) continue;
    const id = markerOf(cell.value, cell.text);
    if (id) return id;
  }
  for (const cell of cells) {
    if (cell.row === 1) continue;
    const id = markerOf(cell.value, cell.text);
    if (id) return id;
  }
  return null;
}

function markerOf(value: unknown, shown: string | undefined): SummaryId | null {
  if (typeof value === "string") return summaryIdOfText(value);
  return shown ? summaryIdOfText(shown) : null;
}
