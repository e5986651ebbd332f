/**
 * The readers' direct way to a text cell's text (values/cells.ts plainTextOf) gives what
 * their rules give: the table readers' textOf and the register's textOfCell against the
 * rules they shortcut, on every cell of the sample and real-world workbooks and on random
 * cells (error texts, white space, shown texts, error fields, numbers and blanks).
 */
import fc from "fast-check";
import { textOfAnyCell as registerRule, textOfCell } from "../../../src/core/readers/recovery-register/register-sheet";
import { textOf, textOfAnyCell } from "../../../src/core/readers/table-cells";
import type { Cell } from "../../../src/core/snapshot";
import { plainTextOf } from "../../../src/core/values/cells";
import { forEverySampleCell } from "../../helpers/workbooks";

function expectSame(c: Cell): void {
  expect(textOf(c)).toBe(textOfAnyCell(c));
  expect(textOfCell(c)).toBe(registerRule(c));
}

const PIECES = ["", " ", "\t", "\n", "\u00a0", "#REF!", "#ref!", "#N/A", "#DIV/0!", "#", "##", "#NAME?", "x", "Service Area", "12.3", "0", "İ", "\u200b"];
const text = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 10 }));
const cell: fc.Arbitrary<Cell> = fc
  .record(
    {
      value: fc.oneof({ arbitrary: text, weight: 6 }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true }), fc.integer()),
      format: fc.constantFrom("General", "0%", "#,##0", "dd/mm/yyyy"),
      // Absent, present but undefined, or a text: the direct way is taken only without either.
      error: fc.option(text, { nil: undefined }),
      text: fc.option(text, { nil: undefined }),
    },
    { requiredKeys: ["value"] },
  )
  .map((r) => ({ row: 1, col: 1, ...r }));

test("the direct way is the rule on random cells", () => {
  let direct = 0;
  let runs = 0;
  fc.assert(
    fc.property(cell, (c) => {
      runs++;
      if (plainTextOf(c) !== undefined) direct++;
      expectSame(c);
    }),
    { numRuns: 20_000 },
  );
  // Worth something only where the direct way was taken, error texts among them.
  expect(direct).toBeGreaterThan(runs / 20);
});

test("error texts, white space and empty text take the direct way and give the rule's answer", () => {
  for (const value of ["#REF!", " #N/A ", "#ref!", "", "   ", "\u00a0x\u00a0", "#", "Complete "]) {
    const c: Cell = { row: 1, col: 1, value };
    expect(plainTextOf(c)).toBeDefined();
    expectSame(c);
  }
});

test("the direct way is the rule on every cell of the samples and real-world workbooks", async () => {
  expect(await forEverySampleCell(expectSame)).toBeGreaterThan(1000);
});
