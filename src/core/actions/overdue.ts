/**
 * Overdue and due soon (action-plans-and-risks.md §10, RAG for actions). An action is
 * overdue when it is not complete and due before the as-at date, unless its due note says
 * `ongoing` and it is in progress (in a plan without progress: unless the note says
 * `ongoing`). It is due soon when it is not complete and due on or after the as-at date and
 * at most `dueSoonDays` days after it, so an overdue action is never due soon.
 */
import type { Action } from "./records";

/** The due note says the action goes on past its date (`and ongoing`). */
function saysOngoing(note: string | null): boolean {
  return note !== null && /\bon-?\s?going\b/i.test(note);
}

/** Past its due date but carrying on as planned: `March 2018 (and ongoing)`, in progress (or in a schedule). */
export function ongoingPastDue(a: Action, asOf: string): boolean {
  return a.due !== null && a.due < asOf && saysOngoing(a.dueNote) && (a.schedule || a.status === "in-progress");
}

export function isOverdue(a: Action, asOf: string): boolean {
  return a.status !== "complete" && a.due !== null && a.due < asOf && !ongoingPastDue(a, asOf);
}

/** An ISO date `days` days after another (UTC calendar arithmetic). */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${String(t.getUTCFullYear()).padStart(4, "0")}-${String(t.getUTCMonth() + 1).padStart(2, "0")}-${String(t.getUTCDate()).padStart(2, "0")}`;
}

export function isDueSoon(a: Action, asOf: string, dueSoonDays: number): boolean {
  return a.status !== "complete" && a.due !== null && a.due >= asOf && a.due <= addDays(asOf, dueSoonDays);
}
