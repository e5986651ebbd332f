/**
 * The text report names directions without a theme as the directions summary does. The
 * report keeps its own copy of the words (cli/text-report.ts NO_THEME) so that a `check`
 * does not load the summary's layout as it starts; this holds the two equal.
 */
import { NO_THEME } from "../../src/cli/text-report";
import { NO_THEME as SUMMARY_NO_THEME } from "../../src/core/summary/directions-summary";

describe("the text report's name for directions without a theme", () => {
  it("is the directions summary's", () => {
    expect(NO_THEME).toBe(SUMMARY_NO_THEME);
  });
});
