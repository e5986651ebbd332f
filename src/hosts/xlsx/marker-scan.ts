/**
 * Whether a worksheet part's text could hold our marker in a cell, asked of the part's
 * decoded text without tokenising it: `build` over an earlier output asks which sheets are
 * ours (own-sheets.ts), and the thousands of source sheets a pack of forms holds have none.
 * Reading each to its end with the XML parser cost 3 s of a 9 s rebuild of 10,000 forms.
 *
 * A cell's value can hold the marker's text only where the part spells it out, unless the
 * reader puts the value together from something the text does not show as it stands: a
 * character reference (`&#98;`), OOXML's `_xHHHH_` escape, text split by a comment, CDATA
 * section or processing instruction (`<!`, `<?`), or an inline string's several `<t>`
 * (runs, `<is>`). A part with none of these and without the marker's text holds no marker;
 * any of them sends it to the full read. The marker's own characters (letters, `-`, `:`)
 * need no escaping, so no other spelling is possible. Shared strings are the caller's
 * (they are already decoded). A false "may" costs only the full read.
 */
import { MARKER_PREFIX } from "../../core/summary/sheet-model";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What sends a part to the full read: the marker, or a spelling the reader would decode or join. */
const MAY_HOLD = new RegExp(`${escapeRegExp(MARKER_PREFIX)}|&#|_x|<!|<\\?|[<:]is[\\s>/]`, "g");
/** The longest text MAY_HOLD matches: what is kept from one piece of text to the next. */
const OVERLAP = Math.max(MARKER_PREFIX.length, 4) - 1;

export class MarkerScan {
  private tail = "";
  /** Where `tail` starts in the part's text. */
  private tailAt = 0;
  private found = false;

  /** The part's next piece of decoded text. */
  push(text: string): void {
    if (this.found || text === "") return;
    const s = this.tail + text;
    MAY_HOLD.lastIndex = 0;
    for (let m = MAY_HOLD.exec(s); m; m = MAY_HOLD.exec(s)) {
      // The XML declaration (`<?xml`, at the very start of the part) is the one `<?` allowed.
      if (m[0] === "<?" && this.tailAt + m.index === 0) continue;
      this.found = true;
      return;
    }
    const keep = Math.min(OVERLAP, s.length);
    this.tailAt += s.length - keep;
    this.tail = s.slice(s.length - keep);
  }

  /** True where a cell of the part could hold the marker, by what has been pushed. */
  get mayHoldMarker(): boolean {
    return this.found;
  }
}
