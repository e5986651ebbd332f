/**
 * Due dates (action-plans-and-risks.md §10): §1's dates, month only included (`Sept 2018`
 * is 30/09/2018); a leading `By` or `End of`; a trailing bracketed note kept as the
 * action's `dueNote` (`March 2018 (and ongoing)`); UK financial quarters (`Q1 2024/25` ends
 * 30/06/2024, `Q4 24/25` ends 31/03/2025) and financial years (`2019/20`, `2019-20` end
 * 31/03/2020). `TBC`, `TBA`, `Ongoing`, `N/A`, `To be confirmed`: no due date, not an error.
 */
import { parseDate } from "../../values";
import { quote, toInput, type RawValue } from "../../values/input";

export type DueReading =
  | { status: "ok"; iso: string; note: string | null }
  /** Written as not known yet (`TBC`): no due date. */
  | { status: "unknown"; text: string }
  | { status: "empty" }
  | { status: "error"; error: string }
  | { status: "invalid"; text: string; reason: string };

const UNKNOWN = /^(?:tbc|tba|tbd|ongoing|n\/?a|to be (?:confirmed|agreed|determined|arranged))\.?$/i;
const PREFIX = /^(?:by\s+(?:the\s+)?end\s+of|by|(?:the\s+)?end\s+of)\s+/i;
const NOTE = /^(.*?)\s*[([]([^()[\]]*)[)\]]\.?$/;
const QUARTER = /^q(?:tr)?\s*([1-4])\s+(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})$/i;
const FINANCIAL_YEAR = /^(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i;
const QUARTER_ALONE = /^q(?:tr)?\s*[1-4]$/i;
const QUARTER_CALENDAR = /^q(?:tr)?\s*[1-4]\s+\d{4}$/i;

const ADVICE = "use a date such as 31/03/2025, a month (March 2025), a quarter (Q4 2024/25) or a financial year (2024/25)";

/** The last day of each quarter of a financial year starting in April of `start`. */
function quarterEnd(quarter: number, start: number): string {
  switch (quarter) {
    case 1:
      return `${start}-06-30`;
    case 2:
      return `${start}-09-30`;
    case 3:
      return `${start}-12-31`;
    default:
      return `${start + 1}-03-31`;
  }
}

/** `2024` and `25` (or `2025`) → 2024, where the second year follows the first; else null. */
function financialYear(first: string, second: string): number | null {
  const start = first.length === 2 ? 2000 + Number(first) : Number(first);
  const end = Number(second);
  const follows = second.length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return follows && start >= 1900 && start <= 9998 ? start : null;
}

function readText(text: string): DueReading {
  const whole = text.replace(/\s+/g, " ").replace(/[\u2010-\u2014]/g, "-").trim();
  if (UNKNOWN.test(whole)) return { status: "unknown", text };
  let body = whole;
  let note: string | null = null;
  const noted = NOTE.exec(whole);
  if (noted && noted[1].trim() !== "") {
    body = noted[1].trim();
    note = noted[2].replace(/\s+/g, " ").trim() || null;
  }
  if (UNKNOWN.test(body)) return { status: "unknown", text };
  body = body.replace(PREFIX, "");
  const invalid = (reason: string): DueReading => ({ status: "invalid", text, reason: `${quote(text)} ${reason}` });

  const q = QUARTER.exec(body);
  if (q) {
    const start = financialYear(q[2], q[3]);
    if (start === null) return invalid(`is not a quarter of a financial year: the years must run on, e.g. Q${q[1]} 2024/25`);
    return { status: "ok", iso: quarterEnd(Number(q[1]), start), note };
  }
  if (QUARTER_ALONE.test(body)) return invalid(`is a quarter without its year: write it with its financial year, e.g. ${body.toUpperCase()} 2024/25`);
  if (QUARTER_CALENDAR.test(body)) return invalid("names a quarter but not its financial year: write it like Q3 2024/25");
  const fy = FINANCIAL_YEAR.exec(body);
  if (fy) {
    const start = financialYear(fy[1], fy[2]);
    if (start === null) return invalid("is not a financial year: the years must run on, e.g. 2024/25");
    return { status: "ok", iso: `${start + 1}-03-31`, note };
  }
  const r = parseDate(body);
  if (r.status === "ok") return { status: "ok", iso: r.value, note };
  // §1's reasons that say what is wrong with a date (US order, no such day) are kept; others get the due-date advice.
  if (r.status === "invalid" && /US month\/day|is not a real date|outside the years|never existed/.test(r.reason)) {
    return { status: "invalid", text, reason: r.reason };
  }
  return invalid(`is not a due date: ${ADVICE}`);
}

/** Reads a due cell (or text). Never throws. */
export function parseDueDate(raw: RawValue): DueReading {
  const input = toInput(raw);
  switch (input.kind) {
    case "empty":
      return { status: "empty" };
    case "error":
      return { status: "error", error: input.error };
    case "boolean":
      return { status: "invalid", text: input.display, reason: `${input.display} is not a due date: ${ADVICE}` };
    case "number": {
      const r = parseDate(raw);
      if (r.status === "ok") return { status: "ok", iso: r.value, note: null };
      return r.status === "invalid" ? { status: "invalid", text: r.text, reason: r.reason } : { status: "empty" };
    }
    case "text":
      return readText(input.text);
  }
}
