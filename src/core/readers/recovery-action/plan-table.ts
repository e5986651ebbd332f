/**
 * The form's plan table (standard-templates.md §3): a header row holding Strategic Aims,
 * Actions, Dependencies, Risk Mitigation (or Risks and Mitigation) and Delivery Timeframe;
 * its content is the row below, past a guidance row of questions. Gives the strategic aims.
 */
import type { RaiseFinding } from "../../findings";
import { a1, isBlank, type SheetGrid } from "../../grid";
import type { Cell } from "../../snapshot";
import { cellError, displayText, isLabelKey, normaliseLabel, parseStrategicAims } from "../../values";
import { cellAt, labelCells } from "../labels";
import { PLAN_HEADINGS } from "./form-labels";

const textOf = (cell: Cell | undefined): string => (cell && !isBlank(cell) ? displayText(cell) : "");

/**
 * A row's text cells with their normal forms (normaliseLabel's), worked out once for the
 * seven headings looked for on the row (matchesLabel would work each out again for each).
 */
interface RowKeys {
  cols: number[];
  keys: string[];
}

function rowKeys(cells: readonly Cell[]): RowKeys {
  const cols: number[] = [];
  const keys: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i].value;
    if (typeof v !== "string") continue;
    cols.push(cells[i].col);
    keys.push(normaliseLabel(v));
  }
  return { cols, keys };
}

/** The column of the first cell on a row matching one of the labels, or null. */
function columnOf({ cols, keys }: RowKeys, labels: readonly string[]): number | null {
  for (let i = 0; i < keys.length; i++) if (isLabelKey(keys[i], labels)) return cols[i];
  return null;
}

/** A guidance row: every non-empty cell ends with `?` (the seed's italic questions). */
function isGuidanceRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.cellsOfRow(row).filter((c) => !isBlank(c));
  return cells.length > 0 && cells.every((c) => displayText(c).trim().endsWith("?"));
}

interface PlanHeader {
  row: number;
  aimsCol: number;
  actionsCol: number;
  timeframeCol: number;
}

function planHeaderAt(grid: SheetGrid, row: number): PlanHeader | null {
  const cells = rowKeys(grid.cellsOfRow(row));
  const aimsCol = columnOf(cells, PLAN_HEADINGS.aims);
  const actionsCol = columnOf(cells, PLAN_HEADINGS.actions);
  const timeframeCol = columnOf(cells, PLAN_HEADINGS.timeframe);
  const hasRisks =
    columnOf(cells, PLAN_HEADINGS.riskMitigation) !== null ||
    (columnOf(cells, PLAN_HEADINGS.risks) !== null && columnOf(cells, PLAN_HEADINGS.mitigation) !== null);
  if (aimsCol === null || actionsCol === null || timeframeCol === null || !hasRisks) return null;
  if (columnOf(cells, PLAN_HEADINGS.dependencies) === null) return null;
  return { row, aimsCol, actionsCol, timeframeCol };
}

/** `Unknown`, `TBC`, `TBA`, `To be confirmed` (a full stop after is allowed). */
const UNKNOWN_TIMEFRAME = /^(unknown|tbc|tba|to be confirmed)$/i;

/** The plan table: returns the strategic aims (sorted, unique); raises its findings. */
export function readPlanTable(grid: SheetGrid, raise: RaiseFinding): number[] {
  // Only rows holding an Actions heading can be the header row.
  const headerRows = [...new Set(labelCells(grid, PLAN_HEADINGS.actions).map((h) => h.row))];
  const header = headerRows.map((row) => planHeaderAt(grid, row)).find((h) => h !== null);
  if (!header) {
    raise("missing-field", "A1", {
      field: "plan table",
      problem: "no-table",
      expected: "a table headed Strategic Aims, Actions, Dependencies, Risk Mitigation and Delivery Timeframe, with the actions in the row below",
    });
    return [];
  }

  const contentRow = isGuidanceRow(grid, header.row + 1) ? header.row + 2 : header.row + 1;
  // Where a content cell's findings point, as row and column: its A1 address is made only
  // for a finding (three a form, seldom wanted), and its text only where it is read.
  const content = (col: number): ContentCell => {
    const c = cellAt(grid, contentRow, col);
    // A header on the sheet's last row has no content row in the used range: point at its heading.
    return c.row > grid.maxRow ? { cell: c.cell, row: header.row, col } : { cell: c.cell, row: c.row, col: c.col };
  };

  const actions = content(header.actionsCol);
  const actionsText = textOf(actions.cell);
  const actionsError = cellError(actions.cell);
  if (actionsError !== null) {
    raise("formula-error", a1(actions.row, actions.col), { field: "Actions", error: actionsError, expected: "the actions" });
  } else if (!actionsText) {
    raise("missing-field", a1(actions.row, actions.col), {
      field: "The plan table's Actions cell",
      problem: "empty",
      expected: "the high-level actions you are going to take",
    });
  }

  const aims = readStrategicAims(content(header.aimsCol), raise);

  const timeframe = content(header.timeframeCol);
  const timeframeText = textOf(timeframe.cell);
  const timeframeError = cellError(timeframe.cell);
  if (timeframeError !== null) {
    raise("formula-error", a1(timeframe.row, timeframe.col), { field: "Delivery Timeframe", error: timeframeError, expected: "the timeframe" });
  } else if (!timeframeText || UNKNOWN_TIMEFRAME.test(timeframeText.trim().replace(/\.$/, ""))) {
    raise("unknown-timeframe", a1(timeframe.row, timeframe.col), { text: timeframeText || null });
  }
  return aims;
}

/** A cell of the plan table's content row, and the place its findings point at. */
interface ContentCell {
  cell: Cell | undefined;
  row: number;
  col: number;
}

function readStrategicAims(at: ContentCell, raise: RaiseFinding): number[] {
  const r = parseStrategicAims(at.cell);
  if (r.status === "ok" && r.value.length > 0) return [...new Set(r.value)].sort((x, y) => x - y);
  if (r.status === "error") raise("formula-error", a1(at.row, at.col), { field: "Strategic Aims", error: r.error, expected: "the aims, e.g. No.1 No.3" });
  else raise("missing-strategic-aims", a1(at.row, at.col), { reason: r.status === "invalid" ? r.reason : null });
  return [];
}
