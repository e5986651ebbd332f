/**
 * Folding of names people type (service areas, refs) for grouping and matching: case,
 * surrounding and repeated white space do not make two names different. Unlike label
 * matching (§1), bracketed text is kept: `Bank & Agency (NHS)` and `Bank & Agency (MLC)`
 * are different service areas.
 */
export function foldName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
