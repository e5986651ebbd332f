import fc from "fast-check";
import { SheetGrid } from "../../../src/core/grid";
import { PackedCellsBuilder } from "../../../src/core/pack-cells";
import type { Cell } from "../../../src/core/snapshot";
import { markerText, mayBeMarkerText, summaryIdOf, summaryIdOfText } from "../../../src/core/summary/marker";
import { grid } from "../../helpers/grid";

const PIECES = ["", " ", "\t", "\n", "\u00a0", "\ufeff", "\u2003", "\u3000", "\u200b", "b", "B", "x", "board", "board-summary:generated:", "recovery-summary", "data-checks", "pivot", " ", ":"];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join("")),
  fc.string({ unit: "binary", maxLength: 12 }),
);

describe("summary marker", () => {
  it("writes the prefix and id", () => {
    expect(markerText("recovery-summary")).toBe("board-summary:generated:recovery-summary");
  });

  it("finds the marker in row 1 of a hidden column", () => {
    expect(summaryIdOf(grid({ A1: "Recovery Summary", L1: "board-summary:generated:recovery-summary" }))).toBe("recovery-summary");
    expect(summaryIdOf(grid({ N1: markerText("data-checks") }))).toBe("data-checks");
  });

  it("still finds it after a user inserts rows above it", () => {
    expect(summaryIdOf(grid({ A1: "My notes", L4: markerText("directions-summary") }))).toBe("directions-summary");
  });

  it("ignores sheets without it, and unknown ids", () => {
    expect(summaryIdOf(grid({ A1: "Recovery Summary", B2: "board summary" }))).toBeNull();
    expect(summaryIdOf(grid({ L1: "board-summary:generated:pivot" }))).toBeNull();
    expect(summaryIdOf(grid({ L1: 42 }))).toBeNull();
  });

  it("rules out by first character only text that is no marker", () => {
    fc.assert(
      fc.property(text, (t) => mayBeMarkerText(t) || summaryIdOfText(t) === null),
      { numRuns: 30_000 },
    );
    expect(mayBeMarkerText("Recovery Summary")).toBe(false);
    expect(mayBeMarkerText("\u00a0" + markerText("data-checks"))).toBe(true);
  });

  it.each([
    ["a small sheet", 0, 3_000],
    ["a large sheet (its text cells grouped by first characters)", 5_000, 60],
  ])("finds the first marker in row 1, else the first elsewhere, as a search of row 1 then the rest does: %s", (_name, pad, numRuns) => {
    const pieces = fc.constantFrom(markerText("recovery-summary"), markerText("data-checks"), " " + markerText("risk-summary"), "notes", 7);
    const cellsOf = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), pieces, fc.boolean()), { maxLength: 12 });
    fc.assert(
      fc.property(cellsOf, (raw) => {
        // Stored order is the host's, not always row-major: the search must not depend on it.
        const cells: Cell[] = raw.map(([row, col, v, shown]) =>
          typeof v === "number" && shown ? { row, col, value: v, text: markerText("directions-summary") } : { row, col, value: v },
        );
        // Padding that is no marker: text (some of it beginning `b`), numbers, errors, shown text.
        const fill = ["Name", "board", "Bo", 12, "", " x"];
        for (let i = 0; i < pad; i++) {
          const value = fill[i % fill.length];
          const cell: Cell = { row: 4 + Math.floor(i / 10), col: 1 + (i % 10), value };
          if (i % 7 === 0) cell.text = "shown";
          if (i % 11 === 0) cell.error = "#N/A";
          cells.splice(i % (cells.length + 1), 0, cell);
        }
        const idOf = (c: Cell) => summaryIdOfText(typeof c.value === "string" ? c.value : (c.text ?? ""));
        const plain = cells.filter((c) => c.row === 1).map(idOf).find((id) => id !== null) ?? cells.filter((c) => c.row !== 1).map(idOf).find((id) => id !== null) ?? null;
        return summaryIdOf(new SheetGrid({ name: "S", visibility: "visible", cells, merges: [] })) === plain;
      }),
      { numRuns },
    );
  });
});


describe("summary marker on packed cells of shared strings", () => {
  it("finds what the object form finds where thousands of cells hold the same shared string, ruled out once a string", () => {
    const bullets = "\u2022 Number of people waiting\n\u2022 Average wait";
    const pieces = fc.constantFrom(markerText("recovery-summary"), markerText("data-checks"), " " + markerText("risk-summary"), markerText("pivot" as never), bullets, "notes", 7);
    const cellsOf = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), pieces, fc.boolean()), { maxLength: 12 });
    fc.assert(
      fc.property(cellsOf, fc.integer({ min: 0, max: 5 }), (raw, errorEvery) => {
        const cells: Cell[] = [];
        for (const [row, col, value, erred] of raw) {
          const cell: Cell = { row, col, value };
          // An error on a marker's text: the packed form keeps it apart from the shared string.
          if (erred && errorEvery > 3) cell.error = "#N/A";
          cells.push(cell);
        }
        // 5,000 cells of rows 4 on, most of one shared text that may begin a marker (not ASCII).
        for (let i = 0; i < 5_000; i++) cells.push({ row: 4 + Math.floor(i / 4), col: 1 + (i % 4), value: i % 9 === 0 ? "Name" : bullets });
        // One a position, in row order, as the sheet reader gives them.
        const byPosition = new Map(cells.map((c) => [c.row * 10 + c.col, c]));
        const ordered = [...byPosition.values()].sort((x, y) => x.row - y.row || x.col - y.col);
        const shared = [...new Set(ordered.map((c) => c.value).filter((v): v is string => typeof v === "string"))];
        const builder = new PackedCellsBuilder(shared);
        for (const c of ordered) {
          const extras = c.error === undefined ? undefined : { error: c.error };
          if (typeof c.value === "string") builder.addShared(c.row, c.col, shared.indexOf(c.value), undefined, extras);
          else builder.add(c.row, c.col, c.value, undefined, extras);
        }
        const objects = summaryIdOf(new SheetGrid({ name: "S", visibility: "visible", cells: ordered, merges: [] }));
        const packedGrid = new SheetGrid({ name: "S", visibility: "visible", cells: builder.finish(), merges: [] });
        expect(packedGrid.sharedTexts()).toBe(shared);
        expect(summaryIdOf(packedGrid)).toBe(objects);
      }),
      { numRuns: 150 },
    );
  });

  /** A packed sheet of 5,000 cells of shared strings (rows 2 on), with `more` cells added first (row 1). */
  function packedSheet(shared: string[], more: (b: PackedCellsBuilder) => void): SheetGrid {
    const builder = new PackedCellsBuilder(shared);
    more(builder);
    for (let i = 0; i < 5_000; i++) builder.addShared(2 + Math.floor(i / 4), 1 + (i % 4), i % 2, undefined);
    return new SheetGrid({ name: "S", visibility: "visible", cells: builder.finish(), merges: [] });
  }

  it("reads a marker only from the shared strings a sheet's cells hold, or from its own texts, or from a shown text", () => {
    const marker = markerText("recovery-summary");
    const shared = ["Name", "Service Finance Report", marker];
    // The workbook's strings hold a marker no cell of this sheet holds: not this sheet's.
    expect(summaryIdOf(packedSheet(shared, () => undefined))).toBeNull();
    // A sheet of the same workbook that holds it (the workbook's strings were looked at once).
    expect(summaryIdOf(packedSheet(shared, (b) => b.addShared(1, 5, 2, undefined)))).toBe("recovery-summary");
    // Strings without one: the sheet's own text (an inline string) or a cell's shown text can still be one.
    const plain = ["Name", "Service Finance Report"];
    expect(summaryIdOf(packedSheet(plain, () => undefined))).toBeNull();
    expect(summaryIdOf(packedSheet(plain, (b) => b.add(1, 5, marker, undefined)))).toBe("recovery-summary");
    expect(summaryIdOf(packedSheet(plain, (b) => b.add(1, 5, 3, undefined, { text: markerText("data-checks") })))).toBe("data-checks");
    expect(summaryIdOf(packedSheet(plain, (b) => b.add(1, 5, 3, undefined, { formula: "A1" })))).toBeNull();
  });
});
