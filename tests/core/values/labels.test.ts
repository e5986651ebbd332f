import { beginsWithLabel, labelHint, matchesLabel, normaliseLabel, splitLabelValue } from "../../../src/core/values";

describe("normaliseLabel", () => {
  test.each<[string, string]>([
    ["Risk Level", "risk level"],
    ["  Risk   Level  ", "risk level"],
    ["Risk\u00a0Level", "risk level"],
    ["Risk\nLevel", "risk level"],
    ["Risk Level:", "risk level"],
    ["Risk Level :", "risk level"],
    ["Risk Level?", "risk level"],
    ["Risk Level (of not delivering the financial saving)", "risk level"],
    ["Risk Level (of not delivering the financial saving):", "risk level"],
    ["Proposed Saving (£000)", "proposed saving"],
    ["Proposed Saving(£000)", "proposed saving"],
    ["Proposed Saving [£000]", "proposed saving"],
    ["Proposed Saving (£000):", "proposed saving"],
    ["Exec Lead(s)", "exec lead(s)"],
    ["Exec Lead(s):", "exec lead(s)"],
    ["Exec Lead (s)", "exec lead(s)"],
    ["EXEC LEAD(S)", "exec lead(s)"],
    ["Lead Service Area(s):", "lead service area(s)"],
    ["Lead Service Area(s) (main one first)", "lead service area(s)"],
    ["Value (£) (recurrent)", "value"],
    ["", ""],
    ["   ", ""],
  ])("%p → %p", (text, normalised) => {
    expect(normaliseLabel(text)).toBe(normalised);
  });
});

describe("labelHint", () => {
  test.each<[string, string | null]>([
    ["Proposed Saving (£000)", "£000"],
    ["Proposed Saving(£000)", "£000"],
    ["Value (£)", "£"],
    ["Risk Level (of not delivering the financial saving)", "of not delivering the financial saving"],
    ["Saving [£k]:", "£k"],
    ["Exec Lead(s)", null],
    ["Risk Level", null],
    ["Value ( )", null],
  ])("%p → %p", (text, hint) => {
    expect(labelHint(text)).toBe(hint);
  });
});

describe("matchesLabel", () => {
  test.each<[string, string[]]>([
    ["Risk Level (of not delivering the financial saving)", ["Risk Level"]],
    ["risk level:", ["Risk Level"]],
    ["Exec Lead(s):", ["Exec Lead(s)"]],
    ["Lead Service Area(s):", ["Lead Service Area(s)"]],
    ["Proposed Saving (£000)", ["Proposed Saving"]],
    ["Proposed Saving (£000)", ["Proposed Saving (£000)"]],
    ["Proposed Saving", ["Proposed Saving (£)"]],
    ["Forecast", ["Forecast Saving", "Forecast"]],
    ["Delivery Timeframe?", ["Delivery Timeframe"]],
  ])("%p matches %p", (text, labels) => {
    expect(matchesLabel(text, labels)).toBe(true);
  });

  test.each<[string, string[]]>([
    ["Risk Level of delivery", ["Risk Level"]],
    ["Risk", ["Risk Level"]],
    ["Exec Lead(s)", ["Exec Lead"]],
    ["Plan Date", ["Risk Level"]],
    ["", ["Risk Level"]],
    ["", [""]],
    ["Description: A reduction in agency spend", ["Description"]],
  ])("%p does not match %p", (text, labels) => {
    expect(matchesLabel(text, labels)).toBe(false);
  });
});

describe("beginsWithLabel", () => {
  test.each<[string, string[], boolean]>([
    ["Progress as at Q3 (%)", ["Progress"], true],
    ["PROGRESS", ["Progress"], true],
    ["Measure of success", ["Measure"], true],
    ["Measures", ["Measure"], true],
    ["Financial Recovery Action Plan 2024/25", ["Financial Recovery Action"], true],
    ["In progress", ["Progress"], false],
    ["", ["Progress"], false],
    ["Progress", [""], false],
  ])("%p begins with %p: %p", (text, prefixes, expected) => {
    expect(beginsWithLabel(text, prefixes)).toBe(expected);
  });
});

describe("splitLabelValue", () => {
  test.each<[string, string, string | null]>([
    ["Description: A reduction in agency spend", "Description", "A reduction in agency spend"],
    ["Exec Lead(s): Gill Main: Integration Manager", "Exec Lead(s)", "Gill Main: Integration Manager"],
    ["Risk Level:", "Risk Level", null],
    ["Risk Level:   ", "Risk Level", null],
    ["Risk Level", "Risk Level", null],
    ["  Plan  Date :  21/03/2024 ", "Plan Date", "21/03/2024"],
    ["Meeting: 14:00", "Meeting", "14:00"],
  ])("%p → %p / %p", (text, label, value) => {
    expect(splitLabelValue(text)).toEqual({ label, value });
  });
});
