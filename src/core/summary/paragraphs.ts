/**
 * The short paragraph in plain English on the first page of each summary (board-pages.md
 * §1), generated from the same figures as the tables and written with the same formats
 * (cells.ts), so "£3,935,000" and "87.4%" read the same in the sentence and the table.
 */
import type { Analysis } from "../analysis";
import { RAGS, type Rag, type RagCounts, type RatedDirection, type RatedRecoveryAction } from "../records";
import { RAG_WORDS } from "../words";
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
  const third = ragSentence(t.byRag, { red: late > 0 ? `${integerText(late)} overdue` : null, grey: "no progress reported" });
  return `${first} ${second} ${third}`;
}

/**
 * "2 are rated Red (1 overdue), 1 Amber and 3 Grey (not rated).": the counts by RAG, zeros
 * left out, each with an optional note in brackets; "" where every count is zero.
 */
function ragSentence(counts: RagCounts, notes: Partial<Record<Rag, string | null>> = {}): string {
  const parts: string[] = [];
  for (const rag of RAGS) {
    const n = counts[rag];
    if (n === 0) continue;
    let part = parts.length === 0 ? `${integerText(n)} ${isAre(n)} rated ${RAG_WORDS[rag]}` : `${integerText(n)} ${RAG_WORDS[rag]}`;
    const note = notes[rag];
    if (note) part += ` (${note})`;
    parts.push(part);
  }
  return parts.length ? `${list(parts)}.` : "";
}

/** "in 1 action plan", "across 2 action plans". */
function acrossSheets(n: number, one: string): string {
  return n === 1 ? `in 1 ${one}` : `across ${count(n, one)}`;
}

/**
 * The Action Plan Summary's paragraph: how many actions, how many complete, overdue and due
 * soon, the spread by RAG and the stated RAGs the facts contradict. "52 actions are listed in
 * 1 action plan as at 31/03/2020. 37 are complete (71.2%). 2 are overdue and 11 are due
 * within 30 days. …"
 */
export function actionPlanParagraph(analysis: Analysis): string {
  const { items, plans, totals: t } = analysis.actionPlan;
  if (items.length === 0) return "No actions were found in the action plans.";
  const sentences: string[] = [];
  sentences.push(`${count(t.count, "action")} ${isAre(t.count)} listed ${acrossSheets(plans.length, "action plan")} as at ${formatDateUk(analysis.asOf)}.`);

  const tracked = items.filter((a) => !a.schedule).length;
  const complete = t.byStatus.complete;
  const completion = t.completion === null ? "" : ` (${percentText(t.completion)})`;
  if (tracked === 0)
    sentences.push(`${plans.length === 1 ? "The plan has no" : "No plan has a"} progress or RAG column, so delivery is not reported: every action is Grey.`);
  else if (tracked === t.count) sentences.push(`${complete === 0 ? "None is" : `${integerText(complete)} ${isAre(complete)}`} complete${completion}.`);
  else
    sentences.push(
      `Of the ${count(tracked, "action")} on plans that report progress, ${integerText(complete)} ${isAre(complete)} complete${completion}; ` +
        `the other ${integerText(t.count - tracked)} ${isAre(t.count - tracked)} on schedules with no progress column.`,
    );

  const soon = `due within ${count(analysis.settings.dueSoonDays, "day")}`;
  if (t.overdue === 0 && t.dueSoon === 0) sentences.push(`None is overdue or ${soon}.`);
  else if (t.dueSoon === 0) sentences.push(`${integerText(t.overdue)} ${isAre(t.overdue)} overdue and none is ${soon}.`);
  else if (t.overdue === 0) sentences.push(`None is overdue; ${integerText(t.dueSoon)} ${isAre(t.dueSoon)} ${soon}.`);
  else sentences.push(`${integerText(t.overdue)} ${isAre(t.overdue)} overdue and ${integerText(t.dueSoon)} ${isAre(t.dueSoon)} ${soon}.`);

  if (tracked > 0) sentences.push(ragSentence(t.byRag, { grey: t.byRag.grey === t.byStatus["not-reported"] ? "no progress reported" : null }));
  if (t.ragMismatches > 0)
    sentences.push(
      `The RAG the plan states differs from the facts for ${count(t.ragMismatches, "action")}; ${t.ragMismatches === 1 ? "it is" : "they are"} listed with the exceptions.`,
    );
  return sentences.filter((x) => x !== "").join(" ");
}

/**
 * The Risk Summary's paragraph: open and closed risks, the spread by RAG, red and amber risks
 * without mitigation, reviews overdue, what is not on a heat map, and the top risk.
 */
export function riskParagraph(analysis: Analysis): string {
  const { items, registers, totals: t } = analysis.risks;
  if (items.length === 0) return "No risks were found in the risk registers.";
  const sentences: string[] = [];
  const closed = t.closed === 0 ? "none is closed" : `${integerText(t.closed)} ${t.closed === 1 ? "is" : "are"} closed`;
  sentences.push(`${count(t.open, "risk")} ${isAre(t.open)} open ${acrossSheets(registers.length, "register")} as at ${formatDateUk(analysis.asOf)}; ${closed}.`);
  if (t.open === 0) return sentences.join(" ");
  sentences.push(ragSentence(t.byRag, { grey: "not rated" }));
  const redAmber = t.byRag.red + t.byRag.amber;
  if (redAmber > 0)
    sentences.push(
      t.unmitigated === 0
        ? `Every red and amber risk has a mitigation recorded.`
        : `${integerText(t.unmitigated)} red or amber ${t.unmitigated === 1 ? "risk has" : "risks have"} no mitigation recorded.`,
    );
  if (t.reviewsOverdue > 0) sentences.push(`${integerText(t.reviewsOverdue)} open ${t.reviewsOverdue === 1 ? "risk is" : "risks are"} past ${t.reviewsOverdue === 1 ? "its" : "their"} review date.`);
  const single = t.heatMap.singleRating;
  if (single > 0)
    sentences.push(
      single === t.open
        ? `${t.open === 1 ? "It is" : `All ${integerText(t.open)} are`} rated by a single column, so none is placed on a heat map.`
        : `${integerText(single)} ${single === 1 ? "is" : "are"} rated by a single column and not placed on a heat map.`,
    );
  const top = t.topRisks.length ? items[t.topRisks[0]] : undefined;
  if (top && top.level !== null) sentences.push(`The top risk is '${top.risk}' (${top.figures}).`);
  return sentences.join(" ");
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
