/**
 * Excel keeps at most 1,026 horizontal page breaks a sheet (Microsoft's reference for
 * Worksheet.HPageBreaks: "There is a limit of 1,026 horizontal page breaks per sheet"), so
 * `HorizontalPageBreaks.add` cannot place more and a file holding more is not one Excel
 * writes. A summary long enough to need more (a register of many thousands of lines) keeps
 * its first 1,026: the small tables' pages, the main table's start and its first thousand
 * pages. Excel breaks the rest by height, the table's header still repeated by the print
 * titles (docs/decisions.md).
 */
export const MAX_PAGE_BREAKS = 1026;

/** The page breaks Excel can keep: the first 1,026, in row order. */
export function withinPageBreakLimit(breaks: number[]): number[] {
  return breaks.length <= MAX_PAGE_BREAKS ? breaks : breaks.slice(0, MAX_PAGE_BREAKS);
}
