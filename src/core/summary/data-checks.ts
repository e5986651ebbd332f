/**
 * The Data Checks sheet (standard-templates.md §8, board-pages.md §5): the counts by
 * severity and a paragraph on the first page, the notes for the finance team (settings that
 * could not be read; register lines that repeat a form and are counted once, from the form),
 * then every finding, in the analysis's order, each with a link to the cell at fault. No key.
 */
import type { Analysis } from "../analysis";
import { refOf } from "../records";
import { integer, integerText, link, text } from "./cells";
import { openSummaryPage, severityCounts, sourceSheetCount, type SummaryContext } from "./context";
import { dataChecksParagraph } from "./paragraphs";
import type { SheetModel } from "./sheet-model";
import { rowsOf } from "./summary-page";
import { SEVERITY_WORDS } from "../words";

export const DATA_CHECKS_NAME = "Data Checks";

/** Column widths A to E, one landscape page wide. */
const WIDTHS = [10, 24, 9, 22, 81];
const FLEX = [0, 1.5, 0, 1, 4];

export function buildDataChecks(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const counts = severityCounts(analysis);
  const page = openSummaryPage(analysis, ctx, { id: "data-checks", title: DATA_CHECKS_NAME, widths: WIDTHS, flex: FLEX });
  page.headlines([
    { label: "Errors", value: integer(counts.error) },
    { label: "Warnings", value: integer(counts.warning) },
    { label: "Info", value: integer(counts.info) },
    { label: "Source sheets", value: integer(sourceSheetCount(analysis)) },
  ]);
  const unrecognised = analysis.findings.filter((f) => f.code === "unrecognised-sheet").length;
  page.paragraph(dataChecksParagraph(counts, sourceSheetCount(analysis), unrecognised));
  // Messages about the run itself (e.g. saved settings that could not be read).
  page.notes("About this check", analysis.notes);

  // Reconciliation, for the finance team: a register line repeating a form's ref is the
  // same action, counted once from the form (standard-templates.md §4).
  const repeats = analysis.recovery.actions.filter((a) => !a.counted);
  const formOf = (ref: string) => analysis.recovery.actions.find((a) => a.counted && a.source === "form" && refOf(a).toLowerCase() === ref.toLowerCase());
  page.smallTables(
    repeats.length === 0
      ? []
      : [
          {
            heading: "Reconciliation notes (for the finance team)",
            firstCol: 1,
            columns: [{ header: "Register line", span: 2 }, { header: "Ref" }, { header: "Note", span: 2 }],
            rows: repeats.map((a) => {
              const ref = refOf(a);
              const form = formOf(ref);
              return [
                link(a.sheet, a.cell),
                text(ref),
                text(
                  `Repeats the ref of the form ${form ? `on '${form.sheet}'` : "with the same ref"}: the same action, listed and counted once, from the form.`,
                ),
              ];
            }),
          },
        ],
  );

  page.mainTable({
    heading: `Findings (${integerText(analysis.findings.length)})`,
    name: "DataChecksFindings",
    columns: [{ header: "Severity" }, { header: "Sheet" }, { header: "Cell" }, { header: "Code" }, { header: "Message" }],
    noneText: "No problems found.",
    rows: rowsOf(analysis.findings, (f) => [
      text(SEVERITY_WORDS[f.severity], f.severity === "error" ? { bold: true } : undefined),
      text(f.sheet),
      link(f.sheet, f.cell, undefined, f.cell),
      text(f.code),
      text(f.message),
    ]),
  });
  return page.build();
}
