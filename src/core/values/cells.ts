/** What a cell shows, and its error. */
import type { Cell } from "../snapshot";
import { decimalFromNumber, decimalToString, roundDecimal, shift } from "./decimal";
import { excelSerialToIso, formatDateUk } from "./dates";
import { isDateFormat, isPercentFormat, numberFormatShape } from "./formats";
import { isExcelErrorText } from "./input";

export function cellError(cell: Cell | undefined): string | null {
  if (!cell || typeof cell !== "object") return null;
  if (typeof cell.error === "string" && cell.error.trim() !== "") return cell.error.trim();
  // An exceljs host may hand an error over as its text.
  if (typeof cell.value === "string" && isExcelErrorText(cell.value)) return cell.value.trim().toUpperCase();
  return null;
}

/** Groups the integer part of plain decimal text with commas. */
function group(text: string): string {
  const neg = text.startsWith("-");
  const body = neg ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const int = dot < 0 ? body : body.slice(0, dot);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + grouped + (dot < 0 ? "" : body.slice(dot));
}

/** Excel's General format, near enough: up to 10 significant digits, no float noise (0.30000000000000004 → 0.3). */
function generalNumber(x: number): string {
  if (!Number.isFinite(x)) return "";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x === 0 ? 0 : x);
  return String(Number(x.toPrecision(10)));
}

function fixed(x: number, decimals: number, scaleBy = 0): string | null {
  const d = decimalFromNumber(x);
  if (!d) return null;
  return decimalToString(roundDecimal(shift(d, scaleBy), decimals));
}

function timeOfDay(x: number, seconds: boolean): string {
  const total = Math.round((x - Math.floor(x)) * 86400) % 86400;
  const hh = String(Math.floor(total / 3600)).padStart(2, "0");
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, "0");
  const ss = String(total % 60).padStart(2, "0");
  return seconds ? `${hh}:${mm}:${ss}` : `${hh}:${mm}`;
}

export function displayNumber(x: number, format: string | undefined): string {
  if (isDateFormat(format)) {
    const code = (format ?? "").replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").toLowerCase();
    const hasDate = /[dy]/.test(code) || (/m/.test(code) && !/[hs]/.test(code));
    if (!hasDate) return timeOfDay(x, /s/.test(code));
    const iso = excelSerialToIso(x);
    return iso === "" ? generalNumber(x) : formatDateUk(iso);
  }
  const shape = numberFormatShape(format);
  if (isPercentFormat(format)) {
    const text = fixed(x, shape?.decimals ?? 0, 2);
    return text === null ? generalNumber(x) : `${text}%`;
  }
  if (!shape) return generalNumber(x);
  const text = fixed(x, shape.decimals);
  if (text === null) return generalNumber(x);
  const body = shape.grouping ? group(text) : text;
  if (shape.prefix === "") return body;
  return body.startsWith("-") ? `-${shape.prefix}${body.slice(1)}` : `${shape.prefix}${body}`;
}

/**
 * The readers' text of the commonest cell, text with no error and no shown text of its own:
 * the text trimmed, or "" where it is an error's text (an error shows no text to a reader).
 * What `cellError` then `displayText` come to for such a cell, without their tests; undefined
 * for any other cell, which the general rule reads. A register or a directions report asks
 * this of several cells a line.
 */
export function plainTextOf(cell: Cell): string | undefined {
  const v = cell.value;
  if (typeof v !== "string" || cell.error !== undefined || cell.text !== undefined) return undefined;
  return isExcelErrorText(v) ? "" : v.trim();
}

export function displayText(cell: Cell | undefined): string {
  if (!cell || typeof cell !== "object") return "";
  const error = cellError(cell);
  if (error !== null) return error;
  // The host's own text wins, unless it is Excel's "column too narrow" ####.
  if (typeof cell.text === "string" && cell.text.trim() !== "" && !/^#+$/.test(cell.text.trim())) {
    return cell.text.trim();
  }
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return displayNumber(v, cell.format);
  return "";
}
