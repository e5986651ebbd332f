/**
 * A sheet's cells in the order SpreadsheetML writes them (row, then column; the last given
 * for a position winning), with a few cells put over them (a table's header names, the
 * marker), and each position's cell found by row and column.
 *
 * A summary's cells come in that order already (SummaryPage.build lists its grid): they
 * are then taken as they are, found by a binary search, and the few put over them merged
 * in, rather than copied into a grid of a million cells and listed again. Cells in any
 * other order (a template's) go through the grid. A summary's table bodies, held as
 * columns (cell-blocks.ts), are walked beside the cells through one scratch cell.
 */
import { positionKey } from "../../core/grid";
import type { CellBlock, ModelCell } from "../../core/summary/sheet-model";
import { sheetOrderOf, type SheetOrder } from "../../core/summary/sheet-order";
import { END, SheetCells, blockCellAt } from "../../core/summary/cell-blocks";
import { withBlocks } from "../../core/summary/model-cells";

export class CellsInOrder {
  /** The given cells in order, one a position. */
  private readonly ordered: readonly ModelCell[];
  private readonly findGiven: (row: number, col: number) => ModelCell | undefined;
  /** Cells put over the given ones, by position key. */
  private readonly over = new Map<number, ModelCell>();
  /** The given cells' last row and widest column, where known without a pass over them (sheet-order.ts). */
  private readonly givenBounds: SheetOrder | undefined;

  constructor(
    given: readonly ModelCell[],
    private readonly blocks: readonly CellBlock[] = [],
    private readonly plainLinksFrom?: { row: number; col: number },
  ) {
    // A summary page's list is known to be in order (sheet-order.ts): no pass over its cells.
    this.givenBounds = sheetOrderOf(given);
    if (this.givenBounds !== undefined || inSheetOrder(given)) {
      this.ordered = given;
      this.findGiven = (row, col) => search(given, row, col);
    } else {
      // By row, then column (holes where none): no sort's garbage, the last of a position winning.
      const grid: ((ModelCell | undefined)[] | undefined)[] = [];
      for (const mc of given) (grid[mc.row] ??= [])[mc.col] = mc;
      const ordered: ModelCell[] = [];
      for (const row of grid) {
        if (row === undefined) continue;
        for (const mc of row) if (mc !== undefined) ordered.push(mc);
      }
      this.ordered = ordered;
      this.findGiven = (row, col) => grid[row]?.[col];
    }
  }

  /** The cell at a position, as things stand. */
  at(row: number, col: number): ModelCell | undefined {
    return this.over.get(positionKey(row, col)) ?? this.findGiven(row, col) ?? (this.blocks.length > 0 ? blockCellAt(this.blocks, this.plainLinksFrom, row, col) : undefined);
  }

  /** The last row and widest column of any cell, as things stand (1 where there are none). */
  bounds(): SheetOrder {
    let maxRow = 1;
    let maxCol = 1;
    const fold = (c: ModelCell) => {
      if (c.row > maxRow) maxRow = c.row;
      if (c.col > maxCol) maxCol = c.col;
    };
    if (this.givenBounds !== undefined) ({ maxRow, maxCol } = this.givenBounds);
    // A loop, not Math.max(...cells): spreading 100,000 arguments overflows the stack.
    else for (let i = 0; i < this.ordered.length; i++) fold(this.ordered[i]);
    ({ maxRow, maxCol } = withBlocks({ maxRow, maxCol }, this.blocks));
    // A cell put over another takes a position already counted or a new one.
    for (const c of this.over.values()) fold(c);
    return { maxRow, maxCol };
  }

  /** Whether there is no cell at all (list() would be empty). */
  isEmpty(): boolean {
    return this.ordered.length === 0 && this.over.size === 0 && this.blocks.every((b) => b.rows === 0 || b.columns.length === 0);
  }

  /** Puts a cell over whatever is at its position. */
  put(mc: ModelCell): void {
    this.over.set(positionKey(mc.row, mc.col), mc);
  }

  /**
   * list()'s cells one at a time, without joining them into a copy: the renderer walks a
   * summary's cells once, and the copy was two more arrays of every cell (slices, then their
   * join) alive beside the model's own (a register of 100,000 lines: 2 million).
   */
  walk(): CellWalk | BlockCellWalk {
    // Without blocks, the plain walk: the blocks' is more code for a run to compile.
    if (this.blocks.length === 0) return new CellWalk(this.ordered, this.walkExtras());
    return new BlockCellWalk(new SheetCells(this.ordered, this.blocks, this.plainLinksFrom, false), this.walkExtras());
  }

  /** The cells put over the given ones, in order, ending in PAST_LAST, as the walks take them. */
  private walkExtras(): ModelCell[] {
    return [...[...this.over.values()].sort(compare), PAST_LAST];
  }

  /**
   * Every cell, in row then column order: the given cells copied a run at a time between
   * the few put over them, each found by binary search (not every given cell compared and
   * pushed: a summary of 100,000 lines has 1.5 million, its table's header row far down).
   */
  list(): readonly ModelCell[] {
    if (this.blocks.length > 0) {
      // Each block cell made a ModelCell of its own: for tests and small sheets, not the writer (walk).
      const walk = new BlockCellWalk(new SheetCells(this.ordered, this.blocks, this.plainLinksFrom, true), this.walkExtras());
      const out: ModelCell[] = [];
      for (let c = walk.next(); c !== undefined; c = walk.next()) out.push(c);
      return out;
    }
    if (this.over.size === 0) return this.ordered;
    const extra = [...this.over.values()].sort(compare);
    const given = this.ordered;
    const runs: ModelCell[][] = [];
    let from = 0;
    for (const e of extra) {
      // At or after `from`: the extras are sorted, one a position.
      const at = lowerBound(given, e.row, e.col);
      runs.push(given.slice(from, at), [e]);
      // The cell put over a given one takes its place.
      from = at < given.length && compare(given[at], e) === 0 ? at + 1 : at;
    }
    runs.push(given.slice(from));
    return joinRuns(runs);
  }
}

/**
 * A cell past every other (CellWalk's last extra, and where its given cells have ended), in
 * a summary text cell's fields, as the marker is (sheet-xml.ts cellsOf).
 */
const PAST_LAST: ModelCell = { row: END, col: END, content: { kind: "text", text: "" }, style: undefined };

/** The given cells in order with the few put over them merged in as they are met (CellsInOrder.walk). */
export class CellWalk {
  private i = 0;
  private j = 0;

  constructor(
    private readonly given: readonly ModelCell[],
    /**
     * The cells put over the given ones, in order, ending in PAST_LAST: every call makes the
     * same loads and compares, whichever comes first. The extras (a summary's marker, in row
     * 1) came first only in calls made before V8 kept feedback, and at the next summary's
     * marker the compiled walk met code it had never seen run, and was thrown away.
     */
    private readonly extra: readonly ModelCell[],
  ) {}

  /** The next cell in row then column order; undefined after the last. */
  next(): ModelCell | undefined {
    const given = this.given;
    const e = this.extra[this.j];
    const g = this.i < given.length ? given[this.i] : PAST_LAST;
    if (e === g) return undefined;
    // Negative where the extra comes first, 0 where it is put over the given cell (taking
    // its place): one sum, not compares of the columns made only where the rows are equal.
    const order = 2 * Math.sign(e.row - g.row) + Math.sign(e.col - g.col);
    this.j += order <= 0 ? 1 : 0;
    this.i += order < 0 ? 0 : 1;
    return order <= 0 ? e : g;
  }
}

/**
 * CellWalk over given cells and blocks (SheetCells). A block cell given is the walk's
 * scratch cell: read it before asking for the next.
 */
export class BlockCellWalk {
  private j = 0;

  constructor(
    private readonly given: SheetCells,
    /** The cells put over the given ones, in order, ending in PAST_LAST (CellWalk's reason). */
    private readonly extra: readonly ModelCell[],
  ) {}

  /** The next cell in row then column order; undefined after the last. */
  next(): ModelCell | undefined {
    const given = this.given;
    const e = this.extra[this.j];
    // Past the last given cell, row and col are END, past every cell: PAST_LAST's place.
    // Every compare made at every call (CellWalk's reason).
    const order = 2 * Math.sign(e.row - given.row) + Math.sign(e.col - given.col);
    const over = order === 0;
    const last = e === PAST_LAST;
    if (over && last) return undefined;
    this.j += order <= 0 ? 1 : 0;
    if (order > 0) return given.take();
    // A cell put over a given one takes its place.
    if (over) given.skip();
    return e;
  }
}

/**
 * The most runs one concat call is given: a spread's arguments have a limit (the writer's
 * own rule), though the runs here are a few dozen (table headers and the marker).
 */
const RUNS_A_CALL = 10_000;

/**
 * The runs joined, by concat (a copy of each run's elements as a block): flat() steps
 * through every element generically, 0.5–0.8 s for a summary's 1.5 million cells against
 * concat's 25–90 ms.
 */
function joinRuns(runs: ModelCell[][]): ModelCell[] {
  let out: ModelCell[] = [];
  for (let i = 0; i < runs.length; i += RUNS_A_CALL) out = out.concat(...runs.slice(i, i + RUNS_A_CALL));
  return out;
}

const compare = (a: ModelCell, b: ModelCell) => a.row - b.row || a.col - b.col;

/** Whether every cell is after the one before it in row then column order (so no position twice). */
function inSheetOrder(cells: readonly ModelCell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (compare(cells[i - 1], cells[i]) >= 0) return false;
  return true;
}

/** The index of the first of `cells` (in sheet order) at or after a position, by binary search. */
function lowerBound(cells: readonly ModelCell[], row: number, col: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cells[mid];
    if (c.row < row || (c.row === row && c.col < col)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cell at a position in cells in sheet order. */
function search(cells: readonly ModelCell[], row: number, col: number): ModelCell | undefined {
  const at = lowerBound(cells, row, col);
  if (at === cells.length) return undefined;
  const c = cells[at];
  return c.row === row && c.col === col ? c : undefined;
}
