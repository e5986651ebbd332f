/**
 * The object a reader makes for a cell of a value and its format, in a shape whose `value`
 * is general from the start.
 *
 * V8 gives an object's field the representation of the first values stored in it (small
 * integer, or double, or any value), shared by every object of the same shape. A register's
 * money column holds small integers down 100,000 rows, then its total (above 2^31, so a
 * double): `value` went from small integer to double after 100,000 cells had been made, and
 * each of them was moved to the new shape the first time anything read it, ~0.7 µs a cell
 * (~200 ms of register-100000's first `analyse`, all in SheetGrid's first pass over the
 * cells). A cell of each shape made here first with a text and then such a number leaves
 * `value` as any value before a sheet is read, and a later number changes nothing. They are
 * held as long as `valueCell` is (a shape no object holds is collected, and made afresh from
 * its next first value).
 */
import type { Cell } from "./snapshot";

/*
 * Made by constructors, not object literals: V8 follows each literal's allocation site and,
 * once most of what it made outlives a few collections (a sheet's cells do), allocates there
 * in the old generation instead, throwing away every compiled function the literal was
 * inlined into. The sheet reader's per-cell `finish` was compiled three or four times a run
 * on forms and mixed packs for this. A constructor's objects have no allocation site.
 * The fields are those of the literals they replace, in the same order.
 */
class PlainCell {
  constructor(
    public row: number,
    public col: number,
    public value: Cell["value"],
  ) {}
}

class FormattedCell {
  constructor(
    public row: number,
    public col: number,
    public value: Cell["value"],
    public format: string,
  ) {}
}

/** A cell of a value, with its number format where it has one: no error, formula or fill. */
export function valueCell(row: number, col: number, value: Cell["value"], format: string | undefined): Cell {
  return format === undefined ? new PlainCell(row, col, value) : new FormattedCell(row, col, value, format);
}

/** A text, then a number no small integer holds: `value` can hold anything after these two. */
valueCell.generalShapes = ["", 2 ** 31 + 0.5].flatMap((value): Cell[] => [valueCell(1, 1, value, undefined), valueCell(1, 1, value, "General")]);
