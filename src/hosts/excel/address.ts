/**
 * Range addresses as Office.js gives and takes them: `'My Sheet'!B2:D10`, `A1`, `B:B`.
 */
import { columnLetters, parseA1 } from "../../core/grid";

/** A block of cells, 1-based and inclusive. */
export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Drops the sheet part of an address (`'O''Brien'!A1:B2` → `A1:B2`). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** Parses `A1` or `A1:C3` (with or without a sheet part, `$` allowed) into bounds. */
export function parseRangeAddress(address: string): Bounds {
  const [from, to] = stripSheet(address).split(":");
  const a = parseA1(from);
  const b = to ? parseA1(to) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Parses a RangeAreas address: `Sheet1!A1:B2, Sheet1!D4:E5` (areas separated by commas). */
export function parseAreasAddress(address: string): Bounds[] {
  // A quoted sheet name may itself hold a comma, so split on commas followed by an area.
  return address
    .split(/,\s*(?=(?:'[^']*(?:''[^']*)*'|[^',!]+)!|\$?[A-Za-z]{1,3}\$?\d)/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseRangeAddress);
}

/** `A1:C3`, or `A1` for a single cell. */
export function boundsAddress(b: Bounds): string {
  const from = `${columnLetters(b.left)}${b.top}`;
  const to = `${columnLetters(b.right)}${b.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

/** A whole column, `B:B`. */
export function columnAddress(col: number): string {
  const l = columnLetters(col);
  return `${l}:${l}`;
}

/** A whole row, `4:4`. */
export function rowAddress(row: number): string {
  return `${row}:${row}`;
}
