/**
 * The risk register's header search (readers/risk-register/risk-register-header.ts) looks only
 * at rows with a cell naming a risk column, found by their first characters: it finds the
 * headers that testing every row finds, whatever the spelling (case, white space, zero-width
 * characters, hints, colons), on small sheets and on large ones (cells grouped by head).
 */
import fc from "fast-check";
import { SheetGrid } from "../../../src/core/grid";
import { findRiskRegisterHeader, findRiskRegisterHeaders, riskRegisterHeaderAt } from "../../../src/core/readers/risk-register/risk-register-header";
import type { Cell } from "../../../src/core/snapshot";

const HEADINGS = ["Risk", "Risk Description", "Description of Risk", "Risk Title", "Riskier", "Risk Owner", "Risk Score", "Likelihood", "Impact", "Score", "Rating", "Owner", "Ref", "Description", "Mitigation", "Controls", "Notes"];
const AROUND = ["", "", " ", "\u00a0", "\u200b", "\t", "\n", ":", " (1-5)", " H/M/L", "?", "(£000) ", "  "];
const heading = fc
  .tuple(fc.constantFrom(...AROUND), fc.constantFrom(...HEADINGS), fc.constantFrom(...AROUND), fc.boolean(), fc.integer({ min: 0, max: 3 }))
  .map(([before, h, after, upper, zw]) => {
    const w = upper ? h.toUpperCase() : h;
    // A zero-width character inside the word, where there is room.
    const inside = zw > 0 && w.length > zw ? w.slice(0, zw) + "\u200b" + w.slice(zw) : w;
    return before + inside + after;
  });
const value = fc.oneof(heading, heading, fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null));
const cellsOf = fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), value), { maxLength: 40 });

function sheetOf(raw: [number, number, string | number | null][], pad: number): SheetGrid {
  const cells: Cell[] = [];
  const seen = new Set<string>();
  for (const [row, col, v] of raw) {
    if (seen.has(`${row},${col}`)) continue;
    seen.add(`${row},${col}`);
    cells.push({ row, col, value: v });
  }
  // Rows of a data tab below: text that mentions risk but names no column, and names.
  const fill = ["At risk of delay", "Name", "Rating agency", 12, "Descriptive"];
  for (let i = 0; i < pad; i++) cells.push({ row: 20 + Math.floor(i / 10), col: 1 + (i % 10), value: fill[i % fill.length] });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return new SheetGrid({ name: "S", visibility: "visible", cells, merges: [] });
}

describe.each([
  ["a small sheet", 0, 2_000],
  ["a large sheet", 5_000, 40],
])("risk register headers on %s", (_name, pad, numRuns) => {
  it("are those found by testing every row", () => {
    fc.assert(
      fc.property(cellsOf, (raw) => {
        const grid = sheetOf(raw, pad);
        const everyRow = grid.rows().map((r) => riskRegisterHeaderAt(grid, r)).filter((h) => h !== null);
        expect(findRiskRegisterHeaders(grid)).toEqual(everyRow);
        expect(findRiskRegisterHeader(grid)).toEqual(everyRow[0] ?? null);
      }),
      { numRuns },
    );
  });
});

test("a heading with a zero-width character in `Risk` still names the risk column", () => {
  const grid = sheetOf([[3, 1, "R\u200bisk"], [3, 2, "Likelihood"]], 0);
  expect(findRiskRegisterHeader(grid)?.row).toBe(3);
});
