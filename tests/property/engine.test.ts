/**
 * Properties of the whole engine on random workbooks: analyse() and summarise() never
 * throw, findings point inside their sheet's used range, and the totals add up.
 */
import fc from "fast-check";
import { analysisSchema } from "../../src/core/analysis";
import { analyse, summarise } from "../../src/core/engine";
import { parseA1, SheetGrid } from "../../src/core/grid";
import { workbook } from "./arbitraries";

const NOW = new Date("2023-09-21T12:00:00Z");

describe("analyse on any workbook", () => {
  it("never throws, and returns an analysis that fits its schema", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const a = analyse(wb, { now: NOW });
        expect(analysisSchema().safeParse(a).success).toBe(true);
        expect(a.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
        summarise(a, NOW);
      }),
      { numRuns: 250 },
    );
  });

  it("puts every finding on one of the workbook's sheets, inside its used range, in the spec's order", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const a = analyse(wb, { now: NOW });
        const grids = new Map(wb.sheets.map((s, i) => [s.name, { grid: new SheetGrid(s), index: i }]));
        let last: [number, number, number, string] = [-1, 0, 0, ""];
        for (const f of a.findings) {
          const g = grids.get(f.sheet);
          if (!g) throw new Error(`finding ${f.code} names a sheet the workbook lacks: ${f.sheet}`);
          const { row, col } = parseA1(f.cell);
          if (row > Math.max(1, g.grid.maxRow) || col > Math.max(1, g.grid.maxCol)) {
            throw new Error(`${f.code} at ${f.sheet}!${f.cell} lies outside the used range (${g.grid.maxRow} × ${g.grid.maxCol})`);
          }
          const key: [number, number, number, string] = [g.index, row, col, f.code];
          // Sheet order, then row, then column, then code (§9).
          const cmp = key[0] - last[0] || key[1] - last[1] || key[2] - last[2] || (key[3] < last[3] ? -1 : key[3] > last[3] ? 1 : 0);
          expect(cmp).toBeGreaterThanOrEqual(0);
          last = key;
        }
      }),
      { numRuns: 250 },
    );
  });

  it("totals add up to the counted actions, in whole pence", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const a = analyse(wb, { now: NOW });
        const counted = a.recovery.actions.filter((x) => x.counted);
        const t = a.recovery.totals;
        expect(t.count).toBe(counted.length);
        expect(t.totalValuePence).toBe(counted.reduce((s, x) => s + (x.valuePence ?? 0), 0));
        expect(Object.values(t.byRag).reduce((s, v) => s + v.count, 0)).toBe(t.count);
        expect(Object.values(t.byRag).reduce((s, v) => s + v.valuePence, 0)).toBe(t.totalValuePence);
        expect(a.directions.totals.count).toBe(a.directions.items.length);
        expect(Object.values(a.directions.totals.byRag).reduce((s, v) => s + v, 0)).toBe(a.directions.items.length);
        for (const x of a.recovery.actions) expect(Number.isInteger(x.valuePence ?? 0)).toBe(true);
      }),
      { numRuns: 250 },
    );
  });
});
