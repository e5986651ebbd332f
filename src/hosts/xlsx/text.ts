/**
 * Text in SpreadsheetML: shared strings and inline strings (ECMA-376 Part 1 §18.4), and the
 * `_xHHHH_` escapes of ST_Xstring (§22.9.2.19) by which a file holds characters XML cannot
 * (a carriage return is `_x000D_`; a literal `_x` is written `_x005F_x`).
 */
import type { XmlElement, XmlHandlers } from "./xml";

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeEscapes(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Gathers the text of a rich or plain string element (`<si>`, `<is>`): its `<t>` and each
 * run's `<r><t>`, leaving out phonetic runs (`<rPh>`), which are a reading aid, not text.
 * Feed it the elements inside the string element; `value()` gives the text.
 */
export class StringCollector {
  /** The text so far: one piece (most strings are one `<t>` read in one go), or several. */
  private first: string | null = null;
  private parts: string[] | null = null;
  private inT = false;
  private skip = 0;

  open(el: XmlElement): void {
    if (el.ns !== "main" && el.ns !== "") return;
    if (el.local === "rPh") this.skip++;
    else if (el.local === "t" && this.skip === 0) this.inT = true;
  }

  close(el: XmlElement): void {
    if (el.ns !== "main" && el.ns !== "") return;
    if (el.local === "rPh") this.skip--;
    else if (el.local === "t") this.inT = false;
  }

  text(t: string): void {
    if (!this.inT) return;
    if (this.first === null) this.first = t;
    else if (this.parts) this.parts.push(t);
    else this.parts = [this.first, t];
  }

  value(): string {
    const v = this.parts ? this.parts.join("") : (this.first ?? "");
    this.first = null;
    this.parts = null;
    this.inT = false;
    this.skip = 0;
    return decodeEscapes(v);
  }
}

/**
 * The most strings a shared strings part's `uniqueCount` may make room for ahead (a million:
 * 8 MB of list); past it the list grows as it is read.
 */
const MOST_STRINGS_AHEAD = 1 << 20;

/**
 * Handlers reading a shared strings part (`<sst>`) into `out` (empty), in order; an empty
 * `<si/>` is "". The list is made at the length the part's `uniqueCount` gives (§18.4.9), so
 * a register's 100,000 strings are not copied into ever larger lists; the count is a hint
 * only: the list is cut to the strings read as the part ends, and grows past a count too small.
 */
export function sharedStringsHandlers(out: string[]): XmlHandlers {
  const collector = new StringCollector();
  let inSi = false;
  let count = 0;
  return {
    open(el) {
      if (el.local === "si" && (el.ns === "main" || el.ns === "")) inSi = true;
      else if (inSi) collector.open(el);
      else if (el.local === "sst" && count === 0 && out.length === 0) {
        const hint = el.attrs.uniqueCount === undefined ? NaN : Number(el.attrs.uniqueCount);
        if (Number.isInteger(hint) && hint > 0) out.length = Math.min(hint, MOST_STRINGS_AHEAD);
      }
    },
    close(el) {
      if (el.local === "si" && (el.ns === "main" || el.ns === "")) {
        inSi = false;
        out[count++] = collector.value();
      } else if (inSi) collector.close(el);
      // The part's end (its root): no room made ahead and left unfilled stays in the list.
      else if (el.local === "sst") out.length = count;
    },
    text(t) {
      if (inSi) collector.text(t);
    },
  };
}
