/**
 * The action plan's header row (action-plans-and-risks.md §10, Recognition): an action
 * column and a due column on one row, and the optional columns beside them (ref, goal,
 * SRO, lead, measure, progress, stated RAG).
 */
import type { SheetGrid } from "../../grid";
import { matchesLabel, normaliseLabel } from "../../values";
import { labelCells } from "../labels";
import { own, textOf } from "../table-cells";

export interface ActionPlanHeader {
  row: number;
  /** The header's first non-empty column (section headings sit there or in the action column). */
  firstCol: number;
  actionCol: number;
  /** The action column's heading as written: a header with other text starts a section named by it. */
  actionText: string;
  dueCol: number;
  refCol: number | null;
  goalCol: number | null;
  sroCol: number | null;
  leadCol: number | null;
  measureCol: number | null;
  progressCol: number | null;
  ragCol: number | null;
}

/** Due columns (§10), with `Timescales` and `Due By` as people also write them. */
const DUE_LABELS = [
  "By When",
  "Due",
  "Due Date",
  "Due By",
  "Deadline",
  "Target Date",
  "Planned delivery date",
  "Planned Date",
  "Delivery Date",
  "Completion Date",
  "Timescale",
  "Timescales",
];
/** Action columns named by a word other than `Action…` (plurals too). */
const ACTION_WORDS = ["Milestone", "Milestones", "Deliverable", "Deliverables", "Activity", "Activities", "Task", "Tasks"];
const ACTION_PREFIX = /^actions?\b/;

const REF_LABELS = ["Ref", "Ref.", "Reference", "No", "No.", "ID"];
const GOAL_LABELS = ["Goal", "OD Goal", "Objective", "Aim", "Outcome"];
const SRO_LABELS = ["SRO", "Sponsor"];
/** `Action By` is who does it, as UK minutes write it: a lead, not the action. */
const LEAD_LABELS = ["Lead", "OP Lead", "Owner", "Responsible", "Action Owner", "Action By"];
const PROGRESS_LABELS = ["Progress", "Progress Update", "Update", "Status", "Progress/Status"];
const MEASURE_PREFIX = /^(measure|evidence|success)/;
const RAG_PREFIX = /^b?rag\b/;

/** Header cells are short; long prose is never one (and is not normalised to find out). */
const MAX_HEADING = 200;

type Role = "due" | "ref" | "goal" | "sro" | "lead" | "progress" | "rag" | "measure" | "action";

/** What a heading names, in the order of precedence (an `Action Owner` is a lead, not the action). */
function roleOf(text: string): Role | null {
  if (matchesLabel(text, DUE_LABELS)) return "due";
  if (matchesLabel(text, REF_LABELS)) return "ref";
  if (matchesLabel(text, GOAL_LABELS)) return "goal";
  if (matchesLabel(text, SRO_LABELS)) return "sro";
  if (matchesLabel(text, LEAD_LABELS)) return "lead";
  if (matchesLabel(text, PROGRESS_LABELS)) return "progress";
  const n = normaliseLabel(text);
  if (RAG_PREFIX.test(n)) return "rag";
  if (MEASURE_PREFIX.test(n)) return "measure";
  if (ACTION_PREFIX.test(n) || matchesLabel(text, ACTION_WORDS)) return "action";
  return null;
}

/** The header on a row, or null where the row has no action column and due column. */
function actionPlanHeaderAt(grid: SheetGrid, row: number): ActionPlanHeader | null {
  const cols: Partial<Record<Role, number>> = {};
  let actionText = "";
  let firstCol: number | null = null;
  for (const c of grid.cellsOfRow(row)) {
    if (own(grid, row, c.col) !== c) continue;
    const t = textOf(c);
    if (!t) continue;
    firstCol ??= c.col;
    if (t.length > MAX_HEADING) continue;
    const role = roleOf(t);
    // The first column of each kind counts (`the first of Progress, …, Status`: the leftmost).
    if (role === null || cols[role] !== undefined) continue;
    cols[role] = c.col;
    if (role === "action") actionText = t.replace(/\s+/g, " ");
  }
  if (cols.action === undefined || cols.due === undefined || firstCol === null) return null;
  return {
    row,
    firstCol,
    actionCol: cols.action,
    actionText,
    dueCol: cols.due,
    refCol: cols.ref ?? null,
    goalCol: cols.goal ?? null,
    sroCol: cols.sro ?? null,
    leadCol: cols.lead ?? null,
    measureCol: cols.measure ?? null,
    progressCol: cols.progress ?? null,
    ragCol: cols.rag ?? null,
  };
}

/**
 * Rows that can hold a header: those with a due heading, from the sheet's label index (built
 * once a sheet), so a long sheet is not tested row by row. actionPlanHeaderAt has the last word.
 */
function candidateRows(grid: SheetGrid): number[] {
  return [...new Set(labelCells(grid, DUE_LABELS).filter((h) => h.inline === null).map((h) => h.row))];
}

/** Every header on the sheet, top to bottom (seed 003 repeats its header per page). */
export function findActionPlanHeaders(grid: SheetGrid): ActionPlanHeader[] {
  const headers: ActionPlanHeader[] = [];
  for (const row of candidateRows(grid)) {
    const h = actionPlanHeaderAt(grid, row);
    if (h) headers.push(h);
  }
  return headers;
}

/** §2: the first header row with an action column and a due column; null where none. */
export function findActionPlanHeader(grid: SheetGrid): ActionPlanHeader | null {
  for (const row of candidateRows(grid)) {
    const h = actionPlanHeaderAt(grid, row);
    if (h) return h;
  }
  return null;
}
