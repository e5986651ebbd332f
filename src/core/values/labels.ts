/** Labels (standard-templates.md §1 "A label matches …"). */
import { cleanText, optionalGroup } from "./input";

/**
 * A bracketed hint: a (…) or […] group. `(s)` glued to a word (`Exec Lead(s)`,
 * `Lead Service Area(s)`) is part of the label, not a hint; any other group is a hint,
 * with or without a space before it (`Proposed Saving(£000)`).
 */
const HINT = /(\w)?\s*(\(([^()]*)\)|\[([^[\]]*)\])/g;

function isPluralMarker(glued: string | undefined, inner: string): boolean {
  return glued !== undefined && /^(s|es)$/i.test(inner.trim());
}

function stripHints(text: string): string {
  // Every hint holds a bracket: most texts (long free text above all) have none, and the
  // expression, tried at each character, costs more than the two looks.
  if (!text.includes("(") && !text.includes("[")) return text;
  return text.replace(HINT, (_whole, glued: string | undefined, _g, round: string | undefined, square: string | undefined) => {
    const inner = round ?? square ?? "";
    // `Lead (s)` and `Lead(s)` are both the plural marker; keep it, glued, in one spelling.
    if (round !== undefined && isPluralMarker(glued, inner)) return `${glued}(${inner.trim()})`;
    return glued ?? "";
  });
}

function fold(text: string): string {
  return cleanText(text).replace(/\s+/g, " ");
}

/**
 * Readers ask about the same few texts again and again (every label set against every cell,
 * every form of a 1,000-form pack), so short texts' normal forms are remembered. Bounded, and
 * the result is the same with or without it.
 */
const normalised = new Map<string, string>();
const CACHE_LIMIT = 50_000;
const CACHE_MAX_LENGTH = 4_096;

/** A short text's answer from `cache`, worked out and remembered where it is not there yet. */
function remembered<T>(cache: Map<string, T>, text: string, work: (text: string) => T): T {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const answer = work(text);
  if (text.length <= CACHE_MAX_LENGTH) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, answer);
  }
  return answer;
}

/** Drops trailing `:`/`?` (and white space) and bracketed hints until nothing changes (`Saving (£000):`). */
export function normaliseLabel(text: string): string {
  if (typeof text !== "string") return "";
  return remembered(normalised, text, normaliseUncached);
}

/**
 * Text the rules below would only lower-case: no white space but single inner spaces, no
 * character cleanText changes, no bracket (a hint) and no trailing `:`/`?`. Most cells of a
 * large sheet (names, refs, amounts as text) are such text, and the regular expressions
 * cost ten times the test.
 */
const NEEDS_RULES = /[^\S ]| {2}|^ | $|[([\u200b]|[:?：]$/;

function normaliseUncached(text: string): string {
  if (!NEEDS_RULES.test(text)) return text.toLowerCase();
  let t = fold(text).toLowerCase();
  for (let i = 0; i < 5; i++) {
    const before = t;
    t = t.replace(/[\s:?：]+$/u, "");
    t = stripHints(t).replace(/\s+/g, " ").trim();
    if (t === before) break;
  }
  return t;
}

/**
 * A form's label texts recur on every form of a pack (`Exec Lead(s):`, `Financial Recovery
 * Value (£000)`), and finding a hint folds the text and runs a regular expression over it:
 * the answers for short texts are remembered. Bounded, and the same with or without it.
 */
const hints = new Map<string, string | null>();

export function labelHint(text: string): string | null {
  if (typeof text !== "string") return null;
  // A hint is a (…) or […] group, and folding makes no bracket: most labels have none.
  if (!text.includes("(") && !text.includes("[")) return null;
  return remembered(hints, text, hintUncached);
}

function hintUncached(text: string): string | null {
  const found: string[] = [];
  for (const m of fold(text).matchAll(HINT)) {
    const round = optionalGroup(m, 3);
    const inner = (round ?? optionalGroup(m, 4) ?? "").trim();
    if (round !== undefined && isPluralMarker(optionalGroup(m, 1), inner)) continue;
    if (inner !== "") found.push(inner);
  }
  return found.length === 0 ? null : found.join(" ");
}

/** Each label list's normal forms, worked out once per list (the lists are the readers' constants). */
const labelSets = new WeakMap<readonly string[], Set<string>>();

/**
 * True where a normal form (normaliseLabel's) is one of the labels': matchesLabel for a
 * reader that already holds the text's normal form (the label search keeps each cell's).
 */
export function isLabelKey(key: string, labels: readonly string[]): boolean {
  if (key === "") return false;
  let set = labelSets.get(labels);
  if (!set) {
    set = new Set(labels.map(normaliseLabel));
    // Keyed by the list itself: the readers' lists are constants, never changed after use.
    labelSets.set(labels, set);
  }
  return set.has(key);
}

export function matchesLabel(text: string, labels: readonly string[]): boolean {
  return isLabelKey(normaliseLabel(text), labels);
}

/** True where a normal form begins with one of the prefixes': beginsWithLabel given the text's normal form. */
export function keyBeginsWithLabel(key: string, prefixes: readonly string[]): boolean {
  if (key === "") return false;
  return prefixes.some((p) => {
    const n = normaliseLabel(p);
    return n !== "" && key.startsWith(n);
  });
}

export function beginsWithLabel(text: string, prefixes: readonly string[]): boolean {
  return keyBeginsWithLabel(normaliseLabel(text), prefixes);
}

export function splitLabelValue(text: string): { label: string; value: string | null } {
  if (typeof text !== "string") return { label: "", value: null };
  const i = text.indexOf(":");
  if (i < 0) return { label: fold(text), value: null };
  const value = cleanText(text.slice(i + 1));
  return { label: fold(text.slice(0, i)), value: value === "" ? null : value };
}
