/**
 * A summary model's cells, the one way hosts and tests read them. A model holds most of a
 * big table's cells as columns (its blocks, cell-blocks.ts), not a ModelCell a cell: ~100
 * bytes each, 1.5 million of them on a register of 100,000 lines. Nothing outside the
 * summary reads `model.cells` or `model.blocks` itself.
 */
import { END, SheetCells, blockBounds } from "./cell-blocks";
import type { CellBlock, ModelCell, SheetModel } from "./sheet-model";
import { knownInSheetOrder, sheetOrderOf } from "./sheet-order";

type CellParts = Pick<SheetModel, "cells"> & Partial<Pick<SheetModel, "blocks" | "plainLinksFrom">>;

/** The model's cells, each a ModelCell, in sheet order for a summary page's (sheet-order.ts). */
export function modelCells(model: CellParts): readonly ModelCell[] {
  const blocks = model.blocks ?? [];
  if (blocks.length === 0) return model.cells;
  const out: ModelCell[] = [];
  const cells = new SheetCells(model.cells, blocks, model.plainLinksFrom, true);
  while (cells.row !== END) out.push(cells.take());
  const known = sheetOrderOf(model.cells);
  if (known !== undefined) {
    const { maxRow, maxCol } = withBlocks(known, blocks);
    knownInSheetOrder(out, maxRow, maxCol);
  }
  return out;
}

/** The loose cells, the blocks and the hyperlink limit, for a writer that walks them itself (SheetCells). */
export function modelCellParts(model: CellParts): { cells: readonly ModelCell[]; blocks: readonly CellBlock[]; plainLinksFrom: { row: number; col: number } | undefined } {
  return { cells: model.cells, blocks: model.blocks ?? [], plainLinksFrom: model.plainLinksFrom };
}

/** Bounds widened to take in the blocks' cells. */
export function withBlocks(bounds: { maxRow: number; maxCol: number }, blocks: readonly CellBlock[]): { maxRow: number; maxCol: number } {
  let { maxRow, maxCol } = bounds;
  for (const b of blocks) {
    const r = blockBounds(b);
    if (r.maxRow > maxRow) maxRow = r.maxRow;
    if (r.maxCol > maxCol) maxCol = r.maxCol;
  }
  return { maxRow, maxCol };
}
