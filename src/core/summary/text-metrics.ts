/**
 * Text measured as Calibri draws it: widths from Calibri's advance widths (calibri-metrics.ts,
 * read from Carlito, which shares them), line heights from its vertical metrics, and the
 * lines a cell's text wraps onto. Used to size rows so every line of wrapped text shows in
 * Excel and LibreOffice alike, and to size columns so a number never shows as `###`.
 *
 * Deliberately on the safe side: words break only at spaces and line breaks (applications
 * also break after hyphens and slashes, which can only save lines), kerning is ignored
 * (it only narrows text), and widths carry a small allowance for the hinting of screen fonts.
 */
import { ADVANCES, CODE_POINTS, LINE_UNITS, UNITS_PER_EM } from "./calibri-metrics";
import { isSpace, SPACE_UNITS } from "../white-space";

export interface FontSpec {
  /** Points. */
  size: number;
  bold?: boolean;
  italic?: boolean;
}

type Style = keyof typeof ADVANCES;

const INDEX = new Map<number, number>(CODE_POINTS.map((cp, i) => [cp, i]));
/** A character the table lacks is measured as a full em: wider than any Latin letter, so safe. */
const UNKNOWN = UNITS_PER_EM;
/** Hinted screen text can come out a little wider than the outlines' own widths. */
const HINTING_ALLOWANCE = 1.04;

function styleOf(font: FontSpec): Style {
  if (font.bold && font.italic) return "boldItalic";
  if (font.bold) return "bold";
  return font.italic ? "italic" : "regular";
}

function advance(cp: number, style: Style): number {
  // A no-break space is drawn as a space.
  const i = INDEX.get(cp === 0xa0 ? 0x20 : cp);
  return i === undefined ? UNKNOWN : ADVANCES[style][i];
}

/** The highest code point measured: every character above it is UNKNOWN. */
const LAST_CODE_POINT = Math.max(...CODE_POINTS);

/**
 * Advances by code point in one array per style (made when first needed), so a
 * summary's hundreds of thousands of measured characters cost an index each, not a Map look-up.
 * Filled as `advance` measures: UNKNOWN, then the font's own characters, then the no-break
 * space (not `advance` asked 8,806 times: ~2 ms of every build, in the interpreter).
 */
const TABLES = new Map<Style, Uint16Array>();
function tableOf(style: Style): Uint16Array {
  let t = TABLES.get(style);
  if (t === undefined) {
    t = new Uint16Array(LAST_CODE_POINT + 1).fill(UNKNOWN);
    const advances = ADVANCES[style];
    for (let i = 0; i < CODE_POINTS.length; i++) t[CODE_POINTS[i]] = advances[i];
    if (0xa0 <= LAST_CODE_POINT) t[0xa0] = advance(0xa0, style);
    TABLES.set(style, t);
  }
  return t;
}

/** A word table's mark for white space: no advance is this wide (the widest is an em, 2048). */
const SPACE = 0xffff;

/**
 * tableOf's advances with white space (isSpace) marked SPACE, for widestWord: its loop over
 * a summary's million texts tested each character with isSpace, which the command line's
 * bundle reaches in another chunk through a getter a call (~40-70 ms of register-100000's
 * build in the look-up and call, against one load here).
 */
const WORD_TABLES = new Map<Style, Uint16Array>();
function wordTableOf(style: Style): Uint16Array {
  let t = WORD_TABLES.get(style);
  if (t === undefined) {
    t = tableOf(style).slice();
    for (const c of SPACE_UNITS) if (c <= LAST_CODE_POINT) t[c] = SPACE;
    WORD_TABLES.set(style, t);
  }
  return t;
}

/**
 * The font units of `text` from `from` to `to` (exclusive). Whole font units: the sum is
 * exact in any order. Code points, as `for of` gives them: a surrogate pair is one
 * character (beyond the table: UNKNOWN), a lone surrogate too.
 */
function unitsOf(text: string, from: number, to: number, table: Uint16Array): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c <= LAST_CODE_POINT) units += table[c];
    else {
      units += UNKNOWN;
      i += codePointLength(text, i, to) - 1;
    }
  }
  return units;
}

/** Points from font units at a size. */
const points = (units: number, font: FontSpec) => (units / UNITS_PER_EM) * font.size * HINTING_ALLOWANCE;

/** The width of one line of text, in points. */
export function textWidth(text: string, font: FontSpec): number {
  return points(unitsOf(text, 0, text.length, tableOf(styleOf(font))), font);
}

/**
 * The height one line of wrapped text takes at a size, in points, as Excel lays it out (the
 * taller of the two applications): the font's line (winAscent + winDescent) in whole pixels
 * at 96 dpi, plus a pixel above and below. Calibri 11: 20 px, 15 pt, Excel's own row height.
 * LibreOffice spaces lines closer (about 1.0 em), so its rows show a little room below.
 */
export function lineHeight(size: number): number {
  const px = (size * 96) / 72;
  return (Math.ceil((px * LINE_UNITS) / UNITS_PER_EM) + 2) * 0.75;
}

/**
 * The lines `text` wraps onto in `width` points: line breaks kept, words placed greedily,
 * a word wider than the line broken between characters (as both applications do).
 */
export function wrapLines(text: string, width: number, font: FontSpec): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(" ");
    let line = "";
    for (const word of words) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (textWidth(candidate.trimEnd(), font) <= width) {
        line = candidate;
        continue;
      }
      if (line !== "") out.push(line);
      // A word wider than the line is cut between characters (code points: a letter is never halved).
      let rest = word;
      while (rest !== "" && textWidth(rest, font) > width) {
        let n = 1;
        const chars = Array.from(rest);
        while (n < chars.length && textWidth(chars.slice(0, n + 1).join(""), font) <= width) n++;
        out.push(chars.slice(0, n).join(""));
        rest = chars.slice(n).join("");
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

/**
 * How many lines `text` wraps onto (wrapLines(…).length), without making them where it
 * fits on one: every line wrapLines tries is a prefix of the text, no wider than the
 * whole, so a text with no line break that fits whole is one line.
 */
export function wrappedLineCount(text: string, width: number, font: FontSpec): number {
  const plain = plainLineCount(text, width, font);
  if (plain !== null) return plain;
  if (!text.includes("\n") && textWidth(text.trimEnd(), font) <= width) return 1;
  return countLines(text, width, font);
}

/**
 * wrapLines(…).length in one pass over the usual text: words of characters in the table,
 * one space between each, no other white space, no line break, no word wider than the
 * line. Then every candidate line is words and single spaces, with nothing to trim, and its
 * units are the line's, a space's and the word's. Null for any other text (countLines').
 */
function plainLineCount(text: string, width: number, font: FontSpec): number | null {
  const table = tableOf(styleOf(font));
  const spaceUnits = table[0x20];
  let count = 1;
  let lineUnits = 0;
  let lineEmpty = true;
  let wordUnits = 0;
  let wordStart = 0;
  for (let i = 0; i <= text.length; i++) {
    // The text's end closes its last word as a space would.
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c === 0x20) {
      // An empty word: a space leading, trailing or doubled, or no text.
      if (i === wordStart) return null;
      const candidate = lineEmpty ? wordUnits : lineUnits + spaceUnits + wordUnits;
      if (points(candidate, font) <= width) {
        lineUnits = candidate;
        lineEmpty = false;
      } else {
        // A word wider than the line is cut (countLines); else it starts the next line.
        if (lineEmpty || points(wordUnits, font) > width) return null;
        count++;
        lineUnits = wordUnits;
      }
      wordUnits = 0;
      wordStart = i + 1;
    } else if (c < 0x20 || c > LAST_CODE_POINT || (c >= 0xa0 && isSpace(c))) return null;
    else wordUnits += table[c];
  }
  return count;
}

/**
 * wrapLines(…).length, counted in place: a summary's long texts (100,000 actions) made no
 * candidate string a word nor line strings. Every line wrapLines makes is a stretch of one
 * paragraph (words joined by the single spaces between them, or the rest of a cut word), so
 * it is kept as a start and its font units: units add up across a space, and across any
 * boundary but inside a surrogate pair, which no boundary here falls in.
 */
function countLines(text: string, width: number, font: FontSpec): number {
  const table = tableOf(styleOf(font));
  const spaceUnits = table[0x20];
  const fits = (units: number) => points(units, font) <= width;
  let count = 0;
  for (let paragraphStart = 0; ; ) {
    const newline = text.indexOf("\n", paragraphStart);
    const lineEnd = newline === -1 ? text.length : newline;
    // split(/\r?\n/): a carriage return before the line feed goes with it.
    const end = newline !== -1 && lineEnd > paragraphStart && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    // The line being filled: text[lineStart, lineStart + lineLength), its units untrimmed.
    let lineStart = paragraphStart;
    let lineLength = 0;
    let lineUnits = 0;
    for (let wordStart = paragraphStart; ; ) {
      let wordEnd = text.indexOf(" ", wordStart);
      if (wordEnd === -1 || wordEnd > end) wordEnd = end;
      const wordUnits = unitsOf(text, wordStart, wordEnd, table);
      // The candidate (line, a space, the word) is text[from, wordEnd); measured without its trailing white space.
      const from = lineLength === 0 ? wordStart : lineStart;
      const candidateUnits = lineLength === 0 ? wordUnits : lineUnits + spaceUnits + wordUnits;
      let trimmed = wordEnd;
      while (trimmed > from && isSpace(text.charCodeAt(trimmed - 1))) trimmed--;
      if (fits(candidateUnits - unitsOf(text, trimmed, wordEnd, table))) {
        lineStart = from;
        lineLength = wordEnd - from;
        lineUnits = candidateUnits;
      } else {
        if (lineLength !== 0) count++;
        // A word wider than the line is cut between code points, as many to a line as fit (at least one).
        let restStart = wordStart;
        let restUnits = wordUnits;
        while (restStart < wordEnd && !fits(restUnits)) {
          let at = restStart + codePointLength(text, restStart, wordEnd);
          let prefix = unitsOf(text, restStart, at, table);
          while (at < wordEnd) {
            const next = at + codePointLength(text, at, wordEnd);
            const more = prefix + unitsOf(text, at, next, table);
            if (!fits(more)) break;
            prefix = more;
            at = next;
          }
          count++;
          restStart = at;
          restUnits -= prefix;
        }
        lineStart = restStart;
        lineLength = wordEnd - restStart;
        lineUnits = restUnits;
      }
      if (wordEnd >= end) break;
      wordStart = wordEnd + 1;
    }
    count++;
    if (newline === -1) return count;
    paragraphStart = newline + 1;
  }
}

/** 2 for a surrogate pair at `i` (before `end`), else 1: a code point, as Array.from splits text. */
function codePointLength(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * The width of the widest word (what a column of wrapped text needs so no word is cut):
 * the widest of `text.split(/\s+/)`, measured in place in one pass (a summary measures a
 * million cells). The widest in font units is the widest in points: points() only scales
 * by positive factors, and rounding keeps that order.
 */
export function widestWord(text: string, font: FontSpec): number {
  const table = wordTableOf(styleOf(font));
  let max = 0;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= LAST_CODE_POINT) {
      const u = table[c];
      if (u !== SPACE) {
        units += u;
        continue;
      }
    } else if (!isSpace(c)) {
      // Beyond the table: as unitsOf counts it.
      units += UNKNOWN;
      i += codePointLength(text, i, text.length) - 1;
      continue;
    }
    // White space ends a word.
    if (units > max) max = units;
    units = 0;
  }
  return points(units > max ? units : max, font);
}

/** The width of the widest line when nothing wraps: the widest of `text.split(/\r?\n/)`, measured in place in one pass. */
export function widestLine(text: string, font: FontSpec): number {
  const table = tableOf(styleOf(font));
  let max = 0;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      // split(/\r?\n/): a carriage return before the line feed goes with it.
      const line = i > 0 && text.charCodeAt(i - 1) === 0x0d ? units - table[0x0d] : units;
      if (line > max) max = line;
      units = 0;
    } else if (c <= LAST_CODE_POINT) units += table[c];
    else {
      units += UNKNOWN;
      i += codePointLength(text, i, text.length) - 1;
    }
  }
  return points(units > max ? units : max, font);
}
