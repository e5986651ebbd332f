/**
 * One action row (action-plans-and-risks.md §10): its ref, text, SRO, lead and measure, its
 * due date (due-date.ts), progress (progress-words.ts) and stated RAG (stated-rag.ts), each
 * with its findings at its cell.
 */
import type { Action } from "../../actions/records";
import type { RaiseFinding } from "../../findings";
import { a1, type SheetGrid } from "../../grid";
import { cellError } from "../../values";
import { cellAt } from "../labels";
import { own, textOf } from "../table-cells";
import type { ActionPlanHeader } from "./action-plan-header";
import { itemName, leadingRef, rowRef } from "./action-ref";
import { parseDueDate } from "./due-date";
import { readProgressWords, UNDERSTOOD_PROGRESS } from "./progress-words";
import { readStatedRag } from "./stated-rag";

export interface ActionRowContext {
  grid: SheetGrid;
  header: ActionPlanHeader;
  raise: RaiseFinding;
  /** The sheet is a schedule (no progress or stated-RAG column). */
  schedule: boolean;
  /** Refs met on this sheet (folded) → the cell of their first use. */
  firstRefs: Map<string, string>;
}

const fold = (t: string): string => t.replace(/\s+/g, " ").trim();

/**
 * A fact cell of the row (due, progress, RAG, lead …): a cell merged down over several
 * actions applies to each. Findings about it are raised once, on the merge's own row.
 */
function factCell(grid: SheetGrid, row: number, col: number) {
  const at = cellAt(grid, row, col);
  return { cell: at.cell, address: a1(at.row, at.col), own: at.row === row };
}

function textIn(grid: SheetGrid, row: number, col: number | null): string | null {
  if (col === null) return null;
  return fold(textOf(factCell(grid, row, col).cell)) || null;
}

/** Reads the action on a row; null where its action cell holds an Excel error (raised there). */
export function readActionRow(ctx: ActionRowContext, row: number, section: string | null, goal: string | null): Action | null {
  const { grid, header: h, raise, schedule, firstRefs } = ctx;
  const sheet = grid.name;
  const actionAddress = a1(row, h.actionCol);
  const actionCell = own(grid, row, h.actionCol);
  const actionError = cellError(actionCell);
  if (actionError !== null) {
    raise("formula-error", actionAddress, { field: `The action on row ${row}`, error: actionError, expected: "the action's text" });
    return null;
  }
  let text = fold(textOf(actionCell));

  // The ref: its column, else a number leading the text, else the row.
  let ref: string;
  let refCell: string | null;
  const refText = h.refCol === null ? "" : fold(textOf(own(grid, row, h.refCol)));
  const leading = leadingRef(text);
  if (refText) {
    ref = refText;
    refCell = a1(row, h.refCol ?? h.actionCol);
  } else if (leading) {
    ref = leading.ref;
    refCell = actionAddress;
    text = leading.rest;
  } else {
    ref = rowRef(sheet, row);
    refCell = null;
  }
  const name = itemName("action", ref, refCell === null, row);
  if (refCell !== null) {
    const key = ref.toLowerCase();
    const first = firstRefs.get(key);
    if (first !== undefined) raise("duplicate-ref", refCell, { ref, first: { source: "action", sheet, cell: first } });
    else firstRefs.set(key, refCell);
  }

  // The due date.
  const due = factCell(grid, row, h.dueCol);
  const reading = parseDueDate(due.cell);
  if (due.own) {
    switch (reading.status) {
      case "empty":
        raise("missing-due-date", due.address, { action: name });
        break;
      case "unknown":
        raise("unknown-due-date", due.address, { action: name, text: reading.text });
        break;
      case "invalid":
        raise("invalid-date", due.address, { field: `The due date of ${name}`, reason: reading.reason });
        break;
      case "error":
        raise("formula-error", due.address, { field: `The due date of ${name}`, error: reading.error, expected: "a date" });
        break;
      case "ok":
        break;
    }
  }

  // Progress.
  let progress: string | null = null;
  let progressCell: string | null = null;
  let status: Action["status"] = "not-reported";
  if (h.progressCol !== null) {
    const p = factCell(grid, row, h.progressCol);
    progressCell = p.address;
    const read = readProgressWords(p.cell);
    progress = read.words;
    status = read.status;
    if (p.own) {
      if (read.problem === "unclear") raise("unclear-progress", p.address, { action: name, text: read.words, understood: UNDERSTOOD_PROGRESS });
      else if (read.problem === "out-of-range") raise("progress-out-of-range", p.address, { no: ref, percent: read.percent, of: "action" });
      else if (read.problem === "error") raise("formula-error", p.address, { field: `Progress for ${name}`, error: read.error, expected: "progress words or a percentage" });
    }
  }

  // The stated RAG: findings on the merge's own row only.
  let statedRag: Action["statedRag"] = null;
  let statedRagCell: string | null = null;
  let statedRagBy: Action["statedRagBy"] = null;
  if (h.ragCol !== null) {
    const r = factCell(grid, row, h.ragCol);
    statedRagCell = r.address;
    const quiet: RaiseFinding = () => undefined;
    const read = readStatedRag(r.cell, r.address, r.own ? raise : quiet);
    statedRag = read?.rag ?? null;
    statedRagBy = read?.by ?? null;
  }

  return {
    sheet,
    row,
    cell: actionAddress,
    ref,
    refCell,
    section,
    goal,
    action: text,
    sro: textIn(grid, row, h.sroCol),
    lead: textIn(grid, row, h.leadCol),
    measure: textIn(grid, row, h.measureCol),
    due: reading.status === "ok" ? reading.iso : null,
    dueNote: reading.status === "ok" ? reading.note : null,
    dueCell: due.address,
    progress,
    progressCell,
    status,
    statedRag,
    statedRagCell,
    statedRagBy,
    schedule,
  };
}
