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
import {
  beginsWithLabel,
  displayText,
  labelHint,
  matchesLabel,
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
  /** A1 address of the label's cell (where `missing-field` points). */
  address: string;
  cell: Cell;
  /** The label part of the cell's text (before the colon where the cell also holds a value). */
  label: string;
  /** The text after the colon in the label's own cell, trimmed; null when none. */
  inline: string | null;
  /** The label's bracketed hint (`£000`), or null. */
  hint: string | null;
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

/** What a text is as a label, worked out once per text whatever the label list. */
interface TextInfo {
  /** The trimmed text. */
  t: string;
  colon: boolean;
  /** Its split at the first colon (the whole text as the label where there is none). */
  split: { label: string; value: string | null };
  /** The hints of the whole text and of its label part, once asked for. */
  hint?: string | null;
  splitHint?: string | null;
}

/**
 * A form is searched once per field, so each cell's text meets a dozen label lists: the
 * text's own work (trimming, splitting at the colon) is done once. Bounded; the answers are
 * the same with or without it.
 */
const textInfos = new Map<string, TextInfo>();
const TEXT_INFO_LIMIT = 20_000;

function textInfo(text: string): TextInfo {
  let info = textInfos.get(text);
  if (!info) {
    const t = text.trim();
    info = { t, colon: t.includes(":"), split: splitLabelValue(t) };
    if (textInfos.size >= TEXT_INFO_LIMIT) textInfos.clear();
    textInfos.set(text, info);
  }
  return info;
}

/**
 * How a piece of text reads as one of the labels: null when it is not one of them; else
 * its label part, the value after a colon (if any) and the hint.
 */
export function matchLabelText(text: string, set: readonly string[] | LabelSet): LabelMatch {
  const s = asSet(set);
  const info = textInfo(text);
  const { t, colon, split } = info;
  if (!t) return null;
  if (s.labels.length && matchesLabel(t, s.labels)) return { label: t, inline: null, hint: (info.hint ??= labelHint(t)) };
  if (s.prefixes?.length && beginsWithLabel(t, s.prefixes)) {
    // A title (`Finance Recovery Action: …`): the prefix must be the whole label part, so a
    // heading such as `Financial Recovery Actions 2024/25` is not taken for one.
    if (matchesLabel(split.label, s.prefixes)) return { label: split.label, inline: split.value, hint: (info.splitHint ??= labelHint(split.label)) };
  }
  if (colon && s.labels.length) {
    if (matchesLabel(split.label, s.labels)) return { label: split.label, inline: split.value, hint: (info.splitHint ??= labelHint(split.label)) };
  }
  return null;
}

/** True where the cell's text is itself one of the labels (with or without a value after a colon). */
export function isLabelCell(cell: Cell | undefined, set: readonly string[] | LabelSet): boolean {
  if (!cell || typeof cell.value !== "string" || cell.error) return false;
  return matchLabelText(cell.value, set) !== null;
}

/** Labels already looked for on a sheet (recognition and reading look for the same ones). */
const found = new WeakMap<SheetGrid, Map<object, LabelHit | null>>();

/** The first cell, in row-major order, holding one of the labels; null when none does. */
export function findLabel(grid: SheetGrid, labels: readonly string[] | LabelSet): LabelHit | null {
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
 * Each sheet's text cells by their normalised label forms, built in one pass: a form is
 * searched for a dozen fields, and scanning every cell for each was most of the cost of
 * reading a large pack. A cell is under the normal form of its whole text and, where it
 * holds a colon, of the part before it (labels sharing a cell with their value, titles).
 * One map for both, a lone cell held as itself: a register of 100,000 lines has 100,000
 * distinct texts, and an array and two entries each was most of its recognition's cost.
 * Looking up gives every cell that could match; matchLabelText has the last word.
 */
type LabelIndex = Map<string, Cell | Cell[]>;
const indexes = new WeakMap<SheetGrid, LabelIndex>();

/** Labels are short: the longest, with its hint dropped, is a few dozen characters. */
const PROSE_LENGTH = 300;
/**
 * The key a text is indexed under: its normal form, or null where that cannot be a label.
 * Short or bracketed text (a hint may be long) is normalised as it is; long prose is
 * indexed only where its normal form comes down to a label's length (runs of white space,
 * zero-width characters, trailing `:`/`?`), so every cell whose normal form is a label is
 * in the index, whatever else is.
 */
function labelKey(t: string): string | null {
  if (t.length <= PROSE_LENGTH || /[([]/.test(t)) return normaliseLabel(t);
  const n = normaliseLabel(t);
  return n.length <= PROSE_LENGTH ? n : null;
}

function labelIndex(grid: SheetGrid): LabelIndex {
  const idx = indexes.get(grid);
  if (idx) return idx;
  const map: LabelIndex = new Map();
  const add = (key: string, cell: Cell) => {
    if (!key) return;
    const at = map.get(key);
    if (at === undefined) map.set(key, cell);
    else if (Array.isArray(at)) at.push(cell);
    else if (at !== cell) map.set(key, [at, cell]);
  };
  // The stored cells directly (order does not matter here: labelCells sorts its hits).
  for (const cell of grid.sheet.cells) {
    if (typeof cell.value !== "string" || cell.error) continue;
    const t = cell.value.trim();
    if (!t) continue;
    const whole = labelKey(t);
    if (whole) add(whole, cell);
    if (t.includes(":")) {
      // The label part before a colon is kept even when the value after it is long
      // (`Description: …` with a 32,767-character description).
      const label = labelKey(splitLabelValue(t).label);
      if (label) add(label, cell);
    }
  }
  indexes.set(grid, map);
  return map;
}

/**
 * Every cell holding one of the labels, in row-major order. Every cell that could match is
 * under one of the labels' keys in the sheet's index; matchLabelText has the last word.
 */
export function labelCells(grid: SheetGrid, labels: readonly string[] | LabelSet): LabelHit[] {
  const set = asSet(labels);
  const idx = labelIndex(grid);
  const candidates = new Set<Cell>();
  const take = (key: string) => {
    const at = idx.get(key);
    if (at === undefined) return;
    if (Array.isArray(at)) for (const c of at) candidates.add(c);
    else candidates.add(at);
  };
  for (const l of set.labels) take(normaliseLabel(l));
  for (const p of set.prefixes ?? []) take(normaliseLabel(p));
  const hits: LabelHit[] = [];
  for (const cell of [...candidates].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const m = matchLabelText(cell.value as string, set);
    if (m) hits.push({ row: cell.row, col: cell.col, address: a1(cell.row, cell.col), cell, ...m });
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
    const idx = labelIndex(grid);
    rows = new Set();
    for (const l of labels) {
      const at = idx.get(normaliseLabel(l));
      if (at === undefined) continue;
      if (Array.isArray(at)) for (const c of at) rows.add(c.row);
      else rows.add(at.row);
    }
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

function valueOf(cell: Cell): LabelValue {
  return { row: cell.row, col: cell.col, address: a1(cell.row, cell.col), cell, text: displayText(cell), raw: cell };
}

/**
 * A label's value (§1): the text after the colon in its own cell; else the first non-empty
 * cell to its right on its row (after its merge); else, where the row has none, the first
 * non-empty cell directly below it (below its merge). Null when the search meets a cell
 * that is itself a label (`stopLabels`: every label of the template), or finds nothing.
 */
export function labelValue(grid: SheetGrid, hit: LabelHit, stopLabels: readonly string[] | LabelSet): LabelValue | null {
  if (hit.inline !== null && hit.inline.trim() !== "") {
    return { row: hit.row, col: hit.col, address: hit.address, cell: hit.cell, text: hit.inline.trim(), raw: hit.inline.trim() };
  }
  const stop = asSet(stopLabels);
  const own = grid.mergeAt(hit.row, hit.col);
  const right = own ? own.right : hit.col;
  const bottom = own ? own.bottom : hit.row;

  for (const cell of grid.rowCells(hit.row)) {
    if (cell.col <= right || isBlank(cell)) continue;
    return isLabelCell(cell, stop) ? null : valueOf(cell);
  }
  for (const r of grid.rows()) {
    if (r <= bottom) continue;
    const at = cellAt(grid, r, hit.col);
    // A tall merge already passed (its top-left above the start) holds nothing new.
    if (at.row <= bottom || !at.cell || isBlank(at.cell)) continue;
    return isLabelCell(at.cell, stop) ? null : valueOf(at.cell);
  }
  return null;
}
