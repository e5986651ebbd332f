/** Measures (§5): the bullet points of the Measure cell. */
import { remembered } from "../../remembered";
import { isSpace } from "../../white-space";

/** The bullets a measure cell splits at anywhere: • ○ ◦ ● ▪ ■ ·. */
function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x25cb || c === 0x25e6 || c === 0x25cf || c === 0x25aa || c === 0x25a0 || c === 0xb7;
}

/** `-`, `–` or `*`: a marker at a line's start when white space follows it. */
function isLineMarker(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2a;
}

/**
 * The piece text[from, to) with its white space run together and trimmed, added where not
 * empty: a slice where it has no white space to fold (most measures), else built.
 */
function addMeasure(out: string[], text: string, from: number, to: number): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from === to) return;
  let tidy = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) && (c !== 0x20 || isSpace(text.charCodeAt(i + 1)))) {
      tidy = false;
      break;
    }
  }
  if (tidy) {
    out.push(text.slice(from, to));
    return;
  }
  let m = "";
  let word = from;
  let i = from;
  while (i < to) {
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    m += text.slice(word, i) + " ";
    while (isSpace(text.charCodeAt(i))) i++;
    word = i;
  }
  out.push(m + text.slice(word, to));
}

/**
 * Split on `•`/`○` (and kin) anywhere, `-`/`*` at a line's start, and line breaks (`\r\n`,
 * `\r`, `\n`): each line, less its marker (white space, the marker, white space), split at
 * its bullets; each piece's white space (what `\s` matches) run together and trimmed; empty
 * pieces dropped. One scan of the text, no list a line and no expression: a measure cell
 * is on every row of a long report (tests/core/readers/measures-split.test.ts holds the
 * scan to the rule written with regular expressions).
 */
export function splitMeasures(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let line = 0;
  for (;;) {
    let end = line;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    // The body starts after the line's leading white space (trimmed from its first piece
    // anyway), and after a marker followed by white space.
    let body = line;
    while (body < end && isSpace(text.charCodeAt(body))) body++;
    if (body + 1 < end && isLineMarker(text.charCodeAt(body)) && isSpace(text.charCodeAt(body + 1))) body += 2;
    let piece = body;
    for (let i = body; i < end; i++) {
      if (!isBullet(text.charCodeAt(i))) continue;
      addMeasure(out, text, piece, i);
      piece = i + 1;
    }
    addMeasure(out, text, piece, end);
    if (end >= n) return out;
    line = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  }
}

/** splitMeasures, each distinct text split once (at most 1,024 kept: a report repeats a few). */
const splitOnce = remembered<string, readonly string[]>(splitMeasures, 1_024);

/**
 * splitMeasures of a Measure cell's text, each distinct text split once: a report's Measure
 * column often says the same on every row (the same two measures down 50,000 rows of the
 * bench's directions, a cell of shared text each, so the look-up is the string's own). The
 * list kept for the text: every direction of that text holds the same one (a list a
 * direction was 3 MB of a 50,000-row report, all of it kept to the end), so no one may
 * change it (the direction builder copies it before adding a second row's).
 */
export function measuresOf(text: string): readonly string[] {
  return splitOnce(text);
}
