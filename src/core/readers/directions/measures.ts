/** Measures (§5): the bullet points of the Measure cell. */

/** What makes a text more than one measure, or a measure with a marker to drop. */
const MAY_SPLIT = /[\r\n•○◦●▪■·]|^\s*[-–*]\s/;
const LINE_BREAK = /\r\n|\r|\n/;
const LINE_MARKER = /^\s*[-–*]\s+/;
const BULLET = /[•○◦●▪■·]/;
/** White space that `replace(/\s+/g, " ")` would change: anything but a single space. */
const SPACING = /[^\S ]| {2}/;

/** A piece with its white space run together and trimmed, added where not empty. */
function addMeasure(out: string[], piece: string): void {
  const m = (SPACING.test(piece) ? piece.replace(/\s+/g, " ") : piece).trim();
  if (m !== "") out.push(m);
}

/**
 * Split on `•`/`○` (and kin) anywhere, `-`/`*` at a line's start, and line breaks: each
 * line, less its marker, split at its bullets; each piece's white space run together and
 * trimmed; empty pieces dropped. A measure cell on every row of a long report: one list,
 * no list a line.
 */
export function splitMeasures(text: string): string[] {
  // Most cells are one measure or empty: the same answer without the splitting.
  if (!MAY_SPLIT.test(text)) {
    const m = text.replace(/\s+/g, " ").trim();
    return m === "" ? [] : [m];
  }
  const out: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    const body = line.replace(LINE_MARKER, "");
    if (!BULLET.test(body)) {
      addMeasure(out, body);
      continue;
    }
    for (const piece of body.split(BULLET)) addMeasure(out, piece);
  }
  return out;
}
