/**
 * foldName's one pass over tidy ASCII names (refs and service areas of a large register)
 * gives exactly what the rule gives: NFKC, trimmed, white space run together, lower case.
 */
import fc from "fast-check";
import { foldName, foldNameByRule } from "../../src/core/names";

// Names from the characters that could part the two: spaces, tabs, line breaks, no-break
// and ideographic spaces, full-width letters (NFKC changes them), capitals and punctuation.
const piece = fc.constantFrom(" ", "  ", "\t", "\n", "\u00a0", "\u3000", "Ａ", "ﬁ", "A", "z", "&", "(", ")", "-", "1", "~", "\x7f", "\x1f", "É");
const names = fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 20 }), fc.string({ maxLength: 30 }));

test("any name folds as the rule folds it", () => {
  fc.assert(fc.property(names, (name) => foldName(name) === foldNameByRule(name)), { numRuns: 30_000 });
});

test("names as registers hold them", () => {
  for (const name of ["Bank & Agency (NHS)", " Acute  Services ", "Mental Health 3", "", " ", "SR-00001", "Care\tat Home", "Café"]) {
    expect(foldName(name)).toBe(foldNameByRule(name));
  }
  expect(foldName("Bank & Agency (NHS)")).toBe("bank & agency (nhs)");
  expect(foldName(" Acute  Services ")).toBe("acute services");
});
