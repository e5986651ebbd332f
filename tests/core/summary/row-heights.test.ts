import { estimateRowHeights } from "../../../src/core/summary/layout";
import type { ModelCell } from "../../../src/core/summary/sheet-model";

const cell = (row: number, col: number, text: string, wrap = true): ModelCell => ({
  row,
  col,
  content: { kind: "text", text },
  style: { wrap },
});

describe("row heights for wrapped text", () => {
  it("leaves one-line rows to the default height", () => {
    expect(estimateRowHeights([cell(3, 1, "Red")], [], [10])).toEqual([]);
  });

  it("grows a row by the lines its longest wrapped cell needs", () => {
    // 20 characters wide → 24 characters a line; 100 characters → 5 lines.
    const [h] = estimateRowHeights([cell(5, 2, "x".repeat(100)), cell(5, 3, "short")], [], [10, 20, 10]);
    expect(h.row).toBe(5);
    expect(h.height).toBeGreaterThanOrEqual(5 * 15);
    expect(h.height).toBeLessThan(6 * 15 + 3);
  });

  it("counts line breaks and ignores unwrapped cells", () => {
    expect(estimateRowHeights([cell(2, 1, "a\nb\nc")], [], [30])[0].height).toBeGreaterThanOrEqual(3 * 15);
    expect(estimateRowHeights([cell(2, 1, "x".repeat(500), false)], [], [10])).toEqual([]);
  });

  it("uses the whole width of a merged cell", () => {
    // 30 characters: two lines in one 10-wide column (12 a line), one line across three merged.
    expect(estimateRowHeights([cell(1, 1, "x".repeat(30))], [], [10, 10, 10])).toHaveLength(1);
    const merged = estimateRowHeights([cell(1, 1, "x".repeat(30))], [{ top: 1, left: 1, bottom: 1, right: 3 }], [10, 10, 10]);
    expect(merged).toEqual([]);
  });
});
