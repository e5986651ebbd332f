/**
 * The finding catalogue (standard-templates.md §9): for each code its severity, a title, a
 * description for the docs, and the one message template, with named, typed parameters.
 * Readers pass only the values (`finding("negative-value", at, { field, text })`); every
 * word a user reads comes from here, so a code says the same thing wherever it is raised.
 *
 * Codes are stable names: add, never rename. Adding a code is adding one entry below
 * (docs/findings.md is generated from this table: `npm run docs:findings`).
 */
import type { Rag } from "../records";
import { quote } from "../values/input";
import { formatDateUk, formatMoney } from "../values";
import { RAG_WORDS } from "../words";

export type Severity = "error" | "warning" | "info";

/** One code's definition. `P` is the message's parameters: what a reader must pass. */
export interface FindingDefinition<P> {
  severity: Severity;
  /** A few words, for lists and the docs. */
  title: string;
  /** When it is raised and what it means, for the docs. */
  description: string;
  /** What each parameter holds, for the docs. */
  parameters: { [K in keyof P]-?: string };
  /** The message: what is wrong and what would be right. */
  message(params: P): string;
  /** Parameters for the docs' example message (type-checked like a reader's). */
  example: P;
}

/** Keeps each entry's own parameter type (a plain object literal would widen them). */
function define<P>(definition: FindingDefinition<P>): FindingDefinition<P> {
  return definition;
}

/**
 * A grammar's reason quotes the text and usually says what would be right (`'TBC' is not an
 * amount of money`, `'03/21/2024' is in US month/day order, which is not accepted: put the
 * day first …`). The advice is added only where the reason gives none: a reason that gives
 * advice has a colon outside the quoted cell text.
 */
function withAdvice(reason: string, advice: string): string {
  const r = reason.trim().replace(/\.$/, "");
  const givesAdvice = r.replace(/'[^']*'/g, "").includes(":");
  return givesAdvice ? r : `${r}; ${advice}`;
}

/** `£0.01` where pence matter, `£448,000` where they do not. */
function money(pence: number): string {
  return formatMoney(pence, { pence: pence % 100 !== 0 });
}

const FREQUENCY_ADVICE = "use Weekly, Fortnightly, Monthly, Bi-monthly, Quarterly, Six-monthly or Annually";
const THEME_EXAMPLE = `"Health & Wellbeing"`;
const DUE_EXAMPLES = "such as 31/03/2025, March 2025 or Q4 2024/25";

/** `action 6.1` → `Action 6.1`: a name that starts a sentence. */
function capital(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Where a ref was first used, for `duplicate-ref`. */
function firstUse(first: { source: "form" | "register" | "action" | "risk"; sheet: string; cell: string }): string {
  switch (first.source) {
    case "form":
      return `the form on sheet '${first.sheet}'`;
    case "register":
      return `the register line at '${first.sheet}'!${first.cell}`;
    case "action":
      return `the action at ${first.cell}`;
    case "risk":
      return `the risk at ${first.cell}`;
  }
}

export const CATALOGUE = {
  // ---- errors ----------------------------------------------------------------------------
  "missing-field": define<{
    field: string;
    problem: "no-label" | "no-value" | "empty" | "no-table";
    expected: string;
  }>({
    severity: "error",
    title: "Required field missing",
    description:
      "A required field has no label, its label has no value, a required cell is empty, or a required table is absent. " +
      "Raised at the label's cell, at the empty cell, or at A1 where the label or table is absent (§3, §4).",
    parameters: {
      field: "the field's name as the template labels it (`Exec Lead(s)`), or the cell or table that is missing",
      problem: "`no-label` (the label is absent), `no-value` (the label has no value), `empty` (the cell is empty) or `no-table`",
      expected: "what belongs there, as the user would enter it",
    },
    message: ({ field, problem, expected }) => {
      switch (problem) {
        case "no-label":
          return `No '${field}' label was found on the form: add the label with ${expected} beside it.`;
        case "no-value":
          return `${field} has no value: enter ${expected} beside or below the label.`;
        case "empty":
          return `${field} is empty: enter ${expected}.`;
        case "no-table":
          return `No ${field} was found: add ${expected}.`;
      }
    },
    example: { field: "Exec Lead(s)", problem: "no-value", expected: "the executive lead's name" },
  }),

  "invalid-money": define<{ field: string; reason: string; example: string }>({
    severity: "error",
    title: "Not an amount of money",
    description:
      "A money field holds something the money grammar (§1) does not accept: `TBC`, `n/a`, digits split by a space, " +
      "a doubled unit, two numbers in one cell. The value is not used.",
    parameters: {
      field: "the field (`Financial Recovery Value`, `The saving for 'Prescribing'`)",
      reason: "the grammar's reason, quoting the cell",
      example: "an amount written as the field expects it (`£448K or £448,000`)",
    },
    message: ({ field, reason, example }) => `${field}: ${withAdvice(reason, `write it as e.g. ${example}`)}.`,
    example: { field: "Financial Recovery Value", reason: "'TBC' is not an amount of money", example: "£448K or £448,000" },
  }),

  "negative-value": define<{ field: string; text: string }>({
    severity: "error",
    title: "Negative amount",
    description: "A recovery value, saving or forecast is below zero. The value is not used (§3).",
    parameters: { field: "the field", text: "what the cell shows" },
    message: ({ field, text }) =>
      `${field}: ${quote(text)} is negative; a recovery figure must be zero or more, so it has not been used.`,
    example: { field: "Financial Recovery Value", text: "-£5,000" },
  }),

  "invalid-date": define<{ field: string; reason: string }>({
    severity: "error",
    title: "Not a date",
    description:
      "A date field holds something the date grammar (§1) does not accept, including a date in US month/day order, " +
      "a day the month does not have, and Excel's phantom 29/02/1900.",
    parameters: { field: "the field (`Plan Date`)", reason: "the grammar's reason, quoting the cell" },
    message: ({ field, reason }) => `${field}: ${withAdvice(reason, "write it day first, e.g. 21/03/2024")}.`,
    example: { field: "Plan Date", reason: "'31/02/2024' is not a real date: February 2024 has 29 days" },
  }),

  "invalid-risk-level": define<{ field: string; reason: string }>({
    severity: "error",
    title: "Not a risk level",
    description: "A risk level is not High, Medium or Low (or H, M, L, Med, in any case).",
    parameters: { field: "the field (`Risk Level`, `The risk level for 'Prescribing'`)", reason: "the grammar's reason, quoting the cell" },
    message: ({ field, reason }) => `${field}: ${withAdvice(reason, "use High, Medium or Low")}.`,
    example: { field: "Risk Level", reason: "'Very High' is not a risk level: use High, Medium or Low" },
  }),

  "duplicate-ref": define<{ ref: string; first: { source: "form" | "register" | "action" | "risk"; sheet: string; cell: string } }>({
    severity: "error",
    title: "Ref used twice",
    description:
      "Two forms, or two register lines, share a ref (§4); or a ref is used twice on one action plan or risk register " +
      "(action-plans-and-risks.md §10, §11). Raised at the later one; both are counted. " +
      "A form and a register line with the same ref are the same action and raise nothing.",
    parameters: {
      ref: "the ref as written",
      first: "where it was first used: a form's sheet, or the cell of a register line, action or risk",
    },
    message: ({ ref, first }) =>
      `Ref '${ref}' is also used by ${firstUse(first)}: ` +
      "give each one its own ref. Both are counted until this is corrected.",
    example: { ref: "RA-02", first: { source: "form", sheet: "Prescribing", cell: "C6" } },
  }),

  "total-mismatch": define<{ statedPence: number; sumPence: number }>({
    severity: "error",
    title: "Stated total does not add up",
    description: "A register's stated total differs from the sum of its items, to the penny (§4). Raised at the stated total.",
    parameters: { statedPence: "the stated total, in pence", sumPence: "the sum of the items above it, in pence" },
    message: ({ statedPence, sumPence }) => {
      const diff = statedPence - sumPence;
      return (
        `The stated total ${money(statedPence)} does not equal the sum of the items above it, ${money(sumPence)}: ` +
        `it is ${money(Math.abs(diff))} ${diff > 0 ? "more" : "less"}. Correct the total or the items.`
      );
    },
    example: { statedPence: 68_800_000, sumPence: 68_750_000 },
  }),

  "duplicate-direction": define<{ no: string; first: string }>({
    severity: "error",
    title: "Direction number used twice",
    description: "A direction number is listed a second time (§5). Raised at the repeat's No cell; both directions are kept and counted.",
    parameters: { no: "the direction number", first: "the address of its first No cell" },
    message: ({ no, first }) => `Direction ${no} is listed twice (first at ${first}); both are counted. Give each direction its own number.`,
    example: { no: "2.1", first: "A12" },
  }),

  "progress-out-of-range": define<{ no: string; percent: number; of?: "direction" | "action" }>({
    severity: "error",
    title: "Progress outside 0–100%",
    description:
      "A direction's progress (§5), or an action's progress given as a percentage (action-plans-and-risks.md §10), is below 0% " +
      "or above 100%. The figure is not used (an action's progress then counts as not reported).",
    parameters: {
      no: "the direction number, or the action's ref",
      percent: "the figure read, in percentage points",
      of: "`direction` (the default) or `action`",
    },
    message: ({ no, percent, of = "direction" }) =>
      `Progress for ${of} ${no} is ${percent}%, outside 0% to 100%, so it is not used. Enter a figure from 0% to 100%.`,
    example: { no: "1.1", percent: 120, of: "direction" },
  }),

  "formula-error": define<{ field: string; error: string; expected: string }>({
    severity: "error",
    title: "Excel error where a value is needed",
    description:
      "A cell whose value is needed holds an Excel error (`#REF!`, `#VALUE!`, `#DIV/0!`, `#N/A`, `#NAME?`, `#NUM!`, " +
      "`#NULL!`, `#SPILL!`, `#CALC!`, §1). The value is not used.",
    parameters: {
      field: "the cell's field (`Risk Level`, `The Progress cell for direction 1.1`)",
      error: "the Excel error the cell holds",
      expected: "what the formula should give",
    },
    message: ({ field, error, expected }) =>
      `${field} holds the Excel error ${error}: correct the formula so that it gives ${expected}.`,
    example: { field: "Financial Recovery Value", error: "#REF!", expected: "an amount of money" },
  }),

  "invalid-rating": define<{ field: string; reason: string }>({
    severity: "error",
    title: "Not a risk rating",
    description:
      "A risk's likelihood, impact or score cell is not a rating (action-plans-and-risks.md §11): not a number from 1 to 5 " +
      "(1 to 25 for a score), a 5-point word (`Rare` … `Almost Certain`, `Negligible` … `Catastrophic`) or a 3-point word " +
      "(`Low`, `Medium`, `High`); or it is a 3-point word beside a 5-point rating. The figure is not used.",
    parameters: { field: "the cell's field (`The likelihood of risk R3`)", reason: "what is wrong, quoting the cell, and what would be right" },
    message: ({ field, reason }) => `${field}: ${withAdvice(reason, "use a number from 1 to 5, or Low, Medium or High")}.`,
    example: {
      field: "The likelihood of risk R3",
      reason: "'Very likely' is not a rating: use a number from 1 to 5, or Rare, Unlikely, Possible, Likely or Almost Certain",
    },
  }),

  "score-mismatch": define<{ risk: string; likelihood: number; impact: number; stated: number }>({
    severity: "error",
    title: "Score is not likelihood × impact",
    description:
      "A risk's score cell gives a number that differs from its likelihood × impact on the 5 × 5 matrix " +
      "(action-plans-and-risks.md §11, rule 1). Raised at the score cell; the computed score is used.",
    parameters: {
      risk: "the risk (`risk R1`, `the risk on row 7`)",
      likelihood: "the likelihood read (1–5)",
      impact: "the impact read (1–5)",
      stated: "the score the cell gives",
    },
    message: ({ risk, likelihood, impact, stated }) =>
      `The score of ${risk} is ${stated}, but likelihood ${likelihood} × impact ${impact} = ${likelihood * impact}: ` +
      `correct the score (or the ratings). ${likelihood * impact} is used.`,
    example: { risk: "risk R1", likelihood: 4, impact: 4, stated: 12 },
  }),

  // ---- warnings --------------------------------------------------------------------------
  "zero-value": define<{ field: string }>({
    severity: "warning",
    title: "Zero amount",
    description: "A recovery value or saving is £0 (§3). It is counted, with no value.",
    parameters: { field: "the field" },
    message: ({ field }) => `${field} is £0: a recovery action is expected to save money, so enter the amount it will save.`,
    example: { field: "Financial Recovery Value" },
  }),

  "possible-double-count": define<{ serviceArea: string; valuePence: number; form: { sheet: string; ref: string } }>({
    severity: "warning",
    title: "Possibly counted twice",
    description:
      "A register line has the same service area and value as a form but a different ref (§4). Both are counted; " +
      "raised at the register line's money cell.",
    parameters: {
      serviceArea: "the register line's service area",
      valuePence: "the shared value, in pence",
      form: "the form it matches: its sheet and ref",
    },
    message: ({ serviceArea, valuePence, form }) =>
      `The register line '${serviceArea}' (${formatMoney(valuePence)}) has the same service area and value as the form on sheet '${form.sheet}' (ref '${form.ref}') ` +
      "but a different ref, so both are counted: if they are the same action, give the register line the form's ref.",
    example: { serviceArea: "Prescribing", valuePence: 44_800_000, form: { sheet: "RA-01", ref: "RA-01" } },
  }),

  "invalid-version": define<{ reason: string }>({
    severity: "warning",
    title: "Not a version number",
    description: "A form's Version is not like `v1`, `v2.1`, `1` or `1.0` (§3).",
    parameters: { reason: "the grammar's reason, quoting the cell" },
    message: ({ reason }) => `Version: ${withAdvice(reason, "write it as e.g. v1, v2.1 or 1.0")}.`,
    example: { reason: "'draft' is not a version number: use v1, v2.1 or 1.0" },
  }),

  "achieved-exceeds-value": define<{ achievedPence: number; valuePence: number }>({
    severity: "warning",
    title: "Achieved more than the value",
    description: "A form's Achieved to Date is more than its Financial Recovery Value (§3).",
    parameters: { achievedPence: "achieved to date, in pence", valuePence: "the recovery value, in pence" },
    message: ({ achievedPence, valuePence }) =>
      `Achieved to Date ${formatMoney(achievedPence)} is more than the Financial Recovery Value ${formatMoney(valuePence)}: check both figures.`,
    example: { achievedPence: 50_000_000, valuePence: 44_800_000 },
  }),

  "missing-strategic-aims": define<{ reason: string | null }>({
    severity: "warning",
    title: "No strategic aims",
    description: "The plan table's Strategic Aims cell is empty or names no aim from No.1 to No.6 (§3).",
    parameters: { reason: "the grammar's reason, quoting the cell; null where the cell is empty" },
    message: ({ reason }) => {
      const advice = "name the aims this action affects as No.1 to No.6, e.g. 'No.1 No.3'";
      return reason === null ? `No strategic aims are named: ${advice}.` : `Strategic Aims: ${withAdvice(reason, advice)}.`;
    },
    example: { reason: null },
  }),

  "unknown-timeframe": define<{ text: string | null }>({
    severity: "warning",
    title: "Delivery timeframe not known",
    description: "The plan table's Delivery Timeframe is empty, `Unknown`, `TBC` or `TBA` (§3).",
    parameters: { text: "what the cell shows; null where it is empty" },
    message: ({ text }) =>
      `Delivery Timeframe is ${text === null ? "empty" : quote(text)}: give the date or period by which the action will be delivered.`,
    example: { text: "TBC" },
  }),

  "missing-triangulation": define<{ row: string | null }>({
    severity: "warning",
    title: "Triangulation missing",
    description:
      "The form has no triangulation table (raised at A1), or the table lacks one of its rows, Population Need, " +
      "Finance or Outcomes (raised at the table's first cell) (§3).",
    parameters: { row: "the missing row's name; null where the whole table is missing" },
    message: ({ row }) =>
      row === null
        ? "No triangulation table was found: add a table headed Triangulation … Reporting Frequency with rows for Population Need, Finance and Outcomes."
        : `The triangulation table has no '${row}' row: add it with its evidence, tolerances and reporting frequency.`,
    example: { row: "Outcomes" },
  }),

  "invalid-frequency": define<{ row: string; reason: string | null }>({
    severity: "warning",
    title: "Not a reporting frequency",
    description: "A triangulation row's Reporting Frequency is empty or not one of the frequencies of §1.",
    parameters: { row: "the triangulation row (`Finance`)", reason: "the grammar's reason, quoting the cell; null where it is empty" },
    message: ({ row, reason }) =>
      reason === null
        ? `The ${row} reporting frequency is empty: ${FREQUENCY_ADVICE}.`
        : `The ${row} reporting frequency: ${withAdvice(reason, FREQUENCY_ADVICE)}.`,
    example: { row: "Finance", reason: "'Whenever' is not a reporting frequency" },
  }),

  "non-numeric-progress": define<{ no: string; text: string }>({
    severity: "warning",
    title: "Progress given as narrative",
    description: "A direction's progress cell holds text that is not a percentage (§5). It counts as not reported.",
    parameters: { no: "the direction number", text: "what the cell shows" },
    message: ({ no, text }) =>
      `Progress for direction ${no} is ${quote(text)}, which is not a percentage, so it is read as narrative and counts as not reported. ` +
      "Enter a figure from 0% to 100% and keep narrative in another column.",
    example: { no: "9.1", text: "This requires engagement at whole system level." },
  }),

  "missing-target-date": define<{ no: string }>({
    severity: "warning",
    title: "No target date",
    description: "A direction's text has no `by <date>` (§5). Raised at the Direction cell.",
    parameters: { no: "the direction number" },
    message: ({ no }) =>
      `Direction ${no} has no target date: its text does not say "by <date>" (such as "by January 2024"). Add the date by which it should be delivered.`,
    example: { no: "3.2" },
  }),

  "missing-theme": define<{ problem: "no-heading" | "no-name"; at: string }>({
    severity: "warning",
    title: "Directions without a theme",
    description:
      "A directions header has no heading text since the previous block's directions, or a run of heading text names " +
      "no theme (every line is over 60 characters or ends with a full stop) (§5).",
    parameters: {
      problem: "`no-heading` (no heading text before the header) or `no-name` (heading text with no line that can be a name)",
      at: "the header's No cell, or the heading text's first cell",
    },
    message: ({ problem, at }) =>
      problem === "no-heading"
        ? `The directions under the header at ${at} have no theme: no heading text (such as ${THEME_EXAMPLE}) comes between the previous directions and this header. ` +
          "Put the theme's name in the No column above the header."
        : `The heading text from ${at} names no theme: every line of it is longer than 60 characters or ends with a full stop. ` +
          `Put the theme's name (such as ${THEME_EXAMPLE}) on a row of its own above its outcome statement.`,
    example: { problem: "no-heading", at: "A4" },
  }),

  "missing-due-date": define<{ action: string }>({
    severity: "warning",
    title: "No due date",
    description: "An action's due cell is blank (action-plans-and-risks.md §10). It cannot be overdue or due soon.",
    parameters: { action: "the action (`action 6.20`, `the action on row 12`)" },
    message: ({ action }) =>
      `${capital(action)} has no due date, so it cannot be shown as overdue or due soon: enter the date it is due, ` +
      `${DUE_EXAMPLES}.`,
    example: { action: "action 6.20" },
  }),

  "unknown-due-date": define<{ action: string; text: string }>({
    severity: "warning",
    title: "Due date not known",
    description:
      "An action's due cell says `TBC`, `TBA`, `Ongoing`, `N/A` or `To be confirmed` (action-plans-and-risks.md §10). " +
      "It has no due date, so it cannot be overdue or due soon.",
    parameters: { action: "the action", text: "what the cell shows" },
    message: ({ action, text }) =>
      `The due date of ${action} is ${quote(text)}, so it cannot be shown as overdue or due soon: ` +
      `enter the date once it is known, ${DUE_EXAMPLES}.`,
    example: { action: "the action on row 14", text: "TBC" },
  }),

  "unclear-progress": define<{ action: string; text: string; understood: string }>({
    severity: "warning",
    title: "Progress words not understood",
    description:
      "An action's progress cell does not begin with a progress word or a percentage (action-plans-and-risks.md §10). " +
      "It counts as not reported.",
    parameters: { action: "the action", text: "what the cell shows", understood: "the progress words understood, by status" },
    message: ({ action, text, understood }) =>
      `Progress for ${action} is ${quote(text)}, which does not say how the action stands, so it counts as not reported: ` +
      `begin the cell with one of ${understood}; or a percentage; then add any narrative.`,
    example: {
      action: "action 6.26",
      text: "Applications received",
      understood: "Complete, Completed, Done or Achieved (complete); In progress, On track or Started (in progress); …",
    },
  }),

  "invalid-rag": define<{ text: string }>({
    severity: "warning",
    title: "Not a RAG rating",
    description:
      "A stated-RAG cell holds text that is not a RAG word (`Red`, `Amber`, `Green`, `Blue`, `Grey`, `R`, `A`, `G`, `B`, " +
      "`Complete`) (action-plans-and-risks.md §10). No stated RAG is read from it.",
    parameters: { text: "what the cell shows" },
    message: ({ text }) =>
      `${quote(text)} is not a RAG rating, so no stated RAG is read from this cell: write Red, Amber, Green, Blue or Grey (or R, A, G, B).`,
    example: { text: "Yellow" },
  }),

  "rag-mismatch": define<{ stated: Rag; computed: Rag; why: string }>({
    severity: "warning",
    title: "Stated RAG differs from the facts",
    description:
      "An action's stated RAG (a word or a fill colour) differs from the RAG its due date and progress give " +
      "(action-plans-and-risks.md §10). Blue and green are the same for a complete action. Totals use the computed RAG.",
    parameters: {
      stated: "the stated RAG",
      computed: "the RAG the rules give",
      why: "the facts behind the computed RAG (`due 31/12/2018 and still in progress at 31/03/2019`)",
    },
    message: ({ stated, computed, why }) =>
      `Stated ${RAG_WORDS[stated]}, but ${why}: ${RAG_WORDS[computed]}. ` +
      `Change the RAG cell to ${RAG_WORDS[computed]}, or bring the progress and due date up to date.`,
    example: { stated: "green", computed: "red", why: "due 31/12/2018 and still in progress at 31/03/2019" },
  }),

  "missing-rating": define<{ risk: string; rating: string; expected: string }>({
    severity: "warning",
    title: "Risk not rated",
    description:
      "A risk has one of likelihood and impact and not the other, or no usable rating at all " +
      "(action-plans-and-risks.md §11, rule 5). It has no level and is grey.",
    parameters: {
      risk: "the risk",
      rating: "what is missing (`impact`, `likelihood`, `rating`)",
      expected: "what to enter (`a number from 1 to 5`)",
    },
    message: ({ risk, rating, expected }) =>
      `${capital(risk)} has no ${rating}, so its score and RAG cannot be worked out: enter ${expected}.`,
    example: { risk: "risk R2", rating: "impact", expected: "a number from 1 to 5" },
  }),

  "missing-mitigation": define<{ risk: string; rag: "red" | "amber" }>({
    severity: "warning",
    title: "High risk without mitigation",
    description:
      "An open risk rated red or amber has no mitigation (action-plans-and-risks.md §11). Raised at its mitigation cell, " +
      "or at the risk cell where the register has no mitigation column.",
    parameters: { risk: "the risk", rag: "its RAG, `red` or `amber`" },
    message: ({ risk, rag }) =>
      `${capital(risk)} is rated ${RAG_WORDS[rag]} and has no mitigation: record the controls or actions that reduce it.`,
    example: { risk: "risk R1", rag: "red" },
  }),

  "missing-owner": define<{ risk: string }>({
    severity: "warning",
    title: "Risk without an owner",
    description: "The register has an owner column and a risk's owner cell is empty (action-plans-and-risks.md §11).",
    parameters: { risk: "the risk" },
    message: ({ risk }) => `${capital(risk)} has no owner: name the person accountable for managing it.`,
    example: { risk: "risk R4" },
  }),

  "review-overdue": define<{ risk: string; reviewDate: string; asOf: string }>({
    severity: "warning",
    title: "Risk review overdue",
    description: "An open risk's review date is before the as-at date (action-plans-and-risks.md §11).",
    parameters: { risk: "the risk", reviewDate: "its review date, ISO", asOf: "the as-at date, ISO" },
    message: ({ risk, reviewDate, asOf }) =>
      `${capital(risk)} was due for review on ${formatDateUk(reviewDate)}, before the as-at date ${formatDateUk(asOf)}: ` +
      "review it and enter the next review date.",
    example: { risk: "risk R1", reviewDate: "2019-06-30", asOf: "2019-09-30" },
  }),

  "residual-above-current": define<{ risk: string; residual: string; current: string }>({
    severity: "warning",
    title: "Residual rating above the current one",
    description:
      "A risk's residual (target) rating is on the same scale as its current rating and higher " +
      "(action-plans-and-risks.md §11). Raised at the residual cell.",
    parameters: { risk: "the risk", residual: "the residual rating as read (`20`, `High`)", current: "the current rating (`16`, `Medium`)" },
    message: ({ risk, residual, current }) =>
      `The residual rating of ${risk} (${residual}) is higher than its current rating (${current}): ` +
      "the rating expected after mitigation should not be worse than the rating now; check both.",
    example: { risk: "risk R1", residual: "20", current: "16" },
  }),

  // ---- info ------------------------------------------------------------------------------
  "unrecognised-sheet": define<{ sheet: string }>({
    severity: "info",
    title: "Not a template sheet",
    description: "A non-empty sheet matches no standard template (§2), so it is not read. Raised at A1; never for an empty sheet.",
    parameters: { sheet: "the sheet's name" },
    message: ({ sheet }) =>
      `Sheet '${sheet}' is not on a standard template (no recovery action form, savings register, directions table, risk register or action plan was found), so it was not read. ` +
      "If it should be read, lay it out as one of the standard templates.",
    example: { sheet: "Notes" },
  }),
  "rag-colour-only": define<{ colour: Rag }>({
    severity: "info",
    title: "RAG shown by colour alone",
    description:
      "A stated-RAG cell has no text, only a fill colour, read as the nearest RAG colour (action-plans-and-risks.md §10). " +
      "Colour alone fails colour-blind readers and black-and-white print.",
    parameters: { colour: "the RAG read from the fill" },
    message: ({ colour }) =>
      `The stated RAG is shown by fill colour alone (read as ${RAG_WORDS[colour]}): colour alone fails colour-blind readers ` +
      `and black-and-white print, so write the word ${RAG_WORDS[colour]} in the cell too.`,
    example: { colour: "amber" },
  }),

  "no-progress-column": define<{ sheet: string }>({
    severity: "info",
    title: "Plan without a progress column",
    description:
      "An action plan has neither a progress column nor a stated-RAG column, so it is read as a schedule: every action is " +
      "grey, though overdue actions still count as overdue (action-plans-and-risks.md §10). Raised once per sheet, at its " +
      "first header's first cell.",
    parameters: { sheet: "the sheet's name" },
    message: ({ sheet }) =>
      `The plan on sheet '${sheet}' has no progress or RAG column, so it is read as a schedule and every action is grey ` +
      "(delivery not reported): add a Progress column (Complete, In progress, Not started, Delayed …) to track delivery.",
    example: { sheet: "Programme Plan" },
  }),

  // Added by this project (§9 allows additions): see docs/decisions.md.
  "blank-form": define<{ sheet: string }>({
    severity: "info",
    title: "Blank form, not counted",
    description:
      "A recovery-action form none of whose fields is filled in (an untouched template sheet) is not an action: it is " +
      "neither counted nor checked field by field. Raised at the form's title label (A1 where there is none).",
    parameters: { sheet: "the sheet's name" },
    message: ({ sheet }) =>
      `Sheet '${sheet}' is a blank recovery action form (none of its fields is filled in), so it is not counted as an action. ` +
      "Fill it in to count it, or delete the sheet.",
    example: { sheet: "RA-13" },
  }),
};

export type FindingCode = keyof typeof CATALOGUE;

type ParamsByCode = { [C in FindingCode]: (typeof CATALOGUE)[C] extends FindingDefinition<infer P> ? P : never };

/** The parameters a code's message takes: checked by TypeScript wherever a finding is raised. */
export type FindingParams<C extends FindingCode> = ParamsByCode[C];

/** The table seen as one mapped type, so a code's definition is known to take that code's parameters. */
const DEFINITIONS: { [C in FindingCode]: FindingDefinition<ParamsByCode[C]> } = CATALOGUE;

/** Every code, in the catalogue's order (errors, warnings, info). */
export const FINDING_CODES = Object.keys(CATALOGUE) as [FindingCode, ...FindingCode[]];

/** The message a code gives for these parameters. */
export function findingMessage<C extends FindingCode>(code: C, params: FindingParams<C>): string {
  return DEFINITIONS[code].message(params);
}

/** The docs' example message for a code (its definition's example parameters). */
export function exampleMessage(code: FindingCode): string {
  const definition: FindingDefinition<FindingParams<typeof code>> = DEFINITIONS[code];
  return definition.message(definition.example);
}
