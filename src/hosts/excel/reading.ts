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
 *    with their merged areas. A piece Excel refuses as too large is halved and tried again.
 * 4. Once a sheet's cells are all read, ask the engine which fill colours it needs
 *    (`fillsNeeded`: an action plan's stated-RAG cells that hold no text) and read exactly
 *    those with Range.getCellProperties, riding in the syncs of step 3 where they can: a
 *    sheet the window held whole has its fills read with the merged areas; a longer one,
 *    in one sync after its cells.
 *
 * A sheet that is not a template (a 200,000-row data tab) costs its window only: enough
 * to tell whether it is empty, for the `unrecognised-sheet` finding. A template whose
 * header lies wholly below row WINDOW_ROWS is not recognised, as docs/addin.md says. A
 * sheet whose used range starts outside the window has its window read again from its
 * first used cell, in the syncs of step 3 (and, if that shows a template, one more step).
 */
import { fillsNeeded } from "../../core/fills-needed";
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
const WINDOW_COLS = 52;
/** Excel reads at most this many cells in one range (learn.microsoft.com, Resource limits…, Excel add-ins). */
const MAX_READ_CELLS = 5_000_000;
/** Excel refuses to return the merged areas of a range holding more than this many. */
const MAX_MERGED_AREAS = 512;
/**
 * What the engine needs of a cell: its value and number format. Excel gives an error cell's
 * value as the error's text (`#REF!`); displayed text, formulas and value types would only
 * double or treble the response.
 */
const RANGE_PROPS = "address, values, numberFormat";
/** Assumed bytes per cell before a sheet's window has shown the real figure; never less than this. */
const MIN_BYTES_PER_CELL = 12;
const DEFAULT_BYTES_PER_CELL = 40;

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

/** A cell's solid fill colour, as the snapshot takes it. */
interface Fill {
  row: number;
  col: number;
  fill: string;
}

interface Loaded {
  piece: Piece;
  block?: LoadedBlock;
  fills?: Fill[];
}

interface ReadOptions {
  session: Session;
  onProgress?: ProgressListener;
}

/** Kinds the engine reads in full; any other kind (other, summary, settings) needs only its window. */
const NEEDS_NOTHING_MORE = new Set(["other", "summary", "settings"]);

export async function readSnapshot({ session, onProgress }: ReadOptions): Promise<WorkbookSnapshot> {
  const withMerges = session.options.isSetSupported("ExcelApi", "1.13");
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

        // Steps 3 and 4: recognise from the windows; read in full what needs it, then its fills.
        onProgress?.({ step: "Reading the template sheets", fraction: 0.4 });
        const merges: Merge[][] = sheets.map(() => []);
        const notes: string[] = [];
        const fills = new Map<number, Map<string, Fill>>();
        /** The cells whose fills were read, by sheet (a cell with no fill gives none). */
        const fillsRead = new Map<number, Set<string>>();
        const keepFills = (l: Loaded) => {
          const i = l.piece.sheet;
          const byCell = fills.get(i) ?? new Map<string, Fill>();
          for (const f of l.fills ?? []) byCell.set(`${f.row},${f.col}`, f);
          fills.set(i, byCell);
          const read = fillsRead.get(i) ?? new Set<string>();
          for (const k of cellKeys(l.piece.bounds)) read.add(k);
          fillsRead.set(i, read);
        };
        const snapshotOf = (i: number): SheetSnapshot => sheetSnapshot(sheets[i], cells[i], merges[i], windows[i].used);
        // Where each sheet stands: its window read ("window"), its window still to read from
        // its first used cell ("late"), all its cells read ("full"), or nothing more to read.
        const stage: Stage[] = windows.map((w) => (w.used === null ? "done" : w.block === undefined ? "late" : "window"));
        for (let round = 0; round < 4 && stage.some((s) => s !== "done"); round++) {
          const pieces: Piece[] = [];
          const toRead: number[] = [];
          const next = [...stage];
          stage.forEach((s, i) => {
            const used = windows[i].used;
            if (!used) return;
            if (s === "window") {
              if (NEEDS_NOTHING_MORE.has(kindOf(snapshotOf(i)))) {
                next[i] = "done";
                return;
              }
              toRead.push(i);
              const rest = outside(used, windowOf(used, windows[i].anchor));
              pieces.push(...rest.map((bounds) => ({ sheet: i, bounds, kind: "cells" as const })));
              // A sheet the window held whole is complete now: its fills can ride in this round.
              next[i] = rest.length ? "full" : "done";
              if (!rest.length) pieces.push(...fillPieces(i, snapshotOf(i)));
            } else if (s === "late") {
              // Content starting outside A1's window: its window, from the first used cell.
              windows[i].anchor = { row: used.top, col: used.left };
              pieces.push({ sheet: i, bounds: windowOf(used, windows[i].anchor), kind: "cells" });
              next[i] = "window";
            } else if (s === "full") {
              pieces.push(...fillPieces(i, snapshotOf(i)));
              next[i] = "done";
            }
          });
          // The template sheets' merged areas ride in the first sync of their cells.
          const rider = withMerges && toRead.length ? mergesRider(sheets, toRead, merges) : undefined;
          const loaded = await readPieces(context, sheets, pieces, { budget, bytesPerCell }, rider);
          if (rider && !rider.done) await readMerges(context, sheets, toRead, merges, notes);
          for (const l of loaded) {
            if (l.block) cells[l.piece.sheet].push(...blockToCells(l.block));
            if (l.fills) keepFills(l);
          }
          stage.splice(0, stage.length, ...next);
        }

        // The fills read from the values alone, checked against the sheets as read in full
        // (merged areas can change which cells hold a plan's stated RAG): fills no longer
        // wanted are dropped, and any wanted but not read are read in one more sync.
        if (fillsRead.size) {
          const missing: Piece[] = [];
          for (const [i, read] of fillsRead) {
            const wanted = new Set(fillPieces(i, snapshotOf(i)).flatMap((p) => cellKeys(p.bounds)));
            const byCell = fills.get(i);
            for (const k of [...(byCell?.keys() ?? [])]) if (!wanted.has(k)) byCell?.delete(k);
            for (const k of wanted)
              if (!read.has(k)) {
                const [row, col] = k.split(",").map(Number);
                missing.push({ sheet: i, bounds: { top: row, left: col, bottom: row, right: col }, kind: "fills" });
              }
          }
          for (const l of await readPieces(context, sheets, missing, { budget, bytesPerCell })) keepFills(l);
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

type Stage = "window" | "late" | "full" | "done";

/** The `row,col` keys of a block's cells. */
function cellKeys(b: Bounds): string[] {
  const keys: string[] = [];
  for (let row = b.top; row <= b.bottom; row++) for (let col = b.left; col <= b.right; col++) keys.push(`${row},${col}`);
  return keys;
}

/** A sheet as read so far, for the engine's recognition and fillsNeeded. */
function sheetSnapshot(sheet: SheetInfo, cells: Cell[], merges: Merge[], used: Bounds | null): SheetSnapshot {
  return {
    name: sheet.name,
    visibility: visibilityFromExcel(sheet.visibility),
    cells,
    merges,
    ...(used ? { usedRange: { rows: used.bottom, cols: used.right } } : {}),
  };
}

/** The fill colours the engine needs of a sheet whose cells are all read, as pieces to read. */
function fillPieces(sheet: number, snapshot: SheetSnapshot): Piece[] {
  return fillsNeeded({ sheets: [snapshot] }).flatMap((request) =>
    request.ranges.map((range) => ({ sheet, bounds: parseRangeAddress(range), kind: "fills" as const })),
  );
}

/** The kind the engine will give a sheet, from what has been read of it so far. */
function kindOf(snapshot: SheetSnapshot): string {
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

/** Bytes a cell's fill takes in a response: `{"format":{"fill":{"color":"#C00000","pattern":"Solid"}}},`. */
const FILL_BYTES = 64;

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
  const estimate = (p: Piece) => cellCount(p.bounds) * (p.kind === "fills" ? FILL_BYTES : (sizing.bytesPerCell[p.sheet] ?? DEFAULT_BYTES_PER_CELL));
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
        if (piece.kind === "fills") return { piece, range, props: range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) };
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

/**
 * Solid fill colours from getCellProperties, as `RRGGBB`. The spec reads a cell's solid fill
 * only: a patterned fill (`Gray50`…, whose colour is the background behind the pattern) is
 * none, as in the .xlsx host. Excel gives `#FFFFFF` for a cell with no fill as for a white
 * one (office-js #6218, #4900): both are left out, as the engine reads neither as a RAG.
 * A pattern of null (not uniform: never for one cell) is taken at its colour.
 */
function fillsOf(bounds: Bounds, props: Excel.CellProperties[][]): Fill[] {
  const out: Fill[] = [];
  for (const [r, row] of props.entries())
    for (const [c, p] of row.entries()) {
      const fill = p.format?.fill;
      const color = fill?.color;
      const pattern = fill?.pattern ?? null;
      if (pattern !== null && pattern !== "Solid") continue;
      if (typeof color !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(color) || /^#FFFFFF$/i.test(color)) continue;
      out.push({ row: bounds.top + r, col: bounds.left + c, fill: color.slice(1).toUpperCase() });
    }
  return out;
}

/** Cells with their fill colours; a cell known only for its fill is listed with value null. */
function withFillsMerged(cells: Cell[], fills: Map<string, Fill> | undefined): Cell[] {
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
