/**
 * The recovery totals' by-service-area rows (one pass, a tidy name folded by lower-casing,
 * a line of the last line's area taking no look-up) are what the plain rule gives: names
 * trimmed and their white space run together, grouped by foldName in order of first
 * appearance, shown with the first spelling, sorted largest first (stable), each with its
 * share of the total; lines not counted left out.
 */
import fc from "fast-check";
import { foldName, isTidyAscii, singleSpaced } from "../../src/core/names";
import type { RatedRecoveryAction } from "../../src/core/records";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { AREA_TABLE_FROM, NO_SERVICE_AREA, foldNumber, recoveryTotals, sameFold, tidyFoldNumber } from "../../src/core/totals";
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

// Big registers group areas in a table by a number from each folded name, not a Map
// (AREA_TABLE_FROM); both paths are forced here and held to the plain rule.
const MAP = Number.POSITIVE_INFINITY;
const TABLE = 0;

/** Names that fold alike in ways a letter-by-letter comparison could get wrong. */
const TRICKY = [
  ...NAMES,
  "(No service area)",
  "(NO SERVICE AREA)",
  " (no service area) ",
  "[a]",
  "{a}",
  "{A}",
  "@b",
  "`b",
  "`B",
  "Ａcute",
  "acute",
  "ACUTE",
  "ﬁnance",
  "FINANCE",
  "Straße",
  "STRASSE",
  "K",
  "\u212a",
  "k\u0301",
  "a\u00a0b",
  "a b",
  "A B",
  "x\x7f",
  "X\x7f",
  "\x1fq",
];

const names = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ maxLength: 6 }),
  fc.array(fc.constantFrom("a", "A", "z", "Z", " ", "  ", "[", "{", "@", "`", "\t", "É", "é", "Ａ"), { maxLength: 5 }).map((p) => p.join("")),
);

test.each([
  ["a Map", MAP],
  ["the table", TABLE],
])("by service area through %s as the plain rule groups, orders and shares", (_, from) => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.option(names), fc.option(fc.integer({ min: -5, max: 5 }).map((k) => k * 100_000)), fc.boolean()), { maxLength: 60 }),
      (lines) => {
        const actions = lines.map(([name, value, counted], i) => action(name, value, counted || i % 3 !== 0, i + 2));
        expect(recoveryTotals(actions, DEFAULT_SETTINGS, from).byServiceArea).toEqual(plainByArea(actions));
      },
    ),
    { numRuns: 5_000 },
  );
});

test("the table and the Map give the same groups for many areas, each met in several spellings", () => {
  // Thousands of groups fill the table's slots densely enough that numbers collide on a slot.
  const actions: RatedRecoveryAction[] = [];
  const spell = [(s: string) => s, (s: string) => s.toUpperCase(), (s: string) => ` ${s.toLowerCase()} `, (s: string) => s.replace(" ", "  ")];
  for (let i = 0; i < 20_000; i++) {
    const area = `Service Delivery ${(i * 7919) % 6_000}`;
    actions.push(action(spell[i % 4](area), ((i * 31) % 97) * 100, i % 5 !== 0, i + 2));
  }
  const byMap = recoveryTotals(actions, DEFAULT_SETTINGS, MAP).byServiceArea;
  expect(byMap.length).toBeGreaterThan(4_000);
  expect(recoveryTotals(actions, DEFAULT_SETTINGS, TABLE).byServiceArea).toEqual(byMap);
  expect(byMap).toEqual(plainByArea(actions));
});

test("a register of AREA_TABLE_FROM lines is grouped as the plain rule groups it", () => {
  const actions = Array.from({ length: AREA_TABLE_FROM }, (_, i) => action(i % 3 === 0 ? `Area ${i}` : `AREA ${i - (i % 3)}`, 100 + (i % 7), true, i + 2));
  expect(recoveryTotals(actions, DEFAULT_SETTINGS).byServiceArea).toEqual(plainByArea(actions));
});

test("a tidy name's number is its lower-cased copy's; an untidy name has none", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...TRICKY.filter((t): t is string => t !== null))), (name) => {
      if (name !== "" && isTidyAscii(name)) expect(tidyFoldNumber(name)).toBe(foldNumber(name.toLowerCase()));
      else expect(tidyFoldNumber(name)).toBe(-1);
      expect(foldNumber(name)).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: 20_000 },
  );
});

test("sameFold: texts equal but for the case of ASCII letters", () => {
  const text = fc.array(fc.constantFrom("a", "A", "z", "Z", "@", "`", "[", "{", "^", "~", "É", "é", "ſ", "s", "S", " "), { maxLength: 4 }).map((p) => p.join(""));
  const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  fc.assert(
    fc.property(text, text, (x, y) => sameFold(x, y) === (lowerAscii(x) === lowerAscii(y))),
    { numRuns: 20_000 },
  );
});
