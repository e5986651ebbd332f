/**
 * parseMoney's way through for a cell of a number (no Input object made) gives what the
 * general way gives. A cell whose `error` is the empty text is no error cell (toInput), and
 * it takes the general way: the two are compared on the same numbers and formats.
 */
import fc from "fast-check";
import { parseMoney } from "../../../src/core/values";
import type { Cell } from "../../../src/core/snapshot";

const FORMATS = [undefined, "General", "£#,##0", "£#,##0,", "£#,##0,,\"m\"", "0.00", "#,##0", "£#,##0.00", "0%", '£#,##0,"k"', "dd/mm/yyyy"];

function same(value: number, format: string | undefined, thousands: boolean): void {
  const fast: Cell = { row: 1, col: 1, value };
  const general: Cell = { row: 1, col: 1, value, error: "" };
  if (format !== undefined) fast.format = general.format = format;
  expect(parseMoney(fast, { thousands })).toEqual(parseMoney(general, { thousands }));
}

test("a number cell reads the same either way: whole numbers, fractions, large and odd values", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1e15, -1e15, 2 ** 53, 1e21, 0.5, Infinity, -Infinity)),
      fc.constantFrom(...FORMATS),
      fc.boolean(),
      (value, format, thousands) => same(value, format, thousands),
    ),
    { numRuns: 2000 },
  );
});

test("the general way still reads error cells and text", () => {
  expect(parseMoney({ row: 1, col: 1, value: 5, error: "#REF!" })).toEqual({ status: "error", error: "#REF!" });
  expect(parseMoney({ row: 1, col: 1, value: "£448,000" })).toEqual({ status: "ok", value: 44_800_000 });
});
