/**
 * The cells a sheet is written with: taken as they are when already in sheet order (a
 * summary's), through a grid otherwise, with cells put over them. Both held to the plain
 * rule (each position's last cell, then the last put over it; listed by row, then column)
 * on random cells, in order and shuffled.
 */
import fc from "fast-check";
import { CellsInOrder } from "../../../src/hosts/xlsx/cells-in-order";
import type { ModelCell } from "../../../src/core/summary/sheet-model";
import { knownInSheetOrder } from "../../../src/core/summary/sheet-order";

const position = fc.record({ row: fc.integer({ min: 1, max: 200_000 }), col: fc.integer({ min: 1, max: 16_384 }) });
const cell = (p: { row: number; col: number }, text: string): ModelCell => ({ row: p.row, col: p.col, content: { kind: "text", text } });

/** The plain rule: the last cell at each position, listed by row then column. */
function plain(given: ModelCell[], puts: ModelCell[]): ModelCell[] {
  const at = new Map<string, ModelCell>();
  for (const c of [...given, ...puts]) at.set(`${c.row},${c.col}`, c);
  return [...at.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

describe("CellsInOrder", () => {
  const cases = fc.record({
    positions: fc.array(fc.oneof(position, fc.record({ row: fc.integer({ min: 1, max: 5 }), col: fc.integer({ min: 1, max: 5 }) })), { maxLength: 80 }),
    puts: fc.array(fc.oneof(position, fc.record({ row: fc.integer({ min: 1, max: 5 }), col: fc.integer({ min: 1, max: 5 }) })), { maxLength: 8 }),
    sorted: fc.boolean(),
  });

  it("lists, walks and finds each position's cell as the plain rule does, given in sheet order or not", () => {
    fc.assert(
      fc.property(cases, ({ positions, puts, sorted }) => {
        let given = positions.map((p, i) => cell(p, `given ${i}`));
        // In sheet order: one cell a position, sorted (the fast path); else as drawn (duplicates, any order).
        if (sorted) given = plain(given, []);
        const cells = new CellsInOrder(given);
        const over = puts.map((p, i) => cell(p, `put ${i}`));
        for (const c of over) cells.put(c);
        const expected = plain(given, over);
        expect(cells.list()).toEqual(expected);
        for (const c of expected) expect(cells.at(c.row, c.col)).toBe(c);
        expect(cells.at(200_001, 1)).toBeUndefined();
        // walk() gives list()'s cells, the same objects, one at a time.
        const walked: ModelCell[] = [];
        const walk = cells.walk();
        for (let c = walk.next(); c !== undefined; c = walk.next()) walked.push(c);
        expect(walked.length).toBe(expected.length);
        walked.forEach((c, i) => expect(c).toBe(cells.list()[i]));
        expect(walk.next()).toBeUndefined();
        expect(cells.isEmpty()).toBe(expected.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it("lists as the plain rule does with more cells put over than one join takes at once", () => {
    // 6,000 cells put over 20,000 in order: over 12,000 runs, joined 10,000 at a time.
    const given = Array.from({ length: 20_000 }, (_, i) => cell({ row: 1 + Math.floor(i / 4), col: 1 + (i % 4) }, `given ${i}`));
    const over = Array.from({ length: 6_000 }, (_, i) => cell({ row: 1 + i, col: 1 + ((i * 7) % 6) }, `put ${i}`));
    const cells = new CellsInOrder(given);
    for (const c of over) cells.put(c);
    expect(cells.list()).toEqual(plain(given, over));
  });

  it("takes cells in sheet order as they are, with nothing put over them", () => {
    const given = [cell({ row: 1, col: 1 }, "a"), cell({ row: 1, col: 3 }, "b"), cell({ row: 70_000, col: 2 }, "c")];
    expect(new CellsInOrder(given).list()).toBe(given);
  });

  it("gives the last row and widest column as a pass over the list does, known in order or not", () => {
    fc.assert(
      fc.property(cases, fc.boolean(), ({ positions, puts }, known) => {
        const given = plain(
          positions.map((p, i) => cell(p, `given ${i}`)),
          [],
        );
        const plainBounds = (cells: readonly ModelCell[]) => ({ maxRow: Math.max(1, ...cells.map((c) => c.row)), maxCol: Math.max(1, ...cells.map((c) => c.col)) });
        if (known) knownInSheetOrder(given, plainBounds(given).maxRow, plainBounds(given).maxCol);
        const cells = new CellsInOrder(given);
        for (const [i, p] of puts.entries()) cells.put(cell(p, `put ${i}`));
        expect(cells.bounds()).toEqual(plainBounds(cells.list()));
      }),
      { numRuns: 300 },
    );
  });

  it("looks through a list known in order once it has grown", () => {
    const given = [cell({ row: 1, col: 1 }, "a"), cell({ row: 2, col: 2 }, "b")];
    knownInSheetOrder(given, 2, 2);
    // Added after it was recorded, out of order: no longer known, so sorted through the grid.
    given.push(cell({ row: 1, col: 5 }, "c"));
    const cells = new CellsInOrder(given);
    expect(cells.list().map((c) => c.content)).toEqual(["a", "c", "b"].map((text) => ({ kind: "text", text })));
    expect(cells.bounds()).toEqual({ maxRow: 2, maxCol: 5 });
  });
});
