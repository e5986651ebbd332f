/**
 * The short paragraph in plain English on the first page of each summary (board-pages.md
 * §1), generated from the same figures as the tables and written with the same formats
 * (cells.ts), so "£3,935,000" and "87.4%" read the same in the sentence and the table.
 */
import type { Analysis } from "../analysis";
import type { RatedDirection, RatedRecoveryAction } from "../records";
import { formatDateUk, roundHalfUp } from "../values";
import { integerText, moneyText, percentText } from "./cells";
import type { SeverityCounts } from "./summary-page";

/** "1 action", "12 actions". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${integerText(n)} ${n === 1 ? one : many}`;
}
const isAre = (n: number) => (n === 1 ? "is" : "are");
const hasHave = (n: number) => (n === 1 ? "has" : "have");

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a, b and c". */
function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Why a red recovery action is red, in words (rag.ts gives red only for these two rules). */
function redCause(a: RatedRecoveryAction): string {
  return a.forecastPence !== null ? "a forecast below 75% of its value" : "high risk of not delivering";
}

export function recoveryParagraph(analysis: Analysis): string {
  const t = analysis.recovery.totals;
  const counted = analysis.recovery.actions.filter((a) => a.counted);
  if (t.count === 0) return "No recovery actions were found in the workbook.";
  const unvalued = counted.filter((a) => a.valuePence === null).length;
  const subject = `${count(t.count, "recovery action")}${unvalued > 0 ? ` (${integerText(unvalued)} without a valid value)` : ""}`;
  let first = `${subject} ${t.count === 1 && unvalued === 0 ? "is" : "are"} worth ${moneyText(t.totalValuePence)}`;
  if (t.targetPence === null) first += "; no savings target is set.";
  else if (t.coverage === null || t.gapPence === null) first += ` against a target of ${moneyText(t.targetPence)}.`;
  else if (t.gapPence > 0) first += ` against a target of ${moneyText(t.targetPence)}, leaving a gap of ${moneyText(t.gapPence)} (${percentText(t.coverage)} covered).`;
  else if (t.gapPence < 0) first += ` against a target of ${moneyText(t.targetPence)}, exceeding it by ${moneyText(-t.gapPence)} (${percentText(t.coverage)} covered).`;
  else first += `, meeting the target of ${moneyText(t.targetPence)} exactly (${percentText(t.coverage)} covered).`;

  const red = counted.filter((a) => a.rag === "red");
  let second: string;
  if (red.length === 0) second = "None is rated Red.";
  else {
    const causes = new Map<string, number>();
    for (const a of red) causes.set(redCause(a), (causes.get(redCause(a)) ?? 0) + 1);
    const why =
      causes.size === 1
        ? `${red.length === 1 ? "" : "all "}for ${[...causes.keys()][0]}`
        : list([...causes.entries()].map(([cause, n]) => `${integerText(n)} for ${cause}`));
    second = `${count(red.length, "action")} worth ${moneyText(t.byRag.red.valuePence)} ${isAre(red.length)} rated Red, ${why}.`;
  }
  const grey = t.byRag.grey;
  const third = grey.count > 0 ? ` ${integerText(grey.count)} ${isAre(grey.count)} Grey: there is not enough data to rate ${grey.count === 1 ? "it" : "them"}.` : "";
  const given: string[] = [];
  if (t.forecastTotalPence !== null) given.push(`forecasts given total ${moneyText(t.forecastTotalPence)}`);
  if (t.achievedTotalPence !== null) given.push(`${moneyText(t.achievedTotalPence)} is achieved to date`);
  const fourth = given.length ? ` ${capitalise(list(given))}.` : "";
  return `${first} ${second}${third}${fourth}`;
}

/** Red because overdue (rag.ts rule 1), as opposed to below the amber threshold. */
function overdue(d: RatedDirection, asOf: string): boolean {
  return d.rag === "red" && d.dueDate !== null && d.dueDate < asOf && d.progress !== 100;
}

/** The mean of the reported progress, to one decimal place (as the by-theme totals row). */
export function meanProgress(items: RatedDirection[]): number | null {
  const reported = items.filter((d) => d.progress !== null).map((d) => d.progress as number);
  if (reported.length === 0) return null;
  return roundHalfUp(reported.reduce((s, p) => s + p, 0) / reported.length, 1);
}

export function directionsParagraph(analysis: Analysis): string {
  const items = analysis.directions.items;
  const t = analysis.directions.totals;
  if (items.length === 0) return "No directions were found in the workbook.";
  const when = `${t.period ? ` for ${t.period}` : ""} as at ${formatDateUk(analysis.asOf)}`;
  const first = `${count(items.length, "direction")} ${isAre(items.length)} reported on${when}.`;
  const reported = items.filter((d) => d.progress !== null).length;
  const mean = meanProgress(items);
  const second =
    reported === 0 || mean === null
      ? "None has progress reported."
      : `${integerText(reported)} ${hasHave(reported)} progress reported, with a mean of ${percentText(mean / 100)}.`;
  const late = items.filter((d) => overdue(d, analysis.asOf)).length;
  const parts: string[] = [];
  const word: Record<string, string> = { red: "Red", amber: "Amber", green: "Green", blue: "Blue", grey: "Grey" };
  for (const rag of ["red", "amber", "green", "blue", "grey"] as const) {
    const n = t.byRag[rag];
    if (n === 0) continue;
    let part = parts.length === 0 ? `${integerText(n)} ${isAre(n)} rated ${word[rag]}` : `${integerText(n)} ${word[rag]}`;
    if (rag === "red" && late > 0) part += ` (${integerText(late)} overdue)`;
    if (rag === "grey") part += " (no progress reported)";
    parts.push(part);
  }
  const third = `${list(parts)}.`;
  return `${first} ${second} ${third}`;
}

export function dataChecksParagraph(counts: SeverityCounts, sourceSheets: number, unrecognised: number): string {
  const where = `in the ${count(sourceSheets, "source sheet")}`;
  const info =
    unrecognised > 0 ? ` ${count(unrecognised, "sheet")} ${isAre(unrecognised)} not on a standard template and ${unrecognised === 1 ? "was" : "were"} not read.` : "";
  if (counts.error > 0) {
    const warnings = counts.warning > 0 ? ` and ${count(counts.warning, "warning")}` : "";
    return `${count(counts.error, "error")}${warnings} ${counts.error + counts.warning === 1 ? "was" : "were"} found ${where}. Until the errors are put right, the figures on the summary sheets are not final.${info}`;
  }
  if (counts.warning > 0)
    return `No errors were found ${where}. ${count(counts.warning, "warning")} ${isAre(counts.warning)} worth checking, but the figures stand.${info}`;
  return `No errors or warnings were found ${where}.${info}`;
}
