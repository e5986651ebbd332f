/** Measures (§5): the bullet points of the Measure cell. */

/** What makes a text more than one measure, or a measure with a marker to drop. */
const MAY_SPLIT = /[\r\n•○◦●▪■·]|^\s*[-–*]\s/;

/** Split on `•`/`○` (and kin) anywhere, `-`/`*` at a line's start, and line breaks. */
export function splitMeasures(text: string): string[] {
  // Most cells are one measure or empty: the same answer without the splitting.
  if (!MAY_SPLIT.test(text)) {
    const m = text.replace(/\s+/g, " ").trim();
    return m === "" ? [] : [m];
  }
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line) => line.replace(/^\s*[-–*]\s+/, "").split(/[•○◦●▪■·]/))
    .map((m) => m.replace(/\s+/g, " ").trim())
    .filter((m) => m !== "");
}
