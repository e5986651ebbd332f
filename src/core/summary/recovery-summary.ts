/**
 * The Recovery Summary sheet (standard-templates.md §8): headline totals, the table of
 * actions with a totals formula, totals by service area, risk level and RAG, and the key.
 */
import type { Analysis } from "../analysis";
import { sheetRef } from "../grid";
import { RAGS, type RiskLevel } from "../records";
import {
  HEADING_STYLE,
  NOTE_STYLE,
  SheetBuilder,
  date,
  fraction,
  integer,
  link,
  money,
  pounds,
  ragCell,
  sourceSheetCount,
  subtotal,
  text,
  titleBlock,
  writeKey,
  type CellSpec,
  type SummaryContext,
} from "./layout";
import type { SheetModel } from "./sheet-model";
import { RISK_WORDS } from "../words";

export const RECOVERY_SUMMARY_NAME = "Recovery Summary";

/** The actions table's columns, in order (the spec names them exactly). */
export const RECOVERY_ACTION_COLUMNS = [
  "Ref",
  "Action",
  "Exec Lead",
  "Lead Service Area",
  "Recovery Value (£)",
  "Risk Level",
  "RAG",
  "RAG Reason",
  "Plan Date",
  "Source",
] as const;

/** Sheet column widths (characters), A to J: sized for landscape, one page wide. */
const WIDTHS = [14, 28, 16, 20, 14, 10, 9, 34, 12, 22];

const WRAP_TOP = { wrap: true, verticalAlign: "top" } as const;
const TOP = { verticalAlign: "top" } as const;

export function buildRecoverySummary(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const b = new SheetBuilder();
  const t = analysis.recovery.totals;
  const title = RECOVERY_SUMMARY_NAME;

  // Rows 2–5: about the run (A:B); rows 2–7: headline totals beside it (D:E).
  const aboutRow = titleBlock(b, { title, ctx, asOf: analysis.asOf, valueCol: 2 });
  b.pair(aboutRow, "Source sheets", integer(sourceSheetCount(analysis)), { valueCol: 2 });
  b.pair(aboutRow + 1, "Actions", integer(t.count), { valueCol: 2 });
  const notSet = text("Not set");
  const headline: [string, CellSpec][] = [
    ["Total value", money(t.totalValuePence)],
    ["Target", t.targetPence === null ? notSet : money(t.targetPence)],
    ["Gap to target", t.gapPence === null ? notSet : money(t.gapPence)],
    [
      "Coverage of target",
      t.coverage !== null ? fraction(t.coverage) : t.targetPence === null ? notSet : text("Not worked out: the target is £0"),
    ],
    ["Forecast total", t.forecastTotalPence === null ? text("None given") : money(t.forecastTotalPence)],
    ["Achieved to date", t.achievedTotalPence === null ? text("None given") : money(t.achievedTotalPence)],
  ];
  headline.forEach(([label, value], i) => {
    b.pair(2 + i, label, value, { labelCol: 4, valueCol: 5 });
  });
  let row = 2 + headline.length + 1;

  // The actions table: counted actions only, so its totals formula equals the engine's total.
  b.put(row++, 1, text("Recovery actions", HEADING_STYLE));
  const mainHeaderRow = row;
  const counted = analysis.recovery.actions.filter((a) => a.counted);
  const actions = b.table({
    name: "RecoveryActions",
    headerRow: mainHeaderRow,
    firstCol: 1,
    columns: [...RECOVERY_ACTION_COLUMNS],
    noneText: "None: no recovery actions were found.",
    rows: counted.map((a) => [
      text(a.ref, TOP),
      textOrNull(a.title ?? a.description, WRAP_TOP),
      textOrNull(a.execLead, WRAP_TOP),
      textOrNull(a.serviceArea, WRAP_TOP),
      a.valuePence === null ? null : money(a.valuePence, TOP),
      a.riskLevel === null ? null : text(RISK_WORDS[a.riskLevel], TOP),
      ragCell(a.rag),
      text(a.ragReason, WRAP_TOP),
      a.planDate === null ? null : date(a.planDate, TOP),
      link(a.sheet, a.cell, sheetRef(a.sheet, a.cell), TOP),
    ]),
    totals: (first, last) => [
      text("Total"),
      null,
      null,
      null,
      subtotal({ col: 5, rows: { first, last }, result: pounds(t.totalValuePence), format: "money" }),
      null,
      null,
      null,
      null,
      null,
    ],
  });
  row = actions.nextRow;
  for (const a of analysis.recovery.actions.filter((x) => !x.counted)) {
    b.put(
      row++,
      1,
      text(
        `Not listed: the register line at ${sheetRef(a.sheet, a.cell)} repeats the ref ${a.ref} of a form; it is the same action, listed and counted once from the form.`,
        NOTE_STYLE,
      ),
    );
  }
  row++;

  // Breakdowns, from column B where the wider columns are.
  b.put(row++, 2, text("By lead service area", HEADING_STYLE));
  row = b.table({
    name: "RecoveryByServiceArea",
    headerRow: row,
    firstCol: 2,
    columns: ["Lead Service Area", "Actions", "Value (£)", "Share"],
    noneText: "None",
    rows: t.byServiceArea.map((g) => [text(g.serviceArea), integer(g.count), money(g.valuePence), g.share === null ? null : fraction(g.share)]),
  }).nextRow;
  row++;

  b.put(row++, 2, text("By risk level", HEADING_STYLE));
  const levels: RiskLevel[] = ["high", "medium", "low"];
  const riskRows: (CellSpec | null)[][] = levels.map((l) => [text(RISK_WORDS[l]), integer(t.byRiskLevel[l].count), money(t.byRiskLevel[l].valuePence)]);
  // Actions with no valid risk level still belong in the breakdown, so it adds up to the total.
  const givenCount = levels.reduce((s, l) => s + t.byRiskLevel[l].count, 0);
  const givenValue = levels.reduce((s, l) => s + t.byRiskLevel[l].valuePence, 0);
  if (t.count > givenCount) riskRows.push([text("Not given"), integer(t.count - givenCount), money(t.totalValuePence - givenValue)]);
  row = b.table({
    name: "RecoveryByRisk",
    headerRow: row,
    firstCol: 2,
    columns: ["Risk Level", "Actions", "Value (£)"],
    noneText: "None",
    rows: riskRows,
  }).nextRow;
  row++;

  b.put(row++, 2, text("By RAG", HEADING_STYLE));
  row = b.table({
    name: "RecoveryByRag",
    headerRow: row,
    firstCol: 2,
    columns: ["RAG", "Actions", "Value (£)"],
    noneText: "None",
    // Blue appears only where BRAG is on (or something is rated blue), as in the key.
    rows: RAGS.filter((r) => r !== "blue" || analysis.settings.brag || t.byRag.blue.count > 0).map((r) => [ragCell(r), integer(t.byRag[r].count), money(t.byRag[r].valuePence)]),
  }).nextRow;
  row++;

  writeKey(b, { row, analysis, first: "recovery" });
  return b.build({ id: "recovery-summary", name: ctx.sheetName ?? RECOVERY_SUMMARY_NAME, title, widths: WIDTHS, mainHeaderRow });
}

function textOrNull(value: string | null, style?: CellSpec["style"]): CellSpec | null {
  return value === null || value.trim() === "" ? null : text(value, style);
}
