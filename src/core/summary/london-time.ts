/**
 * A summary's generated time as the UK reads it: `21/03/2024 14:05`, in Europe/London
 * (GMT or BST as the date falls).
 *
 * Intl's first time-zone formatter loads ICU's zone data, 17–20 ms of every build. From
 * 1996 the UK changes its clocks by the EU rule (Summer Time Order 1997, and the 1996
 * harmonisation before it): BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October. Between 1996 and 2100 the time is worked out by that rule;
 * any other instant is Intl's (a property test holds the rule to Intl).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The span the rule is used over: 1996 to 2100, inclusive. */
const RULE_FROM = Date.UTC(1996, 0, 1);
const RULE_TO = Date.UTC(2101, 0, 1);

/** Made once, when first asked for: a time-zone formatter costs milliseconds to make. */
let londonDateTime: Intl.DateTimeFormat | undefined;

/** `21/03/2024 14:05`, in Europe/London. */
export function formatDateTimeUk(at: Date): string {
  const t = at.getTime();
  if (t >= RULE_FROM && t < RULE_TO) {
    // BST never spans a new year, so the UTC year is London's for the rule.
    const local = new Date(isSummerTime(t, at.getUTCFullYear()) ? t + HOUR : t);
    return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  }
  return intlDateTimeUk(at);
}

/** The same, always by Intl (ICU's zone data): the rule the fast path is held to. */
export function intlDateTimeUk(at: Date): string {
  londonDateTime ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const parts = londonDateTime.formatToParts(at);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

/** Whether London keeps BST at instant `t` of `year` (UTC), by the EU rule. */
function isSummerTime(t: number, year: number): boolean {
  return t >= lastSunday(year, 2) + HOUR && t < lastSunday(year, 9) + HOUR;
}

/** Midnight UTC of the last Sunday of a month (0-based). */
function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
