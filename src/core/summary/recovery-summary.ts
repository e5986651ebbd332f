/**
 * The Recovery Summary sheet (standard-templates.md §8, board-pages.md): on the first
 * page, the headline totals, the RAG spread, the paragraph and the tables by lead service
 * area and by risk level; then the Excel table of actions with its totals formula on a page
 * of its own; then the recovery key.
 */
import type { Analysis } from "../analysis";
import { RAGS, refOf, type Rag, type RiskLevel } from "../records";
import { integer, integerText, money, moneyText, percent, pounds, text, type CellSpec, type RowWriter } from "./cells";
import { openSummaryPage, type SummaryContext } from "./context";
import { recoveryKey } from "./keys";
import { count, recoveryParagraph } from "./paragraphs";
import type { SheetModel } from "./sheet-model";
import { RAG_STYLES } from "./style";
import { rowsOf, rowsTo, subtotal } from "./summary-page";
import { RISK_WORDS } from "../words";

export const RECOVERY_SUMMARY_NAME = "Recovery Summary";


/** Column widths A to J, one landscape page wide; the wide text columns give and take room. */
const WIDTHS = [9, 20, 15, 15, 12, 8, 8, 18, 11, 24];
const FLEX = [0.5, 3, 2, 2, 0, 0, 0, 3, 0, 0];

/** The RAGs shown: blue only where BRAG is on or something is rated blue, as in the key. */
export function ragsShown(brag: boolean, blueCount: number): Rag[] {
  return RAGS.filter((r) => r !== "blue" || brag || blueCount > 0);
}

export function buildRecoverySummary(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const t = analysis.recovery.totals;
  const page = openSummaryPage(analysis, ctx, { id: "recovery-summary", title: RECOVERY_SUMMARY_NAME, widths: WIDTHS, flex: FLEX });

  const notSet = text("Not set");
  const figures: { label: string; value: CellSpec }[] = [
    { label: "Total value", value: money(t.totalValuePence) },
    { label: "Target", value: t.targetPence === null ? notSet : money(t.targetPence) },
    { label: t.gapPence !== null && t.gapPence < 0 ? "Above target by" : "Gap to target", value: t.gapPence === null ? notSet : money(Math.abs(t.gapPence)) },
    { label: "Coverage of target", value: t.coverage !== null ? percent(t.coverage) : t.targetPence === null ? notSet : text("Target is £0") },
    { label: "Recovery actions", value: integer(t.count) },
  ];
  // The forecast and achieved totals, where given, are in the paragraph: five figures fit one
  // line in large type, and the first page keeps room for the small tables.
  page.headlines(figures);

  page.ragSpread(
    ragsShown(analysis.settings.brag, t.byRag.blue.count).map((rag) => ({
      rag,
      text: `${RAG_STYLES[rag].word}: ${count(t.byRag[rag].count, "action")} · ${moneyText(t.byRag[rag].valuePence)}`,
    })),
  );
  page.paragraph(recoveryParagraph(analysis));

  const levels: RiskLevel[] = ["high", "medium", "low"];
  const riskRows: (CellSpec | null)[][] = levels.map((l) => [text(RISK_WORDS[l]), integer(t.byRiskLevel[l].count), money(t.byRiskLevel[l].valuePence)]);
  // Actions with no valid risk level still belong in the breakdown, so it adds up to the total.
  const givenCount = levels.reduce((s, l) => s + t.byRiskLevel[l].count, 0);
  const givenValue = levels.reduce((s, l) => s + t.byRiskLevel[l].valuePence, 0);
  if (t.count > givenCount) riskRows.push([text("Not given"), integer(t.count - givenCount), money(t.totalValuePence - givenValue)]);
  const sumOf = (col: number, first: number, last: number, result: number, format: CellSpec["format"]) => subtotal(col, first, last, result, format);

  page.smallTables([
    {
      heading: "By lead service area",
      firstCol: 1,
      columns: [
        { header: "Lead Service Area", span: 2 },
        { header: "Actions", align: "right" },
        { header: "Value (£)", align: "right" },
        { header: "Share", align: "right" },
      ],
      rows: rowsOf(t.byServiceArea, (g) => [text(g.serviceArea), integer(g.count), money(g.valuePence), g.share === null ? null : percent(g.share)]),
      totals: (first, last, colOf) => [
        text("All service areas"),
        sumOf(colOf(1), first, last, t.byServiceArea.reduce((s, g) => s + g.count, 0), "count"),
        sumOf(colOf(2), first, last, pounds(t.byServiceArea.reduce((s, g) => s + g.valuePence, 0)), "money"),
        null,
      ],
      noneText: "None",
    },
    {
      heading: "By risk level",
      firstCol: 7,
      columns: [{ header: "Risk Level", span: 2 }, { header: "Actions", align: "right" }, { header: "Value (£)", align: "right" }],
      rows: riskRows,
      totals: (first, last, colOf) => [
        text("All actions"),
        sumOf(colOf(1), first, last, t.count, "count"),
        sumOf(colOf(2), first, last, pounds(t.totalValuePence), "money"),
      ],
    },
  ]);

  // Counted actions only, so the totals formula equals the engine's total; a register line
  // that repeats a form's ref is listed on Data Checks, for the finance team.
  const counted = analysis.recovery.actions.filter((a) => a.counted);
  page.mainTable({
    heading: `Recovery actions (${integerText(counted.length)})`,
    name: "RecoveryActions",
    columns: [
      { header: "Ref" },
      { header: "Action" },
      { header: "Exec Lead" },
      { header: "Lead Service Area" },
      { header: "Recovery Value (£)", align: "right" },
      { header: "Risk Level" },
      { header: "RAG", align: "center" },
      { header: "RAG Reason" },
      { header: "Plan Date", align: "right" },
      { header: "Source" },
    ],
    noneText: "None: no recovery actions were found.",
    rows: rowsTo(counted, (a, w) => {
      w.text(refOf(a));
      textOrNone(w, a.title ?? a.description);
      textOrNone(w, a.execLead);
      textOrNone(w, a.serviceArea);
      if (a.valuePence === null) w.none();
      else w.money(a.valuePence);
      if (a.riskLevel === null) w.none();
      else w.text(RISK_WORDS[a.riskLevel]);
      w.rag(a.rag);
      w.text(a.ragReason);
      if (a.planDate === null) w.none();
      else w.date(a.planDate);
      w.link(a.sheet, a.cell);
    }),
    totals: (first, last) => [text("Total"), null, null, null, subtotal(5, first, last, pounds(t.totalValuePence), "money"), null, null, null, null, null],
  });

  const key = recoveryKey(analysis.settings, analysis.asOf);
  page.key(key.lines, key.rules);
  return page.build();
}

function textOrNone(w: RowWriter, value: string | null): void {
  if (value === null || value.trim() === "") w.none();
  else w.text(value);
}
