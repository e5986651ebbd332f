/**
 * A sheet model's merges packed as numbers (model-merges.ts): what goes in comes out, in
 * order, whether walked, listed or taken one at a time.
 */
import fc from "fast-check";
import { PackedMerges, addMerge, forEachMerge, mergeAt, mergeCount, mergeList, packMerges } from "../../../src/core/summary/model-merges";
import type { Merge } from "../../../src/core/snapshot";

const merge: fc.Arbitrary<Merge> = fc
  .tuple(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }))
  .map(([top, left, down, across]) => ({ top, left, bottom: top + down, right: left + across }));

describe("a sheet model's packed merges", () => {
  it("give back the merges packed, in order, each way they are read", () => {
    fc.assert(
      fc.property(fc.array(merge, { maxLength: 40 }), (merges) => {
        const packed = packMerges(merges);
        expect(mergeCount(packed)).toBe(merges.length);
        expect(mergeList(packed)).toEqual(merges);
        expect(merges.map((_, i) => mergeAt(packed, i))).toEqual(merges);
        const walked: Merge[] = [];
        forEachMerge(packed, (top, left, bottom, right) => walked.push({ top, left, bottom, right }));
        expect(walked).toEqual(merges);
      }),
      { numRuns: 100 },
    );
  });

  it("are four numbers a merge, appended as made", () => {
    const packed: number[] = [];
    addMerge(packed, 3, 1, 3, 4);
    addMerge(packed, 5, 2, 6, 2);
    expect(packed).toEqual([3, 1, 3, 4, 5, 2, 6, 2]);
  });

  it("made in place with room reserved ahead, hold what pushing them holds", () => {
    // Room reserved for more merges than come, fewer, or none, at any point between them.
    const step = fc.oneof(
      merge.map((m) => ({ add: m })),
      fc.integer({ min: 0, max: 5 }).map((n) => ({ reserve: n })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const made = new PackedMerges();
        const pushed: number[] = [];
        for (const s of steps) {
          if ("add" in s) {
            made.add(s.add.top, s.add.left, s.add.bottom, s.add.right);
            addMerge(pushed, s.add.top, s.add.left, s.add.bottom, s.add.right);
          } else made.reserve(s.reserve);
          expect(made.length).toBe(pushed.length);
        }
        const list = made.done();
        // Cut to the merges made: no room left unfilled, nothing past them.
        expect(list).toEqual(pushed);
        expect(list.length).toBe(pushed.length);
        expect(Object.keys(list)).toHaveLength(pushed.length);
      }),
      { numRuns: 200 },
    );
  });
});
