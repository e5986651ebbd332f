/**
 * The outcome of reading one value against its grammar (standard-templates.md §1).
 * `error` is an Excel error in the cell (→ `formula-error`); `invalid` is a value that is
 * present but breaks the grammar (→ the grammar's own finding, e.g. `invalid-money`).
 */
export type ValueResult<T> =
  | { status: "ok"; value: T }
  | { status: "empty" }
  | { status: "error"; error: string }
  | { status: "invalid"; text: string; reason: string };

export const ok = <T>(value: T): ValueResult<T> => ({ status: "ok", value });
export const EMPTY: ValueResult<never> = { status: "empty" };
export const invalid = (text: string, reason: string): ValueResult<never> => ({ status: "invalid", text, reason });
export const excelError = (error: string): ValueResult<never> => ({ status: "error", error });
