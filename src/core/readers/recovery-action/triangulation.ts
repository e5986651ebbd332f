/**
 * The form's triangulation table (standard-templates.md §3): a header row beginning
 * `Triangulation` and ending with `Reporting Frequency`; rows found by their names
 * (Population Need, Finance, Outcomes) below it, each with a reporting frequency.
 */
import type { RaiseFinding } from "../../findings";
import { a1, isBlank, type SheetGrid } from "../../grid";
import { matchesLabel, parseFrequency } from "../../values";
import { cellAt, labelCells, matchLabelText } from "../labels";
import { REPORTING_FREQUENCY, TRIANGULATION } from "./form-labels";

const TRIANGULATION_ROWS = ["Population Need", "Finance", "Outcomes"] as const;
/** Each row name as a label list of its own (constant lists: label matching caches by list). */
const TRIANGULATION_ROW_LABELS = TRIANGULATION_ROWS.map((name) => [name] as const);

interface TriangulationHeader {
  row: number;
  /** The header's first cell (where a missing row's finding points; its A1 address made only then). */
  firstCol: number;
  frequencyCol: number;
}

function findTriangulationHeader(grid: SheetGrid): TriangulationHeader | null {
  // Only rows holding a cell beginning Triangulation can be the header row.
  const headerRows = [...new Set(labelCells(grid, TRIANGULATION).map((h) => h.row))];
  for (const row of headerRows) {
    const cells = grid.cellsOfRow(row).filter((c) => !isBlank(c));
    const first = cells[0];
    const last = cells[cells.length - 1];
    if (cells.length < 2 || typeof first.value !== "string" || typeof last.value !== "string") continue;
    if (!matchLabelText(first.value, TRIANGULATION) || !matchesLabel(last.value, REPORTING_FREQUENCY)) continue;
    return { row, firstCol: first.col, frequencyCol: last.col };
  }
  return null;
}

/** Raises the table's findings: a missing table or row, a frequency outside the grammar. */
export function readTriangulation(grid: SheetGrid, raise: RaiseFinding): void {
  const header = findTriangulationHeader(grid);
  if (!header) {
    raise("missing-triangulation", "A1", { row: null });
    return;
  }
  TRIANGULATION_ROWS.forEach((name, i) => {
    const found = labelCells(grid, TRIANGULATION_ROW_LABELS[i]).find((h) => h.row > header.row && h.inline === null);
    if (!found) {
      raise("missing-triangulation", a1(header.row, header.firstCol), { row: name });
      return;
    }
    const c = cellAt(grid, found.row, header.frequencyCol);
    const r = parseFrequency(c.cell);
    if (r.status === "error") {
      raise("formula-error", a1(c.row, c.col), { field: `The ${name} reporting frequency`, error: r.error, expected: "a reporting frequency such as Monthly" });
    } else if (r.status !== "ok") {
      raise("invalid-frequency", a1(c.row, c.col), { row: name, reason: r.status === "invalid" ? r.reason : null });
    }
  });
}
