import { findLabel, isLabelCell, labelValue, matchLabelText } from "../../../src/core/readers/labels";
import { grid } from "../../helpers/grid";

const STOP = { labels: ["Risk Level", "Plan Date", "Version", "Description", "Exec Lead(s)"], prefixes: ["Finance Recovery Action"] };

describe("matchLabelText", () => {
  it("matches a whole cell after dropping a hint, colon and case", () => {
    expect(matchLabelText("  RISK level (of not delivering the financial saving): ", ["Risk Level"])).toMatchObject({ inline: null });
    expect(matchLabelText("Risk Levels", ["Risk Level"])).toBeNull();
  });

  it("splits a label from its value after the colon", () => {
    expect(matchLabelText("Description: A reduction in funding", ["Description"])).toMatchObject({
      inline: "A reduction in funding",
    });
    // Text that merely contains a colon is not a label.
    expect(matchLabelText("Note: see Description", ["Description"])).toBeNull();
  });

  it("reads a title by its prefix and keeps the hint of a label", () => {
    expect(matchLabelText("Finance Recovery Action: Planning", { labels: [], prefixes: ["Finance Recovery Action"] })).toMatchObject({
      inline: "Planning",
    });
    expect(matchLabelText("Financial Recovery Value (£000)", ["Financial Recovery Value"])?.hint).toBe("£000");
  });
});

describe("findLabel", () => {
  it("finds the first matching cell in row-major order", () => {
    const g = grid({ C2: "Plan Date", A3: "Plan Date:", B1: "Title" });
    expect(findLabel(g, ["Plan Date"])).toMatchObject({ row: 2, col: 3, label: "Plan Date" });
  });

  it("returns null when the label is absent or only a number", () => {
    expect(findLabel(grid({ A1: 5, B1: "Version 2 notes" }), ["Version"])).toBeNull();
  });
});

describe("labelValue", () => {
  it("takes the text after the colon in the label's own cell first", () => {
    const g = grid({ A4: "Description: Cut agency use", B4: "Something else" });
    const v = labelValue(g, findLabel(g, ["Description"])!, STOP)!;
    expect(v).toMatchObject({ address: "A4", text: "Cut agency use", raw: "Cut agency use" });
  });

  it("takes the first non-empty cell to the right, skipping blanks", () => {
    const g = grid({ B6: "Risk Level", C6: "   ", E6: "High" });
    expect(labelValue(g, findLabel(g, ["Risk Level"])!, STOP)).toMatchObject({ address: "E6", text: "High" });
  });

  it("starts after a merged label and keeps the value cell itself as raw", () => {
    const g = grid({ B5: "Financial Recovery Value", D5: 448000 }, { merges: ["B5:C5"] });
    const v = labelValue(g, findLabel(g, ["Financial Recovery Value"])!, STOP)!;
    expect(v.address).toBe("D5");
    expect(v.raw).toMatchObject({ value: 448000 });
  });

  it("looks directly below the label (below its merge) when the row has nothing to the right", () => {
    const g = grid({ B3: "Exec Lead(s):", B5: "Gill Main", A5: "Left" }, { merges: ["B3:B4"] });
    expect(labelValue(g, findLabel(g, ["Exec Lead(s)"])!, STOP)).toMatchObject({ address: "B5", text: "Gill Main" });
  });

  it("reads a merged value below through its top-left cell", () => {
    const g = grid({ B3: "Exec Lead(s)", A4: "Gill Main" }, { merges: ["A4:C4"] });
    expect(labelValue(g, findLabel(g, ["Exec Lead(s)"])!, STOP)).toMatchObject({ address: "A4", text: "Gill Main" });
  });

  it("stops at another label: a blank Risk Level beside Plan Date has no value", () => {
    const g = grid({ B6: "Risk Level", D6: "Plan Date", E6: "21/03/2024", B7: "High" });
    expect(labelValue(g, findLabel(g, ["Risk Level"])!, STOP)).toBeNull();
  });

  it("stops at a label below, and at a title", () => {
    const below = grid({ D6: "Plan Date", D7: "Version:", E7: "v1" });
    expect(labelValue(below, findLabel(below, ["Plan Date"])!, STOP)).toBeNull();
    const title = grid({ A3: "Version", B3: "Finance Recovery Action: X" });
    expect(labelValue(title, findLabel(title, ["Version"])!, STOP)).toBeNull();
  });

  it("returns null when nothing follows the label", () => {
    const g = grid({ D7: "Version" });
    expect(labelValue(g, findLabel(g, ["Version"])!, STOP)).toBeNull();
  });

  it("treats an error cell as a value (the reader raises formula-error)", () => {
    const g = grid({ B5: "Plan Date", C5: { value: null, error: "#REF!" } });
    expect(labelValue(g, findLabel(g, ["Plan Date"])!, STOP)?.address).toBe("C5");
  });
});

describe("isLabelCell", () => {
  it("recognises labels with and without values, but not numbers or errors", () => {
    const at = (v: string | number) => ({ row: 1, col: 1, value: v });
    expect(isLabelCell(at("Version: v2"), STOP)).toBe(true);
    expect(isLabelCell(at("Gill Main"), STOP)).toBe(false);
    expect(isLabelCell(at(3), STOP)).toBe(false);
  });
});
