import type { ModelCell } from "./sheet-model";

/**
 * Excel holds at most 65,530 hyperlinks a worksheet (Microsoft's "Excel specifications and
 * limits"; some editions of that page say 66,530: the lower is kept). A summary of more
 * source lines than that (a register of 100,000 lines) links its first 65,530 sources in
 * row order; the rest keep the same words (`REG-70000 Register, cell A70001`) as plain
 * text, so the page reads the same on paper (docs/decisions.md).
 */
export const MAX_HYPERLINKS = 65_530;

/**
 * The limit a cell at a time, given every cell in row order: the summary page applies it in
 * its pass over every cell (rowHeights), not in a pass of its own over two million.
 */
export class HyperlinkLimit {
  private links = 0;

  /** The cell, or where it is a link past the limit, a copy whose link is plain text of its words. */
  of(cell: ModelCell): ModelCell {
    if (cell.content.kind !== "link") return cell;
    this.links++;
    return this.links > MAX_HYPERLINKS ? { ...cell, content: { kind: "text", text: cell.content.text } } : cell;
  }
}

/**
 * Where the limit falls, given every link's position key (cell-blocks.ts positionKey; any
 * order): the key of the first link past the limit in sheet order, which with every link
 * after it is plain text; undefined where the links are within it. HyperlinkLimit's rule
 * for a summary whose table bodies are held as columns, not listed a cell at a time.
 */
export function firstPlainLinkKey(keys: Float64Array): number | undefined {
  if (keys.length <= MAX_HYPERLINKS) return undefined;
  return keys.slice().sort()[MAX_HYPERLINKS];
}
