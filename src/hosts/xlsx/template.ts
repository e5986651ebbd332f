/**
 * Renders a blank standard template (src/core/templates) into an .xlsx workbook with
 * exceljs: labels, styles, merges and data validation (drop-down lists, real dates,
 * amounts of 0 or more), for `board-summary template` and the page's download.
 */
import ExcelJS from "exceljs";
import { NUMBER_FORMATS, type ModelCell } from "../../core/summary/sheet-model";
import { applyStyle, isoToDate } from "./write";
import { templateModel, type TemplateKind, type TemplateModel, type Validation } from "../../core/templates/template-model";

/** Fixed dates so the same template gives the same workbook on every run. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

/** Template borders are a light grey, so the input cells frame the form without shouting. */
const TEMPLATE_BORDER = "8C8C8C";

function writeCell(ws: ExcelJS.Worksheet, mc: ModelCell): void {
  const cell = ws.getCell(mc.row, mc.col);
  const c = mc.content;
  switch (c.kind) {
    case "text":
      // An empty input cell keeps only its style and format: it must read as blank.
      if (c.text !== "") cell.value = c.text;
      break;
    case "number":
      cell.value = c.value;
      break;
    case "date":
      cell.value = isoToDate(c.iso);
      break;
    case "formula":
      cell.value = c.result === null ? { formula: c.formula, date1904: false } : { formula: c.formula, result: c.result, date1904: false };
      break;
    case "link":
      cell.value = { text: c.text, hyperlink: `#'${c.sheet.replace(/'/g, "''")}'!${c.cell}` };
      break;
  }
  if (mc.format) cell.numFmt = NUMBER_FORMATS[mc.format];
  applyStyle(cell, mc.style, false, TEMPLATE_BORDER);
}

function toExcelValidation(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    errorTitle: v.error.title,
    error: v.error.message,
  };
  switch (v.type) {
    case "list":
      return { ...common, type: "list", formulae: [`"${v.values.join(",")}"`] };
    case "date":
      return { ...common, type: "date", operator: "greaterThanOrEqual", formulae: [isoToDate(v.from)] };
    case "decimal":
      return v.max === null
        ? { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [v.min] }
        : { ...common, type: "decimal", operator: "between", formulae: [v.min, v.max] };
  }
}

/** Adds the template as a new sheet of `wb`. */
export function renderTemplate(wb: ExcelJS.Workbook, model: TemplateModel, sheetName = model.sheetName): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName, {
    views: model.freezeRows > 0 ? [{ state: "frozen", ySplit: model.freezeRows }] : [{}],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  for (const { col, width } of model.columnWidths) ws.getColumn(col).width = width;
  for (const { row, height } of model.rowHeights) ws.getRow(row).height = height;
  for (const mc of model.cells) writeCell(ws, mc);
  for (const m of model.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const v of model.validations) {
    const dv = toExcelValidation(v);
    for (let row = v.range.top; row <= v.range.bottom; row++) {
      for (let col = v.range.left; col <= v.range.right; col++) ws.getCell(row, col).dataValidation = dv;
    }
  }
  return ws;
}

/** A blank workbook holding the standard template of a kind, as .xlsx bytes. */
export async function templateWorkbookBytes(kind: TemplateKind): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Board Summary";
  wb.lastModifiedBy = "Board Summary";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  renderTemplate(wb, templateModel(kind));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
