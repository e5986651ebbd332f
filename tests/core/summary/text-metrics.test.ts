import { lineHeight, textWidth, widestWord, wrapLines } from "../../../src/core/summary/text-metrics";

describe("text measured with Calibri's metrics", () => {
  it("measures a digit as Calibri's 1038/2048 em, with the small allowance for hinting", () => {
    expect(textWidth("0", { size: 11 })).toBeCloseTo((1038 / 2048) * 11 * 1.04, 5);
    // Bold is wider; a narrow letter is narrower than a wide one.
    expect(textWidth("Manager", { size: 11, bold: true })).toBeGreaterThan(textWidth("Manager", { size: 11 }));
    expect(textWidth("i", { size: 11 })).toBeLessThan(textWidth("W", { size: 11 }));
    // A character the table lacks counts as a full em: never narrower than it is.
    expect(textWidth("中", { size: 10 })).toBeCloseTo(10 * 1.04, 5);
  });

  it("gives Excel's row height for one line of Calibri 11: 15 points", () => {
    expect(lineHeight(11)).toBe(15);
    expect(lineHeight(18)).toBeGreaterThan(22);
  });

  it("wraps at spaces, keeps line breaks, and cuts a word wider than the line", () => {
    const font = { size: 11 };
    const width = textWidth("Integration", font) + 1;
    expect(wrapLines("Gill Main, Integration Manager", width, font)).toEqual(["Gill Main,", "Integration", "Manager"]);
    expect(wrapLines("one\ntwo", 500, font)).toEqual(["one", "two"]);
    const cut = wrapLines("Supercalifragilistic", textWidth("Super", font) + 0.5, font);
    expect(cut.length).toBeGreaterThan(3);
    expect(cut.join("")).toBe("Supercalifragilistic");
    expect(widestWord("a Reablement b", font)).toBeCloseTo(textWidth("Reablement", font), 5);
  });
});
