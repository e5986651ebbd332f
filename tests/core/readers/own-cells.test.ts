/**
 * ownCells given the sheet's rowsWithMerges takes a row no merge touches as stored, and asks mergeAt of each
 * cell of any other row: either way it gives the cells `own` gives, column by column, on
 * sheets of few merges (looked through) and many (indexed), merges down, across and large.
 */
import fc from "fast-check";
import { own, ownCells, rowsWithMerges } from "../../../src/core/readers/table-cells";
import type { Cell } from "../../../src/core/snapshot";
import { grid } from "../../helpers/grid";
import { a1 } from "../../../src/core/grid";

const ROWS = 14;
const COLS = 6;

function ownByColumn(g: ReturnType<typeof grid>, row: number): Cell[] {
  const out: Cell[] = [];
  for (let col = 1; col <= COLS; col++) {
    const c = own(g, row, col);
    if (c) out.push(c);
  }
  return out;
}

const mergeArb = fc
  .record({ top: fc.integer({ min: 1, max: ROWS }), left: fc.integer({ min: 1, max: COLS }), down: fc.integer({ min: 0, max: 3 }), across: fc.integer({ min: 0, max: 2 }) })
  .map(({ top, left, down, across }) => `${a1(top, left)}:${a1(top + down, left + across)}`);

test("ownCells is own, column by column, with merges few and many", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.constantFrom("", "x", "1.1", "Theme"), { minLength: COLS, maxLength: COLS }), { minLength: 1, maxLength: ROWS }),
      fc.array(mergeArb, { maxLength: 14 }),
      fc.boolean(),
      (rows, merges, large) => {
        // A merge of more than 10,000 cells: mergeAt finds it only at its top-left.
        const g = grid(rows, { merges: large ? [...merges, "B3:B20000"] : merges });
        const scratch: Cell[] = [];
        const merged = rowsWithMerges(g);
        for (let row = 0; row <= ROWS + 1; row++) {
          expect(ownCells(g, row)).toEqual(ownByColumn(g, row));
          expect(ownCells(g, row, scratch, merged)).toEqual(ownByColumn(g, row));
        }
      },
    ),
    { numRuns: 2_000 },
  );
});

test("rowsWithMerges marks the rows a merge covers, up to the last row with a cell", () => {
  const g = grid([["a"], ["b"], ["c"], ["d"], ["e"], ["f"]], { merges: ["B2:C3", "A5:A9"] });
  expect([...rowsWithMerges(g)]).toEqual([0, 0, 1, 1, 0, 1, 1]);
  // A row of a merge that holds no stored cell of the merge still reads as marked, so its other cells are asked of mergeAt.
  expect(ownCells(g, 2, [], rowsWithMerges(g)).map((c) => c.value)).toEqual(["b"]);
});
