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
 * The same holds of a text's whole leading run of letters and digits (its lead, up to four
 * are kept): the cells a head lets through are told apart by their leads (`November` is
 * not `No`, `Learning` not `Lead Service Area`) without reading them again.
 * tests/core/readers/label-heads.test.ts holds this to normaliseLabel and labelPartKey.
 */
import type { SheetGrid } from "../grid";
import { SHARED_VALUE, type PackedCells } from "../packed-cells";

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
  // Reads within the text only: a read past its end (NaN, no letter) deoptimises the
  // compiled code of every function this is inlined into (V8's "out of bounds").
  const first = text.length > 0 ? alnum(text.charCodeAt(0)) : 0;
  if (first === 0) return SPECIAL_HEAD;
  return first * 128 + (text.length > 1 ? alnum(text.charCodeAt(1)) : 0);
}

/** How many leading letters and digits a lead keeps. */
const LEAD_LENGTH = 4;

/**
 * A text's lead: its leading ASCII letters and digits, lower-cased, up to LEAD_LENGTH, as one
 * number (their codes base 37, times LEAD_LENGTH + 1, plus how many). Both its label forms
 * (where not empty) begin with them; where fewer than LEAD_LENGTH, nothing more is known.
 */
export function leadOf(text: string): number {
  let code = 0;
  let n = 0;
  const most = text.length < LEAD_LENGTH ? text.length : LEAD_LENGTH;
  for (; n < most; n++) {
    const c = alnum(text.charCodeAt(n));
    if (c === 0) break;
    code = code * 37 + (c <= 0x39 ? c - 0x2f : c - 0x56);
  }
  return code * (LEAD_LENGTH + 1) + n;
}

/** What a search lets through: heads (a table by head, 1 where let through) and leads (null: any). */
export interface Heads {
  table: Uint8Array;
  leads: ReadonlySet<number> | null;
}

/**
 * Which heads and leads may hold a label form that is one of `keys` (normal forms: a label
 * list's keys). A text whose head the table gives 0, or whose lead is not among the leads,
 * has no label form that is one of them.
 */
export function headsFor(keys: Iterable<string>): Heads {
  return headsOf(keys, false);
}

/**
 * Which heads and leads may hold a label form that begins with one of `begins` (the
 * beginnings a header's column must have, a marker's prefix).
 */
export function headsBeginning(begins: Iterable<string>): Heads {
  return headsOf(begins, true);
}

function headsOf(begins: Iterable<string>, prefixes: boolean): Heads {
  const table = new Uint8Array(128 * 128);
  let leads: Set<number> | null = new Set<number>();
  table[SPECIAL_HEAD] = 1;
  for (const b of begins) {
    // A text's lead begins every form it has: each beginning of `b` made only of letters and
    // digits, up to LEAD_LENGTH long, is a lead `b` may have (the empty one is SPECIAL
    // text's). Where `b` is only a beginning and shorter, a longer lead may begin with it:
    // any lead may.
    let n = 0;
    while (n < LEAD_LENGTH && alnum(b.charCodeAt(n)) !== 0) n++;
    if (prefixes && n === b.length && n < LEAD_LENGTH) leads = null;
    for (let k = 0; k <= n; k++) leads?.add(leadOf(b.slice(0, k)));
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
  return { table, leads };
}

/**
 * A sheet's text cells by head: each stored cell's head and lead, and the cells' stored
 * indices grouped by head (a counting sort), so a search visits only the groups its heads
 * allow and reads only leads, never the cells, to pass over more.
 */
interface SheetHeads {
  heads: Uint16Array;
  leads: Uint32Array;
  /** Stored indices of text cells, grouped by head, ascending within a group; null until a search first visits groups. */
  order: Int32Array | null;
  /** Where each head's group starts in `order`; one more entry for the end. */
  starts: Uint32Array;
}
const sheetHeads = new WeakMap<SheetGrid, SheetHeads>();

function headsOfSheet(grid: SheetGrid): SheetHeads {
  let sh = sheetHeads.get(grid);
  if (!sh) {
    sh = sheetHeadsOf(grid);
    sheetHeads.set(grid, sh);
  }
  return sh;
}

/**
 * Made in three loops, each a function of its own: V8 compiles a long loop part way through
 * (on-stack replacement), and compiled with the code after it, which has not run yet, the
 * code is thrown away at the loop's end and the next loop compiled again (measured on a
 * register of 30,000 cells: two compiles and two deoptimisations of one function).
 */
function sheetHeadsOf(grid: SheetGrid): SheetHeads {
  const count = grid.cellCount;
  const heads = new Uint16Array(count);
  const leads = new Uint32Array(count);
  const starts = new Uint32Array(128 * 128 + 1);
  const shared = grid.sharedTexts();
  if (shared) headsOfShared(grid, shared, heads, leads, starts);
  else headsOfTexts(grid, heads, leads, starts);
  for (let h = 1; h < starts.length; h++) starts[h] += starts[h - 1];
  // The grouping is made when a search first visits groups (byGroups): a sheet whose every
  // search passes over the heads (byMarks; a long directions report's three) never needs it.
  return { heads, leads, order: null, starts };
}

/**
 * Each text cell's head and lead, and each head's count (at `starts[head + 1]`). A packed
 * sheet's shared strings are each looked at once, however many cells hold them (a data
 * tab's million text cells hold 300,000 strings): each string's head plus one (0 until it
 * is looked at) and lead, by its index.
 */
function headsOfShared(grid: SheetGrid, shared: readonly string[], heads: Uint16Array, leads: Uint32Array, starts: Uint32Array): void {
  const count = heads.length;
  const sharedHeads = new Uint16Array(shared.length);
  const sharedLeads = new Uint32Array(shared.length);
  // The packed kinds and indices read here, not by a call a cell (grid.sharedTextIndex): this
  // loop runs once a sheet, most of it interpreted before V8 compiles it, where each call
  // costs more than the rest of the step.
  const packed = grid.packedCells() as PackedCells;
  const { kinds, numbers } = packed;
  const noExtras = packed.extras.size === 0;
  for (let i = 0; i < count; i++) {
    const s = kinds[i] !== SHARED_VALUE ? -1 : noExtras ? numbers[i] : packed.sharedIndexOf(i);
    let head: number;
    let lead: number;
    if (s >= 0) {
      head = sharedHeads[s] - 1;
      if (head < 0) {
        const v = shared[s];
        head = v === "" ? NO_HEAD : headOf(v);
        sharedHeads[s] = head + 1;
        sharedLeads[s] = head === NO_HEAD ? 0 : leadOf(v);
      }
      lead = sharedLeads[s];
    } else {
      const v = grid.textAt(i);
      // Error cells show no text (textAt gives them none), and the empty text is no label.
      if (v === undefined || v === "") continue;
      head = headOf(v);
      lead = leadOf(v);
    }
    if (head === NO_HEAD) continue;
    heads[i] = head;
    leads[i] = lead;
    starts[head + 1]++;
  }
}

/** headsOfShared for a sheet of cell objects: every text read as it stands (headOf never gives NO_HEAD). */
function headsOfTexts(grid: SheetGrid, heads: Uint16Array, leads: Uint32Array, starts: Uint32Array): void {
  const count = heads.length;
  for (let i = 0; i < count; i++) {
    const v = grid.textAt(i);
    if (v === undefined || v === "") continue;
    const head = headOf(v);
    heads[i] = head;
    leads[i] = leadOf(v);
    starts[head + 1]++;
  }
}

/** The text cells' stored indices grouped by head (a counting sort over `starts`, summed), ascending within a group. */
function orderByHead(heads: Uint16Array, starts: Uint32Array): Int32Array {
  const order = new Int32Array(starts[starts.length - 1] - starts[SPECIAL_HEAD]);
  const next = starts.slice(0, 128 * 128);
  const base = starts[SPECIAL_HEAD];
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    if (head !== NO_HEAD) order[next[head]++ - base] = i;
  }
  return order;
}

/**
 * Sheets of up to this many stored cells are scanned as they are (a form's few hundred):
 * grouping their cells by head costs more than it saves.
 */
const GROUP_FROM_CELLS = 4096;

/**
 * The stored indices, ascending, of the sheet's text cells (not errors, not empty) whose head
 * and lead `allowed` (headsFor) lets through: every text cell whose label forms begin with
 * one of the beginnings it was made for, and others.
 */
export function cellsByHeads(grid: SheetGrid, allowed: Heads): Int32Array {
  const count = grid.cellCount;
  if (count <= GROUP_FROM_CELLS) return byScan(grid, allowed);
  const sh = headsOfSheet(grid);
  const n = allowedCount(allowed.table, sh.starts);
  if (n * MARK_FROM_SHARE >= count) return byMarks(sh.heads, sh.leads, allowed, n);
  return byGroups(sh, allowed, n);
}

/**
 * How many text cells the allowed heads' groups hold. A function of its own: its loop over
 * the 16,384 heads is compiled part way through (on-stack replacement), and inside
 * cellsByHeads that code was thrown away at the loop's end, at the call to byMarks or
 * byGroups not yet run, and compiled again (three to four times a run on a register).
 */
function allowedCount(table: Uint8Array, starts: Uint32Array): number {
  let n = 0;
  for (let h = SPECIAL_HEAD; h < table.length; h++) if (table[h] === 1) n += starts[h + 1] - starts[h];
  return n;
}

/** cellsByHeads of a small sheet: each cell's text read, its head and lead worked out, in turn. */
function byScan(grid: SheetGrid, allowed: Heads): Int32Array {
  const { table, leads: allowedLeads } = allowed;
  const count = grid.cellCount;
  const found: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = grid.textAt(i);
    if (v !== undefined && v !== "" && table[headOf(v)] === 1 && (!allowedLeads || allowedLeads.has(leadOf(v)))) found.push(i);
  }
  return Int32Array.from(found);
}

/** The stored indices (at most `n`) whose head and lead `allowed` lets through, ascending, from the groups of the heads it allows. */
function byGroups(sh: SheetHeads, allowed: Heads, n: number): Int32Array {
  const { leads, starts } = sh;
  const order = sh.order ?? (sh.order = orderByHead(sh.heads, starts));
  const { table, leads: allowedLeads } = allowed;
  const base = starts[SPECIAL_HEAD];
  const out = new Int32Array(n);
  let k = 0;
  let groups = 0;
  for (let h = SPECIAL_HEAD; h < table.length; h++) {
    if (table[h] !== 1 || starts[h + 1] === starts[h]) continue;
    for (let j = starts[h] - base; j < starts[h + 1] - base; j++) {
      const i = order[j];
      if (!allowedLeads || allowedLeads.has(leads[i])) out[k++] = i;
    }
    groups++;
  }
  const found = out.subarray(0, k);
  // Groups are each ascending: one group is in stored order already.
  return groups > 1 ? found.sort() : found;
}

/**
 * Where the cells a search's heads let through are this share of the sheet or more (a
 * register's Service Area column for `Service Area`), a pass over the heads finds them in
 * stored order for less than sorting them.
 */
const MARK_FROM_SHARE = 16;

/** The stored indices (at most `n`) whose head and lead `allowed` lets through, ascending, in one pass over the heads. */
function byMarks(heads: Uint16Array, leads: Uint32Array, allowed: Heads, n: number): Int32Array {
  const out = new Int32Array(n);
  return out.subarray(0, markInto(out, heads, leads, allowed));
}

/**
 * byMarks's pass: the indices into `out`, how many returned. A function of its own: its loop
 * is compiled part way through its first call (on-stack replacement), before the `subarray`
 * after it had ever run, and each later search entered that code and was thrown out of it
 * there, for want of type feedback (four times a `check` of 50,000 directions).
 */
function markInto(out: Int32Array, heads: Uint16Array, leads: Uint32Array, allowed: Heads): number {
  const { table, leads: allowedLeads } = allowed;
  let k = 0;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    if (head !== NO_HEAD && table[head] === 1 && (!allowedLeads || allowedLeads.has(leads[i]))) out[k++] = i;
  }
  return k;
}
