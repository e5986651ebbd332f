/** Measures (§5): the bullet points of the Measure cell. */

/** Split on `•`/`○` (and kin) anywhere, `-`/`*` at a line's start, and line breaks. */
export function splitMeasures(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line) => line.replace(/^\s*[-–*]\s+/, "").split(/[•○◦●▪■·]/))
    .map((m) => m.replace(/\s+/g, " ").trim())
    .filter((m) => m !== "");
}
