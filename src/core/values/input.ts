/** Turns any RawValue into one of a few simple shapes, so each grammar is written once. */
import type { Cell } from "../snapshot";
import { EXCEL_ERRORS } from "../snapshot";

/** A cell as stored, or raw text / a number (tests, and text already cut from a label cell). */
export type RawValue = Cell | string | number | boolean | null | undefined;

export type Input =
  | { kind: "empty" }
  | { kind: "error"; error: string }
  | { kind: "boolean"; value: boolean; display: string }
  | { kind: "number"; value: number; format?: string; text?: string }
  | { kind: "text"; text: string };

const ERRORS: ReadonlySet<string> = new Set(EXCEL_ERRORS.map((e) => e.toUpperCase()));

/** True where text is exactly an Excel error value (`#REF!`); an exceljs host may pass errors as text. */
export function isExcelErrorText(text: string): boolean {
  // Every error begins with `#` and is short: long narrative is never upper-cased to find out.
  // Text starting with a visible ASCII character other than `#` (most text) is not trimmed to see.
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f && first !== 0x23) return false;
  const t = text.trim();
  return t.length <= 16 && t.startsWith("#") && ERRORS.has(t.toUpperCase());
}

/** Non-breaking and other exotic spaces count as spaces; curly quotes and dashes are left to each grammar. */
export function cleanText(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g, " ").replace(/[\u200b\ufeff]/g, "").trim();
}

export function toInput(raw: RawValue): Input {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "number") return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "empty" };
  if (typeof raw === "boolean") return { kind: "boolean", value: raw, display: raw ? "TRUE" : "FALSE" };
  if (typeof raw === "string") return textInput(raw);
  if (typeof raw !== "object") return { kind: "empty" };
  const cell = raw as Partial<Cell>;
  if (typeof cell.error === "string" && cell.error.trim() !== "") return { kind: "error", error: cell.error.trim() };
  const v = cell.value;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "empty" };
    return { kind: "number", value: v, format: cell.format, text: cell.text };
  }
  if (typeof v === "boolean") return { kind: "boolean", value: v, display: v ? "TRUE" : "FALSE" };
  if (typeof v === "string") return textInput(v);
  return { kind: "empty" };
}

function textInput(raw: string): Input {
  const text = cleanText(raw);
  if (text === "") return { kind: "empty" };
  if (isExcelErrorText(text)) return { kind: "error", error: text.toUpperCase() };
  return { kind: "text", text };
}

/**
 * A capture group that may have taken no part in the match: RegExpExecArray types every
 * group as a string, but an optional group that did not match is undefined.
 */
export function optionalGroup(m: RegExpExecArray | RegExpMatchArray, index: number): string | undefined {
  const groups: readonly (string | undefined)[] = m;
  return groups[index];
}

/** A short quotation of the offending text for a reason (long narrative is cut). */
export function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `'${t.length > 60 ? t.slice(0, 57) + "..." : t}'`;
}
