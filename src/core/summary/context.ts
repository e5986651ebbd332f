/**
 * What every summary sheet is built from besides its own figures: when it was generated,
 * the name it is written under, the organisation and as-at date for its header, the
 * findings counted by severity (for the banner) and the source sheets read.
 */
import type { Analysis } from "../analysis";
import { formatDateUk } from "../values";
import { plural } from "../words";
import { formatDateTimeUk } from "./london-time";
import type { PrintContext } from "./page-setup";
import { SummaryPage, type PageOptions, type SeverityCounts } from "./summary-page";

/** Options every sheet builder takes. */
export interface SummaryContext {
  /** When the summary was built; shown in Europe/London time. */
  generatedAt: Date;
  /** The sheet's final name (from the plan); defaults to the name it would like. */
  sheetName?: string;
}

/** The findings counted by severity (the analysis's own stats). */
export function severityCounts(analysis: Analysis): SeverityCounts {
  return analysis.stats;
}

/** The kinds of sheet the engine reads figures from. */
const SOURCE_KINDS: ReadonlySet<string> = new Set(["recovery-action", "recovery-register", "directions", "action-plan", "risk-register"]);

/** Source sheets recognised in the workbook (forms, registers, directions, action plans, risk registers). */
export function sourceSheetCount(analysis: Analysis): number {
  return analysis.sheets.filter((s) => SOURCE_KINDS.has(s.kind)).length;
}

/** The header and footer's facts for a sheet. */
function printContext(analysis: Analysis, ctx: SummaryContext, title: string): PrintContext {
  return { title, organisation: analysis.settings.organisation, asOf: analysis.asOf, generated: formatDateTimeUk(ctx.generatedAt) };
}

/** The line under the title: "As at 21/09/2023 · 7 source sheets · generated 30/11/2026 21:45". */
function asAtLine(analysis: Analysis, ctx: SummaryContext, extra: string[] = []): string {
  return [
    `As at ${formatDateUk(analysis.asOf)}`,
    ...extra,
    // Not toLocaleString: its first call loads ICU's locale data, ~14 ms of every build.
    `from ${plural(sourceSheetCount(analysis), "source sheet")}`,
    `generated ${formatDateTimeUk(ctx.generatedAt)}`,
  ].join(" · ");
}

/**
 * A summary sheet opened as every one opens: its page (named as the plan says, with the
 * header and footer's facts), the banner where the source sheets have findings, then the
 * title and the as-at line (`asAtExtra` goes after the date).
 */
export function openSummaryPage(
  analysis: Analysis,
  ctx: SummaryContext,
  sheet: Pick<PageOptions, "id" | "title" | "widths" | "flex"> & { asAtExtra?: string[] },
): SummaryPage {
  const page = new SummaryPage({
    id: sheet.id,
    name: ctx.sheetName ?? sheet.title,
    title: sheet.title,
    widths: sheet.widths,
    flex: sheet.flex,
    print: printContext(analysis, ctx, sheet.title),
  });
  page.banner(severityCounts(analysis));
  page.titleBlock(asAtLine(analysis, ctx, sheet.asAtExtra));
  return page;
}
