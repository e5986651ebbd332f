/**
 * A shared formula's text in another cell of its range (ECMA-376 Part 1 §18.3.1.40: the
 * cells of a shared formula hold the master's formula with its relative references moved
 * by the cell's offset). Only A1 references move: text in double quotes, quoted sheet
 * names, structured references in brackets and names are left alone; a name can never look
 * like a cell reference (Excel refuses such names), and a function name is followed by "(".
 * The result is informational (the snapshot's `formula`); values are the cached results.
 */

const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

/** Cell references, whole columns (A:C) and whole rows (3:5), with their anchors. */
const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.])|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(.])|(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w(.])/y;

/** Moves a formula's relative references by `dRow` rows and `dCol` columns; #REF! where one falls off the sheet. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const moveCol = (abs: string, letters: string): string | null => {
    const n = colNumber(letters.toUpperCase());
    if (abs) return abs + letters.toUpperCase();
    const m = n + dCol;
    return m < 1 || m > MAX_COL ? null : colLetters(m);
  };
  const moveRow = (abs: string, digits: string): string | null => {
    const n = Number(digits);
    if (abs) return abs + digits;
    const m = n + dRow;
    return m < 1 || m > MAX_ROW ? null : String(m);
  };
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      // A string literal or a quoted sheet name; a doubled quote stays inside it.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === c) {
          if (formula[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "[") {
      // A structured reference (Table1[[#This Row],[Amount]]) or an external book index.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    if (!/[\w.]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        let moved: string | null;
        const groups: (string | undefined)[] = m;
        if (groups[2] !== undefined) {
          const col = colNumber(m[2].toUpperCase());
          const row = Number(m[4]);
          if (col > MAX_COL || row < 1 || row > MAX_ROW) moved = m[0];
          else {
            const a = moveCol(m[1], m[2]);
            const b = moveRow(m[3], m[4]);
            moved = a === null || b === null ? null : a + b;
          }
        } else if (groups[6] !== undefined) {
          const a = moveCol(m[5], m[6]);
          const b = moveCol(m[7], m[8]);
          moved = a === null || b === null ? null : `${a}:${b}`;
        } else {
          const a = moveRow(m[9], m[10]);
          const b = moveRow(m[11], m[12]);
          moved = a === null || b === null ? null : `${a}:${b}`;
        }
        out += moved ?? "#REF!";
        i += m[0].length;
        continue;
      }
    }
    // Skip the rest of a word (a function or a name) in one go, so its tail is not read as a reference.
    if (/[\w.]/.test(c)) {
      let j = i + 1;
      while (j < formula.length && /[\w.]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
