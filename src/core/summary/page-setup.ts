/**
 * How a summary sheet is printed (board-pages.md §8): A4 landscape, narrow margins, fit to
 * one page wide; the organisation and title in the header's left, the as-at date on its
 * right; the workbook's name and when it was generated in the footer's left, `Page N of M`
 * on its right. And the page's geometry, from which columns are sized to fit one page wide
 * at full size and page breaks are placed.
 */
import { formatDateUk } from "../values";
import { FONT, SIZE } from "./style";
import type { Margins, SheetModel } from "./sheet-model";

/** Excel's "Narrow" margins, in inches. */
const NARROW_MARGINS: Margins = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** A4 landscape in points. */
const PAPER = { width: 841.89, height: 595.28 };

/** What the cells may fill on a page, in points (the header and footer sit in the margins). */
const PRINTABLE = {
  width: PAPER.width - 72 * (NARROW_MARGINS.left + NARROW_MARGINS.right),
  height: PAPER.height - 72 * (NARROW_MARGINS.top + NARROW_MARGINS.bottom),
};

/**
 * The height page breaks are planned to, a little under the printable height: an
 * application whose page came out shorter would otherwise add a break of its own just
 * before ours, leaving a page of one row.
 */
export const PAGE_HEIGHT = PRINTABLE.height - 14;

/**
 * Points in a column `width` units wide: a unit is the width of a digit of the workbook's
 * default font, 7 pixels for Calibri 11, at 0.75 points a pixel.
 */
export function columnPoints(width: number): number {
  return width * 7 * 0.75;
}

/**
 * Points in a width unit as LibreOffice lays columns out: the digit's own width at 11 pt
 * (1038/2048 em), not rounded down to Excel's 7 whole pixels, so the same column is some
 * 6% wider there.
 */
const WIDEST_UNIT = (1038 / 2048) * 11;

/**
 * The sum of column widths that prints at full size one page wide in both applications
 * (the wider unit decides), with a little room to spare.
 */
export const WIDTH_BUDGET = Math.floor((PRINTABLE.width * 0.98) / WIDEST_UNIT);

/** Escapes text for a header or footer: `&` starts a code there, doubled it prints itself. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The font code for header and footer text, so it prints in the sheet's font, not the application's default. */
const HF_FONT = `&"${FONT},Regular"&${SIZE.small}`;

export interface PrintContext {
  title: string;
  organisation: string | null;
  asOf: string;
  /** `30/11/2026 21:45`, already in UK time. */
  generated: string;
}

/** Print setup for a summary whose main table's header is at `repeatRow` (none: null). */
export function summaryPrintSetup(ctx: PrintContext, repeatRow: number | null): SheetModel["print"] {
  const heading = ctx.organisation ? `${ctx.organisation} · ${ctx.title}` : ctx.title;
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToPagesWide: 1,
    margins: { ...NARROW_MARGINS },
    repeatRows: repeatRow === null ? null : { from: repeatRow, to: repeatRow },
    header: { left: `${HF_FONT}${headerText(heading)}`, center: "", right: `${HF_FONT}As at ${formatDateUk(ctx.asOf)}` },
    // &F: the workbook's name as saved, so the footer stays true after Save As.
    footer: { left: `${HF_FONT}&F · generated ${headerText(ctx.generated)}`, center: "", right: `${HF_FONT}Page &P of &N` },
  };
}
