/**
 * The Directions Summary sheet (standard-templates.md §8, board-pages.md): on the first
 * page, the period, the headline counts, the RAG spread, the paragraph and the table by
 * theme; then the Excel table of directions on a page of its own; then the directions key.
 */
import type { Analysis } from "../analysis";
import { integer, integerText, percent, ragCountsText, text } from "./cells";
import { openSummaryPage, type SummaryContext } from "./context";
import { directionsKey } from "./keys";
import { count, directionsParagraph, meanProgress } from "./paragraphs";
import { ragsShown } from "./recovery-summary";
import type { SheetModel } from "./sheet-model";
import { RAG_STYLES } from "./style";
import { NO_THEME } from "../words";
import { rowsTo, subtotal } from "./summary-page";

export const DIRECTIONS_SUMMARY_NAME = "Directions Summary";


/** Column widths A to H, one landscape page wide; the wide text columns give and take room. */
const WIDTHS = [6, 16, 44, 11, 9, 8, 30, 20];
const FLEX = [0, 1.5, 4, 0, 0, 0, 3, 1.5];

export function buildDirectionsSummary(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const t = analysis.directions.totals;
  const items = analysis.directions.items;
  const page = openSummaryPage(analysis, ctx, { id: "directions-summary", title: DIRECTIONS_SUMMARY_NAME, widths: WIDTHS, flex: FLEX, asAtExtra: t.period ? [`period ${t.period}`] : [] });

  const reported = items.filter((d) => d.progress !== null).length;
  const mean = meanProgress(items);
  const overdue = items.filter((d) => d.rag === "red" && d.dueDate !== null && d.dueDate < analysis.asOf && d.progress !== 100).length;
  page.headlines([
    { label: "Directions", value: integer(t.count) },
    { label: "With progress reported", value: integer(reported) },
    { label: "Mean progress reported", value: mean === null ? text("None reported") : percent(mean / 100) },
    { label: "Overdue", value: integer(overdue) },
  ]);
  const shown = ragsShown(analysis.settings.brag, t.byRag.blue);
  page.ragSpread(shown.map((rag) => ({ rag, text: `${RAG_STYLES[rag].word}: ${count(t.byRag[rag], "direction")}` })));
  page.paragraph(directionsParagraph(analysis));

  page.smallTables([
    {
      heading: "By theme",
      firstCol: 1,
      columns: [
        { header: "Theme", span: 3 },
        { header: "Directions", align: "right" },
        { header: "Reported", align: "right" },
        { header: "Mean Progress", align: "right" },
        // Centred, so "RAG" and its words stand clear of the right-aligned figures beside them
        // (left-aligned, the header touched "Mean Progress" on paper).
        { header: "RAG", span: 2, align: "center" },
      ],
      rows: t.byTheme.map((g) => [
        text(g.theme ?? NO_THEME),
        integer(g.count),
        integer(g.reported),
        g.averageProgress === null ? null : percent(g.averageProgress / 100),
        text(ragCountsText(g.byRag, shown), { wrap: true }),
      ]),
      totals: (first, last, colOf) => [
        text("All themes"),
        subtotal(colOf(1), first, last, t.count, "count"),
        subtotal(colOf(2), first, last, reported, "count"),
        // The mean over every reported direction (not a mean of the theme means).
        mean === null ? null : percent(mean / 100),
        text(ragCountsText(t.byRag, shown), { wrap: true }),
      ],
      noneText: "None",
    },
  ]);

  page.mainTable({
    heading: `All directions (${integerText(items.length)})`,
    name: "DirectionsList",
    columns: [
      { header: "No" },
      { header: "Theme" },
      { header: "Direction" },
      { header: "Target Date", align: "right" },
      { header: "Progress", align: "right" },
      { header: "RAG", align: "center" },
      { header: "RAG Reason" },
      { header: "Source" },
    ],
    noneText: "None: no directions were found.",
    rows: rowsTo(items, (d, w) => {
      w.text(d.no);
      w.text(d.theme ?? NO_THEME);
      w.text(d.text);
      if (d.dueDate === null) w.none();
      else w.date(d.dueDate);
      if (d.progress === null) w.none();
      else w.percent(d.progress / 100);
      w.rag(d.rag);
      w.text(d.ragReason);
      w.link(d.sheet, d.cell);
    }),
  });

  const key = directionsKey(analysis.settings, analysis.asOf);
  page.key(key.lines, key.rules);
  return page.build();
}
