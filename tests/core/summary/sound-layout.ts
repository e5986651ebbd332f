/**
 * What every summary sheet model must be, whatever its figures (board-pages.md): one font
 * named on every cell, nothing wider than its column unless it wraps, rows tall enough for
 * every line, numbers right-aligned under right-aligned headers, and pages that break well.
 */
import { shownText } from "../../../src/core/summary/cells";
import { columnPoints, PAGE_HEIGHT, WIDTH_BUDGET } from "../../../src/core/summary/page-setup";
import type { ModelCell, SheetModel } from "../../../src/core/summary/sheet-model";
import { sheetOrderOf } from "../../../src/core/summary/sheet-order";
import { lineHeight, textWidth, wrapLines } from "../../../src/core/summary/text-metrics";
import { modelCells } from "../../../src/core/summary/model-cells";
import { mergeList } from "../../../src/core/summary/model-merges";

const font = (c: ModelCell) => ({ size: c.style?.size ?? 11, bold: c.style?.bold === true, italic: c.style?.italic === true });

export function expectSoundLayout(m: SheetModel): void {
  const widths = new Map(m.columnWidths.map((w) => [w.col, w.width]));
  const heights = new Map((m.rowHeights ?? []).map((h, i) => [i + 1, h]));
  const mergedAway = (c: ModelCell) => mergeList(m.merges).some((g) => g.top <= c.row && c.row <= g.bottom && g.left <= c.col && c.col <= g.right && !(g.top === c.row && g.left === c.col));
  const widthOf = (c: ModelCell) => {
    const g = mergeList(m.merges).find((x) => x.top === c.row && x.left === c.col);
    let w = 0;
    for (let col = c.col; col <= (g?.right ?? c.col); col++) w += widths.get(col) ?? 8.43;
    return columnPoints(w);
  };

  // The cells are in sheet order, one a position, as the page records them (sheet-order.ts:
  // the writer takes that record on trust), and reach the last row and widest column it says.
  const cells = modelCells(m);
  const order = sheetOrderOf(cells);
  expect(order).toBeDefined();
  // Every place in the list holds a cell: the page makes the list at the length it counted.
  expect(Array.from(cells, (c) => c === undefined).indexOf(true)).toBe(-1);
  for (let i = 1; i < cells.length; i++) {
    const [a, b] = [cells[i - 1], cells[i]];
    expect(a.row < b.row || (a.row === b.row && a.col < b.col)).toBe(true);
  }
  expect(order).toEqual({ maxRow: Math.max(1, ...cells.map((c) => c.row)), maxCol: Math.max(1, ...cells.map((c) => c.col)) });

  // One page wide at full size.
  expect(m.columnWidths.reduce((s, w) => s + w.width, 0)).toBeLessThanOrEqual(WIDTH_BUDGET);
  for (const c of cells) {
    // One font family, named on every cell, with its size.
    expect(c.style?.font).toBe("Calibri");
    expect(typeof c.style?.size).toBe("number");
    if (mergedAway(c)) continue;
    const shown = shownText(c.content, c.format);
    const room = widthOf(c) - 4;
    if (!c.style?.wrap) {
      // Unwrapped text (numbers, dates, links) fits its column: no ###, nothing cut or spilling.
      for (const line of shown.split("\n")) expect({ at: [c.row, c.col], shown: line, fits: textWidth(line, font(c)) <= room }).toMatchObject({ fits: true });
    } else {
      // Every line of wrapped text has room in its row.
      const lines = wrapLines(shown, room - 2, font(c)).length;
      // No word is broken between letters: a column is at least as wide as its widest word
      // (fitWidths), merged cells aside (they are not measured for their columns).
      if (!mergeList(m.merges).some((g) => g.top === c.row && g.left === c.col))
        for (const word of shown.split(/\s+/)) expect({ at: [c.row, c.col], word, whole: textWidth(word, font(c)) <= room - 2 }).toMatchObject({ whole: true });
      expect({ at: [c.row, c.col], shown, tallEnough: (heights.get(c.row) ?? 15) >= lines * lineHeight(font(c).size) - 0.01 }).toMatchObject({ tallEnough: true });
    }
  }

  // Numbers sit right, under a right-aligned header; dates right too, or centred under a
  // centred header (where a right-aligned date would run into the words beside it).
  for (const t of m.tables) {
    t.columns.forEach((_, i) => {
      const col = t.firstCol + i;
      const body = cells.filter((c) => c.col === col && c.row > t.headerRow && c.row <= t.headerRow + t.dataRows);
      const numbers = body.filter((c) => c.content.kind === "number");
      const dates = body.filter((c) => c.content.kind === "date");
      const header = cells.find((c) => c.row === t.headerRow && c.col === col);
      if (numbers.length) expect(header?.style?.align).toBe("right");
      for (const c of numbers) expect(c.style?.align).toBe("right");
      if (dates.length) expect(["right", "center"]).toContain(header?.style?.align);
      for (const c of dates) expect(c.style?.align).toBe(header?.style?.align);
    });
  }

  // Pages: each within a page's height; the main table starts a page of its own; its header is
  // the only row repeated and never the last row of a page; no page holds only repeated headers.
  const last = Math.max(...cells.map((c) => c.row));
  const starts = [1, ...m.pageBreaks, last + 1];
  const main = m.tables.at(-1);
  const repeat = m.print.repeatRows;
  if (main) expect(repeat).toEqual({ from: main.headerRow, to: main.headerRow });
  for (let p = 0; p + 1 < starts.length; p++) {
    let h = repeat && starts[p] > repeat.from ? (heights.get(repeat.from) ?? 15) : 0;
    for (let r = starts[p]; r < starts[p + 1]; r++) h += heights.get(r) ?? 15;
    expect({ page: p + 1, rows: [starts[p], starts[p + 1] - 1], fits: h <= PAGE_HEIGHT + 0.01 }).toMatchObject({ fits: true });
    if (repeat) {
      expect(starts[p + 1] - 1).not.toBe(repeat.from);
      const text = cells.filter((c) => c.row >= starts[p] && c.row < starts[p + 1] && shownText(c.content, c.format).trim() !== "");
      expect(text.length).toBeGreaterThan(0);
    }
  }
  if (main && main.headerRow > 3) expect(m.pageBreaks).toContain(main.headerRow - 1 - (heights.get(main.headerRow - 2) === 9 ? 1 : 0));
}

/** The rows of the page that holds `row`. */
export function pageOf(m: SheetModel, row: number): number {
  return m.pageBreaks.filter((b) => b <= row).length + 1;
}
