/**
 * Figures and dates measured once a value (ShownWidths) measure as the plain rule does
 * (shownWidth: the shown text's widest word or line) on random cells, whatever was
 * measured before them: -0 beside 0, the same value under other formats, fonts and wraps.
 */
import fc from "fast-check";
import type { CellContent, NumberFormatKind } from "../../../src/core/summary/sheet-model";
import { ShownWidths, shownWidth } from "../../../src/core/summary/shown-widths";
import type { FontSpec } from "../../../src/core/summary/text-metrics";

const FORMATS: (NumberFormatKind | undefined)[] = [undefined, "money", "percent", "percent1", "date", "integer", "count", "decimal1", "text"];
const FONTS: FontSpec[] = [{ size: 11 }, { size: 11, bold: true }, { size: 18, bold: true }, { size: 9, italic: true }];

const value = fc.oneof(
  fc.constantFrom(0, -0, 0.5, -0.5, 1e21, -1234.565, NaN, Infinity),
  fc.integer({ min: -1e9, max: 1e9 }).map((p) => p / 100),
  fc.double({ noNaN: false }),
);
const content: fc.Arbitrary<CellContent> = fc.oneof(
  value.map((v) => ({ kind: "number" as const, value: v })),
  fc.date({ min: new Date("1900-03-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => ({ kind: "date" as const, iso: d.toISOString().slice(0, 10) })),
  fc.string({ maxLength: 20 }).map((t) => ({ kind: "text" as const, text: t })),
  fc.option(value, { nil: null }).map((r) => ({ kind: "formula" as const, formula: "SUM(A1:A2)", result: r })),
);
const cell = fc.record({ content, format: fc.constantFrom(...FORMATS), font: fc.constantFrom(...FONTS), wrap: fc.boolean() });

it("measures every cell as its shown text measures, figures and dates found again by value", () => {
  fc.assert(
    fc.property(fc.array(cell, { minLength: 1, maxLength: 60 }), (cells) => {
      const widths = new ShownWidths();
      // Each cell twice, so the second is found in the memo.
      for (const c of [...cells, ...cells]) {
        expect(widths.of(c.content, c.format, c.font, c.wrap)).toBe(shownWidth(c.content, c.format, c.font, c.wrap));
      }
    }),
    { numRuns: 300 },
  );
});

it("measures -0 as its own (it may show as -0), and a value again under each format, font and wrap", () => {
  const widths = new ShownWidths();
  for (const v of [0, -0, 1234.5, -0, 0])
    for (const format of FORMATS)
      for (const font of FONTS)
        for (const wrap of [false, true]) {
          const c: CellContent = { kind: "number", value: v };
          expect(widths.of(c, format, font, wrap)).toBe(shownWidth(c, format, font, wrap));
        }
});
