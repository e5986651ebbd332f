/**
 * A sheet model's merges packed as numbers (model-merges.ts): what goes in comes out, in
 * order, whether walked, listed or taken one at a time.
 */
import fc from "fast-check";
import { addMerge, forEachMerge, mergeAt, mergeCount, mergeList, packMerges } from "../../../src/core/summary/model-merges";
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
});
