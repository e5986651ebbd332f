/**
 * The Risk Summary sheet (action-plans-and-risks.md, "Summary sheets added"; board-pages.md):
 * on the first page, the headline counts, the RAG spread and the paragraph; then the
 * exceptions (open red and amber risks, and any open risk past its review date, top risk
 * first, each saying whether it has a mitigation); then each heat map as a grid of counts,
 * impact up the side and likelihood along the bottom, every cell holding its count and its
 * band's word; then the tables by owner and by section; then the Excel table of every risk
 * in top-risk order on a page of its own; then the risk key.
 */
import type { Analysis } from "../analysis";
import type { Rag } from "../records";
import type { RatedRisk } from "../risks/records";
import { formatDateUk } from "../values";
import { RISK_LEVEL_WORDS } from "../words";
import { date, integer, integerText, link, ragCell, ragCountsText, text, type CellSpec } from "./cells";
import { openSummaryPage, type SummaryContext } from "./context";
import { riskKey } from "./keys";
import { count, riskParagraph } from "./paragraphs";
import { ragsShown } from "./recovery-summary";
import type { SheetModel } from "./sheet-model";
import { RAG_STYLES } from "./style";
import { rowsOf, subtotal, type KeyRule } from "./summary-page";

export const RISK_SUMMARY_NAME = "Risk Summary";
const NO_OWNER = "(No owner)";
const NO_SECTION = "(No section)";

/**
 * Column widths A to L (the table of risks: Ref, Risk, Owner, Likelihood, Impact, Score,
 * Level, RAG, Reason, Mitigation, Review Date, Source), one landscape page wide. D to H are
 * near one width (D a little wider for its header), so the heat map's five columns of cells,
 * drawn over them, look alike.
 */
const WIDTHS = [6.5, 24, 11, 10, 8.5, 8.5, 8.5, 8.5, 14, 20, 10.5, 12];
const FLEX = [0.5, 2, 1.5, 0, 0, 0, 0, 0, 2, 2, 0, 0];
/** The heat map's row labels span A to C; its cells start at D. */
const GRID_LABELS: [number, number] = [1, 3];
/** The legend's colour words stand in I, what they mean in J to L. */
const LEGEND_COL = 9;

const LIKELIHOOD_5 = ["1 Rare", "2 Unlikely", "3 Possible", "4 Likely", "5 Almost certain"];
const IMPACT_5 = ["5 Catastrophic", "4 Major", "3 Moderate", "2 Minor", "1 Negligible"];
const LIKELIHOOD_3 = ["Low", "Medium", "High"];
const IMPACT_3 = ["High", "Medium", "Low"];
const THREE_POINT = ["Low", "Medium", "High"];

/** A rating as the register scores it: 1 to 5 as a number, a 3-point rating as its word. */
function ratingCell(value: number | null, scale: RatedRisk["scale"]): CellSpec | null {
  if (value === null) return null;
  if (scale === 3) return text(THREE_POINT[value - 1] ?? String(value), { align: "right" });
  return integer(value);
}

/** The mitigations, one bullet a line; "None recorded" where there are none. */
function mitigationText(r: RatedRisk): string {
  if (r.mitigations.length === 0) return "None recorded";
  return r.mitigations.length === 1 ? r.mitigations[0] : r.mitigations.map((m) => `• ${m}`).join("\n");
}

function textOrNull(value: string | null, style?: CellSpec["style"]): CellSpec | null {
  return value === null ? null : text(value, style);
}

function reviewOverdue(r: RatedRisk, asOf: string): boolean {
  return r.status === "open" && r.reviewDate !== null && r.reviewDate < asOf;
}

/** The review date, said to be overdue where it is: "30/06/2019, overdue"; null where none is given. */
function reviewText(r: RatedRisk, asOf: string): string | null {
  if (r.reviewDate === null) return null;
  return reviewOverdue(r, asOf) ? `${formatDateUk(r.reviewDate)}, overdue` : formatDateUk(r.reviewDate);
}

/** The open risks the board looks at first: red and amber, and any past its review date, top risk first. */
function riskExceptions(analysis: Analysis): number[] {
  const { items, totals } = analysis.risks;
  return totals.topRisks.filter((i) => {
    const r = items[i];
    return r.rag === "red" || r.rag === "amber" || reviewOverdue(r, analysis.asOf);
  });
}

/** The heat map's legend: each band and the scores it covers. */
function legend5(s: Analysis["settings"]): KeyRule[] {
  const rules: KeyRule[] = [
    { rag: "red", text: `Score ${s.riskRed} to 25` },
    { rag: "amber", text: `Score ${s.riskAmber} to ${s.riskRed - 1}` },
  ];
  if (s.riskAmber > 1) rules.push({ rag: "green", text: `Score 1 to ${s.riskAmber - 1}` });
  return rules;
}

const LEGEND_3: KeyRule[] = [
  { rag: "red", text: "Score 6 to 9 (High)" },
  { rag: "amber", text: "Score 3 to 4 (Medium)" },
  { rag: "green", text: "Score 1 to 2 (Low)" },
];

const total = (grid: number[][]) => grid.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);

export function buildRiskSummary(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const { items, totals: t } = analysis.risks;
  const s = analysis.settings;
  const asOf = analysis.asOf;
  const page = openSummaryPage(analysis, ctx, { id: "risk-summary", title: RISK_SUMMARY_NAME, widths: WIDTHS, flex: FLEX });

  page.headlines([
    { label: "Open risks", value: integer(t.open) },
    { label: "Red", value: integer(t.byRag.red) },
    { label: "Amber", value: integer(t.byRag.amber) },
    { label: "Red or amber with no mitigation", value: integer(t.unmitigated) },
    { label: "Reviews overdue", value: integer(t.reviewsOverdue) },
    { label: "Closed", value: integer(t.closed) },
  ]);
  // Open risks only: a closed risk is counted apart (the headline above).
  const shown: Rag[] = ragsShown(false, 0);
  page.ragSpread(shown.map((rag) => ({ rag, text: `${RAG_STYLES[rag].word}: ${count(t.byRag[rag], "open risk")}` })));
  page.paragraph(riskParagraph(analysis));

  const exceptions = riskExceptions(analysis).map((i) => items[i]);
  page.smallTables([
    {
      heading: `Exceptions: red and amber risks, and reviews overdue (${integerText(exceptions.length)})`,
      firstCol: 1,
      columns: [
        { header: "Ref" },
        { header: "Risk", span: 2 },
        { header: "Owner" },
        { header: "Rating", span: 2 },
        { header: "RAG", align: "center" },
        // The widest: the mitigations are what the board reads an exception for.
        { header: "Mitigation", span: 4 },
        { header: "Review Date" },
      ],
      rows: exceptions.map((r) => [
        text(r.ref),
        text(r.risk),
        r.owner === null ? null : text(r.owner),
        text(r.figures),
        ragCell(r.rag),
        // "None recorded" in bold: a red or amber risk with nothing done about it is the exception of exceptions.
        text(mitigationText(r), r.mitigations.length === 0 ? { bold: true } : {}),
        textOrNull(reviewText(r, asOf), reviewOverdue(r, asOf) ? { bold: true } : {}),
      ]),
      noneText: "None: no open risk is rated red or amber, and none is past its review date.",
    },
  ]);

  // Each heat map the register's ratings fill; a note where the risks are rated by a single column.
  const grids = [
    {
      counts: t.heatMap.grid5,
      grid: {
        heading: "Heat map: likelihood × impact, 1 to 5 (open risks)",
        rowLabels: IMPACT_5,
        colLabels: LIKELIHOOD_5,
        counts: t.heatMap.grid5,
        bands: t.heatMap.bands5,
        legend: legend5(s),
      },
    },
    {
      counts: t.heatMap.grid3,
      grid: {
        heading: "Heat map: likelihood × impact, Low to High (open risks)",
        rowLabels: IMPACT_3,
        colLabels: LIKELIHOOD_3,
        counts: t.heatMap.grid3,
        bands: t.heatMap.bands3,
        legend: LEGEND_3,
      },
    },
  ].filter((g) => total(g.counts) > 0);
  const single = t.heatMap.singleRating;
  const singleNote =
    single > 0 ? `${count(single, "open risk")} ${single === 1 ? "is" : "are"} rated by a single column (a level, a score or one rating) and not placed on a heat map.` : null;
  for (const [i, g] of grids.entries())
    page.heatMap({
      ...g.grid,
      rowAxis: "Impact",
      colAxis: "Likelihood",
      labelCols: GRID_LABELS,
      legendCol: LEGEND_COL,
      notes: i === grids.length - 1 && singleNote ? [singleNote] : [],
    });
  if (grids.length === 0 && t.open > 0) {
    const unrated = t.open - single;
    page.notes("Heat map", [
      `No open risk is rated by both likelihood and impact, so there is no heat map.${singleNote ? ` ${singleNote}` : ""}${unrated > 0 ? ` ${count(unrated, "open risk")} ${unrated === 1 ? "has" : "have"} no usable rating.` : ""}`,
    ]);
  }

  const ragCols = (first: number, last: number, colOf: (i: number) => number) => [subtotal(colOf(1), first, last, t.open, "count"), text(ragCountsText(t.byRag, shown), { wrap: true })];
  page.smallTables([
    {
      heading: "Open risks by owner",
      firstCol: 1,
      columns: [
        { header: "Owner", span: 3 },
        { header: "Risks", align: "right" },
        // Centred, so its words stand clear of the counts beside them.
        { header: "RAG", span: 4, align: "center" },
      ],
      rows: t.byOwner.map((g) => [text(g.owner ?? NO_OWNER), integer(g.count), text(ragCountsText(g.byRag, shown), { wrap: true })]),
      totals: (first, last, colOf) => [text("All owners"), ...ragCols(first, last, colOf)],
      noneText: "None: no open risks.",
    },
  ]);
  // By section only where the registers name sections: one "(No section)" row says nothing.
  if (t.bySection.some((g) => g.section !== null))
    page.smallTables([
      {
        heading: "Open risks by section",
        firstCol: 1,
        columns: [
          { header: "Section", span: 3 },
          { header: "Risks", align: "right" },
          { header: "RAG", span: 4, align: "center" },
        ],
        rows: t.bySection.map((g) => [text(g.section ?? NO_SECTION), integer(g.count), text(ragCountsText(g.byRag, shown), { wrap: true })]),
        totals: (first, last, colOf) => [text("All sections"), ...ragCols(first, last, colOf)],
      },
    ]);

  page.mainTable({
    heading: `All risks, top risk first (${integerText(items.length)})`,
    name: "RiskRegisterRisks",
    columns: [
      { header: "Ref" },
      { header: "Risk" },
      { header: "Owner" },
      { header: "Likelihood", align: "right" },
      { header: "Impact", align: "right" },
      { header: "Score", align: "right" },
      { header: "Level" },
      { header: "RAG", align: "center" },
      { header: "Reason" },
      { header: "Mitigation" },
      { header: "Review Date", align: "right" },
      { header: "Source" },
    ],
    noneText: "None: no risks were found.",
    rows: rowsOf(t.tableOrder, (i): (CellSpec | null)[] => {
      const r = items[i];
      return [
        text(r.ref),
        text(r.risk),
        r.owner === null ? null : text(r.owner),
        ratingCell(r.likelihood, r.scale),
        ratingCell(r.impact, r.scale),
        r.score === null ? null : integer(r.score),
        r.level === null ? null : text(RISK_LEVEL_WORDS[r.level]),
        ragCell(r.rag),
        text(r.status === "closed" ? `Closed. ${r.figures}` : r.ragReason),
        text(mitigationText(r)),
        r.reviewDate === null ? null : date(r.reviewDate),
        link(r.sheet, r.cell),
      ];
    }),
  });

  const key = riskKey(s);
  page.key(key.lines, key.rules);
  return page.build();
}
