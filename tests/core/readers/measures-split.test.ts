/**
 * splitMeasures in one pass gives what the rule as first written gives (split into lines,
 * drop each line's marker, split at bullets, run white space together, trim, drop empties),
 * on any text made of the characters that matter.
 */
import fc from "fast-check";
import { splitMeasures } from "../../../src/core/readers/directions";

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
