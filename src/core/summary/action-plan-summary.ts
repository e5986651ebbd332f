/**
 * The Action Plan Summary sheet (action-plans-and-risks.md, "Summary sheets added";
 * board-pages.md): on the first page, the headline figures, the RAG spread and the
 * paragraph; then the exceptions first (overdue, at risk, or stated with a RAG the facts do
 * not give, each with why), then the tables by section and by lead; then the Excel table of every
 * action on a page of its own; then the action key.
 */
import type { Analysis } from "../analysis";
import type { RatedAction } from "../actions/records";
import { formatDateUk } from "../values";
import { quote } from "../values/input";
import { date, integer, integerText, link, percent, ragCell, ragCountsText, text, type CellSpec } from "./cells";
import { openSummaryPage, type SummaryContext } from "./context";
import { actionPlanKey } from "./keys";
import { actionPlanParagraph, count } from "./paragraphs";
import { ragsShown } from "./recovery-summary";
import type { SheetModel } from "./sheet-model";
import { RAG_STYLES } from "./style";
import { rowsOf, subtotal } from "./summary-page";

export const ACTION_PLAN_SUMMARY_NAME = "Action Plan Summary";
/** How actions with no section, or no lead or SRO, are grouped. */
const NO_SECTION = "(No section)";
const NO_LEAD = "(No lead)";

/**
 * Column widths A to K (the table of actions: Ref, Section, Goal, Action, Lead, Due,
 * Progress, Stated RAG, RAG, RAG Reason, Source), one landscape page wide. The small tables
 * lay their names over A to D and their counts in E to G, so both read down the same columns.
 */
const WIDTHS = [6, 12.5, 14, 26, 9, 10.5, 12, 7.25, 7, 14, 21.5];
const FLEX = [0.25, 1, 1.5, 0.5, 0, 0, 0.5, 0, 0, 1, 0];

/** Why an action is an exception, in words: "Overdue: due 31/01/2020; stated Green, but the facts give Red". */
function exceptionWhy(a: RatedAction): string {
  const why: string[] = [];
  if (a.overdue && a.due !== null) why.push(`Overdue: due ${formatDateUk(a.due)}`);
  if (a.status === "at-risk") why.push(`Reported as ${a.progress === null ? "at risk" : quote(a.progress)}`);
  if (a.ragMismatch && a.statedRag !== null) why.push(`Stated ${RAG_STYLES[a.statedRag].word}, but the facts give ${RAG_STYLES[a.rag].word}`);
  return why.join("; ");
}

/**
 * The due date as a date cell, or with its note as text ("31/03/2018 (and ongoing)"),
 * centred either way: right-aligned, a date ran into the progress words beside it on paper.
 */
function dueCell(a: RatedAction): CellSpec | null {
  if (a.due === null) return null;
  if (a.dueNote === null) return date(a.due);
  return text(`${formatDateUk(a.due)} (${a.dueNote})`, { align: "center", wrap: true });
}

/** The action's lead, else its SRO marked as such ("AO (SRO)"), as the totals by lead group them. */
function leadText(a: RatedAction): string | null {
  if (a.lead !== null && a.lead.trim() !== "") return a.lead;
  return a.sro !== null && a.sro.trim() !== "" ? `${a.sro} (SRO)` : null;
}

function textOrNull(value: string | null): CellSpec | null {
  return value === null || value.trim() === "" ? null : text(value);
}

export function buildActionPlanSummary(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const { items, totals: t } = analysis.actionPlan;
  const s = analysis.settings;
  const page = openSummaryPage(analysis, ctx, { id: "action-plan-summary", title: ACTION_PLAN_SUMMARY_NAME, widths: WIDTHS, flex: FLEX });

  page.headlines([
    { label: "Actions", value: integer(t.count) },
    { label: "Complete", value: integer(t.byStatus.complete) },
    { label: "Completion", value: t.completion === null ? text("Not reported") : percent(t.completion) },
    { label: "Overdue", value: integer(t.overdue) },
    { label: `Due within ${count(s.dueSoonDays, "day")}`, value: integer(t.dueSoon) },
    { label: "RAG mismatches", value: integer(t.ragMismatches) },
  ]);
  const shown = ragsShown(s.brag, t.byRag.blue);
  page.ragSpread(shown.map((rag) => ({ rag, text: `${RAG_STYLES[rag].word}: ${count(t.byRag[rag], "action")}` })));
  page.paragraph(actionPlanParagraph(analysis));

  // Exceptions first (board-pages.md): what the board must look at, before the breakdowns.
  const exceptions = t.exceptions.map((i) => items[i]);
  page.smallTables([
    {
      heading: `Exceptions: overdue, at risk, or a stated RAG the facts do not give (${integerText(exceptions.length)})`,
      firstCol: 1,
      columns: [
        { header: "Ref" },
        { header: "Action", span: 3 },
        { header: "Lead" },
        { header: "Due", align: "center" },
        { header: "Progress" },
        { header: "Stated RAG", align: "center" },
        { header: "RAG", align: "center" },
        { header: "Why", span: 2 },
      ],
      rows: exceptions.map((a) => [
        text(a.ref),
        text(a.action),
        textOrNull(leadText(a)),
        dueCell(a),
        textOrNull(a.progress),
        a.statedRag === null ? null : text(RAG_STYLES[a.statedRag].word, { align: "center" }),
        ragCell(a.rag),
        text(exceptionWhy(a)),
      ]),
      noneText: "None: no action is overdue, reported at risk, or stated with a RAG the facts do not give.",
    },
  ]);

  const countCols = (first: number, last: number, colOf: (i: number) => number, totals: { count: number; complete: number; overdue: number }) => [
    subtotal(colOf(1), first, last, totals.count, "count"),
    subtotal(colOf(2), first, last, totals.complete, "count"),
    subtotal(colOf(3), first, last, totals.overdue, "count"),
  ];
  const all = { count: t.count, complete: t.byStatus.complete, overdue: t.overdue };
  page.smallTables([
    {
      heading: "By section",
      firstCol: 1,
      columns: [
        { header: "Section", span: 4 },
        { header: "Actions", align: "right" },
        { header: "Complete", align: "right" },
        { header: "Overdue", align: "right" },
        // Centred, so its words stand clear of the counts beside them.
        { header: "RAG", span: 4, align: "center" },
      ],
      rows: t.bySection.map((g) => [text(g.section ?? NO_SECTION), integer(g.count), integer(g.complete), integer(g.overdue), text(ragCountsText(g.byRag, shown), { wrap: true })]),
      totals: (first, last, colOf) => [text("All sections"), ...countCols(first, last, colOf, all), text(ragCountsText(t.byRag, shown), { wrap: true })],
    },
  ]);

  page.smallTables([
    {
      heading: "By lead",
      firstCol: 1,
      columns: [
        { header: "Lead (else SRO)", span: 4 },
        { header: "Actions", align: "right" },
        { header: "Complete", align: "right" },
        { header: "Overdue", align: "right" },
      ],
      rows: t.byLead.map((g) => [text(g.lead ?? NO_LEAD), integer(g.count), integer(g.complete), integer(g.overdue)]),
      totals: (first, last, colOf) => [text("All leads"), ...countCols(first, last, colOf, all)],
    },
  ]);

  page.mainTable({
    heading: `All actions (${integerText(items.length)})`,
    name: "ActionPlanActions",
    columns: [
      { header: "Ref" },
      { header: "Section" },
      { header: "Goal" },
      { header: "Action" },
      { header: "Lead" },
      { header: "Due", align: "center" },
      { header: "Progress" },
      { header: "Stated RAG", align: "center" },
      { header: "RAG", align: "center" },
      { header: "RAG Reason" },
      { header: "Source" },
    ],
    noneText: "None: no actions were found.",
    rows: rowsOf(items, (a): (CellSpec | null)[] => [
      text(a.ref),
      textOrNull(a.section),
      textOrNull(a.goal),
      text(a.action),
      textOrNull(leadText(a)),
      dueCell(a),
      textOrNull(a.progress),
      // The plan's own RAG in words only: the colour is kept for the RAG worked out from the facts.
      a.statedRag === null ? null : text(RAG_STYLES[a.statedRag].word, { align: "center" }),
      ragCell(a.rag),
      text(a.ragReason),
      link(a.sheet, a.cell),
    ]),
  });

  const key = actionPlanKey(s, analysis.asOf);
  page.key(key.lines, key.rules);
  return page.build();
}
