/**
 * The value grammars of standard-templates.md §1, in one place for the readers.
 *
 * CONTRACT (signatures are fixed; implementations live in the sibling files and are
 * re-exported here). Every parser takes a snapshot cell (or, for tests, plain text or a
 * number) and never throws.
 *
 * ---- labels (§1 "A label matches …") ----
 * normaliseLabel(text): string — trimmed, white space folded, lower case, trailing `:`/`?`
 *   and bracketed hints dropped (`(s)` glued to a word is part of the label: `Exec Lead(s)`).
 * labelHint(text): string | null — the bracketed hint(s) (`Proposed Saving (£000)` → `£000`).
 * matchesLabel(text, labels): boolean — the whole normalised text equals one of the labels.
 * beginsWithLabel(text, prefixes): boolean — the normalised text begins with one of the prefixes.
 * isLabelKey(key, labels) / keyBeginsWithLabel(key, prefixes): the same two given the text's
 *   normal form already (normaliseLabel's), for a reader that keeps it.
 * splitLabelValue(text) — `Description: A reduction …` split at the FIRST colon; value trimmed,
 *   null when nothing follows the colon or there is no colon.
 *
 * ---- cells ----
 * displayText(cell): string — `text` where the host gave it; numbers in General style
 *   (1.1 → "1.1", 448000 → "448000"), fixed formats (`0.0` → "1.0"), percent formats as
 *   `92%`, date formats as `dd/mm/yyyy`, booleans TRUE/FALSE, errors as the error; blank → "".
 * cellError(cell): the Excel error a cell holds (`#REF!` …), or null.
 * isDateFormat(format) / isPercentFormat(format): what a number format code is.
 *
 * ---- numbers ----
 * roundHalfUp(x, dp): half away from zero, exactly: roundHalfUp(0.57*100, 1) = 57.
 *
 * ---- money ----
 * isThousandsHint(hint): `£000`, `£000s`, `£'000`, `£k` (any case, spaces allowed).
 * parseMoney(raw, { thousands }): whole pence (may be negative). `thousands` scales bare
 *   numbers only (text with its own K/m unit is not scaled again). Rejects `TBC`, `n/a`,
 *   `£44 8K`, `£448KK`, two numbers in a cell, with a `reason` fit for a message.
 * formatMoney(pence, { pence }): `£448,000` / `£448,000.00`; negatives `-£5`.
 *
 * ---- percent ----
 * parsePercent(raw): 0–100 points, rounded half-up to one decimal; percent-formatted number
 *   cells are fractions; `Complete`/`Completed`/`Done`/`Achieved` → 100; out of range is ok.
 *
 * ---- dates ----
 * excelSerialToIso(serial): ISO, or "" for no real date (< 1, 60 = phantom 29/02/1900, > 2958465).
 * isoToExcelSerial(iso): serial, or NaN for text that is not a real ISO date from 1900.
 * parseDate(raw): number = serial; text per the grammar, day first; month-only = last day.
 * parseDateText(text): a date at the START of text (`January 2024 in order to …`), or null.
 * formatDateUk(iso): `21/03/2024` (invalid input is returned unchanged).
 *
 * ---- small grammars ----
 * parseRiskLevel, parseFrequency (canonical spelling of the word given: `bimonthly` →
 * `Bi-monthly`, `annual` → `Annual`), parseStrategicAims (sorted unique aim numbers),
 * parseVersion (the text as given).
 */
export type { ValueResult } from "./result";
export type { RawValue } from "./input";

import * as labels from "./labels";
import * as cells from "./cells";
import * as formats from "./formats";
import * as numbers from "./numbers";
import * as money from "./money";
import * as percent from "./percent";
import * as dates from "./dates";
import * as grammars from "./grammars";

// Each name bound once as a constant, not re-exported (`export { … } from`): tsc's CommonJS
// output (lib/, which bench/stages.js times) makes each re-export a getter, called on every
// call of a grammar through this file until the caller is optimised, ~10% of a first
// analyse of directions-5000. The bundle (webpack, from the source) binds them directly either way.
export const normaliseLabel = labels.normaliseLabel;
export const labelHint = labels.labelHint;
export const matchesLabel = labels.matchesLabel;
export const beginsWithLabel = labels.beginsWithLabel;
export const splitLabelValue = labels.splitLabelValue;
export const isLabelKey = labels.isLabelKey;
export const keyBeginsWithLabel = labels.keyBeginsWithLabel;
export const displayText = cells.displayText;
export const cellError = cells.cellError;
export const isDateFormat = formats.isDateFormat;
export const isPercentFormat = formats.isPercentFormat;
export const roundHalfUp = numbers.roundHalfUp;
export const isThousandsHint = money.isThousandsHint;
export const parseMoney = money.parseMoney;
export const formatMoney = money.formatMoney;
export const parsePercent = percent.parsePercent;
export const excelSerialToIso = dates.excelSerialToIso;
export const isoToExcelSerial = dates.isoToExcelSerial;
export const parseDate = dates.parseDate;
export const parseDateText = dates.parseDateText;
export const formatDateUk = dates.formatDateUk;
export const parseRiskLevel = grammars.parseRiskLevel;
export const parseFrequency = grammars.parseFrequency;
export const parseStrategicAims = grammars.parseStrategicAims;
export const parseVersion = grammars.parseVersion;
