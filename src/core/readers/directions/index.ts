/**
 * The directions report (standard-templates.md §2 `directions`, §5; seed 002, the Midlothian
 * IJB Directions 2023/24 half-year report). This file walks the rows and says what each
 * is: a header (directions-header.ts), heading text (themes.ts), a direction's first row
 * (direction-number.ts) or a continuation (direction-builder.ts). Measures, progress, the
 * target date and the reporting period each have a file named after them.
 */
import { findingsOn, type Finding } from "../../findings";
import { a1, isBlank, type SheetGrid } from "../../grid";
import type { Direction } from "../../records";
import type { Cell } from "../../snapshot";
import { cellError, matchesLabel } from "../../values";
import { DirectionBuilder } from "./direction-builder";
import { directionNumber, numberOnRow } from "./direction-number";
import { findDirectionsHeaders, type DirectionsHeader } from "./directions-header";
import { FirstCellOfNo } from "./duplicate-numbers";
import { rowsWithMerges } from "../table-cells";
import { NO_LABELS, isGroupLabelCell, ownCells, ownIn, plainText, plainTextAt, textOf } from "./directions-sheet";
import { Themes } from "./themes";

export { findDirectionsHeader, findDirectionsHeaders } from "./directions-header";
export { splitMeasures } from "./measures";
export { targetDateOf } from "./target-date";

/** The first non-blank cell of a row's cells; undefined where all are blank. */
function firstFilled(cells: readonly Cell[]): Cell | undefined {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return cells[i];
  return undefined;
}

/** True where every non-blank cell is the `Performance Measures` group cell (at least one is non-blank). */
function onlyGroupLabels(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!isBlank(c) && !isGroupLabelCell(c)) return false;
  }
  return true;
}

/** True where a non-blank cell is in one of the table's columns (Direction, Measure, Progress, Source). */
function inTable(cells: readonly Cell[], h: DirectionsHeader): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!isBlank(c) && (c.col === h.directionCol || c.col === h.measureCol || c.col === h.progressCol || c.col === h.sourceCol)) return true;
  }
  return false;
}

export function readDirections(grid: SheetGrid): {
  directions: Direction[];
  period: string | null;
  findings: Finding[];
} {
  const sheet = grid.name;
  const { findings, raise } = findingsOn(sheet);
  const directions: Direction[] = [];
  const headers = findDirectionsHeaders(grid);
  const period = headers.find((h) => h.period !== null)?.period ?? null;
  if (headers.length === 0) return { directions, period, findings };

  // Headers come top to bottom, as the rows do: the next one is the only one a row can start.
  let nextHeader = 0;
  const firstCellOfNo = new FirstCellOfNo(directions);
  const themes = new Themes(raise);
  let header: DirectionsHeader | null = null;
  // The direction being read (the one builder, begun afresh for each), or null between directions.
  const builder = new DirectionBuilder(sheet, raise);
  let current: DirectionBuilder | null = null;
  // One array for every row's own cells: each row is done with before the next is read.
  const rowCells: Cell[] = [];
  const merged = rowsWithMerges(grid);
  const finish = (): void => {
    if (current) directions.push(current.finish());
    current = null;
  };
  /** A direction's first row: the direction above is done, and this one begins. */
  const startDirection = (no: string, row: number, h: DirectionsHeader): void => {
    finish();
    themes.startDirection();
    const cell = a1(row, h.noCol);
    const first = firstCellOfNo.firstOf(no, cell);
    if (first !== undefined) raise("duplicate-direction", cell, { no, first });
    current = builder.begin(row, cell, no, themes.current, h);
    current.addRow(rowCells, row, h);
  };
  /**
   * Any other row: blank, group labels, heading text (above the first header, in the No
   * column or in the margin), a loose direction number (numberOnRow) or a continuation. A
   * function of its own, apart from the loop: these rows are few, and their tests
   * (matchesLabel and its normalising) were compiled into it with the rest.
   */
  const otherRow = (row: number, h: DirectionsHeader | null, noCell: Cell | undefined): void => {
    const first = firstFilled(rowCells);
    if (first === undefined) return;
    // The `Performance Measures` group cell on a row of its own belongs to the header.
    if (onlyGroupLabels(rowCells)) return;

    if (!h) {
      // Above the first header: the first non-empty cell (a sheet title, a theme, its outcome).
      const t = textOf(first);
      if (t && directionNumber(t) === null && !matchesLabel(t, NO_LABELS)) themes.addHeading(first, t);
      return;
    }

    const noText = textOf(noCell);
    const no = noText ? numberOnRow(grid, noText, row, h) : null;
    if (no !== null) {
      startDirection(no, row, h);
      return;
    }

    if (noCell && noText) {
      // Text in the No column that is neither a number nor a header: heading text.
      if (!matchesLabel(noText, NO_LABELS)) {
        finish();
        themes.addHeading(noCell, noText);
      }
      return;
    }

    if (inTable(rowCells, h)) {
      // An empty No and content in the table: the direction above goes on.
      current?.addRow(rowCells, row, h);
    } else if (first.col < h.noCol) {
      // Text left of the No column only: heading text placed in the margin.
      finish();
      themes.addHeading(first, textOf(first));
    }
  };

  // Indexed, not for…of: a first run steps through 50,000 rows before the loop is
  // optimised, and each step of an array iterator there makes a result object.
  const rows = grid.rows();
  // Packed, a row no merge touches whose No is plain text (nearly every row of a long
  // report) is read by stored index, no cell object made (DirectionBuilder.addStoredRow).
  const packed = grid.packedCells();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    while (nextHeader < headers.length && headers[nextHeader].row < row) nextHeader++;
    const startsHeader = nextHeader < headers.length && headers[nextHeader].row === row ? headers[nextHeader] : undefined;
    if (startsHeader) {
      finish();
      themes.startBlock(a1(row, startsHeader.noCol));
      header = startsHeader;
      continue;
    }
    if (header && row <= header.lastRow) continue;

    // The row's No: read by stored index where it can be (a packed row no merge touches),
    // else from the row's own cells. No is null for a row that starts no direction.
    let no: string | null = null;
    let stored = false;
    if (packed !== null && header !== null && merged[row] === 0) {
      const noText = plainTextAt(packed, grid.storedIndexAt(row, header.noCol));
      // "" (no No cell) is no number: such a row goes the way below.
      no = noText === null ? null : directionNumber(noText);
      stored = no !== null;
    }
    let noCell: Cell | undefined;
    if (!stored) {
      ownCells(grid, row, rowCells, merged);
      noCell = header ? ownIn(rowCells, header.noCol) : undefined;
      if (header && noCell) {
        // A No of plain text is read as it stands (plainText); any other by the rules.
        let noText = plainText(noCell);
        if (noText === null) {
          const noError = cellError(noCell);
          if (noError !== null) {
            finish();
            raise("formula-error", a1(noCell.row, noCell.col), { field: "The No cell", error: noError, expected: "the direction's number (such as 1.1)" });
            continue;
          }
          noText = textOf(noCell);
        }
        // A No of digits and dots (nearly every row of a long report): a direction's first
        // row. Such a row is not blank and its No is no group label, so otherRow's tests
        // would let it through to numberOnRow, whose first reading this is.
        no = directionNumber(noText);
      }
    }
    if (header && no !== null) {
      // startDirection written out: called from here, it was optimised on its own and
      // again inlined into this loop's optimised form (two compilations of one body).
      if (current) directions.push(current.finish());
      themes.startDirection();
      const cell = a1(row, header.noCol);
      const first = firstCellOfNo.firstOf(no, cell);
      if (first !== undefined) raise("duplicate-direction", cell, { no, first });
      current = builder.begin(row, cell, no, themes.current, header);
      if (stored && packed !== null) current.addStoredRow(grid, packed, row, header);
      else current.addRow(rowCells, row, header);
      continue;
    }
    otherRow(row, header, noCell);
  }
  finish();
  return { directions, period, findings };
}
