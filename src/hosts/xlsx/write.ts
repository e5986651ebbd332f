/**
 * The engine's SummaryPlan, and saved settings, written into the user's own package by
 * addition (package-edit.ts): our sheets go in as new parts; the product's own earlier
 * sheets (known by their marker, or the settings sheet by its name) come out; nothing else
 * of the user's changes. Browser-safe: bytes in and out, no Node APIs.
 */
import { SheetGrid } from "../../core/grid";
import { SETTINGS_SHEET_NAME, settingsToJson, type Settings } from "../../core/settings";
import type { AnyWorkbookSnapshot } from "../../core/snapshot";
import { summaryIdOf } from "../../core/summary/marker";
import { modelCellParts } from "../../core/summary/model-cells";
import { MARKER_PREFIX, type SheetModel, type SummaryPlan } from "../../core/summary/sheet-model";
import { HostError, type WriteResult } from "../host";
import { editPackage, editPackagePieces, type SheetToWrite } from "./package-edit";
import type { WorkbookPackage } from "./package";
import type { SheetDraft } from "./sheet-xml";
import { joinChunks, type ZipPieces } from "./zip-write";

/** A summary sheet model as the renderer's draft: its marker in a hidden column, text as Text. */
export function summaryDraft(model: SheetModel): SheetDraft {
  // The blocks walked as they are, a scratch cell at a time: not a ModelCell a cell (modelCells').
  const { cells, blocks, plainLinksFrom } = modelCellParts(model);
  return {
    cells,
    blocks,
    plainLinksFrom,
    merges: model.merges,
    columnWidths: model.columnWidths,
    hiddenColumns: [model.markerCell.col],
    rowHeights: model.rowHeights,
    freezeRows: model.freezeRows,
    pageBreaks: model.pageBreaks,
    tabColor: model.tabColor,
    print: model.print,
    tables: model.tables,
    marker: {
      row: model.markerCell.row,
      col: model.markerCell.col,
      text: model.marker.startsWith(MARKER_PREFIX) ? model.marker : `${MARKER_PREFIX}${model.id}`,
    },
    // Text as Text (`@`), as the Excel host writes it, so a ref such as `1.10` stays as typed when edited.
    textAsText: true,
  };
}

/** The settings sheet's one cell: the JSON, as Text. */
function settingsDraft(settings: Settings): SheetDraft {
  return {
    cells: [{ row: 1, col: 1, content: { kind: "text", text: settingsToJson(settings) }, format: "text" }],
    merges: [],
    columnWidths: [],
    freezeRows: 0,
    textAsText: true,
  };
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The plan's `replace` sheets that are really ours: a last guard for the user's data, only a
 * sheet whose cells carry our marker is ever removed (by the snapshot the plan was made from).
 */
export function ownSheets(snapshot: AnyWorkbookSnapshot, names: string[], fileName: string): string[] {
  const out: string[] = [];
  for (const name of names) {
    const sheet = snapshot.sheets.find((s) => sameName(s.name, name));
    if (!sheet) continue;
    if (summaryIdOf(new SheetGrid(sheet)) === null) {
      throw new HostError(`The sheet '${name}' in ${fileName} does not carry Board Summary's marker, so it was not replaced; nothing was written.`);
    }
    out.push(sheet.name);
  }
  return out;
}

/**
 * The bytes of the user's workbook with the plan's summaries added (each in the place of
 * our own earlier one of the same name, else after the last sheet). `result.notes` holds
 * this host's own notes (the plan's notes are the caller's to show).
 */
export async function buildSummaryBytes(
  workbook: { pkg: WorkbookPackage; snapshot: AnyWorkbookSnapshot },
  plan: SummaryPlan,
  now: Date = new Date(),
): Promise<{ bytes: Uint8Array; result: WriteResult }> {
  const { pkg, snapshot } = workbook;
  const { zip, result } = await writeSummaryPieces(pkg, plan, ownSheets(snapshot, plan.replace, pkg.fileName), now);
  return { bytes: joinChunks(zip.pieces, zip.size), result };
}

/**
 * buildSummaryBytes's bytes as the zip's pieces, with the guard's answer given (`own`:
 * ownSheets of the plan's `replace`), so the command line may let the snapshot go before the
 * summaries are made, and write the pieces to the file as they are (zip-write.ts ZipPieces).
 */
export async function writeSummaryPieces(
  pkg: WorkbookPackage,
  plan: SummaryPlan,
  own: string[],
  now: Date = new Date(),
): Promise<{ zip: ZipPieces; result: WriteResult }> {
  const sheets: SheetToWrite[] = plan.models.map((model) => ({
    name: model.name,
    draft: summaryDraft(model),
    replaces: own.find((n) => sameName(n, model.name)),
  }));
  const remove = own.filter((n) => !sheets.some((s) => s.replaces === n));
  const zip = await editPackagePieces(pkg, { sheets, remove, now });
  return { zip, result: { written: plan.models.map((m) => ({ id: m.id, name: m.name })), notes: [] } };
}

/**
 * The bytes of the workbook with its very hidden settings sheet written, in the place of
 * the old one where there is one (the settings sheet is known by its name).
 */
export async function saveSettingsBytes(pkg: WorkbookPackage, settings: Settings, now: Date = new Date()): Promise<Uint8Array> {
  return editPackage(pkg, {
    // Very hidden: out of the way of the Unhide menu, so it is not edited by mistake.
    sheets: [{ name: SETTINGS_SHEET_NAME, draft: settingsDraft(settings), state: "veryHidden", replaces: SETTINGS_SHEET_NAME }],
    remove: [],
    now,
  });
}
