/**
 * targetDateOfText, which reads each distinct text once, gives what targetDateOf gives, on
 * texts met again and again in any order, and past the number of texts it keeps.
 */
import fc from "fast-check";
import { targetDateOf, targetDateOfText } from "../../../src/core/readers/directions/target-date";

const PIECES = ["by ", "By ", "by the end of ", "by end ", "March 2024", "31/03/2025", "Sept 18", "Feb-24", "21st May 2023", "30 February 2024", ".", " ", "reduce", "\n", "standby 2024"];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(""));

test("the same dates as targetDateOf, however often a text repeats", () => {
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (texts, picks) => {
      for (const k of picks) {
        const t = texts[k % texts.length];
        expect(targetDateOfText(t)).toBe(targetDateOf(t));
      }
    }),
    { numRuns: 2_000 },
  );
});

test("past the texts it keeps, still targetDateOf", () => {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 3_000; i++) {
      const t = `Direction ${i} by ${["March", "April", "Smarch"][i % 3]} ${2000 + (i % 40)}.`;
      expect(targetDateOfText(t)).toBe(targetDateOf(t));
    }
  }
});
