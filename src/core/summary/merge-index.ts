/**
 * A summary page's merges by position, for the layout's passes over every cell: the right
 * column of the first merge each cell heads, and whether a merge covers the cell without
 * heading it. One flat typed array by row and column, grown as merges are added: an array
 * a row or two (as before) cost ~1 µs each to make, ~190 ms for the 100,000 merged rows of
 * a register's service areas.
 */
/** A cell's mark: the head's right column times two, plus one where a merge covers it without heading it. */
const COVERED = 1;
/** The widest rows whose marks fit 16 bits: right columns up to 32,767. */
const MAX_NARROW_STRIDE = 32_768;

export class MergeIndex {
  /** Columns a row in `marks` (the widest merge's right column, plus one). */
  private stride = 0;
  /** Rows `marks` has room for. */
  private rows = 0;
  private marks: Uint16Array | Uint32Array = new Uint16Array(0);

  /** Indexes the merge from (`top`, `left`) to (`bottom`, `right`). */
  add(top: number, left: number, bottom: number, right: number): void {
    this.fit(bottom + 1, right + 1);
    const { marks, stride } = this;
    const head = top * stride + left;
    // The first merge a cell heads is kept (a later one at the same cell is written over nothing).
    if (marks[head] >>> 1 === 0) marks[head] |= right << 1;
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) if (r !== top || c !== left) marks[r * stride + c] |= COVERED;
  }

  /** The right column of the first merge the cell heads; 0 where it heads none. */
  headRight(row: number, col: number): number {
    return this.markOf(row, col) >>> 1;
  }

  /** Whether no merge heads or covers the cell. */
  untouched(row: number, col: number): boolean {
    return this.markOf(row, col) === 0;
  }

  /** Whether a merge covers the cell without heading it. */
  covered(row: number, col: number): boolean {
    return (this.markOf(row, col) & COVERED) !== 0;
  }

  private markOf(row: number, col: number): number {
    if (row >= this.rows || col >= this.stride) return 0;
    return this.marks[row * this.stride + col];
  }

  /** Room for `rows` rows of `cols` columns, the marks kept where they are. */
  private fit(rows: number, cols: number): void {
    if (rows <= this.rows && cols <= this.stride) return;
    const stride = Math.max(cols, this.stride);
    // Doubled rows as they come (a merge a row, down a register of 100,000 lines).
    const capacity = rows <= this.rows ? this.rows : Math.max(rows, this.rows * 2, 64);
    // Two bytes a cell where every mark fits (a right column under 32,768: any sheet Excel
    // opens), half the memory of four: 2.2 million cells on a register of 100,000 lines.
    const marks = stride <= MAX_NARROW_STRIDE ? new Uint16Array(capacity * stride) : new Uint32Array(capacity * stride);
    if (stride === this.stride) marks.set(this.marks);
    else for (let r = 0; r < this.rows; r++) marks.set(this.marks.subarray(r * this.stride, (r + 1) * this.stride), r * stride);
    this.marks = marks;
    this.stride = stride;
    this.rows = capacity;
  }
}
