/**
 * Folding of names people type (service areas, refs) for grouping and matching: case,
 * surrounding and repeated white space do not make two names different. Unlike label
 * matching (§1), bracketed text is kept: `Bank & Agency (NHS)` and `Bank & Agency (MLC)`
 * are different service areas.
 */
export function foldName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
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
    const name = raw === null || raw.trim() === "" ? null : raw.replace(/\s+/g, " ").trim();
    const key = name === null ? null : foldName(name);
    const g = groups.get(key) ?? { name, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()];
}
