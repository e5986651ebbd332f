import { MAX_HYPERLINKS, firstPlainLinkKey } from "../../../src/core/summary/hyperlink-limit";
import { positionKey, positionOf } from "../../../src/core/grid";

/** The keys of links at these positions, in the order given. */
const keysOf = (positions: readonly { row: number; col: number }[]) => Float64Array.from(positions.map((p) => positionKey(p.row, p.col)));

describe("links within Excel's limit of 65,530 a sheet", () => {
  it("links the first 65,530 sources in row order and shows the rest as plain text", () => {
    const links = [];
    for (let row = 2; row <= 70_001; row++) links.push({ row, col: 9 });
    const plain = firstPlainLinkKey(keysOf(links));
    // Rows 2 to 65,531 stay links; the first plain one is the next.
    expect(positionOf(plain!)).toEqual({ row: MAX_HYPERLINKS + 2, col: 9 });
    expect(links.filter((p) => positionKey(p.row, p.col) < plain!)).toHaveLength(MAX_HYPERLINKS);
  });

  it("leaves a sheet within the limit as it is", () => {
    expect(firstPlainLinkKey(keysOf([{ row: 2, col: 9 }, { row: 3, col: 9 }]))).toBeUndefined();
    expect(firstPlainLinkKey(new Float64Array(MAX_HYPERLINKS).map((_, i) => positionKey(i + 1, 1)))).toBeUndefined();
  });
});

describe("the limit in sheet order, whatever order the links are counted in (cells, then blocks)", () => {
  it("is the 65,531st link in row then column order, text cells not counted", () => {
    const positions: { row: number; col: number }[] = [];
    // Links in two columns, with rows of text (no link) between: every 7th row has none.
    for (let row = 1; row <= 40_000; row++) if (row % 7 !== 0) positions.push({ row, col: 2 }, { row, col: 9 });
    expect(positions.length).toBeGreaterThan(MAX_HYPERLINKS);
    // The plain rule: sort in sheet order and take the link after the limit's last.
    const inOrder = [...positions].sort((a, b) => a.row - b.row || a.col - b.col);
    const expected = inOrder[MAX_HYPERLINKS];
    // Counted column by column (as the summary page lists its cells' links, then its blocks'), and reversed.
    const byColumn = [...positions.filter((p) => p.col === 9), ...positions.filter((p) => p.col === 2)];
    expect(positionOf(firstPlainLinkKey(keysOf(byColumn))!)).toEqual(expected);
    expect(positionOf(firstPlainLinkKey(keysOf([...inOrder].reverse()))!)).toEqual(expected);
  });

  it("leaves the keys it is given as they were (it sorts a copy)", () => {
    const keys = keysOf([{ row: 3, col: 1 }, ...Array.from({ length: MAX_HYPERLINKS }, (_, i) => ({ row: i + 4, col: 1 })), { row: 1, col: 1 }]);
    const before = Array.from(keys);
    expect(positionOf(firstPlainLinkKey(keys)!)).toEqual({ row: MAX_HYPERLINKS + 2, col: 1 });
    expect(Array.from(keys)).toEqual(before);
  });
});
