/**
 * The blank action plan (action-plans-and-risks.md §10, Templates; seed 003's columns): a
 * title, `Aim:` and `Lead:` lines (never read as a section), the header, and input rows with
 * drop-down lists for progress words and the stated RAG and a date rule on the due dates.
 * A section starts at a row with only its name in the first column.
 */
import type { TemplateModel } from "./template-model";
import { blank, cellRange, dateRule, HEADER, LABEL, listRule, text } from "./template-parts";

export const ACTION_PLAN_LAYOUT: { headerRow: number; firstActionRow: number; lastActionRow: number; columns: readonly string[] } = {
  headerRow: 5,
  firstActionRow: 6,
  lastActionRow: 30,
  columns: ["Ref", "Goal", "Action", "SRO", "Lead", "Due Date", "Measure/Evidence", "Progress", "RAG"],
};

/** The progress words offered (the reader understands more, §10). */
export const PROGRESS_CHOICES = ["Not started", "In progress", "On track", "At risk", "Delayed", "On hold", "Complete"] as const;
export const RAG_CHOICES = ["Red", "Amber", "Green", "Blue", "Grey"] as const;

export function actionPlanTemplate(): TemplateModel {
  const { headerRow, firstActionRow, lastActionRow, columns } = ACTION_PLAN_LAYOUT;
  const col = (name: string) => columns.indexOf(name) + 1;
  const cells = [
    text(1, 1, "Action Plan 20YY/YY", { bold: true, size: 14 }),
    text(2, 1, "Aim:", LABEL),
    text(3, 1, "Lead:", LABEL),
    ...columns.map((name, i) => text(headerRow, i + 1, name, HEADER)),
  ];
  for (let row = firstActionRow; row <= lastActionRow; row++) {
    for (let c = 1; c <= columns.length; c++) {
      cells.push(blank(row, c, c === col("Ref") ? "text" : c === col("Due Date") ? "date" : undefined));
    }
  }
  const rows = (c: number) => cellRange(firstActionRow, c, lastActionRow, c);
  return {
    kind: "action-plan",
    sheetName: "Action Plan",
    cells,
    merges: [],
    columnWidths: [8, 30, 50, 12, 12, 14, 36, 30, 10].map((width, i) => ({ col: i + 1, width })),
    rowHeights: [],
    validations: [
      dateRule(
        rows(col("Due Date")),
        "Due Date",
        "warning",
        "Enter the due date day first, e.g. 31/03/2025. A month (March 2025) or a quarter (Q4 2024/25) is read too.",
      ),
      listRule(
        rows(col("Progress")),
        "Progress",
        PROGRESS_CHOICES,
        "Choose how the action stands; you may add narrative after the word, e.g. In progress - training booked.",
        "warning",
      ),
      listRule(rows(col("RAG")), "RAG", RAG_CHOICES, "Choose the RAG you state; Board Summary checks it against the due date and progress."),
    ],
    freezeRows: headerRow,
  };
}
