/**
 * Adding a blank standard template sheet (the pane's "Add template").
 */
import { numberedName } from "../../core/summary/plan";
import { templateModel, type TemplateKind, type TemplateModel } from "../../core/templates/template-model";
import { HostError } from "../host";
import { boundsAddress, columnAddress, rowAddress } from "./address";
import { areaLists } from "./areas";
import { describeFailure, hostError } from "./errors";
import { renderTemplate, type RenderedTemplate } from "./render";
import { TEMP_PREFIX, type Session } from "./session";
import { applyStyle, printZoom, writeFormat } from "./writing";

/**
 * Adds a blank standard template as a new sheet under the first free name (`Directions`,
 * `Directions (2)`…), with its drop-down lists, date and amount rules; activates it and
 * returns its name. Two syncs. All or nothing: the sheet is built under a temporary name
 * and renamed in the same request; a failure removes whatever was made.
 */
export async function insertTemplate(session: Session, kind: TemplateKind): Promise<string> {
  const model = templateModel(kind);
  const rendered = renderTemplate(model);
  const temp = `${TEMP_PREFIX} ${session.options.token()} template`;
  try {
    return await session.writing(() =>
      session.batch(async (context) => {
        const workbook = context.workbook;
        const worksheets = workbook.worksheets;
        // Sync 1: the names in use, and may a sheet be added?
        worksheets.load("items/name, items/id");
        workbook.load("readOnly");
        workbook.protection.load("protected");
        await context.sync();
        if (workbook.readOnly)
          throw new HostError(
            "This workbook is open read-only, so a template sheet cannot be added. Save a copy you can edit (File > Save As), then try again.",
          );
        if (workbook.protection.protected)
          throw new HostError(
            "The workbook's structure is protected, so a template sheet cannot be added. Unprotect it (Review > Protect Workbook), then try again.",
          );
        const before = worksheets.items;
        const name = freeSheetName(model.sheetName, before.map((ws) => ws.name));

        // Sync 2: the whole sheet.
        try {
          const ws = worksheets.add(temp);
          writeTemplate(ws, model, rendered);
          ws.name = name;
          ws.activate();
          await context.sync();
        } catch (e) {
          const tidy = await removeNewSheet(context, new Set(before.map((ws) => ws.id)), [temp, name]);
          const base = describeFailure(e, `add the template sheet '${name}'`);
          throw new HostError(tidy ? `${base} Nothing was added.` : `${base} A part-made sheet may remain: delete '${name}' or '${temp}' if you see it.`);
        }
        return name;
      }),
    );
  } catch (e) {
    throw hostError(e, "add the template sheet");
  }
}

/** Queues a template's cells, looks, merges, sizes, validation and page setup on a new sheet. */
function writeTemplate(ws: Excel.Worksheet, model: TemplateModel, r: RenderedTemplate): void {
  // Formats first, so text written into an `@` cell stays text.
  for (const f of r.formats) writeFormat(ws, f);
  for (const band of r.bands) ws.getRange(boundsAddress(band.bounds)).formulas = band.formulas;
  for (const group of r.styles) for (const address of areaLists(group.areas)) applyStyle(ws.getRanges(address).format, group);
  for (const m of r.merges) ws.getRange(boundsAddress(m)).merge(false);
  for (const w of r.widths) ws.getRange(columnAddress(w.col)).format.columnWidth = w.points;
  for (const h of r.heights) ws.getRange(rowAddress(h.row)).format.rowHeight = h.points;
  for (const v of r.validations) {
    const dv = ws.getRange(boundsAddress(v.bounds)).dataValidation;
    // Blank input cells are allowed: the template starts empty.
    dv.ignoreBlanks = true;
    dv.rule = v.rule;
    dv.prompt = v.prompt;
    dv.errorAlert = v.errorAlert;
  }
  if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
  // As the .xlsx template: A4 landscape, one page wide.
  const layout = ws.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.zoom = printZoom(1);
}

/**
 * Deletes a sheet this host was adding when its batch failed: one not there before
 * (`existing` ids) under one of `names`. Returns false where that failed too.
 */
async function removeNewSheet(context: Excel.RequestContext, existing: Set<string>, names: string[]): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name, items/id");
    await context.sync();
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const ours = worksheets.items.filter((ws) => !existing.has(ws.id) && wanted.has(ws.name.toLowerCase()));
    if (!ours.length) return true;
    ours.forEach((ws) => {
      ws.delete();
    });
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** The wanted name, or the first free `Name (2)`, `Name (3)`…, compared without regard to case. */
export function freeSheetName(wanted: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = numberedName(wanted, n);
    if (!used.has(name.toLowerCase())) return name;
  }
}
