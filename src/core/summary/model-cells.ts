/**
 * A summary model's cells, the one way hosts and tests read them. How a model holds its
 * cells may change behind these (the big table of a register's summary held as columns,
 * not a ModelCell a cell: ~100 bytes each, 1.5 million of them on 100,000 lines), so
 * nothing outside the summary reads `model.cells` itself.
 */
import type { ModelCell, SheetModel } from "./sheet-model";

/** The model's cells, in the order it holds them (sheet order for a summary page's; sheet-order.ts). */
export function modelCells(model: Pick<SheetModel, "cells">): readonly ModelCell[] {
  return model.cells;
}

