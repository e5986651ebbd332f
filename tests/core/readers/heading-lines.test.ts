/**
 * headingLines (themes.ts) gives a heading cell's lines as the rule written with regular
 * expressions does: split at line breaks, white space run together, trimmed, empty lines
 * dropped; one-line texts take a path of their own (no split, no replace where nothing folds).
 */
import fc from "fast-check";
import { headingLines } from "../../../src/core/readers/directions/themes";

function plain(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
}

const PIECES = ["Theme", "a", "Outcome.", " ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2028", "\ufeff", "\u3000", "x y", "."];

test("the lines the expressions give, one-line texts and others", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (pieces) => {
      const text = pieces.join("");
      expect(headingLines(text)).toEqual(plain(text));
    }),
    { numRuns: 5_000 },
  );
  expect(headingLines("  Positive  experiences ")).toEqual(["Positive experiences"]);
  expect(headingLines("Theme\r\nOutcome  one.")).toEqual(["Theme", "Outcome one."]);
  expect(headingLines(" \u00a0 ")).toEqual([]);
});
