/**
 * How wide a cell's shown text is, for sizing its column: the widest word where the cell
 * wraps, else the widest line. A figure or date is measured once for each value, format,
 * font and wrap, then found again: a register of 100,000 lines shows 400,000 figures that
 * are a thousand distinct ones, each formatted (grouped, rounded, a pound sign) to be measured.
 */
import { shownText } from "./cells";
import type { CellContent, NumberFormatKind } from "./sheet-model";
import { widestLine, widestWord, type FontSpec } from "./text-metrics";

/** The plain rule: the shown text, measured. */
export function shownWidth(content: CellContent, format: NumberFormatKind | undefined, font: FontSpec, wrap: boolean): number {
  const shown = shownText(content, format);
  return wrap ? widestWord(shown, font) : widestLine(shown, font);
}

/** Each number format by a small number, for the memo's keys (0: none). */
const FORMAT_NUMBERS: Record<NumberFormatKind, number> = { money: 1, percent: 2, percent1: 3, date: 4, integer: 5, count: 6, decimal1: 7, text: 8 };

/** shownWidth, remembered for figures and dates by value (a font is one shared object a look). */
export class ShownWidths {
  private readonly memo = new Map<FontSpec, Map<number, Map<number | string, number>>>();

  of(content: CellContent, format: NumberFormatKind | undefined, font: FontSpec, wrap: boolean): number {
    const key = content.kind === "number" ? content.value : content.kind === "date" ? content.iso : null;
    // -0 is the same key as 0 to a Map, but may show as "-0".
    if (key === null || Object.is(key, -0)) return shownWidth(content, format, font, wrap);
    let byLook = this.memo.get(font);
    if (byLook === undefined) this.memo.set(font, (byLook = new Map<number, Map<number | string, number>>()));
    // A number and a date never share a key: one is a number, the other a string.
    const look = (format === undefined ? 0 : FORMAT_NUMBERS[format]) * 2 + (wrap ? 1 : 0);
    let byValue = byLook.get(look);
    if (byValue === undefined) byLook.set(look, (byValue = new Map<number | string, number>()));
    let width = byValue.get(key);
    if (width === undefined) byValue.set(key, (width = shownWidth(content, format, font, wrap)));
    return width;
  }
}
