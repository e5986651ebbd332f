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
import { cellError, matchesLabel } from "../../values";
import { DirectionBuilder } from "./direction-builder";
import { directionNumber, numberOnRow } from "./direction-number";
import { findDirectionsHeaders, type DirectionsHeader } from "./directions-header";
import { GROUP_LABELS, NO_LABELS, ownCells, ownIn, textOf } from "./directions-sheet";
import { Themes } from "./themes";

export { findDirectionsHeader, findDirectionsHeaders } from "./directions-header";
export { splitMeasures } from "./measures";
export { targetDateOf } from "./target-date";

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
  const firstCellOfNo = new Map<string, string>();
  const themes = new Themes(raise);
  let header: DirectionsHeader | null = null;
  let current: DirectionBuilder | null = null;
  const finish = (): void => {
    if (current) directions.push(current.finish());
    current = null;
  };

  for (const row of grid.rows()) {
    while (nextHeader < headers.length && headers[nextHeader].row < row) nextHeader++;
    const startsHeader = nextHeader < headers.length && headers[nextHeader].row === row ? headers[nextHeader] : undefined;
    if (startsHeader) {
      finish();
      themes.startBlock(a1(row, startsHeader.noCol));
      header = startsHeader;
      continue;
    }
    if (header && row <= header.lastRow) continue;

    const rowCells = ownCells(grid, row);
    const cells = rowCells.filter((c) => !isBlank(c));
    if (cells.length === 0) continue;
    // The `Performance Measures` group cell on a row of its own belongs to the header.
    if (cells.every((c) => matchesLabel(textOf(c), GROUP_LABELS))) continue;

    if (!header) {
      // Above the first header: the first non-empty cell (a sheet title, a theme, its outcome).
      const first = cells[0];
      const t = textOf(first);
      if (t && directionNumber(t) === null && !matchesLabel(t, NO_LABELS)) themes.addHeading(first, t);
      continue;
    }

    const noCell = ownIn(rowCells, header.noCol);
    const noError = cellError(noCell);
    if (noCell && noError !== null) {
      finish();
      raise("formula-error", a1(noCell.row, noCell.col), { field: "The No cell", error: noError, expected: "the direction's number (such as 1.1)" });
      continue;
    }
    const noText = textOf(noCell);
    const no = noText ? numberOnRow(grid, noText, row, header) : null;

    if (no !== null) {
      // A direction's first row.
      finish();
      themes.startDirection();
      const cell = a1(row, header.noCol);
      const first = firstCellOfNo.get(no);
      if (first) raise("duplicate-direction", cell, { no, first });
      else firstCellOfNo.set(no, cell);
      current = new DirectionBuilder({ sheet, row, no, theme: themes.current, header }, raise);
      current.addRow(rowCells, row, header);
      continue;
    }

    if (noCell && noText) {
      // Text in the No column that is neither a number nor a header: heading text.
      if (!matchesLabel(noText, NO_LABELS)) {
        finish();
        themes.addHeading(noCell, noText);
      }
      continue;
    }

    const h = header;
    if (cells.some((c) => c.col === h.directionCol || c.col === h.measureCol || c.col === h.progressCol || c.col === h.sourceCol)) {
      // An empty No and content in the table: the direction above goes on.
      current?.addRow(rowCells, row, header);
    } else if (cells[0].col < header.noCol) {
      // Text left of the No column only: heading text placed in the margin.
      finish();
      themes.addHeading(cells[0], textOf(cells[0]));
    }
  }
  finish();
  return { directions, period, findings };
}
