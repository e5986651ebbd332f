/**
 * The small grammars (risk level, frequency, strategic aims, version) remember their
 * answers by text: held to the rules on random text and cells asked in any order and again,
 * past the bound where the answers are forgotten, and on every sample and real-world cell.
 */
import fc from "fast-check";
import { parseFrequency, parseRiskLevel, parseStrategicAims, parseVersion } from "../../../src/core/values";
import { frequencyRule, riskLevelRule, strategicAimsRule, versionRule } from "../../../src/core/values/grammars";
import type { RawValue } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";
import { forEverySampleCell } from "../../helpers/workbooks";

const PAIRS: [(raw: RawValue) => unknown, (raw: RawValue) => unknown][] = [
  [parseRiskLevel, riskLevelRule],
  [parseFrequency, frequencyRule],
  [parseStrategicAims, strategicAimsRule],
  [parseVersion, versionRule],
];

const holds = (raw: RawValue) => {
  for (const [remembered, rule] of PAIRS) expect(remembered(raw)).toEqual(rule(raw));
};

const WORDS = ["High", "med", "L", "Quarterly", "six monthly", "Bi-monthly", "No.1", "No. 3", "no2", "and", "&", "v1", "2.1", "#N/A", "#REF!", "x"];
const PIECES = ["", " ", "\u00a0", "\u200b", ",", ";", "-", ".", "\n", "  "];
const text = fc.oneof(
  fc.array(fc.constantFrom(...WORDS, ...PIECES), { maxLength: 6 }).map((p) => p.join("")),
  fc.string({ maxLength: 10 }),
);
const raw: fc.Arbitrary<RawValue> = fc.oneof(
  text,
  text.map((value): Cell => ({ row: 1, col: 1, value })),
  fc.tuple(text, fc.constantFrom("#N/A", " ", "")).map(([value, error]): Cell => ({ row: 1, col: 1, value, error })),
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
  fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(undefined, "0", "@")).map(([value, format]): Cell => ({ row: 1, col: 1, value, format })),
);

test("the remembered answers are the rules', however often and in whatever order a text is asked", () => {
  fc.assert(
    fc.property(fc.array(raw, { minLength: 1, maxLength: 30 }), (raws) => {
      for (const r of [...raws, ...raws.slice().reverse()]) holds(r);
    }),
    { numRuns: 2_000 },
  );
});

test("past the bound the answers are still the rules'", () => {
  for (let round = 0; round < 2; round++) for (let i = 0; i < 2_500; i++) holds(i % 2 ? `No.${i % 7} v${i}` : { row: 1, col: 1, value: `Quarterly ${i}` });
});

test("every sample and real-world cell reads as the rules read it", async () => {
  expect(await forEverySampleCell(holds)).toBeGreaterThan(0);
});
