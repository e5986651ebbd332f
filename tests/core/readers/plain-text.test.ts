/**
 * The readers' direct way to a text cell's text (values/cells.ts plainTextOf) gives what
 * their rules give: the table readers' textOf and the register's textOfCell against the
 * rules they shortcut, on every cell of the sample and real-world workbooks and on random
 * cells (error texts, white space, shown texts, error fields, numbers and blanks); and the
 * directions reader's plainText, which gives text only where textOf and cellError agree it is plain.
 */
import fc from "fast-check";
import { textOfAnyCell as registerRule, textOfCell } from "../../../src/core/readers/recovery-register/register-sheet";
import { plainText, textOf, textOfAnyCell } from "../../../src/core/readers/table-cells";
import type { Cell } from "../../../src/core/snapshot";
import { cellError } from "../../../src/core/values";
import { plainTextOf } from "../../../src/core/values/cells";
import { forEverySampleCell } from "../../helpers/workbooks";

/**
 * expect(actual).toBe(expected), called only where they differ: the sample workbooks have
 * ~10^6 cells, and an expect call a comparison was most of this file's time.
 */
function same<T>(actual: T, expected: T): void {
  if (!Object.is(actual, expected)) expect(actual).toBe(expected);
}

function expectSame(c: Cell): void {
  same(textOf(c), textOfAnyCell(c));
  same(textOfCell(c), registerRule(c));
  expectPlainText(c);
}

/** plainText (the directions reader's first reading of a cell) gives text only where the cell has no error, and then textOf's. */
function expectPlainText(c: Cell | undefined): boolean {
  const t = plainText(c);
  if (t !== null) {
    same(cellError(c), null);
    same(t, textOfAnyCell(c));
  }
  return t !== null;
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

test("plainText reads an absent cell and a plain text cell as textOf does, and leaves errors, numbers and shown texts to the rules", () => {
  expect(plainText(undefined)).toBe("");
  expect(plainText({ row: 1, col: 1, value: " 1.1 " })).toBe("1.1");
  expect(plainText({ row: 1, col: 1, value: "" })).toBe("");
  for (const c of [
    { row: 1, col: 1, value: "#REF!" },
    { row: 1, col: 1, value: " #n/a" },
    { row: 1, col: 1, value: "x", error: "#N/A" },
    { row: 1, col: 1, value: "x", text: "y" },
    { row: 1, col: 1, value: 1.1 },
    { row: 1, col: 1, value: null },
  ] as Cell[]) {
    expect(plainText(c)).toBeNull();
  }
  let plain = 0;
  fc.assert(
    fc.property(cell, (c) => {
      if (expectPlainText(c)) plain++;
    }),
    { numRuns: 5_000 },
  );
  expect(plain).toBeGreaterThan(100);
});
