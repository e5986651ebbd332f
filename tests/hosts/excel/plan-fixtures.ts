/** Summary plans and source sheets built by hand for the Office.js host tests. */
import { MARKER_PREFIX, type ModelCell, type SheetModel, type SummaryPlan } from "../../../src/core/summary/sheet-model";
import type { FakeExcel } from "../../fakes/excel/fake-excel";

/** A recovery-action form like seed 000's, on a sheet of its own. */
export function addActionSheet(fake: FakeExcel, name: string, value: number): void {
  fake.addSheet(
    name,
    {
      A1: "Finance Recovery Action: Planning, Performance, and Programme Funding",
      A3: "Exec Lead(s)",
      B3: "Gill Main, Integration Manager",
      A5: "Financial Recovery Value",
      C5: value,
      A6: "Risk Level",
      C6: "High",
      A7: "Plan Date",
      C7: { value: 45199, numberFormat: "dd/mm/yyyy", text: "30/09/2023" },
    },
    { merges: ["A1:F1"] },
  );
}

/**
 * A Recovery Summary model with one table row (and link) per source sheet, a totals row
 * by formula, and a Data Checks model; the names are the plan's final names.
 */
export function planFor(sources: string[], options: { replace?: string[]; recoveryName?: string } = {}): SummaryPlan {
  const cells: ModelCell[] = [
    { row: 1, col: 1, content: { kind: "text", text: "Recovery Summary" }, style: { bold: true, size: 16 } },
    { row: 2, col: 1, content: { kind: "text", text: "As at" } },
    { row: 2, col: 2, content: { kind: "date", iso: "2023-09-21" } },
    { row: 4, col: 1, content: { kind: "text", text: "Ref" }, style: { bold: true, fill: "1F4E79", color: "FFFFFF" } },
    { row: 4, col: 2, content: { kind: "text", text: "Recovery Value (£)" }, style: { bold: true, fill: "1F4E79", color: "FFFFFF" } },
    { row: 4, col: 3, content: { kind: "text", text: "RAG" }, style: { bold: true, fill: "1F4E79", color: "FFFFFF" } },
    { row: 4, col: 4, content: { kind: "text", text: "Source" }, style: { bold: true, fill: "1F4E79", color: "FFFFFF" } },
  ];
  sources.forEach((s, i) => {
    const row = 5 + i;
    cells.push(
      { row, col: 1, content: { kind: "text", text: i % 2 ? "1.10" : s } },
      { row, col: 2, content: { kind: "number", value: 448000 + i }, format: "money" },
      { row, col: 3, content: { kind: "text", text: "Red" }, style: { fill: "C00000", color: "FFFFFF" } },
      { row, col: 4, content: { kind: "link", text: `'${s}'!C5`, sheet: s, cell: "C5" } },
    );
  });
  const totalRow = 5 + sources.length;
  cells.push(
    { row: totalRow, col: 1, content: { kind: "text", text: "Total" }, style: { bold: true } },
    {
      row: totalRow,
      col: 2,
      content: { kind: "formula", formula: `SUBTOTAL(109,B5:B${totalRow - 1})`, result: null },
      format: "money",
      style: { bold: true },
    },
  );
  const recovery: SheetModel = {
    id: "recovery-summary",
    name: options.recoveryName ?? "Recovery Summary",
    marker: `${MARKER_PREFIX}recovery-summary`,
    markerCell: { row: 1, col: 8 },
    cells,
    merges: [1, 1, 1, 4],
    tables: [
      {
        name: "RecoveryActions",
        headerRow: 4,
        firstCol: 1,
        columns: ["Ref", "Recovery Value (£)", "RAG", "Source"],
        dataRows: sources.length,
        totalsRow: true,
        style: "TableStyleMedium2",
        bandedRows: false,
      },
    ],
    columnWidths: [
      { col: 1, width: 12 },
      { col: 4, width: 30 },
    ],
    freezeRows: 4,
    pageBreaks: [4],
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      repeatRows: { from: 4, to: 4 },
      header: { left: "Recovery Summary", center: "", right: "As at 21/09/2023" },
      footer: { left: "&F", center: "", right: "Page &P of &N" },
    },
    tabColor: "1F4E79",
  };
  const checks: SheetModel = {
    id: "data-checks",
    name: "Data Checks",
    marker: `${MARKER_PREFIX}data-checks`,
    markerCell: { row: 1, col: 8 },
    cells: [
      { row: 1, col: 1, content: { kind: "text", text: "Data Checks" }, style: { bold: true } },
      { row: 3, col: 1, content: { kind: "text", text: "Severity" } },
      { row: 3, col: 2, content: { kind: "text", text: "Message" } },
    ],
    merges: [],
    // No data rows: written as a plain range, never as an Excel table.
    tables: [{ name: "DataChecks", headerRow: 3, firstCol: 1, columns: ["Severity", "Message"], dataRows: 0, totalsRow: false, style: "TableStyleMedium2", bandedRows: true }],
    columnWidths: [],
    freezeRows: 0,
    pageBreaks: [],
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      repeatRows: null,
      header: { left: "", center: "", right: "" },
      footer: { left: "", center: "", right: "Page &P of &N" },
    },
  };
  return { models: [recovery, checks], replace: options.replace ?? [], notes: [] };
}
