/**
 * Hand-written sheets for reader tests: a 2-D array (row 1 first, column A first) or an
 * `{ A1: value }` map becomes a SheetSnapshot / SheetGrid. Only non-blank entries become
 * cells, as a host would give them.
 */
import { SheetGrid, parseA1 } from "../../src/core/grid";
import type { Cell, Merge, SheetSnapshot } from "../../src/core/snapshot";

/** A cell given in a test: plain value, or a partial cell (to set a format, error or formula). */
export type TestCell = string | number | boolean | null | undefined | Partial<Omit<Cell, "row" | "col">>;

export interface SheetOptions {
  name?: string;
  /** Merged ranges as `B9:C9`. */
  merges?: string[];
  usedRange?: { rows: number; cols: number };
}

function toCell(row: number, col: number, v: TestCell): Cell | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "object") return { row, col, value: v.value ?? null, ...v } as Cell;
  return { row, col, value: v };
}

/** `B9:C9` → a merge. */
export function merge(range: string): Merge {
  const [from, to] = range.split(":");
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** A sheet from rows (array of arrays) or an A1 map. */
export function sheet(content: TestCell[][] | Record<string, TestCell>, options: SheetOptions = {}): SheetSnapshot {
  const cells: Cell[] = [];
  if (Array.isArray(content)) {
    content.forEach((r, i) => r.forEach((v, j) => {
      const c = toCell(i + 1, j + 1, v);
      if (c) cells.push(c);
    }));
  } else {
    for (const [addr, v] of Object.entries(content)) {
      const { row, col } = parseA1(addr);
      const c = toCell(row, col, v);
      if (c) cells.push(c);
    }
  }
  cells.sort((x, y) => x.row - y.row || x.col - y.col);
  return {
    name: options.name ?? "Sheet1",
    visibility: "visible",
    cells,
    merges: (options.merges ?? []).map(merge),
    ...(options.usedRange ? { usedRange: options.usedRange } : {}),
  };
}

/** A SheetGrid from rows or an A1 map. */
export function grid(content: TestCell[][] | Record<string, TestCell>, options: SheetOptions = {}): SheetGrid {
  return new SheetGrid(sheet(content, options));
}

/** An error cell as a host gives it. */
export const errorCell = (error: string): TestCell => ({ value: null, error });
