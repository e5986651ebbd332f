/** Number format codes: which are dates, which percentages, how many decimals. */
import { remembered } from "../remembered";

/** The first (positive) section of a format code, with quoted text, escapes and [..] tags removed. */
function codeOnly(format: string): string {
  let out = "";
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end + 1;
    } else if (c === "\\" || c === "_" || c === "*") {
      i += 2; // an escaped literal, a padding space or a fill character
    } else if (c === "[") {
      const end = format.indexOf("]", i + 1);
      const tag = format.slice(i + 1, end < 0 ? format.length : end);
      // Elapsed-time tags ([h], [mm], [ss]) are time codes; colours, conditions and locales are not.
      if (/^(h+|m+|s+)$/i.test(tag)) out += tag;
      i = end < 0 ? format.length : end + 1;
    } else if (c === ";") {
      break;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The date rule on a code (isDateFormat remembers its answers; exported for the test that holds the two together). */
export function dateFormatRule(format: string): boolean {
  if (format.trim() === "") return false;
  const code = codeOnly(format).toLowerCase();
  if (code.includes("general")) return false;
  // Once literals are gone, d, m, y, h and s can only be date/time codes.
  return /[dmyhs]/.test(code);
}

/** The percent rule on a code (isPercentFormat remembers its answers; exported for the test). */
export function percentFormatRule(format: string): boolean {
  return format.trim() !== "" && codeOnly(format).includes("%");
}

/**
 * A rule's answers by format code. A long table's cells share a few codes, and every
 * progress cell of a 50,000-row report asked again, building its code a character at a
 * time. Forgotten past a bound: an add-in session reads many workbooks.
 */
function byCode(rule: (format: string) => boolean): (format: string | undefined) => boolean {
  const answerOf = remembered(rule, MAX_CODES);
  return (format) => typeof format === "string" && answerOf(format);
}

/** More distinct codes than a workbook's styles hold. */
const MAX_CODES = 1024;

export const isDateFormat = byCode(dateFormatRule);

export const isPercentFormat = byCode(percentFormatRule);

/** Decimal places, thousands grouping and a leading currency sign of a plain number format, or null for General/text. */
export function numberFormatShape(
  format: string | undefined,
): { decimals: number; grouping: boolean; prefix: string; suffix: string } | null {
  if (typeof format !== "string") return null;
  const trimmed = format.trim();
  if (trimmed === "" || /^general$/i.test(trimmed) || trimmed === "@") return null;
  const code = codeOnly(format);
  if (!/[0#?]/.test(code)) return null;
  if (/e[+-]/i.test(code)) return null; // scientific: leave to General display
  const m = /\.([0#?]+)/.exec(code);
  const decimals = m ? m[1].length : 0;
  const grouping = /[0#?],[0#?]/.test(code);
  const first = code.search(/[0#?]/);
  // A locale currency tag such as [$£-809] is stripped from `code`; its symbol still shows.
  const tag = /^[^0#?]*\[\$([£$€¥])[^\]]*\]/.exec(format);
  const prefix = tag ? tag[1] : (/[£$€¥]/.exec(code.slice(0, first)) ?? [""])[0];
  const suffix = /[0#?.,]\s*[£$€]?\s*%/.test(code) ? "%" : "";
  return { decimals, grouping, prefix, suffix };
}
