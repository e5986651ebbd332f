/**
 * splitMeasures in one pass gives what the rule as first written gives (split into lines,
 * drop each line's marker, split at bullets, run white space together, trim, drop empties),
 * on any text made of the characters that matter.
 */
import fc from "fast-check";
import { splitMeasures } from "../../../src/core/readers/directions";
import { measuresOf } from "../../../src/core/readers/directions/measures";

function splitMeasuresPlain(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line) => line.replace(/^\s*[-–*]\s+/, "").split(/[•○◦●▪■·]/))
    .map((m) => m.replace(/\s+/g, " ").trim())
    .filter((m) => m !== "");
}

const PIECES = ["a", "Rate", "x y", " ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2028", "\ufeff", "•", "○", "◦", "●", "▪", "■", "·", "-", "–", "*", "- ", "* ", "–\t", "1.", "%"];

test("the same measures as the plain rule", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (parts) => {
      const text = parts.join("");
      expect(splitMeasures(text)).toEqual(splitMeasuresPlain(text));
    }),
    { numRuns: 20_000 },
  );
});

test("any string", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
      expect(splitMeasures(text)).toEqual(splitMeasuresPlain(text));
    }),
    { numRuns: 5_000 },
  );
});

test("measuresOf: splitMeasures of each text, the same list each call, however often a text repeats", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join("")), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      (texts, picks) => {
        for (const k of picks) {
          const text = texts[k % texts.length];
          const got = measuresOf(text);
          expect(got).toEqual(splitMeasures(text));
          // Every direction of a text holds its one list (the builder copies it to add to it).
          expect(measuresOf(text)).toBe(got);
        }
      },
    ),
    { numRuns: 2_000 },
  );
});

test("measuresOf: past the texts it keeps, still splitMeasures", () => {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 3_000; i++) {
      const text = `• measure ${i}\n• other ${i % 7}`;
      expect(measuresOf(text)).toEqual(splitMeasures(text));
    }
  }
});
