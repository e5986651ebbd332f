/**
 * The API guard: which ExcelApi requirement set each Excel member belongs to, read from the
 * `[Api set: ExcelApi 1.x]` notes in @types/office-js, so a test can prove the Office.js
 * host uses nothing newer than the manifest declares (except behind isSetSupported).
 *
 * Run alone (`npx ts-node scripts/api-guard.ts`)
 * it prints every member the host uses with its set.
 */
import * as fs from "fs";
import * as path from "path";

/** `Class.member` → the lowest requirement set that has it for our use (the highest version its note names). */
export type ApiSetIndex = Map<string, string>;

/** Compares "1.9" and "1.13" as versions, not as decimals. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Reads the Excel namespace's classes, and the interfaces of plain objects the API takes
 * (DataValidationRule, ListDataValidation…), from the type definitions. A note such as
 * "ExcelApi 1.1 for get, 1.8 for set" counts as its highest version (we may set it); a
 * member with overloads counts as the lowest of its overloads' sets. Members whose notes
 * name only another set (ExcelApiDesktop, ExcelApiOnline) are recorded as "desktop-only"
 * or "online-only": never usable under an ExcelApi minimum.
 */
export function readApiSets(dtsPath: string): ApiSetIndex {
  const lines = fs.readFileSync(dtsPath, "utf8").split("\n");
  const index: ApiSetIndex = new Map();
  let inExcel = false;
  let cls: string | null = null;
  let note: string | null = null;
  for (const line of lines) {
    if (/^declare namespace Excel \{/.test(line)) inExcel = true;
    else if (/^declare namespace /.test(line)) inExcel = false;
    if (!inExcel) continue;
    if (/^ {4}namespace Interfaces \{/.test(line)) {
      inExcel = false; // the Interfaces namespace repeats names as plain data shapes
      continue;
    }
    const c = /^ {4}(?:export )?(?:class|interface) (\w+)/.exec(line);
    if (c) {
      cls = c[1];
      note = null;
      continue;
    }
    if (/^ {4}\}/.test(line)) cls = null;
    if (!cls) continue;
    const n = /\[Api set: ([^\]]+)\]/.exec(line);
    if (n) {
      note = n[1];
      continue;
    }
    const m = /^ {8}(?:readonly )?(\w+)\??(?:\(|:|<)/.exec(line);
    if (m && note) {
      const key = `${cls}.${m[1]}`;
      const excelApi = [...note.matchAll(/ExcelApi (\d+\.\d+)/g)].map((x) => x[1]);
      const more = [...note.matchAll(/(\d+\.\d+) for set/g)].map((x) => x[1]);
      const versions = [...excelApi, ...more];
      const v = versions.length
        ? versions.sort(compareVersions)[versions.length - 1]
        : /ExcelApiOnline/.test(note)
          ? "online-only"
          : "desktop-only";
      const prior = index.get(key);
      if (!prior || (v.includes("only") ? false : prior.includes("only") || compareVersions(v, prior) < 0)) index.set(key, v);
      note = null;
    }
  }
  return index;
}

/**
 * Every Excel member the Office.js host uses, as `Class.member` (or `Interface.member` for
 * the plain objects it passes, such as a validation rule). Kept by hand, and checked both
 * ways against src/hosts/excel by the test: each one listed is used, and each Excel member
 * name found in the source is listed. Event handlers' add/remove belong to OfficeExtension,
 * which every version has.
 */
export const USED_MEMBERS = [
  "RequestContext.workbook",
  "RequestContext.sync",
  "Workbook.worksheets",
  "Workbook.application",
  "Workbook.protection",
  "Workbook.readOnly",
  "WorkbookProtection.protected",
  "Application.suspendScreenUpdatingUntilNextSync",
  "WorksheetCollection.load",
  "WorksheetCollection.items",
  "WorksheetCollection.add",
  "WorksheetCollection.getItem",
  "WorksheetCollection.getItemOrNullObject",
  "Worksheet.name",
  "Worksheet.visibility",
  "Worksheet.protection",
  "Worksheet.isNullObject",
  "Worksheet.getUsedRangeOrNullObject",
  "Worksheet.getRange",
  "Worksheet.getRanges",
  "Worksheet.delete",
  "Worksheet.activate",
  "Worksheet.tables",
  "Worksheet.freezePanes",
  "Worksheet.pageLayout",
  "Worksheet.tabColor",
  "WorksheetProtection.protected",
  "WorksheetFreezePanes.freezeRows",
  "PageLayout.orientation",
  "PageLayout.zoom",
  "PageLayout.setPrintTitleRows",
  "PageLayout.headersFooters",
  "HeaderFooterGroup.defaultForAllPages",
  "HeaderFooter.centerFooter",
  "HeaderFooter.leftHeader",
  "Range.load",
  "Range.address",
  "Range.values",
  "Range.formulas",
  "Range.numberFormat",
  "Range.isNullObject",
  "Range.format",
  "Range.merge",
  "Range.getMergedAreasOrNullObject",
  "Range.select",
  "RangeFormat.fill",
  "RangeFormat.font",
  "RangeFormat.wrapText",
  "RangeFormat.horizontalAlignment",
  "RangeFormat.verticalAlignment",
  "RangeFormat.columnWidth",
  "RangeFormat.borders",
  "RangeFill.color",
  "RangeFont.bold",
  "RangeFont.italic",
  "RangeFont.size",
  "RangeFont.color",
  "RangeFont.underline",
  "RangeBorderCollection.getItem",
  "RangeBorder.style",
  "RangeFormat.rowHeight",
  "Range.dataValidation",
  "DataValidation.ignoreBlanks",
  "DataValidation.rule",
  "DataValidation.prompt",
  "DataValidation.errorAlert",
  "DataValidationRule.list",
  "DataValidationRule.date",
  "DataValidationRule.decimal",
  "ListDataValidation.inCellDropDown",
  "ListDataValidation.source",
  "DateTimeDataValidation.formula1",
  "DateTimeDataValidation.operator",
  "BasicDataValidation.formula1",
  "BasicDataValidation.formula2",
  "BasicDataValidation.operator",
  "DataValidationPrompt.showPrompt",
  "DataValidationPrompt.title",
  "DataValidationPrompt.message",
  "DataValidationErrorAlert.showAlert",
  "DataValidationErrorAlert.style",
  "DataValidationErrorAlert.title",
  "DataValidationErrorAlert.message",
  "PageLayout.paperSize",
  "WorksheetCollection.onChanged",
  "WorksheetCollection.onFormatChanged",
  "WorksheetCollection.onAdded",
  "WorksheetCollection.onDeleted",
  "WorksheetCollection.onNameChanged",
  "RangeAreas.address",
  "RangeAreas.isNullObject",
  "RangeAreas.load",
  "RangeAreas.format",
  "TableCollection.add",
  "Table.name",
  "Table.style",
  "Table.showTotals",
  "Table.delete",
  "Application.suspendApiCalculationUntilNextSync",
  "Range.getCellProperties",
  "Range.getUsedRangeOrNullObject",
  "Range.unmerge",
  "Range.clear",
  // Links a column's run at a time (writing.ts).
  "Range.setCellProperties",
  "SettableCellProperties.hyperlink",
  "RangeHyperlink.documentReference",
  "RangeHyperlink.textToDisplay",
  "RangeFormat.useStandardWidth",
  "RangeFormat.useStandardHeight",
  "RangeFormat.autofitRows",
  "Worksheet.copy",
  "WorksheetFreezePanes.unfreeze",
  // Fill colours of action plans' stated-RAG cells (reading.ts).
  "CellPropertiesFill.pattern",
  // Putting a summary back after a failed build (rollback.ts).
  "Worksheet.getUsedRange",
  "Range.copyFrom",
  "Range.getTables",
  "Range.getRowProperties",
  "Range.setRowProperties",
  "Range.getColumnProperties",
  "Range.setColumnProperties",
  "WorksheetFreezePanes.getLocationOrNullObject",
  "WorksheetFreezePanes.freezeAt",
  "PageLayout.getPrintTitleRowsOrNullObject",
  "PageLayoutZoomOptions.horizontalFitToPages",
  "PageLayoutZoomOptions.verticalFitToPages",
  "PageLayoutZoomOptions.scale",
  "TableCollection.getItemAt",
  "Table.getRange",
  // Summary sheets as board papers (board-pages.md): fonts by name, margins, every header and
  // footer section, manual page breaks, the marker's column hidden, tables without bands.
  "RangeFont.name",
  "PageLayout.leftMargin",
  "PageLayout.rightMargin",
  "PageLayout.topMargin",
  "PageLayout.bottomMargin",
  "PageLayout.headerMargin",
  "PageLayout.footerMargin",
  "HeaderFooter.centerHeader",
  "HeaderFooter.rightHeader",
  "HeaderFooter.leftFooter",
  "HeaderFooter.rightFooter",
  "Worksheet.horizontalPageBreaks",
  "PageBreakCollection.add",
  "PageBreakCollection.removePageBreaks",
  "PageBreakCollection.items",
  "PageBreak.rowIndex",
  "Range.columnHidden",
  "Table.showBandedRows",
] as const;

/** Members used only behind `isSetSupported("ExcelApi", version)`, with that version. */
export const GUARDED_MEMBERS: Record<string, string> = {
  "Range.getMergedAreasOrNullObject": "1.13",
  "WorksheetCollection.onNameChanged": "1.17",
};

/**
 * Members the type definitions give no requirement set: the base object model every
 * version has (loading, null objects, collections' items, the context).
 */
export const BASE_MEMBERS = new Set(["load", "isNullObject", "items", "sync", "workbook"]);

export const DTS_PATH = path.join(__dirname, "..", "node_modules", "@types", "office-js", "index.d.ts");

if (require.main === module) {
  const index = readApiSets(DTS_PATH);
  for (const m of USED_MEMBERS) console.log(`${m.padEnd(50)} ${index.get(m) ?? "?"}${GUARDED_MEMBERS[m] ? " (guarded)" : ""}`);
}
