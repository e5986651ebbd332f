/**
 * RefIndex (reconcile's actions by ref) meets two actions exactly where a map of folded
 * refs would: on refs made to collide across its two ways of keeping them (a line's own
 * `<sheet> row <n>`, kept by sheet and row, and every other ref kept whole), with sheet
 * names that fold together or fold more than by lower-casing, and row numbers written with
 * leading zeros, signs or more digits than it keeps by number.
 */
import fc from "fast-check";
import { refKey } from "../../../src/core/readers/reconcile";
import { RefIndex } from "../../../src/core/readers/ref-index";
import { refOf, type RecoveryAction } from "../../../src/core/records";
import { action as fixtureAction } from "../summary/fixture";

const SHEETS = ["Savings Register", "savings register", "Savings  Register", "Savings Register ", " Register", "A row 1", "Ünïcode", "R", "x row"];
const ROWS = [0, 1, 5, 12, 123, 999_999_999_999_999, 1_000_000_000_000_000];
const REF_PIECES = ["Savings Register", "SAVINGS register", "savings  register", "A row 1", "R", "x", " row ", " ROW ", "row", " ", "5", "05", "12", "-1", "123", "1000000000000000", "999999999999999", "Ünïcode", "\u00a0"];

interface Spec {
  source: "form" | "register";
  sheet: string;
  row: number;
  /** null: the line's own `<sheet> row <n>`. */
  ref: string | null;
  /** For a line's own ref: given as null (the register's way, refOf) or written out. */
  written: boolean;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  source: fc.constantFrom("form" as const, "register" as const),
  sheet: fc.constantFrom(...SHEETS),
  row: fc.constantFrom(...ROWS),
  ref: fc.option(fc.array(fc.constantFrom(...REF_PIECES), { minLength: 1, maxLength: 5 }).map((p) => p.join("")), { freq: 2 }),
  written: fc.boolean(),
});

function action(s: Spec): RecoveryAction {
  return fixtureAction({ source: s.source, sheet: s.sheet, cell: `C${s.row}`, row: s.row, ref: s.ref ?? (s.written ? `${s.sheet} row ${s.row}` : null) });
}

test("the first action met with an equal folded ref, and membership, as a map of folded refs gives them", () => {
  let met = 0;
  fc.assert(
    fc.property(fc.array(spec, { maxLength: 30 }), fc.array(spec, { maxLength: 10 }), (added, asked) => {
      const index = new RefIndex();
      const plain = new Map<string, RecoveryAction>();
      for (const a of added.map(action)) {
        const key = refKey(refOf(a));
        const expected = plain.get(key);
        if (expected === undefined) plain.set(key, a);
        else met++;
        expect(index.firstOrAdd(a)).toBe(expected);
      }
      for (const a of asked.map(action)) expect(index.has(a)).toBe(plain.has(refKey(refOf(a))));
      expect(index.size > 0).toBe(plain.size > 0);
    }),
    { numRuns: 5_000 },
  );
  // Worth something only if refs did meet.
  expect(met).toBeGreaterThan(100);
});
