/**
 * The directions table's header (§2, §5): a row holding `No` and `Direction`, with cells
 * beginning `Measure`, `Progress` and `Source` on that row or the row below (a two-row
 * header under `Performance Measures`). The header may repeat before each theme.
 */
import type { SheetGrid } from "../../grid";
import type { Cell } from "../../snapshot";
import { matchesLabel } from "../../values";
import { labelCells } from "../labels";
import { directionNumber } from "./direction-number";
import { DIRECTION_LABELS, NO_LABELS, begins, own, ownCells, textOf } from "./directions-sheet";
import { periodOf } from "./reporting-period";

/** A directions table's header: where its columns are, and the period its Progress heading names. */
export interface DirectionsHeader {
  /** The row holding `No` and `Direction`. */
  row: number;
  /** The header's last row: `row + 1` for a two-row header (Measure/Progress/Source below), else `row`. */
  lastRow: number;
  noCol: number;
  directionCol: number;
  measureCol: number | null;
  progressCol: number;
  sourceCol: number | null;
  /** The text after `Progress`, less a leading `at` (`half-year 2023/24`); null when none. */
  period: string | null;
}

const MEASURE = /^measures?\b/;
const PROGRESS = /^progress\b/;
const SOURCE = /^sources?\b/;

interface Heading {
  col: number;
  cell: Cell;
  onBelow: boolean;
}

function headerAt(grid: SheetGrid, row: number): DirectionsHeader | null {
  let noCol: number | null = null;
  let directionCol: number | null = null;
  for (const c of grid.cellsOfRow(row)) {
    if (own(grid, row, c.col) !== c) continue;
    const t = textOf(c);
    if (!t) continue;
    if (noCol === null && matchesLabel(t, NO_LABELS)) noCol = c.col;
    else if (directionCol === null && matchesLabel(t, DIRECTION_LABELS)) directionCol = c.col;
  }
  if (noCol === null || directionCol === null) return null;
  const keyCols = [noCol, directionCol];

  // Measure / Progress / Source: on the header row, or on the row below (under a
  // `Performance Measures` cell) as long as that row is not itself a direction.
  const below = row + 1;
  const rows: [number, boolean][] = directionNumber(textOf(own(grid, below, noCol))) === null ? [[row, false], [below, true]] : [[row, false]];
  const find = (word: RegExp): Heading | null => {
    for (const [r, onBelow] of rows) {
      for (const c of grid.cellsOfRow(r)) {
        if (keyCols.includes(c.col) || own(grid, r, c.col) !== c) continue;
        if (begins(c, word)) return { col: c.col, cell: c, onBelow };
      }
    }
    return null;
  };
  const progress = find(PROGRESS);
  if (!progress) return null;
  const measure = find(MEASURE);
  const source = find(SOURCE);
  const twoRows = [progress, measure, source].some((f) => f?.onBelow);
  return {
    row,
    lastRow: twoRows ? below : row,
    noCol,
    directionCol,
    measureCol: measure?.col ?? null,
    progressCol: progress.col,
    sourceCol: source?.col ?? null,
    period: periodOf(textOf(progress.cell)),
  };
}

/** candidateRows by sheet: recognition asks for them, then the reader asks again. */
const candidatesOfSheet = new WeakMap<SheetGrid, readonly number[]>();

/**
 * Rows that can hold a header: those with a `No` cell, from the sheet's label index (built
 * once a sheet), so a 5,000-row report is not tested row by row. headerAt has the last word.
 * Worked out once a sheet: the label search over a large sheet's cells cost as much again
 * when the reader asked after recognition had.
 */
function candidateRows(grid: SheetGrid): readonly number[] {
  let rows = candidatesOfSheet.get(grid);
  if (rows === undefined) {
    const found = labelCells(grid, NO_LABELS)
      .filter((h) => h.inline === null)
      .map((h) => h.row);
    rows = [...new Set(found)];
    candidatesOfSheet.set(grid, rows);
  }
  return rows;
}

/** Two rows' own cells, for readAlike: a module's, reused (the search never runs inside itself). */
const ownA: Cell[] = [];
const ownB: Cell[] = [];

/** True where two rows' own cells stand in the same columns with the same texts: all headerAt reads of a row. */
function readAlike(grid: SheetGrid, a: number, b: number): boolean {
  const x = ownCells(grid, a, ownA);
  const y = ownCells(grid, b, ownB);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].col !== y[i].col || textOf(x[i]) !== textOf(y[i])) return false;
  return true;
}

/**
 * Every directions header on the sheet, top to bottom (a header may repeat before each theme).
 * headerAt reads only a row's own cells and the next row's, by column and text: where both
 * read as the last header's two did, the answer is that header's, moved down (a long report
 * repeats its header before each theme: 2,000 times on a 50,000-row one, each ~70 µs to read
 * afresh). `remember` false is the plain search, which the tests hold the remembered one to.
 */
export function findDirectionsHeaders(grid: SheetGrid, remember = true): DirectionsHeader[] {
  const headers: DirectionsHeader[] = [];
  for (const row of candidateRows(grid)) {
    const last = headers.at(-1);
    if (last && row <= last.lastRow) continue;
    if (remember && last && readAlike(grid, last.row, row) && readAlike(grid, last.row + 1, row + 1)) {
      // Written out as headerAt's literal is, so both make objects of one shape.
      const { noCol, directionCol, measureCol, progressCol, sourceCol, period } = last;
      headers.push({ row, lastRow: last.lastRow - last.row + row, noCol, directionCol, measureCol, progressCol, sourceCol, period });
      continue;
    }
    const h = headerAt(grid, row);
    if (h) headers.push(h);
  }
  return headers;
}

/** §2: the first header row with a `No` (or `No.`, `Ref`) cell, a `Direction` cell and a `Progress …` column. */
export function findDirectionsHeader(grid: SheetGrid): DirectionsHeader | null {
  for (const row of candidateRows(grid)) {
    const h = headerAt(grid, row);
    if (h) return h;
  }
  return null;
}
