/** The target date (§5): the last `by <date>` in the Direction column's text, not the measures. */
import { remembered } from "../../remembered";
import { parseDateText } from "../../values";

/** `by`, `by the end of`, `by end`: what comes before a target date. */
const BY = /\bby\s+(?:(?:the\s+)?end\s+(?:of\s+)?)?/gi;

/**
 * ISO (`by January 2024` → 2024-01-31); `by the end of March 2024` counts too. Null when none.
 * One expression for every text, stepped along by `exec` (`matchAll` makes a copy of the
 * expression each call, and every direction asks).
 */
export function targetDateOf(text: string): string | null {
  let found: string | null = null;
  BY.lastIndex = 0;
  for (let m = BY.exec(text); m !== null; m = BY.exec(text)) {
    const iso = parseDateText(text.slice(m.index + m[0].length));
    if (iso) found = iso;
  }
  return found;
}

/**
 * targetDateOf, each distinct text read once (at most 1,024 kept): a report that repeats a
 * direction's wording (the bench's 50,000 directions have 288 texts, each a cell of shared
 * text) reads its date once, not once a row (~2.5 µs a text warm, ~8 µs in a first run's
 * cold code). A text met once costs a look-up and a store, a small part of reading it.
 */
export const targetDateOfText = remembered(targetDateOf, 1_024);
