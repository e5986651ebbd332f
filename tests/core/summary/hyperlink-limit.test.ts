import { HyperlinkLimit, MAX_HYPERLINKS } from "../../../src/core/summary/hyperlink-limit";
import type { ModelCell } from "../../../src/core/summary/sheet-model";

const linkCell = (row: number): ModelCell => ({
  row,
  col: 9,
  content: { kind: "link", text: `REG-${row} Register, cell A${row}`, sheet: "Register", cell: `A${row}` },
  style: { wrap: false },
});

describe("links within Excel's limit of 65,530 a sheet", () => {
  it("links the first 65,530 sources in row order and shows the rest as the same words in plain text", () => {
    const cells: ModelCell[] = [{ row: 1, col: 1, content: { kind: "text", text: "Recovery Summary" } }];
    for (let row = 2; row <= 70_001; row++) cells.push(linkCell(row));
    const limit = new HyperlinkLimit();
    const out = cells.map((c) => limit.of(c));
    const links = out.filter((c) => c.content.kind === "link");
    expect(links).toHaveLength(MAX_HYPERLINKS);
    expect(links.at(-1)!.row).toBe(MAX_HYPERLINKS + 1);
    const past = out.find((c) => c.row === MAX_HYPERLINKS + 2)!;
    expect(past.content).toEqual({ kind: "text", text: `REG-${MAX_HYPERLINKS + 2} Register, cell A${MAX_HYPERLINKS + 2}` });
    expect(past.style).toEqual({ wrap: false });
    expect(out).toHaveLength(70_001);
  });

  it("leaves a sheet within the limit as it is", () => {
    const cells = [linkCell(2), linkCell(3)];
    const limit = new HyperlinkLimit();
    expect(cells.map((c) => limit.of(c))).toEqual(cells);
  });
});

describe("the limit a cell at a time (as the summary page applies it)", () => {
  it("counts links only, cell by cell in row order, and keeps the cells within the limit as given", () => {
    const cells: ModelCell[] = [];
    for (let row = 1; row <= 80_000; row++) cells.push(row % 7 === 0 ? { row, col: 1, content: { kind: "text", text: "x" } } : linkCell(row));
    const limit = new HyperlinkLimit();
    const oneByOne = cells.map((c) => limit.of(c));
    // The plain rule: the nth link (text cells not counted) stays a link while n ≤ 65,530.
    let n = 0;
    const expected = cells.map((c) => {
      if (c.content.kind !== "link") return c;
      n++;
      return n > MAX_HYPERLINKS ? { ...c, content: { kind: "text" as const, text: c.content.text } } : c;
    });
    expect(oneByOne).toEqual(expected);
    // 68,572 links among 80,000 cells: the limit is passed here, not only approached.
    expect(n).toBeGreaterThan(MAX_HYPERLINKS);
    // Cells within the limit are the very objects given.
    expect(oneByOne[1]).toBe(cells[1]);
  });
});
