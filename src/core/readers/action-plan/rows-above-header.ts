/**
 * The rows above a header (action-plans-and-risks.md §10, Rows): `Aim: …` and `Lead: …`
 * lines give the block's aim and lead and are never headings. The plan's title is the first
 * other text above the first header. A one-cell row, not beginning lower-case, that is not
 * the title and not an Aim/Lead line names the section of that block; where several, the last.
 */
import { isBlank, type SheetGrid } from "../../grid";
import { own, textOf } from "../table-cells";

export interface AboveHeader {
  /** The first text that is not an Aim/Lead line (the plan's title, for the first header). */
  title: string | null;
  /** The block's section, named by the last one-cell row; null where none. */
  section: string | null;
  aim: string | null;
  lead: string | null;
}

const AIM_OR_LEAD = /^[\s•\-*]*(aims?|lead)\s*:\s*([\s\S]*)$/i;
const LOWER = /^\p{Ll}/u;

const fold = (t: string): string => t.replace(/\s+/g, " ").trim();

/** Reads the rows above a header. `withTitle`: the first header, whose first text is the title. */
export function readRowsAbove(grid: SheetGrid, rows: readonly number[], withTitle: boolean): AboveHeader {
  const out: AboveHeader = { title: null, section: null, aim: null, lead: null };
  for (const row of rows) {
    const cells = grid.cellsOfRow(row).filter((c) => !isBlank(c) && own(grid, row, c.col) === c);
    const texts = cells.map((c) => textOf(c)).filter((t) => t !== "");
    if (texts.length === 0) continue;
    const line = AIM_OR_LEAD.exec(texts[0]);
    if (line) {
      // The value after the colon, else the next text on the row.
      const value = fold(line[2]) || (texts.length > 1 ? fold(texts[1]) : "");
      if (line[1].toLowerCase() === "lead") out.lead = value || null;
      else out.aim = value || null;
      continue;
    }
    if (withTitle && out.title === null) {
      out.title = fold(texts[0]);
      continue;
    }
    if (cells.length === 1 && !LOWER.test(texts[0])) out.section = fold(texts[0]);
  }
  return out;
}
