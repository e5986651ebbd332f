/**
 * Actions by ref (refs compare as `refKey` folds them: standard-templates.md §4), the first
 * met kept: what reconcile asks of every action. A register line that gives no ref has
 * `<sheet> row <n>` for one (records.ts refOf; its ref is null, and no such text is read
 * here), and a 100,000-line register made a folded copy of each and a
 * map of 100,000 strings. Keys of that shape, `<prefix> row <digits>`, are kept by prefix
 * and row number instead (an array by row), and such a line's key is never written out:
 * its prefix is its sheet's name folded, once a sheet. Every other key is kept whole. The
 * shape splits a key one way only (at its last ` row `), so two actions meet here exactly
 * where their folded refs are equal (tests/core/readers/ref-index.test.ts holds this to a
 * map of folded refs).
 */
import { foldName, isTidyAscii } from "../names";
import { refOf, type RecoveryAction } from "../records";

const ROW = " row ";
/** Longest row number kept by number (exact in a double, and far past Excel's rows). */
const MAX_DIGITS = 15;
const MAX_ROW = 10 ** MAX_DIGITS - 1;

/** The value of text[from…] where it is a whole number as String writes one (no sign, no leading zero); -1 otherwise. */
function rowNumberAt(text: string, from: number): number {
  const n = text.length - from;
  if (n < 1 || n > MAX_DIGITS || (n > 1 && text.charCodeAt(from) === 48)) return -1;
  let value = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

export class RefIndex {
  private readonly byKey = new Map<string, RecoveryAction>();
  private readonly byRow = new Map<string, (RecoveryAction | undefined)[]>();
  /** The last sheet met and its name folded (lines come sheet by sheet). */
  private sheet: string | null = null;
  private sheetKey = "";
  /** The row number keyOf found, -1 where the key is kept whole (a field, not a pair made an action). */
  private row = -1;

  /** Where the action's folded ref is `<prefix> row <n>`: the prefix, with n in `row`; else the folded ref, with `row` -1. */
  private keyOf(a: RecoveryAction): string {
    const { ref, sheet } = a;
    if (ref === null) {
      // A register line that gives no ref, `<sheet> row <row>` (refOf): its row is taken as
      // it is, where the text's digits would have been read as that number.
      const row = a.row;
      if (sheet !== "" && Number.isInteger(row) && row >= 0 && row <= MAX_ROW && this.lowerCasedOnly(sheet)) {
        this.row = row;
        return this.sheetKey;
      }
      return this.keyOfText(refOf(a));
    }
    // A ref written `<sheet> row <n>`, on a sheet whose name folding only lower-cases: the
    // folded ref is the folded name, ` row ` and n.
    if (sheet !== "" && ref.length > sheet.length + ROW.length && ref.startsWith(sheet) && ref.startsWith(ROW, sheet.length)) {
      const n = rowNumberAt(ref, sheet.length + ROW.length);
      if (n >= 0 && this.lowerCasedOnly(sheet)) {
        this.row = n;
        return this.sheetKey;
      }
    }
    return this.keyOfText(ref);
  }

  /** True where folding the sheet's name only lower-cases it; the name folded is then `sheetKey`. */
  private lowerCasedOnly(sheet: string): boolean {
    if (sheet === this.sheet) return true;
    if (!isTidyAscii(sheet)) return false;
    this.sheet = sheet;
    this.sheetKey = sheet.toLowerCase();
    return true;
  }

  /** keyOf for a ref's text, folded whole. */
  private keyOfText(ref: string): string {
    const key = foldName(ref);
    const at = key.lastIndexOf(ROW);
    this.row = at < 0 ? -1 : rowNumberAt(key, at + ROW.length);
    return this.row < 0 ? key : key.slice(0, at);
  }

  /** The first action kept with the same ref as `a`; undefined where there is none, and `a` is kept as the first. */
  firstOrAdd(a: RecoveryAction): RecoveryAction | undefined {
    const key = this.keyOf(a);
    const row = this.row;
    if (row < 0) {
      const first = this.byKey.get(key);
      if (first === undefined) this.byKey.set(key, a);
      return first;
    }
    let rows = this.byRow.get(key);
    if (rows === undefined) {
      rows = [];
      this.byRow.set(key, rows);
    }
    const first = rows[row];
    if (first === undefined) rows[row] = a;
    return first;
  }

  /** True where an action with the same ref as `a` is kept. */
  has(a: RecoveryAction): boolean {
    const key = this.keyOf(a);
    return this.row < 0 ? this.byKey.has(key) : this.byRow.get(key)?.[this.row] !== undefined;
  }

  get size(): number {
    return this.byKey.size + this.byRow.size;
  }
}
