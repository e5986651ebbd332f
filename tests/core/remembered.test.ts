/**
 * remembered: each key worked out once while known, the same answers as the work itself,
 * and still right once forgotten past its bound.
 */
import { z } from "zod";
import { madeOnce, remembered } from "../../src/core/remembered";
import { RAGS, ragSchema } from "../../src/core/records";
import { SUMMARY_IDS, summaryIdSchema } from "../../src/core/summary/sheet-model";

test("numbers and texts are worked out once each, and answered as the work answers them", () => {
  const calls: number[] = [];
  const end = remembered((n: number) => {
    calls.push(n);
    return `${String(n)}</v></c>`;
  }, 100);
  for (const n of [3, 1.5, 3, -0, 0, 1.5, 3]) expect(end(n)).toBe(`${String(n)}</v></c>`);
  // -0 and 0 are one key (a Map's SameValueZero), and String gives "0" for both.
  expect(calls).toEqual([3, 1.5, -0]);

  const texts: string[] = [];
  const upper = remembered((t: string) => (texts.push(t), t.toUpperCase()), 100);
  expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
  expect(texts).toEqual(["a", "b"]);
});

test("past its bound it forgets all at once, and its answers stay right", () => {
  let calls = 0;
  const twice = remembered((n: number) => (calls++, n * 2), 4);
  for (let round = 0; round < 3; round++) for (let n = 0; n < 10; n++) expect(twice(n)).toBe(n * 2);
  // Ten keys through a bound of four: no round finds its keys still known.
  expect(calls).toBe(30);
  calls = 0;
  for (let round = 0; round < 3; round++) for (let n = 0; n < 4; n++) expect(twice(n)).toBe(n * 2);
  // Four keys fit after the first forgetting (at most one more round of work).
  expect(calls).toBeLessThanOrEqual(8);
});

test("madeOnce makes its value on first use only, and answers the same value after", () => {
  let made = 0;
  const schema = madeOnce(() => (made++, z.object({ a: z.string() })));
  expect(made).toBe(0);
  const first = schema();
  expect(schema()).toBe(first);
  expect(made).toBe(1);
});

test("the plain arrays of values are the lazily made enums' options, in order", () => {
  expect([...RAGS]).toEqual(ragSchema().options);
  expect([...SUMMARY_IDS]).toEqual(summaryIdSchema().options);
});
