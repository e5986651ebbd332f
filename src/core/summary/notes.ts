/**
 * The notes a build gives the user, joined in one place: the plan's (a summary written
 * under another name) and the host's (what it kept or could not do), each said once.
 */
import type { SummaryPlan } from "./sheet-model";

export function buildNotes(plan: Pick<SummaryPlan, "notes">, written: { notes: readonly string[] }): string[] {
  return [...new Set([...plan.notes, ...written.notes])];
}
