/** The target date (§5): the last `by <date>` in the Direction column's text, not the measures. */
import { parseDateText } from "../../values";

/**
 * ISO (`by January 2024` → 2024-01-31); `by the end of March 2024` counts too. Null when none.
 */
export function targetDateOf(text: string): string | null {
  let found: string | null = null;
  for (const m of text.matchAll(/\bby\s+(?:(?:the\s+)?end\s+(?:of\s+)?)?/gi)) {
    const iso = parseDateText(text.slice(m.index + m[0].length));
    if (iso) found = iso;
  }
  return found;
}
