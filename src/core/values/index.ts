/**
 * The value grammars of standard-templates.md §1, in one place for the readers.
 *
 * CONTRACT (signatures are fixed; implementations live in the sibling files and are
 * re-exported here). Every parser takes a snapshot cell (or, for tests, plain text or a
 * number) and never throws.
 */
import type { Cell } from "../snapshot";
import type { RiskLevel } from "../records";
import type { ValueResult } from "./result";

export type { ValueResult } from "./result";

/** A cell as stored, or raw text / a number (tests, and text already cut from a label cell). */
export type RawValue = Cell | string | number | boolean | null | undefined;

const todo = (name: string): never => {
  throw new Error(`${name} is not implemented yet`);
};

// ---- labels (§1 "A label matches …") ------------------------------------------------

/** Normalised label text: trimmed, white space folded, lower case, trailing `:`/`?` and bracketed hints dropped. */
export function normaliseLabel(text: string): string {
  return todo("normaliseLabel");
}
/** The bracketed hint(s) of a label (`Proposed Saving (£000)` → `£000`), or null. */
export function labelHint(text: string): string | null {
  return todo("labelHint");
}
/** True where the whole normalised text equals one of the labels (labels given in plain form, e.g. `Risk Level`). */
export function matchesLabel(text: string, labels: readonly string[]): boolean {
  return todo("matchesLabel");
}
/** True where the normalised text begins with one of the prefixes (titles, `Progress …`, `Measure …`). */
export function beginsWithLabel(text: string, prefixes: readonly string[]): boolean {
  return todo("beginsWithLabel");
}
/**
 * Splits `Description: A reduction in …` at the first colon into a label part and the
 * value after it (trimmed; null when nothing follows the colon). No colon: value null.
 */
export function splitLabelValue(text: string): { label: string; value: string | null } {
  return todo("splitLabelValue");
}

// ---- cells ----------------------------------------------------------------------------

/**
 * What the cell displays, trimmed: `text` where the host gave it; else numbers in General
 * style (1.1 → "1.1", 448000 → "448000"), percent-formatted numbers as `92%`, date-formatted
 * numbers as `dd/mm/yyyy`, booleans as TRUE/FALSE, errors as the error; blank → "".
 */
export function displayText(cell: Cell | undefined): string {
  return todo("displayText");
}
/** The Excel error a cell holds (`#REF!` …), or null. */
export function cellError(cell: Cell | undefined): string | null {
  return todo("cellError");
}
/** True where a number format code is a date/time format (`dd/mm/yyyy`, `d-mmm-yy`, `[$-809]dd mmmm yyyy` …). */
export function isDateFormat(format: string | undefined): boolean {
  return todo("isDateFormat");
}
/** True where a number format code is a percentage format (`0%`, `0.0%`). */
export function isPercentFormat(format: string | undefined): boolean {
  return todo("isPercentFormat");
}

// ---- numbers --------------------------------------------------------------------------

/** Rounds half-up (away from zero for negatives) to `dp` decimal places, exactly: roundHalfUp(0.57*100, 1) = 57. */
export function roundHalfUp(x: number, dp: number): number {
  return todo("roundHalfUp");
}

// ---- money ----------------------------------------------------------------------------

/** True where a label/column hint means thousands: `£000`, `£000s`, `£'000`, `£k` (any case, spaces allowed). */
export function isThousandsHint(hint: string | null | undefined): boolean {
  return todo("isThousandsHint");
}
/**
 * Money → whole pence (may be negative: the reader raises `negative-value`).
 * `thousands` multiplies by 1,000 (a `£000` column). Rounded half-up to the penny, exactly
 * (decimal arithmetic on the text, not floats). Rejects `TBC`, `n/a`, `£44 8K`, `£448KK`,
 * two numbers in a cell, with a `reason` fit for a message.
 */
export function parseMoney(raw: RawValue, opts?: { thousands?: boolean }): ValueResult<number> {
  return todo("parseMoney");
}
/** Pence → `£448,000` (whole pounds) or, with `pence: true`, `£448,000.00`; negatives as `-£5`. */
export function formatMoney(pence: number, opts?: { pence?: boolean }): string {
  return todo("formatMoney");
}

// ---- percent --------------------------------------------------------------------------

/**
 * Percent → 0–100 scale, rounded half-up to one decimal. A number cell with a percent
 * format is a fraction (0.92 → 92); any other number cell is points (92 → 92); text `92%`,
 * `92 %`, `92`; `Complete`/`Completed`/`Done`/`Achieved` → 100. Out-of-range values are
 * returned as ok (the reader raises `progress-out-of-range`). Narrative text → invalid.
 */
export function parsePercent(raw: RawValue): ValueResult<number> {
  return todo("parsePercent");
}

// ---- dates ----------------------------------------------------------------------------

/** Excel serial (1900 system, with its phantom 29/02/1900) → ISO date. */
export function excelSerialToIso(serial: number): string {
  return todo("excelSerialToIso");
}
/** ISO date → Excel serial (1900 system). */
export function isoToExcelSerial(iso: string): number {
  return todo("isoToExcelSerial");
}
/**
 * Date → ISO. A number cell is an Excel serial; text per the grammar, day first always;
 * month-only text is the month's last day. `03/21/2024` → invalid, reason says US order is
 * not accepted; `31/02/2024` → invalid (no such date).
 */
export function parseDate(raw: RawValue): ValueResult<string> {
  return todo("parseDate");
}
/** Text that is a date per the grammar found inside longer text, e.g. after `by `: returns ISO or null. */
export function parseDateText(text: string): string | null {
  return todo("parseDateText");
}
/** ISO → `21/03/2024` (UK display). */
export function formatDateUk(iso: string): string {
  return todo("formatDateUk");
}

// ---- small grammars -------------------------------------------------------------------

export function parseRiskLevel(raw: RawValue): ValueResult<RiskLevel> {
  return todo("parseRiskLevel");
}
/** Canonical name (`Quarterly`, `Bi-monthly`, `Annually` …) of a reporting frequency. */
export function parseFrequency(raw: RawValue): ValueResult<string> {
  return todo("parseFrequency");
}
/** `No.1 No.2`, `No 1, 2`, `1\n3` → [1, 2] / [1, 3]; tokens outside No.1–No.6 → invalid. */
export function parseStrategicAims(raw: RawValue): ValueResult<number[]> {
  return todo("parseStrategicAims");
}
/** `v1`, `v2.1`, `1`, `1.0` → the text as given; anything else invalid. */
export function parseVersion(raw: RawValue): ValueResult<string> {
  return todo("parseVersion");
}
