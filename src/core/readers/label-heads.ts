/**
 * A text's head: what its first two characters say about how its label forms (normal forms,
 * values/labels.ts, of the whole text and of the part before its colon) can begin, so the
 * label search of a large sheet passes over most cells with one look-up and never reads the
 * rest of their text. A data tab of a million names, refs and narratives holds few cells
 * beginning as a label does.
 *
 * Normalising keeps an ASCII letter or digit that begins a text, only lower-casing it: it
 * drops white space, zero-width characters, a trailing run of `:`/`?`/`：` and bracketed
 * hints (a letter glued to a hint stays). So where a text's first two characters are ASCII
 * letters or digits, both its label forms (where not empty) begin with the two, lower-cased;
 * where only the first is, they begin with it. Any other text is SPECIAL: it may be any label.
 * tests/core/readers/label-heads.test.ts holds this to normaliseLabel and labelPartKey.
 */
import type { SheetGrid } from "../grid";

/** Not text (or empty): never a label. */
export const NO_HEAD = 0;
/** Text whose first character is not an ASCII letter or digit: its label forms may begin anyhow. */
export const SPECIAL_HEAD = 1;

/** The lower case of an ASCII letter or digit's code; 0 for any other code (NaN past the end). */
function alnum(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c >= 0x30 && c <= 0x39) return c;
  return 0;
}

/**
 * A text's head: SPECIAL_HEAD, or its first character lower-cased times 128 plus its second
 * lower-cased (0 where the second is not an ASCII letter or digit). Never NO_HEAD.
 */
export function headOf(text: string): number {
  const first = alnum(text.charCodeAt(0));
  if (first === 0) return SPECIAL_HEAD;
  return first * 128 + alnum(text.charCodeAt(1));
}

/**
 * Which heads may hold a label form beginning with one of `begins` (normal forms: a label
 * list's keys, or the beginnings a header's column must have): 1 at each such head. A text
 * whose head is 0 here has no label form that begins with one of them, so none that is one.
 */
export function headsFor(begins: Iterable<string>): Uint8Array {
  const table = new Uint8Array(128 * 128);
  table[SPECIAL_HEAD] = 1;
  for (const b of begins) {
    const first = alnum(b.charCodeAt(0));
    // A beginning that is not a letter or digit comes only from SPECIAL text.
    if (first === 0) continue;
    // Text with only its first character known may begin with any beginning of that character.
    table[first * 128] = 1;
    const second = alnum(b.charCodeAt(1));
    if (second !== 0) table[first * 128 + second] = 1;
    else if (b.length === 1) table.fill(1, first * 128, first * 128 + 128);
    // A beginning whose second character is anything else (`no.`, `a (s)`) is matched only
    // by text whose second character is not a letter or digit: its head is first * 128.
  }
  return table;
}

/**
 * A sheet's text cells by head: each stored cell's head, and the cells' stored indices
 * grouped by head (a counting sort), so a search visits only the groups its heads allow.
 */
interface SheetHeads {
  heads: Uint16Array;
  /** Stored indices of text cells, grouped by head, ascending within a group. */
  order: Int32Array;
  /** Where each head's group starts in `order`; one more entry for the end. */
  starts: Uint32Array;
}
const sheetHeads = new WeakMap<SheetGrid, SheetHeads>();

function headsOfSheet(grid: SheetGrid): SheetHeads {
  let sh = sheetHeads.get(grid);
  if (!sh) {
    const cells = grid.sheet.cells;
    const heads = new Uint16Array(cells.length);
    const starts = new Uint32Array(128 * 128 + 1);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const v = cell.value;
      // Error cells show no text, and the empty text is no label.
      if (typeof v !== "string" || v === "" || cell.error) continue;
      const head = headOf(v);
      heads[i] = head;
      starts[head + 1]++;
    }
    for (let h = 1; h < starts.length; h++) starts[h] += starts[h - 1];
    const order = new Int32Array(starts[starts.length - 1] - starts[SPECIAL_HEAD]);
    const next = starts.slice(0, 128 * 128);
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i];
      if (head !== NO_HEAD) order[next[head]++ - starts[SPECIAL_HEAD]] = i;
    }
    sh = { heads, order, starts };
    sheetHeads.set(grid, sh);
  }
  return sh;
}

/**
 * Sheets of up to this many stored cells are scanned as they are (a form's few hundred):
 * grouping their cells by head costs more than it saves.
 */
const GROUP_FROM_CELLS = 4096;

/**
 * The stored indices, ascending, of the sheet's text cells (not errors, not empty) whose head
 * `allowed` (headsFor) lets through: every text cell whose label forms begin with one of the
 * beginnings it was made for, and others.
 */
export function cellsByHeads(grid: SheetGrid, allowed: Uint8Array): Int32Array {
  const cells = grid.sheet.cells;
  if (cells.length <= GROUP_FROM_CELLS) {
    const found: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i].value;
      if (typeof v === "string" && v !== "" && !cells[i].error && allowed[headOf(v)] === 1) found.push(i);
    }
    return Int32Array.from(found);
  }
  const { heads, order, starts } = headsOfSheet(grid);
  const base = starts[SPECIAL_HEAD];
  let n = 0;
  for (let h = SPECIAL_HEAD; h < allowed.length; h++) if (allowed[h] === 1) n += starts[h + 1] - starts[h];
  if (n * MARK_FROM_SHARE >= cells.length) return byMarks(heads, allowed, n);
  const out = new Int32Array(n);
  let k = 0;
  let groups = 0;
  for (let h = SPECIAL_HEAD; h < allowed.length; h++) {
    if (allowed[h] !== 1 || starts[h + 1] === starts[h]) continue;
    out.set(order.subarray(starts[h] - base, starts[h + 1] - base), k);
    k += starts[h + 1] - starts[h];
    groups++;
  }
  // Groups are each ascending: one group is in stored order already.
  return groups > 1 ? out.sort() : out;
}

/**
 * Where the cells let through are this share of the sheet or more (a register's Service
 * Area column for `Service Area`), a pass over the heads finds them in stored order for less
 * than sorting them.
 */
const MARK_FROM_SHARE = 16;

/** The `n` stored indices whose head `allowed` lets through, ascending, in one pass over the heads. */
function byMarks(heads: Uint16Array, allowed: Uint8Array, n: number): Int32Array {
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    if (head !== NO_HEAD && allowed[head] === 1) out[k++] = i;
  }
  return out;
}
