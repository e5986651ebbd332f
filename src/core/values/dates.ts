/** Dates (standard-templates.md §1): Excel serials, UK day-first text, month-only text. UTC calendar maths only. */
import type { ValueResult } from "./result";
import { EMPTY, excelError, invalid, ok } from "./result";
import type { RawValue } from "./input";
import { optionalGroup, quote, toInput } from "./input";

// ---- calendar (proleptic Gregorian, days since 1970-01-01; Howard Hinnant's algorithms) ----

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in each month of a common year (one array, not one a call: every date read asks). */
const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** 00 to 99: a date's month and day without a String and a padStart each (every date read or shown asks). */
const TWO_DIGITS: readonly (string | undefined)[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** `YYYY-MM-DD`, each part padded with zeros (exported for the test that holds `iso` to it). */
export function isoByRule(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** isoByRule; a four-digit year needs no padding, and a whole month and day below 100 are in the table. */
export function iso(y: number, m: number, d: number): string {
  const mm = TWO_DIGITS[m];
  const dd = TWO_DIGITS[d];
  if (y >= 1000 && y <= 9999 && mm !== undefined && dd !== undefined) return `${y}-${mm}-${dd}`;
  return isoByRule(y, m, d);
}

/** `YYYY-MM-DD`: the shape of an ISO date (whether the day exists is checked apart). */
export const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoParts(text: string): [number, number, number] | null {
  const m = ISO_DATE_SHAPE.exec(typeof text === "string" ? text.trim() : "");
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

// ---- Excel serials (1900 system) ----------------------------------------------------------

/** Serial 25569 is 1970-01-01. Serials 1–59 are one day further on, because Excel counts a 29/02/1900 (serial 60) that never was. */
const UNIX_EPOCH_SERIAL = 25569;
const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31

/** True where a serial is a real date Excel can show: 1 … 2958465, not the phantom 60. */
function isValidSerial(serial: number): boolean {
  const whole = Math.floor(serial);
  return Number.isFinite(serial) && whole >= 1 && whole <= MAX_EXCEL_SERIAL && whole !== 60;
}

/**
 * Serial → ISO. The time of day (fraction) is ignored. Returns "" for a serial that is no
 * real date (below 1, above 31/12/9999, or 60, Excel's phantom 29/02/1900).
 */
export function excelSerialToIso(serial: number): string {
  if (typeof serial !== "number" || !isValidSerial(serial)) return "";
  const whole = Math.floor(serial);
  const days = whole < 60 ? whole - UNIX_EPOCH_SERIAL + 1 : whole - UNIX_EPOCH_SERIAL;
  const [y, m, d] = civilFromDays(days);
  return iso(y, m, d);
}

/** ISO → serial; NaN where the text is not a real ISO date from 1900-01-01 to 9999-12-31. */
export function isoToExcelSerial(isoText: string): number {
  const parts = parseIsoParts(isoText);
  if (!parts || parts[0] < 1900) return NaN;
  const days = daysFromCivil(parts[0], parts[1], parts[2]);
  const serial = days + UNIX_EPOCH_SERIAL;
  return serial < 61 ? serial - 1 : serial;
}

export function formatDateUk(isoText: string): string {
  const parts = parseIsoParts(isoText);
  if (!parts) return typeof isoText === "string" ? isoText : "";
  const [y, m, d] = parts;
  // A real date's month and day are whole and below 100: from the table (every direction's reason shows its date).
  return `${TWO_DIGITS[d]}/${TWO_DIGITS[m]}/${y >= 1000 ? y : String(y).padStart(4, "0")}`;
}

// ---- text grammar ---------------------------------------------------------------------------

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\\.?";
const WEEKDAY = "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
/** What may follow a date inside longer text: the end, or anything but a letter, digit or a date separator joined to a digit. */
const END = "(?=$|[^\\p{L}\\p{N}/.\\-]|[/.\\-](?!\\d))";

type Found =
  | { ok: true; iso: string; length: number }
  | { ok: false; reason: string; length: number };

interface Form {
  re: RegExp;
  build(m: RegExpExecArray): { y: number; m: number; d: number | "last" } | { error: string };
}

function year(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** Tried in order; each anchored at the start. Longer, more specific forms first. */
const FORMS: Form[] = [
  // ISO yyyy-mm-dd (an ISO time after it, from a host, is ignored)
  {
    re: new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?${END}`, "iu"),
    build: (m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }),
  },
  // dd/mm/yyyy, d/m/yyyy, dd/mm/yy, dd-mm-yyyy, dd.mm.yyyy: one separator throughout
  {
    re: new RegExp(`^(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})${END}`, "iu"),
    build: (m) => {
      const d = Number(m[1]);
      const mo = Number(m[3]);
      if (mo > 12 && d >= 1 && d <= 12) {
        return { error: `is in US month/day order, which is not accepted: put the day first (${String(mo).padStart(2, "0")}/${String(d).padStart(2, "0")}/${m[4]})` };
      }
      return { y: year(m[4]), m: mo, d };
    },
  },
  // 21 March 2024, 21st March 2024, 21 Mar 2024, 21-Mar-2024, 21-Mar-24, Thursday 21 March 2024
  {
    re: new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?(?:\\s+|-|/)${MONTH}(?:,?\\s+|-|/)(\\d{4}|\\d{2})${END}`, "iu"),
    build: (m) => ({ y: year(m[3]), m: MONTHS[m[2].toLowerCase()], d: Number(m[1]) }),
  },
  // month only: March 2024, Mar 2024, Sept 2018, Mar-24, (end of) March 2024 → last day of the month
  {
    re: new RegExp(`^(?:(?:the\\s+)?end\\s+(?:of\\s+)?)?${MONTH}(?:,?\\s+(\\d{4})|-(\\d{2}|\\d{4}))${END}`, "iu"),
    build: (m) => ({ y: year(optionalGroup(m, 2) ?? m[3]), m: MONTHS[m[1].toLowerCase()], d: "last" }),
  },
];

function findDate(text: string): Found | null {
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const built = form.build(m);
    if ("error" in built) return { ok: false, reason: built.error, length: m[0].length };
    const { y, m: mo } = built;
    if (!(mo >= 1 && mo <= 12)) return { ok: false, reason: `has no month ${mo}: write the day first, then the month (dd/mm/yyyy)`, length: m[0].length };
    if (y < 1900 || y > 9999) return { ok: false, reason: `is outside the years Excel can hold (1900 to 9999)`, length: m[0].length };
    const last = daysInMonth(y, mo);
    const d = built.d === "last" ? last : built.d;
    if (d < 1 || d > last) {
      return { ok: false, reason: `is not a real date: ${MONTH_NAMES[mo - 1]} ${y} has ${last} days`, length: m[0].length };
    }
    return { ok: true, iso: iso(y, mo, d), length: m[0].length };
  }
  return null;
}

export function parseDateText(text: string): string | null {
  if (typeof text !== "string") return null;
  const scanned = monthYearScan(text);
  return scanned !== undefined ? scanned : parseDateTextByRule(text);
}

/** parseDateText's rule itself: the forms above on the text tidied (exported for the test that holds the scan to it). */
export function parseDateTextByRule(text: string): string | null {
  const found = findDate(text.replace(/[\u00a0\u2007\u202f]/g, " ").replace(/[\u2010-\u2013]/g, "-").trimStart());
  return found && found.ok ? found.iso : null;
}

/** The month names (MONTHS's keys) by length, for the scan below: a run of letters is compared with a few, not cut and looked up. */
const MONTHS_BY_LENGTH: ([string, number][] | undefined)[] = [];
for (const [name, month] of Object.entries(MONTHS)) (MONTHS_BY_LENGTH[name.length] ??= []).push([name, month]);

/** The month text[0, length) names in any case (ASCII letters only); undefined where it names none. */
function monthNamed(text: string, length: number): number | undefined {
  const names = MONTHS_BY_LENGTH[length];
  if (names === undefined) return undefined;
  for (const [name, month] of names) {
    let i = 0;
    // `| 0x20` lower-cases an ASCII letter, and the text here is ASCII letters.
    while (i < length && (text.charCodeAt(i) | 0x20) === name.charCodeAt(i)) i++;
    if (i === length) return month;
  }
  return undefined;
}

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** What `\s` matches below 0x80. */
const isAsciiSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * END at text[at]: true, false, or undefined where the character is past ASCII (the rule
 * tidies some such characters first; the rule decides). `\d` is ASCII digits only, so what
 * follows a separator needs no such care.
 */
function endAt(text: string, at: number): boolean | undefined {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  if (c >= 0x80) return undefined;
  if (c === 0x2f || c === 0x2e || c === 0x2d) return !isAsciiDigit(text.charCodeAt(at + 1));
  return !isAsciiLetter(c) && !isAsciiDigit(c);
}

/**
 * parseDateText for text that begins with a month's name (`March 2024.`, `Sept 2018`,
 * `Mar-24`), by a scan: what every `by <month> <year>` of a directions report is, read
 * 50,000 times in a long one, where the rule tidies the text with two expressions and tries
 * four case-insensitive Unicode ones. Text starting with a month's name can only be the
 * month-only form (the other forms start with a digit or a weekday, and its optional
 * `the end of` is no month), so the scan's answer is the rule's: the date, or null. It
 * answers undefined, and the rule decides, where the text does not start with an ASCII
 * letter run naming a month, or where a character it must look at is past ASCII (Unicode
 * white space, case folding: `ſept` is `sept` to the rule). Held to the rule on random
 * text in tests/core/values/date-text-scan.test.ts.
 */
export function monthYearScan(text: string): string | null | undefined {
  const n = text.length;
  let p = 0;
  while (p < n && isAsciiLetter(text.charCodeAt(p))) p++;
  const month = monthNamed(text, p);
  if (month === undefined) return undefined;
  if (text.charCodeAt(p) === 0x2e) p++; // `\.?`
  let y: number;
  if (text.charCodeAt(p) === 0x2d) {
    // `-(\d{2}|\d{4})`, then END.
    const from = p + 1;
    let q = from;
    while (q < n && isAsciiDigit(text.charCodeAt(q))) q++;
    if (q - from !== 2 && q - from !== 4) return null;
    const end = endAt(text, q);
    if (end !== true) return end === undefined ? undefined : null;
    y = Number(text.slice(from, q));
    if (q - from === 2) y += 2000;
  } else {
    // `,?\s+(\d{4})`, then END.
    if (text.charCodeAt(p) === 0x2c) p++;
    const from = p;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c >= 0x80) return undefined;
      if (!isAsciiSpace(c)) break;
      p++;
    }
    if (p === from) return null;
    let q = p;
    while (q < n && isAsciiDigit(text.charCodeAt(q))) q++;
    if (q - p !== 4) return null;
    const end = endAt(text, q);
    if (end !== true) return end === undefined ? undefined : null;
    y = Number(text.slice(p, q));
  }
  if (y < 1900 || y > 9999) return null;
  return iso(y, month, daysInMonth(y, month));
}

export function parseDate(raw: RawValue): ValueResult<string> {
  const input = toInput(raw);
  switch (input.kind) {
    case "empty":
      return EMPTY;
    case "error":
      return excelError(input.error);
    case "boolean":
      return invalid(input.display, `${input.display} is not a date: use dd/mm/yyyy`);
    case "number": {
      if (!isValidSerial(input.value)) {
        const shown = input.text?.trim() || String(input.value);
        const why = Math.floor(input.value) === 60
          ? "is Excel's 29/02/1900, a date that never existed"
          : "is not a date Excel can show (dates run from 01/01/1900 to 31/12/9999)";
        return invalid(shown, `${quote(shown)} ${why}`);
      }
      return ok(excelSerialToIso(input.value));
    }
    case "text": {
      const text = input.text.replace(/[\u2010-\u2013]/g, "-").replace(/\s+/g, " ");
      const found = findDate(text);
      // The whole cell must be the date; a full stop, or a time of day (pasted date-times), may follow.
      const rest = found ? text.slice(found.length) : "";
      if (found && (/^[\s.,]*$/.test(rest) || /^,? (at )?\d{1,2}[:.]\d{2}(:\d{2})?( ?[ap]m)?\.?$/i.test(rest))) {
        return found.ok ? ok(found.iso) : invalid(input.text, `${quote(input.text)} ${found.reason}`);
      }
      if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(text)) {
        return invalid(input.text, `${quote(input.text)} is not a date: use dd/mm/yyyy with the same separator throughout`);
      }
      return invalid(input.text, `${quote(input.text)} is not a date: use dd/mm/yyyy, such as 31/03/2025`);
    }
  }
}
