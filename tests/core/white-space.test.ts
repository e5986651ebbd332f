/**
 * What `\s` matches, without a regular expression: the code-unit test the text metrics and
 * the sheet writer use, held to the expression at every code unit and on random text.
 */
import fc from "fast-check";
import { isSpace, SPACE_UNITS } from "../../src/core/white-space";
import { keepsSpace } from "../../src/hosts/xlsx/sheet-xml";

describe("white space", () => {
  it("isSpace is what \\s matches, at every UTF-16 code unit", () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it("SPACE_UNITS lists every code unit isSpace is true for, in order", () => {
    const spaces: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c)) spaces.push(c);
    expect(SPACE_UNITS).toEqual(spaces);
  });

  it("keepsSpace is /^\\s|\\s$|\\n/ on random text", () => {
    const unit = fc.oneof(fc.constantFrom(" ", "\n", "\r", "\t", "\u00a0", "\u2028", "\u3000", "\ufeff", "a", "£", "\ud83d", "\ude00"), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        return keepsSpace(s) === /^\s|\s$|\n/.test(s);
      }),
      { numRuns: 2000 },
    );
  });
});
