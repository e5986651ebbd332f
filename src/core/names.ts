const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Folding of names people type (service areas, refs) for grouping and matching: case,
 * surrounding and repeated white space do not make two names different. Unlike label
 * matching (§1), bracketed text is kept: `Bank & Agency (NHS)` and `Bank & Agency (MLC)`
 * are different service areas.
 */
export function foldName(name: string): string {
  return isTidyAscii(name) ? name.toLowerCase() : foldNameByRule(name);
}

/** The rule itself, for any name (exported for the test that holds the one-pass path to it). */
export function foldNameByRule(name: string): string {
  // Printable ASCII is its own NFKC form, and normalising costs more than the rest together.
  const t = PRINTABLE_ASCII.test(name) ? name : name.normalize("NFKC");
  return singleSpaced(t.trim()).toLowerCase();
}

/**
 * Printable ASCII with single spaces between words and none at either end: NFKC, trimming
 * and running white space together leave it as it is, so folding it is lower-casing it.
 * Most refs and service areas are such names, and a 100,000-line register folds each of
 * them: one pass here instead of two regular expressions and a trim (foldName's rule is
 * held to it in tests/core/fold-name.test.ts).
 */
export function isTidyAscii(name: string): boolean {
  const n = name.length;
  if (n === 0) return true;
  let prev = 0x20;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c === 0x20 && prev === 0x20)) return false;
    prev = c;
  }
  return prev !== 0x20;
}

const SPACING = /[^\S ]| {2}/;

/**
 * White space runs as one space (`replace(/\s+/g, " ")`), without the replace where there
 * is none to fold: most names have none, and a 100,000-line register asks for each.
 */
export function singleSpaced(text: string): string {
  return SPACING.test(text) ? text.replace(/\s+/g, " ") : text;
}

/**
 * Groups items by a name people typed, as action-plan and risk totals group sections, leads
 * and owners: folded as above, shown with the first spelling met, in order of first
 * appearance; items with no name (null or blank) form one group named `null`.
 */
export function groupByName<T>(items: readonly T[], nameOf: (item: T) => string | null): { name: string | null; items: T[] }[] {
  const groups = new Map<string | null, { name: string | null; items: T[] }>();
  for (const item of items) {
    const raw = nameOf(item);
    const name = raw === null || raw.trim() === "" ? null : singleSpaced(raw).trim();
    const key = name === null ? null : foldName(name);
    const g = groups.get(key) ?? { name, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()];
}
