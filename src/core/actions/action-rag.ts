/**
 * RAG for actions (action-plans-and-risks.md §10). A plan with neither a progress column nor
 * a stated-RAG column is a schedule: every action grey. Otherwise, in this order:
 * 1. complete: blue with BRAG, else green;
 * 2. due before the as-at date (unless `ongoing` and in progress): red;
 * 3. at risk: amber; 4. not reported: grey; 5. not started, no due date: grey;
 * 6. not started and due within `dueSoonDays`: amber; 7. otherwise green.
 * Each rating has a reason for the board, and the facts behind it (`why`) for `rag-mismatch`.
 */
import type { Rag, RagResult } from "../records";
import type { Settings } from "../settings";
import { formatDateUk } from "../values";
import { quote } from "../values/input";
import { isDueSoon, isOverdue, ongoingPastDue } from "./overdue";
import type { Action } from "./records";

export interface ActionRating extends RagResult {
  /** The facts behind the RAG, as a clause: `due 31/12/2018 and still in progress at 31/03/2019`. */
  why: string;
  overdue: boolean;
  dueSoon: boolean;
}

const STILL: Record<Action["status"], string> = {
  complete: "complete",
  "in-progress": "still in progress",
  "not-started": "not started",
  "at-risk": "reported at risk",
  "not-reported": "with no progress reported",
};

export function rateAction(a: Action, settings: Settings, asOf: string): ActionRating {
  const overdue = isOverdue(a, asOf);
  const dueSoon = isDueSoon(a, asOf, settings.dueSoonDays);
  const rated = (rag: Rag, ragReason: string, why: string): ActionRating => ({ rag, ragReason, why, overdue, dueSoon });
  const due = a.due === null ? null : formatDateUk(a.due);
  const words = a.progress === null ? null : quote(a.progress);

  if (a.schedule) return rated("grey", "No progress column: delivery not reported", "the plan has no progress column");
  if (a.status === "complete") return rated(settings.brag ? "blue" : "green", "Complete", "it is reported complete");
  if (overdue && due !== null) {
    return rated(
      "red",
      `Overdue: due ${due}, progress ${words ?? "not reported"}`,
      `due ${due} and ${a.status === "at-risk" && words !== null ? `reported as ${words}` : STILL[a.status]} at ${formatDateUk(asOf)}`,
    );
  }
  if (a.status === "at-risk") return rated("amber", `Reported as ${words ?? "at risk"}`, `it is reported as ${words ?? "at risk"}`);
  if (a.status === "not-reported") return rated("grey", "No progress reported", "no progress is reported");
  if (a.status === "not-started" && due === null) return rated("grey", "Not started and no due date", "it is not started and has no due date");
  if (a.status === "not-started" && dueSoon && due !== null) return rated("amber", `Due ${due} and not started`, `due ${due} and not started`);
  if (ongoingPastDue(a, asOf) && due !== null) return rated("green", `Ongoing since ${due}`, `ongoing since ${due}`);
  const stage = a.status === "not-started" ? "Not started" : "In progress";
  const reason = due === null ? `${stage}, no due date` : `${stage}, due ${due}`;
  return rated("green", reason, `${stage.toLowerCase()}${due === null ? " with no due date" : ` and due ${due}`}`);
}
