/**
 * The merge index (one typed array by row and column) held to the plain rule on random
 * merges: a cell heads the first merge added whose top-left it is, and is covered where
 * any merge holds it without heading it.
 */
import fc from "fast-check";
import { MergeIndex } from "../../../src/core/summary/merge-index";
import type { Merge } from "../../../src/core/snapshot";

const merge: fc.Arbitrary<Merge> = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }))
  .map(([top, left, down, across]) => ({ top, left, bottom: top + down, right: left + across }));

function plainHeadRight(merges: Merge[], row: number, col: number): number {
  return merges.find((m) => m.top === row && m.left === col)?.right ?? 0;
}

function plainCovered(merges: Merge[], row: number, col: number): boolean {
  return merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

describe("the summary page's merge index", () => {
  it("answers as a search of every merge does, wherever asked (rows and columns past any merge too)", () => {
    fc.assert(
      fc.property(fc.array(merge, { maxLength: 60 }), (merges) => {
        const index = new MergeIndex();
        for (const m of merges) index.add(m.top, m.left, m.bottom, m.right);
        const wrong: string[] = [];
        for (let row = 0; row <= 50; row++)
          for (let col = 0; col <= 20; col++) {
            const right = plainHeadRight(merges, row, col);
            const covered = plainCovered(merges, row, col);
            if (index.headRight(row, col) !== right || index.covered(row, col) !== covered || index.untouched(row, col) !== (right === 0 && !covered))
              wrong.push(`${row},${col}`);
          }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps its marks as it grows down and across (a merge a row, then a wider one)", () => {
    const index = new MergeIndex();
    for (let row = 1; row <= 5_000; row++) index.add(row, 1, row, 2);
    index.add(2, 3, 2, 40);
    for (let row = 1; row <= 5_000; row++) {
      expect(index.headRight(row, 1)).toBe(2);
      expect(index.covered(row, 2)).toBe(true);
    }
    expect(index.headRight(2, 3)).toBe(40);
    expect(index.covered(2, 40)).toBe(true);
    expect(index.covered(3, 40)).toBe(false);
  });

  it("keeps marks past 16 bits once a merge reaches column 32,768 (its marks two bytes a cell before)", () => {
    const merges: Merge[] = Array.from({ length: 100 }, (_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: 32_766 }));
    merges.push({ top: 50, left: 32_767, bottom: 51, right: 32_768 });
    const index = new MergeIndex();
    for (const m of merges) index.add(m.top, m.left, m.bottom, m.right);
    const asked = [1, 32_766, 32_767, 32_768, 32_769];
    const answers = (row: number) => asked.map((col) => [index.headRight(row, col), index.covered(row, col)]);
    const plain = (row: number) => asked.map((col) => [plainHeadRight(merges, row, col), plainCovered(merges, row, col)]);
    for (const row of [1, 49, 50, 51, 100]) expect({ row, marks: answers(row) }).toEqual({ row, marks: plain(row) });
  });

});
