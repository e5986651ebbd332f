import type { ModelCell } from "./sheet-model";

/**
 * Excel holds at most 65,530 hyperlinks a worksheet (Microsoft's "Excel specifications and
 * limits"; some editions of that page say 66,530: the lower is kept). A summary of more
 * source lines than that (a register of 100,000 lines) links its first 65,530 sources in
 * row order; the rest keep the same words (`REG-70000 Register, cell A70001`) as plain
 * text, so the page reads the same on paper (docs/decisions.md).
 */
export const MAX_HYPERLINKS = 65_530;

/** The cells with every link past the limit made plain text of its words, in place. */
export function withinHyperlinkLimit(cells: ModelCell[]): ModelCell[] {
  let links = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.content.kind !== "link") continue;
    links++;
    if (links > MAX_HYPERLINKS) cells[i] = { ...cell, content: { kind: "text", text: cell.content.text } };
  }
  return cells;
}
