/**
 * Reading a workbook into a snapshot, whatever its size, in a bounded number of syncs.
 *
 * 1. List the sheets (one sync).
 * 2. Read every sheet's *window* — its used part within the first WINDOW_ROWS rows and
 *    WINDOW_COLS columns — and its used range's address (one sync, unless the windows
 *    together pass the payload budget). Recognition needs only the labels and header rows,
 *    which lie in the window: the engine's recogniseSheet runs on the window alone.
 * 3. Read in full only the sheets recognised as templates (and the product's own sheets
 *    need nothing more), in pieces sized from the bytes per cell the windows really took,
 *    with their merged areas; any extra ranges asked for (fill colours) ride in the same
 *    syncs. A piece Excel refuses as too large is halved and tried again.
 *
 * A sheet that is not a template (a 200,000-row data tab) costs its window only: enough
 * to tell whether it is empty, for the `unrecognised-sheet` finding. A template whose
 * header lies wholly below row WINDOW_ROWS is not recognised, as docs/addin.md says. A
 * sheet whose used range starts outside the window has its window read again from its
 * first used cell, in the syncs of step 3 (and, if that shows a template, one more step).
 */
import { SheetGrid } from "../../core/grid";
import { recogniseSheet } from "../../core/recognise";
import type { Cell, Merge, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import type { ProgressListener } from "../host";
import { boundsAddress, parseAreasAddress, parseRangeAddress, type Bounds } from "./address";
import { hostError, isTooLarge } from "./errors";
import { blockToCells, visibilityFromExcel, type LoadedBlock } from "./read";
import { TEMP_PREFIX, isStaleTemp, type Session } from "./session";

/** The window read from every sheet to recognise it: A1:AZ200. */
export const WINDOW_ROWS = 200;
export const WINDOW_COLS = 52;
/** Excel reads at most this many cells in one range (learn.microsoft.com, Resource limits…, Excel add-ins). */
const MAX_READ_CELLS = 5_000_000;
/** Excel refuses to return the merged areas of a range holding more than this many. */
export const MAX_MERGED_AREAS = 512;
/**
 * What the engine needs of a cell: its value and number format. Excel gives an error cell's
 * value as the error's text (`#REF!`); displayed text, formulas and value types would only
 * double or treble the response.
 */
const RANGE_PROPS = "address, values, numberFormat";
/** Assumed bytes per cell before a sheet's window has shown the real figure; never less than this. */
const MIN_BYTES_PER_CELL = 12;
const DEFAULT_BYTES_PER_CELL = 40;

/**
 * Extra ranges of a recognised sheet whose solid fill colours are wanted (e.g. an action
 * plan's stated-RAG column), read with Range.getCellProperties (ExcelApi 1.9) in the same
 * syncs as the cells. Given the sheet's name, its recognised kind and its used bounds.
 */
export type FillRanges = (sheet: { name: string; kind: string; used: Bounds }) => Bounds[];

interface SheetInfo {
  ws: Excel.Worksheet;
  name: string;
  visibility: string;
  protected: boolean;
}

/** One range to read: its cells (values and formats) or its fill colours. */
interface Piece {
  sheet: number;
  bounds: Bounds;
  kind: "cells" | "fills";
}

interface Loaded {
  piece: Piece;
  block?: LoadedBlock;
  fills?: { row: number; col: number; fill: string }[];
}

export interface ReadOptions {
  session: Session;
  onProgress?: ProgressListener;
  fillRanges?: FillRanges;
}

/** Kinds the engine reads in full; any other kind (other, summary, settings) needs only its window. */
const NEEDS_NOTHING_MORE = new Set(["other", "summary", "settings"]);

export async function readSnapshot({ session, onProgress, fillRanges }: ReadOptions): Promise<WorkbookSnapshot> {
  const withMerges = session.options.isSetSupported("ExcelApi", "1.13");
  const withFills = fillRanges !== undefined && session.options.isSetSupported("ExcelApi", "1.9");
  const budget = session.options.payloadBudget;
  try {
    const { snapshot, leftovers } = await session.batch(
      async (context) => {
        // Sync 1: the sheets.
        onProgress?.({ step: "Listing the sheets", fraction: 0 });
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name, items/visibility, items/protection/protected");
        await context.sync();
        const all = worksheets.items;
        // Sheets of an interrupted build are no part of the workbook: left out, and removed below.
        const isLeftover = (ws: Excel.Worksheet) => ws.name.startsWith(`${TEMP_PREFIX} `) && ws.visibility === "VeryHidden";
        const sheets: SheetInfo[] = all
          .filter((ws) => !isLeftover(ws))
          .map((ws) => ({ ws, name: ws.name, visibility: ws.visibility, protected: ws.protection.protected }));
        const leftovers = all.filter((ws) => isLeftover(ws) && isStaleTemp(ws.name, session.options.now())).map((ws) => ws.name);

        // Sync 2: every sheet's window and used range.
        onProgress?.({ step: "Recognising the sheets", fraction: 0.2 });
        const windows = await readWindows(context, sheets, budget);
        const cells: Cell[][] = windows.map((w) => (w.block ? blockToCells(w.block) : []));
        const bytesPerCell = windows.map((w) => w.bytesPerCell);

        // Step 3: recognise from the windows; read in full what needs it.
        onProgress?.({ step: "Reading the template sheets", fraction: 0.4 });
        const merges: Merge[][] = sheets.map(() => []);
        const notes: string[] = [];
        const fills = new Map<number, Map<string, { row: number; col: number; fill: string }>>();
        let pending = sheets.map((_, i) => i).filter((i) => windows[i].used !== null);
        let late = pending.filter((i) => windows[i].block === undefined);
        pending = pending.filter((i) => windows[i].block !== undefined);
        for (let round = 0; round < 2 && (pending.length > 0 || late.length > 0); round++) {
          const toRead = pending.filter((i) => !NEEDS_NOTHING_MORE.has(kindOf(sheets[i], cells[i], windows[i].used)));
          const pieces: Piece[] = [];
          for (const i of toRead) {
            const used = windows[i].used;
            if (!used) continue;
            const win = windowOf(used, windows[i].anchor);
            pieces.push(...outside(used, win).map((bounds) => ({ sheet: i, bounds, kind: "cells" as const })));
            if (withFills)
              for (const bounds of fillRanges({ name: sheets[i].name, kind: kindOf(sheets[i], cells[i], used), used }))
                pieces.push({ sheet: i, bounds, kind: "fills" });
          }
          // Sheets whose content starts outside A1's window: their window, from the first used cell.
          for (const i of late) {
            const used = windows[i].used;
            if (!used) continue;
            windows[i].anchor = { row: used.top, col: used.left };
            pieces.push({ sheet: i, bounds: windowOf(used, windows[i].anchor), kind: "cells" });
          }
          // The template sheets' merged areas ride in the first sync of their cells.
          const rider = withMerges && toRead.length ? mergesRider(sheets, toRead, merges) : undefined;
          const loaded = await readPieces(context, sheets, pieces, { budget, bytesPerCell }, rider);
          if (rider && !rider.done) await readMerges(context, sheets, toRead, merges, notes);
          for (const l of loaded) {
            if (l.block) cells[l.piece.sheet].push(...blockToCells(l.block));
            if (l.fills) {
              const byCell = fills.get(l.piece.sheet) ?? new Map<string, { row: number; col: number; fill: string }>();
              for (const f of l.fills) byCell.set(`${f.row},${f.col}`, f);
              fills.set(l.piece.sheet, byCell);
            }
          }
          pending = late;
          late = [];
        }
        onProgress?.({ step: "Reading the sheets", fraction: 1 });

        const out: SheetSnapshot[] = sheets.map((s, i) => {
          const used = windows[i].used;
          return {
            name: s.name,
            visibility: visibilityFromExcel(s.visibility),
            cells: withFillsMerged(cells[i], fills.get(i)).sort((a, b) => a.row - b.row || a.col - b.col),
            merges: merges[i],
            usedRange: used ? { rows: used.bottom, cols: used.right } : { rows: 0, cols: 0 },
            protected: s.protected,
          };
        });
        return { snapshot: notes.length ? { sheets: out, notes } : { sheets: out }, leftovers };
      },
      () => onProgress?.({ step: "Waiting for you to finish typing in a cell (press Enter)" }),
    );
    if (leftovers.length) await removeLeftovers(session, leftovers);
    return snapshot;
  } catch (e) {
    throw hostError(e, "read the workbook");
  }
}

/** The kind the engine will give a sheet, from what has been read of it so far. */
function kindOf(sheet: SheetInfo, cells: Cell[], used: Bounds | null): string {
  const snapshot: SheetSnapshot = {
    name: sheet.name,
    visibility: visibilityFromExcel(sheet.visibility),
    cells,
    merges: [],
    ...(used ? { usedRange: { rows: used.bottom, cols: used.right } } : {}),
  };
  return recogniseSheet(new SheetGrid(snapshot)).kind;
}

interface Window {
  used: Bounds | null;
  block?: LoadedBlock;
  /** Where the window starts (A1 unless the sheet's content starts outside A1's window). */
  anchor: { row: number; col: number };
  bytesPerCell: number;
}

/** The window of a sheet: from `anchor`, WINDOW_ROWS × WINDOW_COLS, within the used range. */
function windowOf(used: Bounds, anchor: { row: number; col: number }): Bounds {
  return {
    top: Math.max(used.top, anchor.row),
    left: Math.max(used.left, anchor.col),
    bottom: Math.min(used.bottom, anchor.row + WINDOW_ROWS - 1),
    right: Math.min(used.right, anchor.col + WINDOW_COLS - 1),
  };
}

/** The parts of `used` outside `win`: the columns to its right (window rows), then every row below. */
function outside(used: Bounds, win: Bounds): Bounds[] {
  const parts: Bounds[] = [];
  if (used.right > win.right) parts.push({ top: used.top, left: win.right + 1, bottom: win.bottom, right: used.right });
  if (used.left < win.left) parts.push({ top: used.top, left: used.left, bottom: win.bottom, right: win.left - 1 });
  if (used.bottom > win.bottom) parts.push({ top: win.bottom + 1, left: used.left, bottom: used.bottom, right: used.right });
  if (used.top < win.top) parts.push({ top: used.top, left: used.left, bottom: win.top - 1, right: used.right });
  return parts;
}

/** JSON bytes of loaded arrays: what the response really carried. */
function jsonBytes(x: unknown): number {
  return JSON.stringify(x).length;
}

/**
 * Step 2: every sheet's used range and window, in one sync. Where the windows together are
 * too large for one response, the used ranges are read first and the windows as pieces.
 */
async function readWindows(context: Excel.RequestContext, sheets: SheetInfo[], budget: number): Promise<Window[]> {
  const windowAddress = boundsAddress({ top: 1, left: 1, bottom: WINDOW_ROWS, right: WINDOW_COLS });
  try {
    const queued = sheets.map((s) => {
      const used = s.ws.getUsedRangeOrNullObject(true);
      used.load("address");
      const win = s.ws.getRange(windowAddress).getUsedRangeOrNullObject(true);
      win.load(RANGE_PROPS);
      return { used, win };
    });
    await context.sync();
    return queued.map(({ used, win }) => {
      const usedBounds = used.isNullObject ? null : parseRangeAddress(used.address);
      if (win.isNullObject) return { used: usedBounds, anchor: { row: 1, col: 1 }, bytesPerCell: DEFAULT_BYTES_PER_CELL };
      const bounds = parseRangeAddress(win.address);
      const block: LoadedBlock = { bounds, values: win.values, numberFormat: win.numberFormat };
      return { used: usedBounds, block, anchor: { row: 1, col: 1 }, bytesPerCell: measured(block) };
    });
  } catch (e) {
    if (!isTooLarge(e)) throw e;
  }
  // The windows did not fit one response: used ranges first, then the windows in pieces.
  const used = sheets.map((s) => {
    const r = s.ws.getUsedRangeOrNullObject(true);
    r.load("address");
    return r;
  });
  await context.sync();
  const windows: Window[] = used.map((r) => ({
    used: r.isNullObject ? null : parseRangeAddress(r.address),
    anchor: { row: 1, col: 1 },
    bytesPerCell: DEFAULT_BYTES_PER_CELL,
  }));
  const pieces: Piece[] = [];
  windows.forEach((w, i) => {
    if (!w.used) return;
    const b = windowOf(w.used, w.anchor);
    if (b.top <= b.bottom && b.left <= b.right) pieces.push({ sheet: i, bounds: b, kind: "cells" });
  });
  const loaded = await readPieces(context, sheets, pieces, { budget, bytesPerCell: windows.map((w) => w.bytesPerCell) });
  for (const l of loaded) {
    const w = windows[l.piece.sheet];
    if (!l.block) continue;
    // A window read in pieces is put back together as one block per piece; cells are what count.
    w.block = w.block ? mergeBlocks(w.block, l.block) : l.block;
    w.bytesPerCell = measured(l.block);
  }
  return windows;
}

/** Bytes per cell a loaded block really took, never below the floor. */
function measured(block: LoadedBlock): number {
  const cells = (block.bounds.bottom - block.bounds.top + 1) * (block.bounds.right - block.bounds.left + 1);
  return Math.max(MIN_BYTES_PER_CELL, Math.ceil((jsonBytes(block.values) + jsonBytes(block.numberFormat ?? [])) / Math.max(1, cells)));
}

/** Two blocks of one sheet as one list of cells' worth (a block whose arrays cover both). */
function mergeBlocks(a: LoadedBlock, b: LoadedBlock): LoadedBlock {
  const bounds = {
    top: Math.min(a.bounds.top, b.bounds.top),
    left: Math.min(a.bounds.left, b.bounds.left),
    bottom: Math.max(a.bounds.bottom, b.bounds.bottom),
    right: Math.max(a.bounds.right, b.bounds.right),
  };
  const rows = bounds.bottom - bounds.top + 1;
  const cols = bounds.right - bounds.left + 1;
  const values: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(cols).fill(""));
  const numberFormat: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(cols).fill("General"));
  for (const x of [a, b])
    for (const [r, row] of x.values.entries()) {
      const valueRow = values.at(x.bounds.top - bounds.top + r);
      const formatRow = numberFormat.at(x.bounds.top - bounds.top + r);
      if (!valueRow || !formatRow) continue;
      for (const [c, v] of row.entries()) {
        valueRow[x.bounds.left - bounds.left + c] = v;
        formatRow[x.bounds.left - bounds.left + c] = x.numberFormat?.at(r)?.at(c) ?? "General";
      }
    }
  return { bounds, values, numberFormat };
}

/** Splits a piece so that none is over `cells` cells, by whole rows where a row fits. */
function splitToCells(p: Piece, cells: number): Piece[] {
  const width = p.bounds.right - p.bounds.left + 1;
  const rowsPer = Math.max(1, Math.floor(cells / width));
  const out: Piece[] = [];
  for (let top = p.bounds.top; top <= p.bounds.bottom; top += rowsPer)
    out.push({ ...p, bounds: { ...p.bounds, top, bottom: Math.min(p.bounds.bottom, top + rowsPer - 1) } });
  return out;
}

/** A piece in two: by rows, or by columns for a single row; null for a single cell. */
function halve(p: Piece): [Piece, Piece] | null {
  const b = p.bounds;
  if (b.bottom > b.top) {
    const mid = Math.floor((b.top + b.bottom) / 2);
    return [
      { ...p, bounds: { ...b, bottom: mid } },
      { ...p, bounds: { ...b, top: mid + 1 } },
    ];
  }
  if (b.right > b.left) {
    const mid = Math.floor((b.left + b.right) / 2);
    return [
      { ...p, bounds: { ...b, right: mid } },
      { ...p, bounds: { ...b, left: mid + 1 } },
    ];
  }
  return null;
}

function cellCount(b: Bounds): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/** Fill colours are returned as an object a cell: several times the bytes of a value. */
const FILL_FACTOR = 4;

/**
 * Reads pieces, packed into syncs of at most `budget` estimated bytes, each estimate from
 * the bytes per cell the sheet's window really took (updated from each response). A sync
 * Excel refuses as too large is split in two and each half tried again; a single piece is
 * halved; a single cell too large for Excel is a real failure.
 */
async function readPieces(
  context: Excel.RequestContext,
  sheets: SheetInfo[],
  input: Piece[],
  sizing: { budget: number; bytesPerCell: number[] },
  rider?: Rider,
): Promise<Loaded[]> {
  const estimate = (p: Piece) => cellCount(p.bounds) * (sizing.bytesPerCell[p.sheet] ?? DEFAULT_BYTES_PER_CELL) * (p.kind === "fills" ? FILL_FACTOR : 1);
  const pieces = input.flatMap((p) => {
    const perCell = estimate({ ...p, bounds: { top: 1, left: 1, bottom: 1, right: 1 } });
    return splitToCells(p, Math.min(MAX_READ_CELLS, Math.max(1, Math.floor(sizing.budget / perCell))));
  });
  const out: Loaded[] = [];

  /** The rider goes with the first sync only; if that sync fails, it is left for the caller. */
  let riding = rider;
  const attempt = async (group: Piece[]): Promise<void> => {
    const withRider = riding;
    riding = undefined;
    if (!group.length && !withRider) return;
    try {
      const riderDone = withRider?.queue();
      const queued = group.map((piece) => {
        const range = sheets[piece.sheet].ws.getRange(boundsAddress(piece.bounds));
        if (piece.kind === "fills") return { piece, range, props: range.getCellProperties({ format: { fill: { color: true } } }) };
        range.load(RANGE_PROPS);
        return { piece, range, props: null };
      });
      await context.sync();
      if (withRider && riderDone) {
        riderDone();
        withRider.done = true;
      }
      for (const q of queued) {
        if (q.props) {
          out.push({ piece: q.piece, fills: fillsOf(q.piece.bounds, q.props.value) });
          continue;
        }
        const block: LoadedBlock = { bounds: q.piece.bounds, values: q.range.values, numberFormat: q.range.numberFormat };
        sizing.bytesPerCell[q.piece.sheet] = measured(block);
        out.push({ piece: q.piece, block });
      }
    } catch (e) {
      // Merged areas refused (over 512 on a sheet) fail the whole sync: the cells are read
      // again without them, and the caller reads the merges on their own.
      if (withRider) return attempt(group);
      if (!isTooLarge(e)) throw e;
      if (group.length > 1) {
        const half = Math.ceil(group.length / 2);
        await attempt(group.slice(0, half));
        await attempt(group.slice(half));
        return;
      }
      const only = group.at(0);
      const halves = only ? halve(only) : null;
      if (!halves) throw e;
      await attempt([halves[0]]);
      await attempt([halves[1]]);
    }
  };

  // Pack pieces into syncs by their estimated size.
  let group: Piece[] = [];
  let bytes = 0;
  for (const p of pieces) {
    const n = estimate(p);
    if (group.length && bytes + n > sizing.budget) {
      await attempt(group);
      group = [];
      bytes = 0;
    }
    group.push(p);
    bytes += n;
  }
  await attempt(group);
  return out;
}

/** Something queued into the first sync of a read, committed when that sync succeeds. */
interface Rider {
  queue(): () => void;
  done: boolean;
}

/** The merged areas of `which` sheets, as a rider. */
function mergesRider(sheets: SheetInfo[], which: number[], merges: Merge[][]): Rider {
  return {
    done: false,
    queue() {
      const areas = which.map((i) => {
        const a = sheets.at(i)?.ws.getRange().getMergedAreasOrNullObject();
        a?.load("address");
        return { i, a };
      });
      return () => {
        for (const { i, a } of areas) merges[i] = a && !a.isNullObject && a.address ? parseAreasAddress(a.address) : [];
      };
    },
  };
}

/** Solid fill colours from getCellProperties, as `RRGGBB`; no fill (white or none) is left out. */
function fillsOf(bounds: Bounds, props: Excel.CellProperties[][]): { row: number; col: number; fill: string }[] {
  const out: { row: number; col: number; fill: string }[] = [];
  for (const [r, row] of props.entries())
    for (const [c, p] of row.entries()) {
      const color = p.format?.fill?.color;
      if (typeof color !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(color) || /^#FFFFFF$/i.test(color)) continue;
      out.push({ row: bounds.top + r, col: bounds.left + c, fill: color.slice(1).toUpperCase() });
    }
  return out;
}

/** Cells with their fill colours; a cell known only for its fill is listed with value null. */
function withFillsMerged(cells: Cell[], fills: Map<string, { row: number; col: number; fill: string }> | undefined): Cell[] {
  if (!fills?.size) return cells;
  const byKey = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const [k, f] of fills) {
    const cell = byKey.get(k);
    if (cell) cell.fill = f.fill;
    else cells.push({ row: f.row, col: f.col, value: null, fill: f.fill });
  }
  return cells;
}

/**
 * Merged areas of the sheets read in full (ExcelApi 1.13): one sync for all; where Excel
 * refuses (a sheet with more than 512 merged areas fails the whole sync), halves of the
 * sheets and so on, so only the refusing sheets are read without merges, each with a note.
 */
async function readMerges(context: Excel.RequestContext, sheets: SheetInfo[], which: number[], merges: Merge[][], notes: string[]): Promise<void> {
  const refused: number[] = [];
  const attempt = async (group: number[]): Promise<void> => {
    if (!group.length) return;
    try {
      const areas = group.map((i) => {
        const a = sheets.at(i)?.ws.getRange().getMergedAreasOrNullObject();
        a?.load("address");
        return { i, a };
      });
      await context.sync();
      for (const { i, a } of areas) merges[i] = a && !a.isNullObject && a.address ? parseAreasAddress(a.address) : [];
    } catch {
      if (group.length === 1) {
        refused.push(...group);
        return;
      }
      const half = Math.ceil(group.length / 2);
      await attempt(group.slice(0, half));
      await attempt(group.slice(half));
    }
  };
  await attempt(which);
  for (const i of refused.sort((a, b) => a - b))
    notes.push(
      `Excel could not list the merged cells on '${sheets.at(i)?.name ?? ""}' (it may have more than ${String(MAX_MERGED_AREAS)} merged areas), ` +
        "so that sheet was read without them: check any finding on it that points into merged cells.",
    );
}

/** Deletes the very hidden sheets an interrupted build left; best effort, never failing a check. */
async function removeLeftovers(session: Session, names: string[]): Promise<void> {
  try {
    await session.writing(() =>
      session.options.run(async (context) => {
        for (const name of names) context.workbook.worksheets.getItemOrNullObject(name).delete();
        await context.sync();
      }),
    );
  } catch {
    // Left for the next check or build: they are very hidden and harm nothing meanwhile.
  }
}
