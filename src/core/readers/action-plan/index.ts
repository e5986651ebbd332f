/**
 * The action plan (action-plans-and-risks.md §10; seed 003, Castle Point and Rochford CCG's
 * OD action plan, and seed 004's phased programme plan). This file walks the rows and says
 * what each is: a header (action-plan-header.ts), a row above a header
 * (rows-above-header.ts), a section heading (section-heading.ts), a continuation
 * (continuation-row.ts) or an action (action-row.ts).
 */
import type { Action, ActionPlanSheet } from "../../actions/records";
import { findingsOn, type Finding } from "../../findings";
import { a1, isBlank, type SheetGrid } from "../../grid";
import type { Cell } from "../../snapshot";
import { cellError } from "../../values";
import { own, textOf } from "../table-cells";
import { findActionPlanHeaders, type ActionPlanHeader } from "./action-plan-header";
import { readActionRow, type ActionRowContext } from "./action-row";
import { continuationText } from "./continuation-row";
import { readRowsAbove } from "./rows-above-header";
import { sectionHeading } from "./section-heading";

export { findActionPlanHeader } from "./action-plan-header";

type RowKind =
  | { kind: "heading"; text: string }
  | { kind: "continuation"; text: string }
  | { kind: "action" }
  /** No action text, but a due date, progress or RAG: an action whose text is missing. */
  | { kind: "no-action"; cells: Cell[] }
  | { kind: "other" };

function contentCells(grid: SheetGrid, row: number): Cell[] {
  return grid.cellsOfRow(row).filter((c) => !isBlank(c) && own(grid, row, c.col) === c);
}

function classify(grid: SheetGrid, row: number, h: ActionPlanHeader): RowKind | null {
  const cells = contentCells(grid, row);
  if (cells.length === 0) return null;
  const more = continuationText(cells, [h.goalCol, h.actionCol]);
  if (more !== null) return { kind: "continuation", text: more };
  const heading = sectionHeading(cells, { firstCol: h.firstCol, itemCol: h.actionCol, never: [h.dueCol, h.progressCol, h.ragCol] });
  if (heading !== null) return { kind: "heading", text: heading };
  const actionCell = own(grid, row, h.actionCol);
  if (textOf(actionCell) !== "" || cellError(actionCell) !== null) return { kind: "action" };
  const facts = [h.dueCol, h.progressCol, h.ragCol];
  if (cells.some((c) => facts.includes(c.col))) return { kind: "no-action", cells };
  return { kind: "other" };
}

const foldKey = (t: string): string => t.replace(/\s+/g, " ").trim().toLowerCase();

export interface ActionPlanReading {
  plan: ActionPlanSheet | null;
  actions: Action[];
  findings: Finding[];
}

/** Reads every action on an action-plan sheet. */
export function readActionPlan(grid: SheetGrid): ActionPlanReading {
  const sheet = grid.name;
  const { findings, raise } = findingsOn(sheet);
  const headers = findActionPlanHeaders(grid);
  const actions: Action[] = [];
  if (headers.length === 0) return { plan: null, actions, findings };

  const schedule = headers.every((h) => h.progressCol === null && h.ragCol === null);
  const headerCell = a1(headers[0].row, headers[0].firstCol);
  if (schedule) raise("no-progress-column", headerCell, { sheet });

  // Each block's rows, classified; the rows after a block's last action belong above the next header.
  const allRows = grid.rows();
  const blocks = headers.map((h, k) => {
    const end = k + 1 < headers.length ? headers[k + 1].row : Infinity;
    const rows = allRows
      .filter((r) => r > h.row && r < end)
      .map((r) => ({ row: r, kind: classify(grid, r, h) }))
      .filter((x): x is { row: number; kind: RowKind } => x.kind !== null);
    return { header: h, rows };
  });
  const lastItem = (rows: { row: number; kind: RowKind }[]): number =>
    rows.reduce((last, r) => (r.kind.kind === "action" || r.kind.kind === "continuation" || r.kind.kind === "no-action" ? r.row : last), -1);

  let title: string | null = null;
  let section: string | null = null;
  let goal: string | null = null;
  const firstRefs = new Map<string, string>();
  const context = (h: ActionPlanHeader): ActionRowContext => ({ grid, header: h, raise, schedule, firstRefs });

  for (const [k, block] of blocks.entries()) {
    const h = block.header;
    const previous = k > 0 ? blocks[k - 1] : null;
    const aboveFrom = previous ? Math.max(previous.header.row, lastItem(previous.rows)) : 0;
    const above = readRowsAbove(grid, allRows.filter((r) => r > aboveFrom && r < h.row), k === 0);
    if (k === 0) title = above.title;
    if (above.section !== null) {
      section = above.section;
      goal = null;
    } else if (previous && foldKey(previous.header.actionText) !== foldKey(h.actionText)) {
      // A header with other action-column text starts a section named by it (seed 004's phases).
      section = h.actionText;
      goal = null;
    }

    const next = k + 1 < blocks.length ? blocks[k + 1] : null;
    // Rows after this block's last action are read above the next header.
    const stop = next ? lastItem(block.rows) : Infinity;
    let current: Action | null = null;
    for (const { row, kind } of block.rows) {
      if (next && row > stop) break;
      switch (kind.kind) {
        case "heading":
          section = kind.text;
          goal = null;
          current = null;
          break;
        case "continuation":
          if (current) current.action = `${current.action} ${kind.text}`.trim();
          break;
        case "action": {
          const goalText = h.goalCol === null ? "" : textOf(own(grid, row, h.goalCol)).replace(/\s+/g, " ");
          if (goalText) goal = goalText;
          current = readActionRow(context(h), row, section, goal);
          if (current) actions.push(current);
          break;
        }
        case "no-action":
          raise("missing-field", a1(row, h.actionCol), { field: `The action on row ${row}`, problem: "empty", expected: "what is to be done" });
          break;
        case "other":
          break;
      }
    }
  }

  return {
    plan: { sheet, title: title ?? sheet, headerCell, schedule, actions: actions.length },
    actions,
    findings,
  };
}
