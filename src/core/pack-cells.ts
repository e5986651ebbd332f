/**
 * Builds a sheet's packed cells (packed-cells.ts) a cell at a time, as a host reads them:
 * arrays that grow by doubling. Cells given out of row then column
 * order, or a position twice, are put in order at the end, the last given for a position
 * standing (as a later write would): the packed form's contract, which SheetGrid trusts.
 */
import { FALSE_VALUE, NULL_VALUE, NUMBER_VALUE, PackedCells, SHARED_VALUE, TEXT_VALUE, TRUE_VALUE, type CellExtras } from "./packed-cells";
import type { Cell, Merge } from "./snapshot";

/** The most cells a hint makes room for at the start (a wrong `dimension` must not claim gigabytes). */
const MAX_HINT = 1 << 21;

export class PackedCellsBuilder {
  private n = 0;
  private rows: Int32Array;
  private cols: Uint16Array;
  private kinds: Uint8Array;
  private numbers: Float64Array;
  private formats: Uint16Array;
  private readonly texts: string[] = [];
  private readonly formatList: string[] = [];
  private readonly formatIndex = new Map<string, number>();
  /** The last format given and its index: a sheet's cells come in runs of one format. */
  private lastFormat: string | undefined = undefined;
  private lastFormatIndex = 0;
  private readonly extras = new Map<number, CellExtras>();
  private ordered = true;

  /**
   * `shared`: the workbook's shared strings, which addShared's cells refer to by index.
   * `expected`: how many cells the host expects (a sheet's `dimension`), a hint only: the
   * arrays are made that long, not doubled up to it (a 270,000-cell report's were copied
   * eleven times and ended 524,288 long), and still grow past it.
   */
  constructor(
    private readonly shared: readonly string[] = [],
    expected = 256,
  ) {
    const size = Math.max(1, Math.min(Math.floor(expected) || 1, MAX_HINT));
    this.rows = new Int32Array(size);
    this.cols = new Uint16Array(size);
    this.kinds = new Uint8Array(size);
    this.numbers = new Float64Array(size);
    this.formats = new Uint16Array(size);
  }

  /** How many cells so far. */
  get length(): number {
    return this.n;
  }

  /** The column of the last cell added (0 before any). */
  get lastCol(): number {
    return this.n ? this.cols[this.n - 1] : 0;
  }

  /** Adds a cell whose value is given. */
  add(row: number, col: number, value: Cell["value"], format: string | undefined, extras?: CellExtras): void {
    const i = this.next(row, col, format, extras);
    if (typeof value === "number") {
      this.kinds[i] = NUMBER_VALUE;
      this.numbers[i] = value;
    } else if (typeof value === "string") {
      this.kinds[i] = TEXT_VALUE;
      this.numbers[i] = this.texts.length;
      this.texts.push(value);
    } else this.kinds[i] = value === null ? NULL_VALUE : value ? TRUE_VALUE : FALSE_VALUE;
  }

  /** Adds a cell made as an object (a sheet's first cells, made before it proved large enough to pack). */
  addCell(c: Cell): void {
    let extras: CellExtras | undefined;
    if (c.text !== undefined || c.error !== undefined || c.formula !== undefined || c.fill !== undefined) {
      extras = {};
      if (c.text !== undefined) extras.text = c.text;
      if (c.error !== undefined) extras.error = c.error;
      if (c.formula !== undefined) extras.formula = c.formula;
      if (c.fill !== undefined) extras.fill = c.fill;
    }
    this.add(c.row, c.col, c.value, c.format, extras);
  }

  /** Adds a cell whose value is the shared string at `index` (which the caller knows is there). */
  addShared(row: number, col: number, index: number, format: string | undefined, extras?: CellExtras): void {
    const i = this.next(row, col, format, extras);
    this.kinds[i] = SHARED_VALUE;
    this.numbers[i] = index;
  }

  /** The next cell's place, its position, format and extras stored. */
  private next(row: number, col: number, format: string | undefined, extras: CellExtras | undefined): number {
    const i = this.n;
    if (i === this.rows.length) this.grow();
    if (i > 0) {
      const prevRow = this.rows[i - 1];
      if (row < prevRow || (row === prevRow && col <= this.cols[i - 1])) this.ordered = false;
    }
    this.rows[i] = row;
    this.cols[i] = col;
    this.formats[i] = format === undefined ? 0 : this.formatOf(format);
    if (extras) this.extras.set(i, extras);
    this.n = i + 1;
    return i;
  }

  private formatOf(format: string): number {
    if (format === this.lastFormat) return this.lastFormatIndex;
    let f = this.formatIndex.get(format);
    if (f === undefined) {
      this.formatList.push(format);
      f = this.formatList.length;
      this.formatIndex.set(format, f);
    }
    this.lastFormat = format;
    this.lastFormatIndex = f;
    return f;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const bigger = <T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.rows = bigger(this.rows, (k) => new Int32Array(k));
    this.cols = bigger(this.cols, (k) => new Uint16Array(k));
    this.kinds = bigger(this.kinds, (k) => new Uint8Array(k));
    this.numbers = bigger(this.numbers, (k) => new Float64Array(k));
    this.formats = bigger(this.formats, (k) => new Uint16Array(k));
  }

  /**
   * The packed cells, in row then column order, each position once, leaving out those
   * `drop` names (a merge's covered cells). Once: the cells share the builder's arrays.
   * `spans`, where given, are the merges `drop` is made of (each covering its cells but the
   * top-left): cells given in order are then looked up merge by merge, not asked of `drop`
   * one by one, and the rest kept by runs (a long report's 2,000 header merges cover 4,000 of
   * its 263,000 cells, and the call a cell, most of it interpreted, was ~0.5% of its `check`).
   */
  finish(drop?: (row: number, col: number) => boolean, spans?: readonly Merge[]): PackedCells {
    const n = this.n;
    const rows = this.rows;
    const cols = this.cols;
    if (drop && spans && this.ordered) {
      const dropped = coveredIn(rows, cols, n, spans);
      if (dropped.length > 0) return this.without(dropped);
      drop = undefined;
    }
    let order: Int32Array | null = null;
    if (!this.ordered) {
      // By position, then as given: the last of a position stands.
      const all = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => rows[x] - rows[y] || cols[x] - cols[y] || x - y);
      const kept: number[] = [];
      for (let k = 0; k < n; k++) {
        const i = all[k];
        const next = k + 1 < n ? all[k + 1] : -1;
        if (next >= 0 && rows[next] === rows[i] && cols[next] === cols[i]) continue;
        kept.push(i);
      }
      order = Int32Array.from(kept);
    }
    if (drop) {
      // Most sheets' merges cover no stored cell (a merge's other cells are empty and not
      // kept): find the first one dropped before listing the rest, not a list of every cell.
      const m = order ? order.length : n;
      let k = 0;
      for (; k < m; k++) {
        const i = order ? order[k] : k;
        if (drop(rows[i], cols[i])) break;
      }
      if (k < m) {
        const kept: number[] = [];
        for (let j = 0; j < k; j++) kept.push(order ? order[j] : j);
        for (k++; k < m; k++) {
          const i = order ? order[k] : k;
          if (!drop(rows[i], cols[i])) kept.push(i);
        }
        order = Int32Array.from(kept);
      }
    }
    if (!order) {
      // Views, not copies: a copy of a large sheet's arrays doubled its peak memory for a
      // moment, and the room left over is at most what the last doubling added.
      return new PackedCells(n, rows.subarray(0, n), cols.subarray(0, n), this.kinds.subarray(0, n), this.numbers.subarray(0, n), this.texts, this.shared, this.formats.subarray(0, n), this.formatList, this.extras);
    }
    const m = order.length;
    const out = packedArraysOf(m);
    const extras = new Map<number, CellExtras>();
    for (let k = 0; k < m; k++) {
      const i = order[k];
      out.rows[k] = rows[i];
      out.cols[k] = cols[i];
      out.kinds[k] = this.kinds[i];
      out.numbers[k] = this.numbers[i];
      out.formats[k] = this.formats[i];
      const e = this.extras.get(i);
      if (e) extras.set(k, e);
    }
    return new PackedCells(m, out.rows, out.cols, out.kinds, out.numbers, this.texts, this.shared, out.formats, this.formatList, extras);
  }

  /** The cells, in order as given, but those at `dropped` (stored indices, ascending, each once): the runs between them copied whole. */
  private without(dropped: readonly number[]): PackedCells {
    const n = this.n;
    const m = n - dropped.length;
    const out = packedArraysOf(m);
    let k = 0;
    const keep = (from: number, to: number): void => {
      if (to <= from) return;
      out.rows.set(this.rows.subarray(from, to), k);
      out.cols.set(this.cols.subarray(from, to), k);
      out.kinds.set(this.kinds.subarray(from, to), k);
      out.numbers.set(this.numbers.subarray(from, to), k);
      out.formats.set(this.formats.subarray(from, to), k);
      k += to - from;
    };
    let from = 0;
    for (let d = 0; d < dropped.length; d++) {
      keep(from, dropped[d]);
      from = dropped[d] + 1;
    }
    keep(from, n);
    // A kept cell's extras move down by the dropped cells before it, in the same order.
    const extras = new Map<number, CellExtras>();
    for (const [i, e] of this.extras) {
      const before = placeOf(dropped, dropped.length, i);
      if (dropped[before] !== i) extras.set(i - before, e);
    }
    return new PackedCells(m, out.rows, out.cols, out.kinds, out.numbers, this.texts, this.shared, out.formats, this.formatList, extras);
  }
}

/**
 * The stored indices, ascending and each once, of the cells (in row then column order, `n` of
 * them) that one of `spans` covers: any of its cells but its top-left.
 */
function coveredIn(rows: Int32Array, cols: Uint16Array, n: number, spans: readonly Merge[]): number[] {
  const found: number[] = [];
  for (const m of spans) {
    for (let i = placeOf(rows, n, m.top); i < n && rows[i] <= m.bottom; i++) {
      if (mergeCovers(m, rows[i], cols[i])) found.push(i);
    }
  }
  found.sort((a, b) => a - b);
  // Overlapping merges cover some cells twice.
  return found.filter((i, k) => k === 0 || found[k - 1] !== i);
}

/** Whether a merge covers a position: one of its cells, not its top-left (Excel shows that one alone). */
export function mergeCovers(m: Merge, row: number, col: number): boolean {
  return row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left);
}

/** How many of `sorted`'s first `n` (ascending) are below `value`: where `value` is one of them, its place. */
function placeOf(sorted: ArrayLike<number>, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A packed sheet's arrays for `m` cells. */
function packedArraysOf(m: number) {
  return {
    rows: new Int32Array(m),
    cols: new Uint16Array(m),
    kinds: new Uint8Array(m),
    numbers: new Float64Array(m),
    formats: new Uint16Array(m),
  };
}

/** Object cells packed (in any order; the last given for a position stands): for tests and hosts that have objects. */
export function packCells(cells: readonly Cell[]): PackedCells {
  const b = new PackedCellsBuilder();
  for (const c of cells) b.addCell(c);
  return b.finish();
}
