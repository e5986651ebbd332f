/**
 * FirstCellOfNo keeps no map while each number comes after the one before (comesAfter), and
 * makes one from the directions read at the first that does not. Held here to a plain map of
 * every number, on runs in order, out of order, with repeats, loose numbers and numbers alike
 * only in value (`1.01`, `1.1`); and comesAfter to the order of the numbers' segments.
 */
import fc from "fast-check";
import { FirstCellOfNo, comesAfter, isPlainNumber } from "../../../src/core/readers/directions/duplicate-numbers";
import type { Direction } from "../../../src/core/records";

function direction(no: string, cell: string): Direction {
  return { sheet: "D", row: 1, cell, no, theme: null, text: "", measures: [], progress: null, narrative: false, progressCell: "D1", source: null, dueDate: null };
}

/** What each number's first cell is, asked in turn, as a plain map answers it. */
function plain(nos: string[]): (string | undefined)[] {
  const map = new Map<string, string>();
  return nos.map((no, i) => {
    const first = map.get(no);
    if (first === undefined) map.set(no, `A${i}`);
    return first;
  });
}

function viaClass(nos: string[]): (string | undefined)[] {
  const read: Direction[] = [];
  const firsts = new FirstCellOfNo(read);
  return nos.map((no, i) => {
    const first = firsts.firstOf(no, `A${i}`);
    read.push(direction(no, `A${i}`));
    return first;
  });
}

const NOS = ["1", "1.1", "1.2", "1.10", "1.01", "01.1", "2", "2.1", "2.1.1", "10", "D1.1", "1.1a", "9", "1.", "", "1234567890123456", "1234567890123457"];

test("the first cell of each number, as a map of every number gives it", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...NOS), { maxLength: 30 }), (nos) => {
      expect(viaClass(nos)).toEqual(plain(nos));
    }),
    { numRuns: 3_000 },
  );
});

test("a repeat of an early number after a long run in order names the first", () => {
  const nos: string[] = [];
  for (let t = 1; t <= 20; t++) for (let d = 1; d <= 12; d++) nos.push(`${t}.${d}`);
  nos.push("3.4", "20.13", "20.12", "1.1");
  const got = viaClass(nos);
  expect(got.slice(0, 240).every((f) => f === undefined)).toBe(true);
  expect(got.slice(240)).toEqual(["A27", undefined, "A239", "A0"]);
});

test("comesAfter is the order of the segments as numbers, a number after its own prefix", () => {
  const segs = fc.array(fc.oneof(fc.nat(3), fc.nat(1_000_000)), { minLength: 1, maxLength: 4 });
  const order = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  fc.assert(
    fc.property(segs, segs, (a, b) => {
      expect(comesAfter(a.join("."), b.join("."))).toBe(order(a, b) < 0);
    }),
    { numRuns: 5_000 },
  );
  expect(["1", "1.2", "10.20.3"].every(isPlainNumber)).toBe(true);
  expect(["", "1.", ".1", "1..2", "D1", "1a", "1234567890123456"].some(isPlainNumber)).toBe(false);
});
