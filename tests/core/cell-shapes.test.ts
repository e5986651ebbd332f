/**
 * A cell's `value` stays general: a small-integer value then a number no small integer holds
 * (a register's money column, then its total) leave the cells in one shape, so no cell made
 * before the total has to be moved to a new one when next read. V8's own test of two objects'
 * shapes (natives syntax, switched on here), with a full collection between: the shapes made
 * at load must outlive it.
 */
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { valueCell } from "../../src/core/cell-shapes";
import type { Cell } from "../../src/core/snapshot";

setFlagsFromString("--allow-natives-syntax");
setFlagsFromString("--expose-gc");
const sameShape = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: Cell, b: Cell) => boolean;
const gc = runInNewContext("gc") as () => void;

test.each([[undefined], ["£#,##0"]])("a money cell and a total above 2^31 share a shape (format %s)", (format) => {
  gc();
  const line = valueCell(5, 3, 169_000, format);
  const total = valueCell(100_004, 3, 50_122_144_000, format);
  const text = valueCell(6, 1, "Mental Health 3", format);
  expect(sameShape(line, total)).toBe(true);
  expect(sameShape(line, text)).toBe(true);
  expect(total).toEqual(format === undefined ? { row: 100_004, col: 3, value: 50_122_144_000 } : { row: 100_004, col: 3, value: 50_122_144_000, format });
});
