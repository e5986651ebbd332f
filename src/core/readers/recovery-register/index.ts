/**
 * The recovery (savings) register: many actions on one sheet (standard-templates.md §4;
 * seed 001, Midlothian IJB Achieving Financial Balance 2018/19). The header
 * (register-header.ts), each line (register-item.ts) and the stated total (stated-total.ts)
 * each have a file; this one walks the table and says where it ends.
 */
import { findingsOn, type Finding } from "../../findings";
import { isBlank, type SheetGrid } from "../../grid";
import type { RecoveryAction } from "../../records";
import type { Cell } from "../../snapshot";
import { registerHeaderAt, registerHeaderRows, type RegisterHeader } from "./register-header";
import { continueItem, isContinuationRow, readRegisterItem, serviceCellOf } from "./register-item";
import type { RegisterSheet } from "./register-sheet";
import { checkStatedTotal, readStatedTotal, statedTotalRow, totalLabelRows, type StatedTotal } from "./stated-total";

export { findRegisterHeader, type RegisterHeader } from "./register-header";

/** True where every cell of the row is blank (its cells as the grid keeps them, not a filtered copy). */
function allBlank(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

/**
 * The table ends at its stated total, at two consecutive empty rows, or at the end of the
 * used range; a repeat of the header (a page break) is skipped.
 */
export function readRecoveryRegister(
  grid: SheetGrid,
  header: RegisterHeader,
): { actions: RecoveryAction[]; statedTotal: StatedTotal | null; findings: Finding[] } {
  const { findings, raise } = findingsOn(grid.name);
  const register: RegisterSheet = { grid, header, raise, row: 0, cells: [] };
  // The few rows that may hold a header or a Total label, taken once (not looked up a line).
  const headerRows = registerHeaderRows(grid);
  const totalRows = totalLabelRows(grid);
  const actions: RecoveryAction[] = [];
  let statedTotal: StatedTotal | null = null;

  let lastContentRow = header.row;
  // Indexed, not for…of: a first run steps through 100,000 rows before the loop is
  // optimised, and each step of an array iterator there makes a result object.
  const rows = grid.rows();
  // One array for every line's cells (each line is read before the next is taken).
  const scratch: Cell[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row <= header.row) continue;
    const rowCells = grid.cellsOfRowInto(row, scratch);
    if (allBlank(rowCells)) {
      // The scratch array now holds this row: no line is being read (cellIn asks the grid).
      register.row = 0;
      continue;
    }
    register.row = row;
    register.cells = rowCells;
    if (row - lastContentRow > 2) break; // two consecutive empty rows
    lastContentRow = row;
    if (registerHeaderAt(grid, row, headerRows)) continue;

    const total = statedTotalRow(register, row, rowCells, totalRows);
    if (total) {
      statedTotal = readStatedTotal(register, total.cell);
      break; // nothing below the stated total is read
    }
    const service = serviceCellOf(register, row);
    if (isContinuationRow(register, row, service)) {
      const above = actions.at(-1);
      if (above) continueItem(register, row, above);
      continue;
    }
    actions.push(readRegisterItem(register, row, service));
  }

  if (statedTotal) checkStatedTotal(register, statedTotal, actions);
  return { actions, statedTotal, findings };
}
