/**
 * Progress (action-plans-and-risks.md §10): the words at the start of the progress cell
 * give a status (`In progress – training booked.` is in progress); a percentage too (0% not
 * started, 100% complete, anything between in progress). Blank is not reported; other text
 * is not reported with `unclear-progress`; a percentage outside 0–100 `progress-out-of-range`.
 */
import type { ActionStatus } from "../../actions/records";
import type { Cell } from "../../snapshot";
import { displayText, parsePercent } from "../../values";

/** The status each progress phrase gives, in the spec's words (plus `under way`, `on going`). */
const PHRASES: Readonly<Record<Exclude<ActionStatus, "not-reported">, readonly string[]>> = {
  complete: ["Complete", "Completed", "Completed and ongoing", "Completed - ongoing", "Done", "Achieved", "Delivered", "Closed"],
  "at-risk": ["Delayed", "Behind", "Behind schedule", "At risk", "Slipped", "Slippage", "On hold", "Paused", "Stalled", "Off track"],
  "not-started": ["Not started", "Not yet started", "Planned"],
  "in-progress": ["In progress", "In hand", "Ongoing", "On going", "On track", "Underway", "Under way", "Started"],
};

/** Lower case, dashes and hyphens as spaces, white space folded: `Completed - ongoing` → `completed ongoing`. */
const fold = (t: string): string => t.toLowerCase().replace(/[-\u2010-\u2014]/g, " ").replace(/\s+/g, " ").trim();

/** Every phrase, longest first, so `Not yet started` is tried before `Not started`… and `Started`. */
const TABLE: readonly { phrase: string; status: ActionStatus }[] = Object.entries(PHRASES)
  .flatMap(([status, list]) => list.map((p) => ({ phrase: fold(p), status: status as ActionStatus })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

const STATUS_WORDS: Readonly<Record<Exclude<ActionStatus, "not-reported">, string>> = {
  complete: "complete",
  "in-progress": "in progress",
  "not-started": "not started",
  "at-risk": "at risk",
};

/** The words `unclear-progress` names as understood, by the status each gives. */
export const UNDERSTOOD_PROGRESS = (["complete", "in-progress", "not-started", "at-risk"] as const)
  .map((status) => {
    const list = PHRASES[status].filter((p) => !["Completed - ongoing", "On going", "Under way"].includes(p));
    return `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]} (${STATUS_WORDS[status]})`;
  })
  .join("; ");

const LEADING_PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*%(?!\d)/;

export type ProgressReading =
  | { status: ActionStatus; words: string | null; problem: null }
  | { status: "not-reported"; words: string; problem: "unclear" }
  | { status: "not-reported"; words: string; problem: "out-of-range"; percent: number }
  | { status: "not-reported"; words: string; problem: "error"; error: string };

function byPercent(value: number, words: string): ProgressReading {
  if (value < 0 || value > 100) return { status: "not-reported", words, problem: "out-of-range", percent: value };
  const status: ActionStatus = value === 0 ? "not-started" : value === 100 ? "complete" : "in-progress";
  return { status, words, problem: null };
}

/** The status a progress cell gives. */
export function readProgressWords(cell: Cell | undefined): ProgressReading {
  const r = parsePercent(cell);
  const words = displayText(cell).replace(/\s+/g, " ").trim();
  if (r.status === "empty") return { status: "not-reported", words: null, problem: null };
  if (r.status === "error") return { status: "not-reported", words, problem: "error", error: r.error };
  if (typeof cell?.value !== "string") {
    // A number cell: a percentage (a fraction where it is formatted as one, §1).
    return r.status === "ok" ? byPercent(r.value, words) : { status: "not-reported", words, problem: "unclear" };
  }
  const t = fold(words);
  for (const { phrase, status } of TABLE) {
    if (t.startsWith(phrase) && !/^[\p{L}\p{N}]/u.test(t.slice(phrase.length))) return { status, words, problem: null };
  }
  if (r.status === "ok") return byPercent(r.value, words);
  const leading = LEADING_PERCENT.exec(words);
  if (leading) {
    const p = parsePercent(`${leading[1]}%`);
    if (p.status === "ok") return byPercent(p.value, words);
  }
  return { status: "not-reported", words, problem: "unclear" };
}
