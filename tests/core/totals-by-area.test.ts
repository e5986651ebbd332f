/**
 * The recovery totals' by-service-area rows (one pass, a tidy name folded by lower-casing,
 * a line of the last line's area taking no look-up) are what the plain rule gives: names
 * trimmed and their white space run together, grouped by foldName in order of first
 * appearance, shown with the first spelling, sorted largest first (stable), each with its
 * share of the total; lines not counted left out.
 */
import fc from "fast-check";
import { foldName, singleSpaced } from "../../src/core/names";
import type { RatedRecoveryAction } from "../../src/core/records";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { NO_SERVICE_AREA, recoveryTotals } from "../../src/core/totals";
import { roundHalfUp } from "../../src/core/values";
import { action as fixtureAction } from "./summary/fixture";

const NAMES = [null, "", " ", "Prescribing", "prescribing", "PRESCRIBING ", " Prescribing", "Pre  scribing", "Pre scribing", "Care\tat Home", "Care at Home", "Ünï Care", "ünï care", "Bank & Agency (NHS)"];

function action(serviceArea: string | null, valuePence: number | null, counted: boolean, row: number): RatedRecoveryAction {
  return fixtureAction({ sheet: "Register", cell: `C${row}`, ref: `Register row ${row}`, serviceArea, valuePence, counted });
}

function plainByArea(actions: RatedRecoveryAction[]) {
  const counted = actions.filter((a) => a.counted);
  const total = counted.reduce((s, a) => s + (a.valuePence ?? 0), 0);
  const groups = new Map<string, { serviceArea: string; count: number; valuePence: number }>();
  for (const a of counted) {
    const area = a.serviceArea?.trim();
    const name = area ? singleSpaced(area) : NO_SERVICE_AREA;
    const key = foldName(name);
    const g = groups.get(key) ?? { serviceArea: name, count: 0, valuePence: 0 };
    g.count++;
    g.valuePence += a.valuePence ?? 0;
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((x, y) => y.valuePence - x.valuePence)
    .map((g) => ({ ...g, share: total > 0 ? roundHalfUp(g.valuePence / total, 4) : null }));
}

test("by service area as the plain rule groups, orders and shares", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.option(fc.integer({ min: -5, max: 5 }).map((k) => k * 100_000)), fc.boolean()), { maxLength: 40 }),
      (lines) => {
        const actions = lines.map(([name, value, counted], i) => action(name, value, counted || i % 3 !== 0, i + 2));
        expect(recoveryTotals(actions, DEFAULT_SETTINGS).byServiceArea).toEqual(plainByArea(actions));
      },
    ),
    { numRuns: 5_000 },
  );
});
