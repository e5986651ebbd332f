/**
 * Label/value lookup on a sheet (standard-templates.md §1 "Reading cells"), used by the
 * recovery-action form and the recovery register.
 *
 * A label matches its whole normalised cell, or the part before a colon where the cell
 * also holds its value (`Description: A reduction in …`). Titles (`prefixes`) are the
 * part before the colon of a cell beginning with them.
 */
import { a1, isBlank, type SheetGrid } from "../grid";
import type { Cell } from "../snapshot";
import { cellsByHeads, headsFor, type Heads } from "./label-heads";
import {
  displayText,
  isLabelKey,
  keyBeginsWithLabel,
  labelHint,
  normaliseLabel,
  splitLabelValue,
  type RawValue,
} from "../values";

/** Labels matched whole (after normalising) and prefixes matched at the start of the cell. */
export interface LabelSet {
  labels: readonly string[];
  prefixes?: readonly string[];
}

/** A label found on a sheet. */
export interface LabelHit {
  row: number;
  col: number;
  cell: Cell;
  /** The label part of the cell's text (before the colon where the cell also holds a value). */
  label: string;
  /** The text after the colon in the label's own cell, trimmed; null when none. */
  inline: string | null;
  /** The label's bracketed hint (`£000`), or null. */
  hint: string | null;
}

/**
 * A label's cell and the rule's match there, as a hit. Every hit is made here: one shape for
 * all, named stores rather than a spread of the match, and a constructor rather than a literal
 * (a small sheet's hits live for the run: see SheetHits). No A1 address: a form's sheet holds
 * a hit for every label cell of every list, its address is wanted only for a finding, and
 * a1 made ~11 strings a form that lived for the run (whoever raises one works it out).
 */
class Hit implements LabelHit {
  row: number;
  col: number;
  cell: Cell;
  label: string;
  inline: string | null;
  hint: string | null;
  constructor(cell: Cell, match: NonNullable<LabelMatch>) {
    // The interface's order.
    this.row = cell.row;
    this.col = cell.col;
    this.cell = cell;
    this.label = match.label;
    this.inline = match.inline;
    this.hint = match.hint;
  }
}

/** The value found for a label. */
export interface LabelValue {
  row: number;
  col: number;
  /** A1 address of the cell holding the value (the label's own cell for an inline value). */
  address: string;
  /** The cell holding the value; for an inline value, the label's cell. */
  cell: Cell;
  /** What the value reads as (trimmed display text, or the text after the colon). */
  text: string;
  /** What to hand to a value parser: the inline text, or the cell itself (so number and date cells keep their type). */
  raw: RawValue;
}

function asSet(labels: readonly string[] | LabelSet): LabelSet {
  return Array.isArray(labels) ? { labels: labels as readonly string[] } : (labels as LabelSet);
}

type LabelMatch = { label: string; inline: string | null; hint: string | null } | null;

/**
 * What a text is as a label, worked out once per text (or per cell of a sheet) whatever
 * the label list: each part the first time a list needs it. Every field is set from the
 * start (one object shape).
 */
interface TextInfo {
  /** The trimmed text. */
  t: string;
  colon: boolean;
  /** The sheet's cell holding the text, where it is one. */
  cell: Cell | null;
  /** Its split at the first colon (the whole text as the label where there is none). */
  split: { label: string; value: string | null } | undefined;
  /** The normal forms (normaliseLabel's) of the whole text and of its label part. */
  key: string | undefined;
  splitKey: string | undefined;
  /** The hints of the whole text and of its label part. */
  hint: string | null | undefined;
  splitHint: string | null | undefined;
}

function infoOf(text: string, cell: Cell | null, key?: string): TextInfo {
  const t = text.trim();
  return { t, colon: t.includes(":"), cell, split: undefined, key, splitKey: undefined, hint: undefined, splitHint: undefined };
}

/** A sheet's text cell with its TextInfo. */
type CellText = TextInfo & { cell: Cell };
const cellText = (cell: Cell, key?: string) => infoOf(cell.value as string, cell, key) as CellText;
const splitOf = (info: TextInfo) => (info.split ??= splitLabelValue(info.t));
const keyOf = (info: TextInfo) => (info.key ??= normaliseLabel(info.t));
const splitKeyOf = (info: TextInfo) => (info.splitKey ??= labelPartKey(info.t));

/**
 * The normal form of a text's label part (splitLabelValue's label: the text before its
 * first colon, or the whole text), without cutting out and cleaning the value after the
 * colon: normalising folds white space as splitLabelValue does, so the label part need not
 * be folded first (tests/core/readers/label-keys.test.ts holds the two together). A form's
 * `Description: …` cell holds its whole description after the colon.
 */
export function labelPartKey(t: string): string {
  const i = t.indexOf(":");
  return normaliseLabel(i < 0 ? t : t.slice(0, i));
}

/**
 * Texts asked about again and again without their cell (a table's heading on every form):
 * each text's own work is done once. Bounded; the answers are the same with or without it.
 * A small sheet's search keeps each text's answers in the vocabulary instead.
 */
const textInfos = new Map<string, TextInfo>();
const TEXT_INFO_LIMIT = 20_000;

function textInfo(text: string): TextInfo {
  let info = textInfos.get(text);
  if (!info) {
    info = infoOf(text, null);
    if (textInfos.size >= TEXT_INFO_LIMIT) textInfos.clear();
    textInfos.set(text, info);
  }
  return info;
}

/**
 * The rule (§1): a text is one of the labels where its whole normal form is one; a title
 * where it begins with a prefix and the part before its colon is that prefix; a label
 * holding its value where the part before its colon is one of the labels.
 */
function matchInfo(info: TextInfo, s: LabelSet): LabelMatch {
  const t = info.t;
  if (!t) return null;
  if (s.labels.length && isLabelKey(keyOf(info), s.labels)) return { label: t, inline: null, hint: (info.hint ??= labelHint(t)) };
  if (s.prefixes?.length && keyBeginsWithLabel(keyOf(info), s.prefixes)) {
    // A title (`Finance Recovery Action: …`): the prefix must be the whole label part, so a
    // heading such as `Financial Recovery Actions 2024/25` is not taken for one.
    if (isLabelKey(splitKeyOf(info), s.prefixes)) return splitMatch(info);
  }
  if (info.colon && s.labels.length) {
    if (isLabelKey(splitKeyOf(info), s.labels)) return splitMatch(info);
  }
  return null;
}

function splitMatch(info: TextInfo): LabelMatch {
  const split = splitOf(info);
  return { label: split.label, inline: split.value, hint: (info.splitHint ??= labelHint(split.label)) };
}

/**
 * How a piece of text reads as one of the labels: null when it is not one of them; else
 * its label part, the value after a colon (if any) and the hint.
 */
export function matchLabelText(text: string, set: readonly string[] | LabelSet): LabelMatch {
  return matchInfo(textInfo(text), asSet(set));
}

const isTextCell = (cell: Cell | undefined): cell is Cell => !!cell && typeof cell.value === "string" && !cell.error;

/** True where the cell's text is itself one of the labels (with or without a value after a colon). */
export function isLabelCell(cell: Cell | undefined, set: readonly string[] | LabelSet): boolean {
  return isTextCell(cell) && matchLabelText(cell.value as string, set) !== null;
}

/**
 * isLabelCell for a value's cell, asked once a field: its text (a name, a description) is
 * seldom asked about again, so it is not kept.
 */
function isValueLabel(cell: Cell, set: LabelSet): boolean {
  return isTextCell(cell) && matchInfo(infoOf(cell.value as string, cell), set) !== null;
}

/** Labels already looked for on a sheet (recognition and reading look for the same ones). */
const found = new WeakMap<SheetGrid, Map<object, LabelHit | null>>();

/** The first cell, in row-major order, holding one of the labels; null when none does. */
export function findLabel(grid: SheetGrid, labels: readonly string[] | LabelSet): LabelHit | null {
  if (grid.cellCount <= INDEX_UP_TO_CELLS) {
    // A small sheet's hits are kept by list already: no second record of them a sheet.
    const first = smallSheetHits(grid, listNumber(labels))[0] as LabelHit | undefined;
    return first ? { ...first } : null;
  }
  let onSheet = found.get(grid);
  if (!onSheet) {
    onSheet = new Map();
    found.set(grid, onSheet);
  }
  const known = onSheet.get(labels);
  if (known !== undefined) return known && { ...known };
  const hit = searchLabel(grid, labels);
  onSheet.set(labels, hit);
  return hit && { ...hit };
}

/**
 * Finding a sheet's label cells. A form is searched for a dozen fields and recognition asks
 * every sheet for a few label lists. A small sheet (a form) is walked once for every list
 * asked of it (the vocabulary, below). On a large sheet each text cell's first two
 * characters are read once (its head, label-heads.ts): a list's scan passes over a cell
 * whose head begins none of its keys with one look-up. Of the rest, plain text (names,
 * refs, narrative of a data tab), whose normal form is its lower case, is compared by
 * length first and never normalised or stored; other text's label forms (its whole text's
 * normal form and, where it holds a colon, that of the part before it) are worked out once
 * per sheet. The candidates found are every cell that could match; the rule (matchInfo)
 * has the last word.
 */
interface SheetKeys {
  /**
   * Per stored cell: NOT_TEXT, PLAIN or OTHER text, for a cell when a list's heads first
   * let it through (NOT_TEXT until then).
   */
  kinds: Uint8Array;
  /**
   * Per stored cell of a large sheet: for PLAIN text its length (its normal form's); for
   * OTHER text a lower bound on the length of both its label forms (0 where none is
   * known), so a list's scan passes over long text without normalising it. Capped at
   * MAX_SIZE.
   */
  sizes: Uint16Array;
  /** The normal forms of cells that are not plain text, by stored index: [whole, before the colon]. */
  keys: Map<number, [string | null, string | null]>;
  /**
   * Packed (grid.sharedTexts()): kinds and sizes as above by shared string, so a text a
   * column repeats is told apart once, not once a cell; null for a sheet of objects.
   */
  sharedKinds: Uint8Array | null;
  sharedSizes: Uint16Array | null;
}
/** Sheets of up to this many stored cells are walked once for the vocabulary (forms are a few hundred). */
const INDEX_UP_TO_CELLS = 4096;
const NOT_TEXT = 0;
const PLAIN = 1;
const OTHER = 2;
const MAX_SIZE = 0xffff;
const sheetKeys = new WeakMap<SheetGrid, SheetKeys>();

/** Labels are short: the longest, with its hint dropped, is a few dozen characters. */
const PROSE_LENGTH = 300;
/**
 * The key a text is found under: its normal form, or null where that cannot be a label.
 * Short or bracketed text (a hint may be long) is normalised as it is; long prose is kept
 * only where its normal form comes down to a label's length (runs of white space,
 * zero-width characters, trailing `:`/`?`).
 */
function labelKey(t: string, normal: string): string | null {
  return t.length <= PROSE_LENGTH || /[([]/.test(t) || normal.length <= PROSE_LENGTH ? normal : null;
}

/** A text's label forms as keys: [whole, before the colon] (null where none). */
function keysOfInfo(info: TextInfo): [string | null, string | null] {
  if (!info.t) return [null, null];
  // The label part before a colon is kept even when the value after it is long
  // (`Description: …` with a 32,767-character description). It is measured as it stands:
  // folding it would change its length, never whether labelKey keeps it.
  return [labelKey(info.t, keyOf(info)), info.colon ? labelKey(info.t.slice(0, info.t.indexOf(":")), splitKeyOf(info)) : null];
}

/**
 * Printable ASCII that normalising would only lower-case (its normal form is its lower
 * case, as long): no `(`, `[` or `:`, no space first, last or after a space, no `?` last.
 * What `^[\x20-\x7e]+$` and not `[^\S ]| {2}|^ | $|[([:]|\?$` say, in one pass and no
 * regular expression a cell (tests/core/readers/label-keys.test.ts holds the two together).
 */
export function isPlainLabelText(v: string): boolean {
  const n = v.length;
  if (n === 0) return false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x28 || c === 0x5b || c === 0x3a) return false;
    if (c === 0x20 && (i === 0 || prev === 0x20)) return false;
    prev = c;
  }
  return prev !== 0x20 && prev !== 0x3f;
}

/**
 * A lower bound on the length of a text's label forms (whole, and before its first colon):
 * its printable ASCII characters before the first colon other than white space and `?`.
 * Normalising (values/labels.ts) changes such a character only to lower-case it, one for
 * one, and drops none: only white space, zero-width characters, a trailing run of
 * `:`/`?`/`：` and bracketed hints go, so text with a `(` or `[` anywhere gets 0 (nothing
 * known). tests/core/readers/label-keys.test.ts holds it to normaliseLabel.
 */
export function labelSizeBound(v: string): number {
  if (v.includes("(") || v.includes("[")) return 0;
  let count = 0;
  const n = v.length;
  for (let i = 0; i < n && count < MAX_SIZE; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x3a) break;
    if (c > 0x20 && c < 0x7f && c !== 0x3f) count++;
  }
  return count;
}

function keysOfSheet(grid: SheetGrid): SheetKeys {
  let sk = sheetKeys.get(grid);
  if (!sk) {
    // A large sheet's cells are told apart when a list's heads first let them through (most never are: label-heads.ts).
    const count = grid.cellCount;
    const shared = grid.sharedTexts();
    sk = {
      kinds: new Uint8Array(count),
      sizes: new Uint16Array(count),
      keys: new Map(),
      sharedKinds: shared === null ? null : new Uint8Array(shared.length),
      sharedSizes: shared === null ? null : new Uint16Array(shared.length),
    };
    sheetKeys.set(grid, sk);
  }
  return sk;
}

/** A large sheet's cell's keys, kept (its TextInfo is not: a data tab has a million cells). */
function keysOf(sk: SheetKeys, v: string, i: number): [string | null, string | null] {
  let k = sk.keys.get(i);
  if (!k) {
    k = keysOfInfo(infoOf(v, null));
    sk.keys.set(i, k);
  }
  return k;
}

/** Each key set's heads (headsFor), worked out once per set (the lists' sets are kept). */
const headsOfKeys = new WeakMap<ReadonlySet<string>, Heads>();

/** Every text cell of a large sheet whose whole text, or the part before its colon, has one of `keys` as its normal form, in the sheet's stored order. */
function cellsWithKeys(grid: SheetGrid, keys: ReadonlySet<string>): CellText[] {
  const sk0 = keysOfSheet(grid);
  let allowed = headsOfKeys.get(keys);
  if (!allowed) {
    allowed = headsFor(keys);
    headsOfKeys.set(keys, allowed);
  }
  // Which lengths the keys have: a cell of another length is passed over unread.
  let longest = 0;
  for (const k of keys) if (k.length > longest) longest = k.length;
  const lengths = new Uint8Array(longest + 1);
  for (const k of keys) lengths[k.length] = 1;
  const out: CellText[] = [];
  const { kinds, sizes } = sk0;
  // Only cells whose first characters may begin one of the keys (label-heads.ts).
  const candidates = cellsByHeads(grid, allowed);
  tellApart(grid, candidates, sk0);
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c];
    const size = sizes[i];
    // Most candidates (a long text, or plain text of a length no key has) are passed over here.
    if (size > longest || (kinds[i] === PLAIN && lengths[size] !== 1)) continue;
    // Every candidate is a text cell (cellsByHeads): textAt gives its value.
    const v = grid.textAt(i) as string;
    if (kinds[i] === PLAIN) {
      const lower = v.toLowerCase();
      if (keys.has(lower)) out.push(cellText(grid.cellAt(i), lower));
      continue;
    }
    const [whole, split] = keysOf(sk0, v, i);
    if ((whole !== null && keys.has(whole)) || (split !== null && keys.has(split))) out.push(cellText(grid.cellAt(i)));
  }
  return out;
}

/**
 * Tells apart the candidates not yet told apart (kinds NOT_TEXT): PLAIN or OTHER, and their
 * sizes. A loop of its own: in cellsWithKeys' loop it was compiled four times a run on a
 * directions sheet, its code thrown away each time the matching part first met a case it
 * had not run before. A packed sheet's shared string is told apart once: a long report's
 * Measure and Source columns repeat a few texts, interleaved, 100,000 cells on the bench's
 * 50,000 directions (tests/core/readers/cells-with-keys.test.ts).
 *
 * The texts are read here, between passes of toldUpTo over the candidates already told
 * apart or sharing a string told apart: on the bench's directions each search reads one text
 * and passes over 50,000–100,000 cells, and with the reading inside the pass V8 compiled the
 * pass part way through a search, before the reading had type feedback, and threw it away
 * at the next search's first read (tests/core/readers/tell-apart-compiled.test.ts).
 */
function tellApart(grid: SheetGrid, candidates: Int32Array, sk: SheetKeys): void {
  const { kinds, sizes, sharedKinds, sharedSizes } = sk;
  // The last text told apart, and what it was: a column repeating one text (a register's
  // every line under one description) is read once, not once a cell.
  let lastText: string | undefined;
  let lastKind = NOT_TEXT;
  let lastSize = 0;
  for (let c = toldUpTo(grid, candidates, sk, 0); c < candidates.length; c = toldUpTo(grid, candidates, sk, c + 1)) {
    const i = candidates[c];
    const v = grid.textAt(i) as string;
    let kind: number;
    if (v === lastText) {
      kind = lastKind;
      sizes[i] = lastSize;
    } else if (isPlainLabelText(v)) {
      kind = PLAIN;
      sizes[i] = v.length > MAX_SIZE ? MAX_SIZE : v.length;
    } else {
      kind = OTHER;
      sizes[i] = labelSizeBound(v);
    }
    kinds[i] = kind;
    lastText = v;
    lastKind = kind;
    lastSize = sizes[i];
    const s = sharedKinds === null ? -1 : grid.sharedTextIndex(i);
    if (s >= 0) {
      (sharedKinds as Uint8Array)[s] = kind;
      (sharedSizes as Uint16Array)[s] = sizes[i];
    }
  }
}

/**
 * From candidate `from` on, tells apart each candidate whose shared string has been told
 * apart, passes over those told apart already, and stops at the first whose text must be
 * read: its place, or the candidates' length when there is none.
 */
function toldUpTo(grid: SheetGrid, candidates: Int32Array, sk: SheetKeys, from: number): number {
  const { kinds, sizes, sharedKinds, sharedSizes } = sk;
  // The step on comes first, so it runs on every call: as `c++` at the loop's end it ran only
  // past a candidate told apart already, which no sheet searched once has, and compiled
  // without type feedback it threw tellApart's code away at the directions' second search.
  for (let c = from - 1; ++c < candidates.length; ) {
    const i = candidates[c];
    if (kinds[i] !== NOT_TEXT) continue;
    if (sharedKinds === null) return c;
    const s = grid.sharedTextIndex(i);
    if (s < 0 || sharedKinds[s] === NOT_TEXT) return c;
    kinds[i] = sharedKinds[s];
    sizes[i] = (sharedSizes as Uint16Array)[s];
  }
  return candidates.length;
}

/**
 * Each text's label forms as keys (keysOfInfo's), remembered by text for the small sheets'
 * vocabulary: a form's labels and headings recur on every form of a pack (forms-10000: 463,334
 * text cells, 18,385 distinct texts), and their lower-case copies and normal forms were
 * made again a cell, each a new string hashed again as the index's key. Bounded, and the
 * answers are the same with or without it (a property test holds it to keysOfInfo). Its own
 * Map, not core/remembered's, which does the same: built on that in review, whole checks
 * paired against this came out 1.06 on forms-1000 (9 pairs) and 1.05 on forms-10000 (5),
 * within a loaded machine's noise (pairs 0.87-1.19) but no gain to pay for the risk.
 */
const textKeys = new Map<string, readonly [string | null, string | null]>();
const TEXT_KEYS_LIMIT = 20_000;

export function keysOfText(v: string): readonly [string | null, string | null] {
  let keys = textKeys.get(v);
  if (keys === undefined) {
    // Plain text's normal form is its lower case, and it has no colon (isPlainLabelText).
    keys = isPlainLabelText(v) ? [v.length <= PROSE_LENGTH ? v.toLowerCase() : null, null] : keysOfInfo(infoOf(v, null));
    if (textKeys.size >= TEXT_KEYS_LIMIT) textKeys.clear();
    textKeys.set(v, keys);
  }
  return keys;
}

/** Each label list's keys, worked out once per list (the readers' lists are constants). */
const keysOfList = new WeakMap<object, Set<string>>();

function keysFor(labels: readonly string[], prefixes: readonly string[] = [], list: object = labels): Set<string> {
  const known = keysOfList.get(list);
  if (known) return known;
  const keys = new Set<string>();
  for (const l of labels) keys.add(normaliseLabel(l));
  for (const p of prefixes) keys.add(normaliseLabel(p));
  keys.delete("");
  keysOfList.set(list, keys);
  return keys;
}

/**
 * The small sheets' vocabulary: every label list asked of a small sheet (a form) gets a
 * number the first time it is asked. Each distinct text is matched against every list once
 * (its keys, then the rule, on the text alone) and its answers kept, so the labels and
 * headings that recur on every form of a pack are matched once a pack, not once a form and
 * list; a small sheet is walked once for all the lists known when it is first asked (again
 * only for lists first asked after that), each hit kept under its list.
 */
interface VocabularyList {
  set: LabelSet;
  keys: ReadonlySet<string>;
}
const vocabulary: VocabularyList[] = [];
let listNumbers = new WeakMap<object, number>();
/**
 * The readers' lists are constants (a few dozen), but a caller making a fresh array each
 * time would grow the vocabulary, and every text's answers, without end: past this many
 * lists it is forgotten at once, with everything that holds a list's number (the texts'
 * answers, the sheets' hits, the lists' numbers), so no stale number is read.
 */
export const VOCABULARY_LIMIT = 256;

function forgetVocabulary(): void {
  vocabulary.length = 0;
  listNumbers = new WeakMap();
  textAnswers.clear();
  sheetHits = new WeakMap();
}

function listNumber(labels: readonly string[] | LabelSet): number {
  let n = listNumbers.get(labels);
  if (n === undefined) {
    if (vocabulary.length >= VOCABULARY_LIMIT) forgetVocabulary();
    const set = asSet(labels);
    n = vocabulary.length;
    vocabulary.push({ set, keys: keysFor(set.labels, set.prefixes, labels) });
    listNumbers.set(labels, n);
  }
  return n;
}

/**
 * A new empty list, and a new list of one item, made without a literal (see SheetHits).
 * Not `Array.of`: a generic builtin that sets the length through a slow path, ~200 ns a
 * call against ~20 for `new Array(1)` (a small sheet makes a few dozen lists of hits). The
 * array constructor's site learns the kind from the first item stored; under
 * `--trace-deopt` on forms-1000 and mixed no code is thrown away for it.
 */
const EMPTY_LIST: readonly never[] = [];
function newList<T>(): T[] {
  return EMPTY_LIST.slice();
}
function listOf<T>(item: T): T[] {
  const list = new Array<T>(1);
  list[0] = item;
  return list;
}

/**
 * A text's answers for the vocabulary's first `upTo` lists: the lists whose keys it has (a
 * candidate, in list order) and the rule's match for each (null where the rule says no).
 * Made without literals, as SheetHits.
 */
class TextAnswers {
  upTo = 0;
  /**
   * Shared empty lists until the first entry, then made with it, so each array is of its
   * kind (numbers; objects) from the start: an empty list's copy has no site to learn the
   * kind from.
   */
  lists: number[] = NO_LISTS;
  matches: LabelMatch[] = NO_MATCHES;
}
const NO_LISTS: number[] = [];
const NO_MATCHES: LabelMatch[] = [];
/** Bounded, as textKeys; the answers are the same with or without it. */
const textAnswers = new Map<string, TextAnswers>();
const TEXT_ANSWERS_LIMIT = 20_000;

function answersOf(v: string): TextAnswers {
  let a = textAnswers.get(v);
  if (a === undefined) {
    a = new TextAnswers();
    if (textAnswers.size >= TEXT_ANSWERS_LIMIT) textAnswers.clear();
    textAnswers.set(v, a);
  }
  if (a.upTo < vocabulary.length) {
    const keys = keysOfText(v);
    const whole = keys[0];
    const split = keys[1];
    let info: TextInfo | undefined;
    for (let n = a.upTo; n < vocabulary.length; n++) {
      const list = vocabulary[n];
      if ((whole === null || !list.keys.has(whole)) && (split === null || !list.keys.has(split))) continue;
      // The whole text's key is its normal form where it is kept (labelKey): the info need not work it out again.
      info ??= infoOf(v, null, whole ?? undefined);
      const match = matchInfo(info, list.set);
      if (a.lists === NO_LISTS) {
        a.lists = listOf(n);
        a.matches = listOf(match);
      } else {
        a.lists.push(n);
        a.matches.push(match);
      }
    }
    a.upTo = vocabulary.length;
  }
  return a;
}

/**
 * A small sheet's hits by list number, for the lists below `upTo`. These, the hits and the
 * texts' answers live as long as the run, so they are made by constructors and their lists
 * by newList and listOf, not by literals: a literal has an allocation site, and once V8 finds a
 * site's objects long-lived it switches the site to old-space allocation and throws away
 * every optimised function the literal was inlined into (on mixed, smallSheetHits twice and
 * answersOf once, each compiled again). A constructor has no site.
 */
class SheetHits {
  upTo = 0;
  hits: (LabelHit[] | undefined)[] = newList();
}
let sheetHits = new WeakMap<SheetGrid, SheetHits>();
const NO_HITS: readonly LabelHit[] = [];
const byPlace = (a: LabelHit, b: LabelHit) => a.row - b.row || a.col - b.col;

/** The hits of list `n` on a small sheet, in row-major order (shared: not to be changed). */
function smallSheetHits(grid: SheetGrid, n: number): readonly LabelHit[] {
  let sh = sheetHits.get(grid);
  if (!sh) {
    sh = new SheetHits();
    sheetHits.set(grid, sh);
  }
  if (sh.upTo <= n) {
    const from = sh.upTo;
    const to = vocabulary.length;
    const hits = sh.hits;
    const count = grid.cellCount;
    for (let i = 0; i < count; i++) {
      const v = grid.textAt(i);
      if (v === undefined) continue;
      const a = answersOf(v);
      const lists = a.lists;
      for (let k = 0; k < lists.length; k++) {
        const l = lists[k];
        const m = a.matches[k];
        if (l < from || l >= to || m === null) continue;
        const cell = grid.cellAt(i);
        const hit: LabelHit = new Hit(cell, m);
        const at = hits[l];
        if (at) at.push(hit);
        else hits[l] = listOf(hit);
      }
    }
    // The sheet's stored order is row-major as the contract asks; sorted where a host's is not.
    for (let l = from; l < to; l++) {
      const at = hits[l];
      if (!at) continue;
      for (let k = 1; k < at.length; k++) {
        if (byPlace(at[k - 1], at[k]) > 0) {
          at.sort(byPlace);
          break;
        }
      }
    }
    sh.upTo = to;
  }
  return sh.hits[n] ?? NO_HITS;
}

/**
 * Every cell holding one of the labels, in row-major order. Every cell that could match is
 * among the candidates; the rule (matchInfo, on the cell's text as the sheet keeps it) has
 * the last word.
 */
export function labelCells(grid: SheetGrid, labels: readonly string[] | LabelSet): LabelHit[] {
  if (grid.cellCount <= INDEX_UP_TO_CELLS) return smallSheetHits(grid, listNumber(labels)).slice();
  const set = asSet(labels);
  const candidates = cellsWithKeys(grid, keysFor(set.labels, set.prefixes, labels));
  const hits: LabelHit[] = [];
  for (const info of candidates.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col)) {
    const cell = info.cell;
    const m = matchInfo(info, set);
    if (m) hits.push(new Hit(cell, m));
  }
  return hits;
}

/**
 * The rows holding a cell whose text may be one of the labels (whole, or before a colon):
 * every row where one is, and maybe a few more. Readers that test each row for a header
 * test only these. Remembered per sheet and label list.
 */
export function rowsWithLabel(grid: SheetGrid, labels: readonly string[]): ReadonlySet<number> {
  let onSheet = labelRows.get(grid);
  if (!onSheet) {
    onSheet = new Map();
    labelRows.set(grid, onSheet);
  }
  let rows = onSheet.get(labels);
  if (!rows) {
    rows = new Set();
    if (grid.cellCount <= INDEX_UP_TO_CELLS) {
      // Every candidate of the list (the rule's answer aside), in stored order.
      const n = listNumber(labels);
      for (let i = 0; i < grid.cellCount; i++) {
        const v = grid.textAt(i);
        if (v !== undefined && answersOf(v).lists.includes(n)) rows.add(grid.cellAt(i).row);
      }
    } else for (const c of cellsWithKeys(grid, keysFor(labels))) rows.add(c.cell.row);
    onSheet.set(labels, rows);
  }
  return rows;
}
const labelRows = new WeakMap<SheetGrid, Map<readonly string[], Set<number>>>();

function searchLabel(grid: SheetGrid, labels: readonly string[] | LabelSet): LabelHit | null {
  return labelCells(grid, labels)[0] ?? null;
}

/** The cell at a position, or the top-left cell of the merge it belongs to. */
export function cellAt(grid: SheetGrid, row: number, col: number): { row: number; col: number; cell: Cell | undefined } {
  const m = grid.mergeAt(row, col);
  if (m) return { row: m.top, col: m.left, cell: grid.get(m.top, m.left) };
  return { row, col, cell: grid.get(row, col) };
}

/**
 * A value in a cell of its own, its text (what the cell shows) and its A1 address made when
 * first asked for: a form's money and date values are parsed from the cell itself, and their
 * text is wanted only for a message, while formatting a number to show it cost more than
 * finding it; of a form's ~6 values' addresses, the action keeps two (its value's and its
 * ref's) and the rest are wanted only for a finding.
 */
class CellValue implements LabelValue {
  readonly row: number;
  readonly col: number;
  readonly raw: RawValue;
  private shown: string | undefined = undefined;
  private at: string | undefined = undefined;

  constructor(readonly cell: Cell) {
    this.row = cell.row;
    this.col = cell.col;
    this.raw = cell;
  }

  get address(): string {
    return (this.at ??= a1(this.row, this.col));
  }

  get text(): string {
    return (this.shown ??= displayText(this.cell));
  }
}

const valueOf = (cell: Cell): LabelValue => new CellValue(cell);

/**
 * A label's value (§1): the text after the colon in its own cell; else the first non-empty
 * cell to its right on its row (after its merge); else, where the row has none, the first
 * non-empty cell directly below it (below its merge). Null when the search meets a cell
 * that is itself a label (`stopLabels`: every label of the template), or finds nothing.
 */
export function labelValue(grid: SheetGrid, hit: LabelHit, stopLabels: readonly string[] | LabelSet): LabelValue | null {
  if (hit.inline !== null && hit.inline.trim() !== "") {
    return { row: hit.row, col: hit.col, address: a1(hit.row, hit.col), cell: hit.cell, text: hit.inline.trim(), raw: hit.inline.trim() };
  }
  const stop = asSet(stopLabels);
  const own = grid.mergeAt(hit.row, hit.col);
  const right = own ? own.right : hit.col;
  const bottom = own ? own.bottom : hit.row;

  for (const cell of grid.cellsOfRow(hit.row)) {
    if (cell.col <= right || isBlank(cell)) continue;
    return isValueLabel(cell, stop) ? null : valueOf(cell);
  }
  for (const r of grid.rows()) {
    if (r <= bottom) continue;
    const at = cellAt(grid, r, hit.col);
    // A tall merge already passed (its top-left above the start) holds nothing new.
    if (at.row <= bottom || !at.cell || isBlank(at.cell)) continue;
    return isValueLabel(at.cell, stop) ? null : valueOf(at.cell);
  }
  return null;
}
