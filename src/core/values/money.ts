/** Money (standard-templates.md §1): whole pence, by decimal arithmetic on the text. */
import type { ValueResult } from "./result";
import { EMPTY, excelError, invalid, ok } from "./result";
import type { Decimal } from "./decimal";
import { decimalFromNumber, parseDecimal, roundDecimal, shift } from "./decimal";
import type { RawValue } from "./input";
import { optionalGroup, quote, toInput } from "./input";
import { roundHalfUp } from "./numbers";

export function isThousandsHint(hint: string | null | undefined): boolean {
  if (typeof hint !== "string") return false;
  // `(£000)`, `£ '000`, `£’000s`, `£k`, `£000's` all say "thousands of pounds".
  const t = hint.toLowerCase().replace(/[\s()[\]'’‘`]/g, "");
  return /^(£|gbp)(000s?|k|thousands?)$/.test(t);
}

/** Unit suffixes and the power of ten each stands for. */
const SUFFIX_POWER: Readonly<Partial<Record<string, number>>> = { k: 3, m: 6, mn: 6, million: 6 };
const SUFFIX = "(?:million|mn|m|k)";

const NOT_MONEY = "is not an amount of money";

/*
 * The text grammar's expressions, made once: built inside parseMoneyText they were made
 * afresh for every cell (three `new RegExp` a money cell, a third of reading one). None
 * is global or sticky, so a shared one keeps no state between calls.
 */
/** Digits split by a space (`£448 000`), with or without a unit. */
const SPLIT_DIGITS = new RegExp(`^[^\\d]*\\d[\\d,.]*(?: \\d[\\d,.]*)+ ?${SUFFIX}?[^\\d]*$`, "i");
/** A unit given twice (`£448Kk`, `£1m million`). */
const UNIT_TWICE = new RegExp(`\\d\\s*${SUFFIX}\\s*${SUFFIX}(?![a-z])`, "i");
/** An amount: brackets or a sign before or after the £, digits, a unit. */
const AMOUNT = new RegExp(
  `^(\\()?\\s*([-+])?\\s*(£|gbp)?\\s*(\\()?\\s*([-+])?\\s*([\\d,]*\\.?\\d*)\\s*([a-z]+)?\\s*(\\))?\\.?$`,
  "i",
);

type Parsed = { ok: true; amount: Decimal; power: number | null } | { ok: false; reason: string };

function parseMoneyText(original: string): Parsed {
  const text = original.replace(/[\u2212\u2012\u2013\u2014]/g, "-").replace(/\s+/g, " ").trim();
  if (!/\d/.test(text)) return { ok: false, reason: NOT_MONEY };
  const numbers = text.match(/\d[\d,.]*|\.\d+/g) ?? [];
  if (numbers.length > 1) {
    if (SPLIT_DIGITS.test(text)) {
      return { ok: false, reason: "has digits split by a space: write one amount, such as £448,000 or £448K" };
    }
    return { ok: false, reason: "holds more than one amount: write one amount in the cell" };
  }
  if (UNIT_TWICE.test(text)) {
    return { ok: false, reason: "has its unit twice: write £448K or £448,000" };
  }
  const m = AMOUNT.exec(text);
  if (!m) return { ok: false, reason: NOT_MONEY };
  // The bracket may open before or after the £: Excel's accounting formats show `£ (5,000)`.
  const open1 = optionalGroup(m, 1);
  const sign1 = optionalGroup(m, 2);
  const open2 = optionalGroup(m, 4);
  const sign2 = optionalGroup(m, 5);
  const suffix = optionalGroup(m, 7);
  const close = optionalGroup(m, 8);
  const num = m[6];
  if (open1 && open2) return { ok: false, reason: NOT_MONEY };
  const open = open1 ?? open2;
  if (Boolean(open) !== Boolean(close)) return { ok: false, reason: `${NOT_MONEY}: a bracket is not closed` };
  if (sign1 && sign2) return { ok: false, reason: `${NOT_MONEY}: it has two signs` };
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(num) || num === "" || num === ".") {
    if (/,/.test(num) && /^[\d,]+(\.\d+)?$/.test(num)) {
      return { ok: false, reason: "has thousands commas in the wrong places: group digits in threes, such as £1,000,000" };
    }
    return { ok: false, reason: NOT_MONEY };
  }
  let power: number | null = null;
  if (suffix !== undefined) {
    const p = SUFFIX_POWER[suffix.toLowerCase()];
    if (p === undefined) return { ok: false, reason: `${NOT_MONEY}: '${suffix}' is not a unit (use K for thousands or m for millions)` };
    power = p;
  }
  const amount = parseDecimal(num.replace(/,/g, ""));
  if (!amount) return { ok: false, reason: NOT_MONEY };
  // Brackets and a minus both mean negative; `(-5)` is read as negative too, not as a double negative.
  const negative = Boolean(open) || sign1 === "-" || sign2 === "-";
  return { ok: true, amount: { ...amount, negative: negative && amount.n !== 0n }, power };
}

/**
 * `thousands` (a `£000` column or label) scales bare numbers only: text with its own unit
 * (`£448K`, `£1.2m`) already says what it means and is not scaled again.
 */
/**
 * A number cell whose format shows a unit (`£#,##0"K"` shows 448 as £448K) means what it
 * shows, as a finance officer reads it: 448 is £448,000. A format that also scales the
 * display with trailing commas (`£#,##0,"K"` shows 448,000 as £448K) holds pounds already.
 * Returns the power of ten to apply, or null where the format names no unit.
 */
function formatPower(format: string | undefined): number | null {
  if (!format) return null;
  const section = format.split(";")[0];
  const LITERAL = /"([^"]*)"|\\(.)/g;
  let unit: number | undefined;
  for (const m of section.matchAll(LITERAL)) {
    const literal = (optionalGroup(m, 1) ?? optionalGroup(m, 2) ?? "").trim().toLowerCase();
    unit = SUFFIX_POWER[literal] ?? unit;
  }
  if (unit === undefined) return null;
  const bare = section.replace(LITERAL, " ");
  const commas = /[0#?](,+)[^0#?]*$/.exec(bare)?.[1].length ?? 0;
  return Math.max(0, unit - 3 * commas);
}

/** Formats' powers, worked out once per format (a register's money column has one). */
const powers = new Map<string, number | null>();

function formatPowerOf(format: string | undefined): number | null {
  if (!format) return null;
  let p = powers.get(format);
  if (p === undefined) {
    p = formatPower(format);
    if (powers.size > 1000) powers.clear();
    powers.set(format, p);
  }
  return p;
}

/**
 * A whole number of pounds (or thousands, millions) as pence, in floats where that is
 * exact: an integer below 10^15 is its own 15-digit reading, and a product of integers
 * within 2^53 is exact. Null for anything the decimal arithmetic must do.
 */
function wholePence(value: number, power: number): number | null {
  if (!Number.isInteger(value) || Math.abs(value) >= 1e15 || power > 13) return null;
  const pence = value * 10 ** (power + 2);
  if (!Number.isSafeInteger(pence)) return null;
  // Within int32, returned as one (`| 0`, which also makes -0 a 0): until this is optimised
  // the product is a heap number, and the first heap number stored in a record's
  // `valuePence` makes that field a double for every record, a 16-byte box a line kept
  // for the whole run (and again in the totals that add them).
  return (pence | 0) === pence ? pence | 0 : pence;
}

export function parseMoney(raw: RawValue, opts?: { thousands?: boolean }): ValueResult<number> {
  const thousands = opts?.thousands === true ? 3 : 0;
  // A cell of a whole number (most money cells: a register's every line): read as the
  // "number" case below reads it, without the Input object made for it.
  if (typeof raw === "object" && raw !== null && raw.error === undefined) {
    const v = raw.value;
    if (typeof v === "number" && Number.isFinite(v)) {
      const pence = wholePence(v, formatPowerOf(raw.format) ?? thousands);
      if (pence !== null) return ok(pence);
    }
  }
  const input = toInput(raw);
  let amount: Decimal | null;
  let power: number;
  let shown: string;
  switch (input.kind) {
    case "empty":
      return EMPTY;
    case "error":
      return excelError(input.error);
    case "boolean":
      return invalid(input.display, `${input.display} ${NOT_MONEY}`);
    case "number": {
      power = formatPowerOf(input.format) ?? thousands;
      const pence = wholePence(input.value, power);
      if (pence !== null) return ok(pence);
      amount = decimalFromNumber(input.value);
      shown = input.text?.trim() || String(input.value);
      break;
    }
    case "text": {
      const parsed = parseMoneyText(input.text);
      if (!parsed.ok) return invalid(input.text, `${quote(input.text)} ${parsed.reason}`);
      amount = parsed.amount;
      power = parsed.power ?? thousands;
      shown = input.text;
      break;
    }
  }
  if (!amount) return invalid(shown, `${quote(shown)} ${NOT_MONEY}`);
  const big = roundDecimal(shift(amount, power + 2), 0);
  if (big.n > BigInt(Number.MAX_SAFE_INTEGER)) return invalid(shown, `${quote(shown)} is too large to be an amount of money`);
  return ok(big.n === 0n ? 0 : big.negative ? -Number(big.n) : Number(big.n));
}

/** Digits with a comma every three from the right (`1234567` → `1,234,567`). */
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return out;
}

export function formatMoney(pence: number, opts?: { pence?: boolean }): string {
  if (typeof pence !== "number" || !Number.isFinite(pence)) return "";
  const whole = Number.isInteger(pence) ? pence : roundHalfUp(pence, 0);
  // Whole pounds below 10^15 pence are exact in doubles (% and a multiple of 100 divided by
  // 100 are exact): the same text as the BigInt path, without its cost on 100,000 reasons.
  if (opts?.pence !== true && Math.abs(whole) < 1e15) {
    const a = Math.abs(whole) + 50;
    const pounds = (a - (a % 100)) / 100;
    return `${whole < 0 && pounds !== 0 ? "-" : ""}£${groupThousands(String(pounds))}`;
  }
  let abs = BigInt(Math.abs(whole));
  const negative = whole < 0;
  let frac = "";
  if (opts?.pence === true) {
    frac = "." + String(abs % 100n).padStart(2, "0");
    abs = abs / 100n;
  } else {
    abs = (abs + 50n) / 100n; // half a pound or more rounds away from zero
  }
  const body = abs.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",") + frac;
  const isZero = abs === 0n && (frac === "" || frac === ".00");
  return `${negative && !isZero ? "-" : ""}£${body}`;
}
