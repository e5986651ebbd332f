/**
 * An action's ref (action-plans-and-risks.md §10): the ref column's text; else a leading
 * number in the action text, digits with at least one dot (`6.1`, `6.1.2`, `7.`) or digits
 * followed by `)`, then a space (`6.1 Commission external OD …` is ref `6.1`, action
 * `Commission external OD …`); else `<sheet> row <n>`. `12 month review` has no ref.
 */

const LEADING = /^(\d+(?:\.\d+)+\.?|\d+\.|\d+\))\s+([\s\S]*)$/;

/** The number leading an action's text and the text after it; null where there is none. */
export function leadingRef(text: string): { ref: string; rest: string } | null {
  const m = LEADING.exec(text.trim());
  if (!m) return null;
  // `7.` and `3)` are refs 7 and 3, as direction numbers drop their trailing dot; a dash
  // after the number (`8.2 - 100% of …`) only separates it from the text.
  return { ref: m[1].replace(/[.)]$/, ""), rest: m[2].replace(/^[-–—]\s+/, "").trim() };
}

/** The ref of an item with none: `<sheet> row <n>`. */
export function rowRef(sheet: string, row: number): string {
  return `${sheet} row ${row}`;
}

/** How messages name an item: `action 6.1`, or `the action on row 12` where its ref is its row. */
export function itemName(kind: "action" | "risk", ref: string, fromRow: boolean, row: number): string {
  return fromRow ? `the ${kind} on row ${row}` : `${kind} ${ref}`;
}
