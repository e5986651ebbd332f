import fc from "fast-check";
import { ADVANCES, CODE_POINTS, UNITS_PER_EM } from "../../../src/core/summary/calibri-metrics";
import { lineHeight, textWidth, widestLine, widestWord, wrapLines, wrappedLineCount } from "../../../src/core/summary/text-metrics";

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

  // The fast paths (a table by code point; one line without wrapping where the text fits
  // whole) give exactly what the plain definitions give, on text of every kind.
  const someText = fc.string({
    unit: fc.oneof(fc.constantFrom(" ", "\u00a0", "\n", "\r\n", "\t", "W", "i", "£", "é", "中", "😀", "\ud800", "\udc00", "_"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })),
    maxLength: 60,
  });
  const fonts = fc.record({ size: fc.constantFrom(9, 11, 13, 18), bold: fc.boolean(), italic: fc.boolean() });

  it("measures exactly as summing each code point's advance does", () => {
    const index = new Map(CODE_POINTS.map((cp, i) => [cp, i]));
    fc.assert(
      fc.property(someText, fonts, (text, font) => {
        const style = font.bold && font.italic ? "boldItalic" : font.bold ? "bold" : font.italic ? "italic" : "regular";
        let units = 0;
        for (const ch of text) {
          const cp = ch.codePointAt(0) ?? 0x20;
          const i = index.get(cp === 0xa0 ? 0x20 : cp);
          units += i === undefined ? UNITS_PER_EM : ADVANCES[style][i];
        }
        expect(textWidth(text, font)).toBe((units / UNITS_PER_EM) * font.size * 1.04);
      }),
      { numRuns: 500 },
    );
  });

  it("measures every character up to the table's last as its advance, or a full em where the font has none", () => {
    const index = new Map(CODE_POINTS.map((cp, i) => [cp, i]));
    const last = Math.max(...CODE_POINTS);
    for (const style of ["regular", "bold", "italic", "boldItalic"] as const) {
      const font = { size: 10, bold: style.startsWith("bold"), italic: style.endsWith("talic") };
      for (let cp = 0; cp <= last + 1; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const i = index.get(cp === 0xa0 ? 0x20 : cp);
        const units = i === undefined ? UNITS_PER_EM : ADVANCES[style][i];
        expect(textWidth(String.fromCodePoint(cp), font)).toBe((units / UNITS_PER_EM) * 10 * 1.04);
      }
    }
  });

  it("counts wrapped lines exactly as wrapLines makes them", () => {
    fc.assert(
      fc.property(someText, fonts, fc.double({ min: 1, max: 300, noNaN: true }), (text, font, width) => {
        expect(wrappedLineCount(text, width, font)).toBe(wrapLines(text, width, font).length);
      }),
      { numRuns: 1000 },
    );
  });

  it("counts the lines of plain words, one space between each (counted in one pass), exactly as wrapLines makes them", () => {
    // Mostly the one-pass count's own texts; now and then what it leaves to countLines (a
    // doubled, leading or trailing space, a no-break space, a tab, a character beyond the table).
    const word = fc.string({ unit: fc.constantFrom("W", "i", "m", "1", "£", "é", "_", "-", "."), minLength: 1, maxLength: 12 });
    const odd = fc.constantFrom("", " ", "\u00a0", "\t", "中", "😀");
    const plain = fc.tuple(fc.array(word, { minLength: 1, maxLength: 12 }), odd, fc.nat(12)).map(([words, extra, at]) => {
      const text = words.join(" ");
      const i = Math.min(at, text.length);
      return text.slice(0, i) + extra + text.slice(i);
    });
    fc.assert(
      fc.property(plain, fonts, fc.double({ min: 1, max: 300, noNaN: true }), (text, font, width) => {
        expect(wrappedLineCount(text, width, font)).toBe(wrapLines(text, width, font).length);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts plain words exactly as wrapLines does at a width a line just fits, and just misses", () => {
    // The one-pass count compares each candidate line's width with the column's: at widths
    // that are a candidate line's own width, or the doubles either side of it, it must agree.
    const word = fc.string({ unit: fc.constantFrom("W", "i", "m", "1", "£", "é", "_"), minLength: 1, maxLength: 10 });
    const odd = fc.constantFrom("", "\u0001", "\u001f", "\u2028", "\u3000", "\ufeff", "\u2009");
    const plain = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), odd, fc.nat(8), fc.nat(8)).map(([words, extra, at, upTo]) => ({
      text: words.join(" ").slice(0, at) + extra + words.join(" ").slice(at),
      line: words.slice(0, 1 + (upTo % words.length)).join(" "),
    }));
    fc.assert(
      fc.property(plain, fonts, fc.constantFrom(-1, 0, 1), ({ text, line }, font, step) => {
        const fits = textWidth(line, font);
        const width = step === 0 ? fits : step > 0 ? fits * (1 + Number.EPSILON) : fits * (1 - Number.EPSILON);
        expect(wrappedLineCount(text, width, font)).toBe(wrapLines(text, width, font).length);
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the widest word and line exactly as splitting the text does", () => {
    const some = fc.string({ unit: fc.oneof(fc.constantFrom("\u2003", "\u3000", "\ufeff", "\v", "\r", "\u2028", "\u0085", "\u180e"), someText), maxLength: 40 });
    fc.assert(
      fc.property(some, fonts, (text, font) => {
        expect(widestWord(text, font)).toBe(Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, font))));
        expect(widestLine(text, font)).toBe(Math.max(0, ...text.split(/\r?\n/).map((l) => textWidth(l, font))));
      }),
      { numRuns: 1000 },
    );
  });
});
