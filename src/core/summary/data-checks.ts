/**
 * The Data Checks sheet (standard-templates.md §8): counts by severity and every finding,
 * in the analysis's order, each with a link to the cell at fault; then the key.
 */
import type { Analysis } from "../analysis";
import { SEVERITY_WORDS } from "../words";
import {
  HEADING_STYLE,
  NOTE_STYLE,
  SheetBuilder,
  integer,
  link,
  sourceSheetCount,
  text,
  titleBlock,
  writeKey,
  type SummaryContext,
} from "./layout";
import type { SheetModel } from "./sheet-model";

export const DATA_CHECKS_NAME = "Data Checks";
export const FINDING_COLUMNS = ["Severity", "Sheet", "Cell", "Code", "Message"] as const;

/** Sheet column widths (characters), A to E; A fits the bold "Source sheets" label. */
const WIDTHS = [15, 24, 10, 24, 70];

const TOP = { verticalAlign: "top" } as const;

export function buildDataChecks(analysis: Analysis, ctx: SummaryContext): SheetModel {
  const b = new SheetBuilder();
  const title = DATA_CHECKS_NAME;

  const at = { valueCol: 2 };
  let row = titleBlock(b, { title, ctx, asOf: analysis.asOf, ...at });
  b.pair(row++, "Source sheets", integer(sourceSheetCount(analysis)), at);
  b.pair(row++, "Errors", integer(analysis.stats.error), at);
  b.pair(row++, "Warnings", integer(analysis.stats.warning), at);
  b.pair(row++, "Info", integer(analysis.stats.info), at);
  // Messages about the run itself (e.g. saved settings that could not be read).
  for (const note of analysis.notes) b.put(row++, 1, text(`Note: ${note}`, NOTE_STYLE));
  row++;

  b.put(row++, 1, text("Findings", HEADING_STYLE));
  const mainHeaderRow = row;
  row = b.table({
    name: "DataChecksFindings",
    headerRow: mainHeaderRow,
    firstCol: 1,
    columns: [...FINDING_COLUMNS],
    noneText: "No problems found",
    rows: analysis.findings.map((f) => [
      text(SEVERITY_WORDS[f.severity], f.severity === "error" ? { ...TOP, bold: true } : TOP),
      text(f.sheet, { wrap: true, verticalAlign: "top" }),
      link(f.sheet, f.cell, f.cell, TOP),
      text(f.code, TOP),
      text(f.message, { wrap: true, verticalAlign: "top" }),
    ]),
  }).nextRow;
  row++;

  writeKey(b, { row, analysis, first: "recovery" });
  return b.build({ id: "data-checks", name: ctx.sheetName ?? DATA_CHECKS_NAME, title, widths: WIDTHS, mainHeaderRow });
}
