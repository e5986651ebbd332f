/** What reading one register needs: the sheet, its header, and where findings go. */
import type { RaiseFinding } from "../../findings";
import { isBlank, type SheetGrid } from "../../grid";
import type { Cell } from "../../snapshot";
import { cellError, displayText } from "../../values";
import type { RegisterHeader } from "./register-header";

export interface RegisterSheet {
  grid: SheetGrid;
  header: RegisterHeader;
  raise: RaiseFinding;
}

/** The cell in a column of the header (undefined for a column the register lacks). */
export function cellIn({ grid }: RegisterSheet, row: number, col: number | null): Cell | undefined {
  return col === null ? undefined : grid.get(row, col);
}

/** A text column's trimmed text ("" for blank, an error, or a column the register lacks). */
export function textIn(register: RegisterSheet, row: number, col: number | null): string {
  const c = cellIn(register, row, col);
  return c && !isBlank(c) && cellError(c) === null ? displayText(c).trim() : "";
}
