/**
 * The Directions Summary sheet (standard-templates.md §8): period and as-at date, a table
 * by theme with counts by RAG, the table of directions, and the key.
 */
import type { Analysis } from "../analysis";
import { sheetRef } from "../grid";
import { RAGS } from "../records";
import { roundHalfUp } from "../values";
import {
  HEADING_STYLE,
  SheetBuilder,
  date,
  fraction,
  integer,
  link,
  ragCell,
  subtotal,
  text,
  titleBlock,
  writeKey,
  type CellSpec,
  type SummaryContext,
} from "./layout";
import type { SheetModel } from "./sheet-model";

export const DIRECTIONS_SUMMARY_NAME = "Directions Summary";
/** How directions with no theme are shown. */
export const NO_THEME = "(No theme)";

export const DIRECTION_COLUMNS = ["No", "Theme", "Direction", "Target Date", "Progress", "RAG", "RAG Reason", "Source"] as const;
export const THEME_COLUMNS = ["Theme", "Directions", "Reported", "Mean Progress", "Red", "Amber", "Green", "Blue", "Grey"] as const;

/** Sheet column widths (characters), A to J: sized for landscape, one page wide. */
const WIDTHS = [8, 20, 48, 12, 10, 9, 36, 22, 8, 8];

const WRAP_TOP = { wrap: true, verticalAlign: "top" } as const;
const TOP = { verticalAlign: "top" } as const;
const CENTRE = { align: "center" } as const;

export function buildDirectionsSummary(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const b = new SheetBuilder();
  const t = analysis.directions.totals;
  const items = analysis.directions.items;
  const title = DIRECTIONS_SUMMARY_NAME;

  // Labels span A:B (column A is the narrow No column); values in C.
  const at = { valueCol: 3, mergeLabel: true };
  let row = titleBlock(b, { title, ctx, asOf: analysis.asOf, ...at });
  b.pair(row++, "Period", text(t.period ?? "Not stated"), at);
  b.pair(row++, "Directions", integer(t.count), at);
  const reported = items.filter((d) => d.progress !== null).map((d) => d.progress as number);
  b.pair(row++, "Reported", integer(reported.length), at);
  row++;

  // By theme, from column B so the theme sits in a wide column.
  b.put(row++, 2, text("By theme", HEADING_STYLE));
  const overallMean = reported.length === 0 ? null : roundHalfUp(reported.reduce((s, p) => s + p, 0) / reported.length, 1);
  row = b.table({
    name: "DirectionsByTheme",
    headerRow: row,
    firstCol: 2,
    columns: [...THEME_COLUMNS],
    noneText: "None",
    rows: t.byTheme.map((g) => [
      text(g.theme ?? NO_THEME, { wrap: true }),
      integer(g.count, CENTRE),
      integer(g.reported, CENTRE),
      g.averageProgress === null ? null : fraction(g.averageProgress / 100, CENTRE),
      ...RAGS.map((r) => integer(g.byRag[r], CENTRE)),
    ]),
    totals: (first, last) => [
      text("All themes"),
      // Centred like the figures above them.
      { ...subtotal({ col: 3, rows: { first, last }, result: t.count, format: "integer" }), style: CENTRE },
      { ...subtotal({ col: 4, rows: { first, last }, result: reported.length, format: "integer" }), style: CENTRE },
      // The mean over every reported direction (not a mean of the theme means).
      overallMean === null ? null : fraction(overallMean / 100, CENTRE),
      ...RAGS.map((r, i) => ({ ...subtotal({ col: 6 + i, rows: { first, last }, result: t.byRag[r], format: "integer" }), style: CENTRE })),
    ],
  }).nextRow;
  row++;

  b.put(row++, 1, text("All directions", HEADING_STYLE));
  const mainHeaderRow = row;
  row = b.table({
    name: "DirectionsList",
    headerRow: mainHeaderRow,
    firstCol: 1,
    columns: [...DIRECTION_COLUMNS],
    noneText: "None: no directions were found.",
    rows: items.map((d): (CellSpec | null)[] => [
      text(d.no, TOP),
      text(d.theme ?? NO_THEME, WRAP_TOP),
      text(d.text, WRAP_TOP),
      d.dueDate === null ? null : date(d.dueDate, TOP),
      d.progress === null ? null : fraction(d.progress / 100, TOP),
      ragCell(d.rag),
      text(d.ragReason, WRAP_TOP),
      link(d.sheet, d.cell, sheetRef(d.sheet, d.cell), TOP),
    ]),
  }).nextRow;
  row++;

  writeKey(b, { row, analysis, first: "directions" });
  return b.build({ id: "directions-summary", name: ctx.sheetName ?? DIRECTIONS_SUMMARY_NAME, title, widths: WIDTHS, mainHeaderRow });
}
