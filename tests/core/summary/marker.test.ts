import { markerText, summaryIdOf } from "../../../src/core/summary/marker";
import { grid } from "../../helpers/grid";

describe("summary marker", () => {
  it("writes the prefix and id", () => {
    expect(markerText("recovery-summary")).toBe("board-summary:generated:recovery-summary");
  });

  it("finds the marker in row 1 of a hidden column", () => {
    expect(summaryIdOf(grid({ A1: "Recovery Summary", L1: "board-summary:generated:recovery-summary" }))).toBe("recovery-summary");
    expect(summaryIdOf(grid({ N1: markerText("data-checks") }))).toBe("data-checks");
  });

  it("still finds it after a user inserts rows above it", () => {
    expect(summaryIdOf(grid({ A1: "My notes", L4: markerText("directions-summary") }))).toBe("directions-summary");
  });

  it("ignores sheets without it, and unknown ids", () => {
    expect(summaryIdOf(grid({ A1: "Recovery Summary", B2: "board summary" }))).toBeNull();
    expect(summaryIdOf(grid({ L1: "board-summary:generated:pivot" }))).toBeNull();
    expect(summaryIdOf(grid({ L1: 42 }))).toBeNull();
  });
});
