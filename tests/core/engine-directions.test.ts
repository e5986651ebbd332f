/**
 * analyse takes the first directions sheet's list as its reader made it and adds any later
 * sheet's to it, then rates the directions in place: every sheet's directions, in sheet
 * order, each rated, as a copy of each list would give.
 */
import { analyse } from "../../src/core/engine";
import { directionRater } from "../../src/core/rag";
import type { Cell, SheetSnapshot } from "../../src/core/snapshot";

function sheet(name: string, rows: (string | null)[][]): SheetSnapshot {
  const cells: Cell[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && cells.push({ row: i + 1, col: j + 1, value: v })));
  return { name, visibility: "visible", cells, merges: [] };
}

const HEADER = ["No", "Direction", "Measure", "Progress", "Source"];

test("two directions sheets: both sheets' directions in order, each rated", () => {
  const a = sheet("Directions A", [["Theme A"], HEADER, ["1.1", "Act by May 2024.", "• m", "95%"], ["1.2", "Act by June 2030.", null, "50%"]]);
  const b = sheet("Directions B", [["Theme B"], HEADER, ["2.1", "Act by July 2030.", null, "10%"]]);
  const now = new Date("2026-11-30T12:00:00Z");
  const both = analyse({ sheets: [a, b] }, { now });
  expect(both.directions.items.map((d) => [d.sheet, d.no, d.theme])).toEqual([
    ["Directions A", "1.1", "Theme A"],
    ["Directions A", "1.2", "Theme A"],
    ["Directions B", "2.1", "Theme B"],
  ]);
  const rate = directionRater(both.settings, both.asOf);
  for (const d of both.directions.items) expect({ rag: d.rag, ragReason: d.ragReason }).toEqual(rate(d));
  expect(both.directions.totals.count).toBe(3);
  // Each sheet alone gives its own directions, the same as in the two together.
  const one = analyse({ sheets: [b] }, { now });
  expect(one.directions.items).toEqual(both.directions.items.slice(2));
});
