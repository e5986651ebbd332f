/**
 * Settings typed as text, read by one set of rules wherever they are typed: the command
 * line's flags and the pane's settings form. Each reader says what is wrong in a phrase
 * (`'abc' is not a number`); the caller puts it in its own sentence (a flag's usage line,
 * a form field's message). Ranges between settings (amber above green) are the settings
 * schema's to refuse.
 */
import { parseDate, parseMoney } from "./values";

/** The problem a negative target has. */
export const NEGATIVE = "cannot be negative";

export type TextReading<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A percentage threshold: `90`, `90%`, `62.5`, from 0 to 100. */
export function thresholdFromText(text: string): TextReading<number> {
  const t = text.trim().replace(/\s*%$/, "");
  if (t === "") return { ok: false, problem: "is empty" };
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, problem: `'${text.trim()}' is not a number` };
  const value = Number(t);
  if (value > 100) return { ok: false, problem: `'${text.trim()}' is more than 100` };
  return { ok: true, value };
}

/** The savings target in the money grammar (`4.5m`, `£4,500,000`), in pence; blank is no target. */
export function targetFromText(text: string): TextReading<number | null> {
  const r = parseMoney(text);
  switch (r.status) {
    case "empty":
      return { ok: true, value: null };
    case "ok":
      return r.value < 0 ? { ok: false, problem: NEGATIVE } : { ok: true, value: r.value };
    case "error":
      return { ok: false, problem: `is the Excel error ${r.error}, not an amount of money` };
    case "invalid":
      return { ok: false, problem: r.reason };
  }
}

/**
 * The as-at date in the date grammar of §1, day first (`31/03/2024`, `31 March 2024`) or
 * ISO (`2024-03-31`); blank is today. One grammar for the command line and the form: a
 * date is typed the same way wherever it is typed.
 */
export function asOfFromText(text: string): TextReading<string | null> {
  const r = parseDate(text);
  if (r.status === "ok") return { ok: true, value: r.value };
  if (r.status === "invalid") return { ok: false, problem: r.reason };
  return { ok: true, value: null };
}

/** A whole number typed as text (`30`, ` 8 `); the caller says what range it must be in. */
function wholeNumber(text: string): TextReading<number> {
  const t = text.trim();
  if (t === "") return { ok: false, problem: "is empty" };
  if (!/^\d+$/.test(t)) return { ok: false, problem: `'${t}' is not a whole number` };
  return { ok: true, value: Number(t) };
}

/** The due-soon window for actions, in days: a whole number from 0 (the settings schema caps it). */
export function dueSoonFromText(text: string): TextReading<number> {
  return wholeNumber(text);
}

/** A risk score threshold on the 5 × 5 matrix: a whole number from 1 to 25. */
export function riskScoreFromText(text: string): TextReading<number> {
  const r = wholeNumber(text);
  if (!r.ok) return r;
  return r.value >= 1 && r.value <= 25 ? r : { ok: false, problem: `'${text.trim()}' is not from 1 to 25` };
}

/** The organisation's name for the summary pages: one line; blank is none. */
export function organisationFromText(text: string): TextReading<string | null> {
  const t = text.replace(/\s+/g, " ").trim();
  return { ok: true, value: t === "" ? null : t };
}
