/**
 * The styles part (ECMA-376 Part 1 §18.8): each cell format's (`cellXfs/xf`) number format
 * code and solid fill colour. Built-in number format ids are given their codes here, since
 * a file names them by id alone (§18.8.30).
 */
import { isDateFormat } from "../../core/values/formats";
import { resolveColor, type ColorSpec, type Palette } from "./colors";
import { parseXml } from "./xml";

/**
 * Built-in number formats. The ids of §18.8.30's "All Languages" table have its codes; the
 * ids it leaves to the application's language have the codes a UK English Excel shows
 * (5–8 and 41–44: pounds and accounting formats); the East Asian date and time ids
 * (27–36, 50–58, defined only in the spec's Chinese, Japanese, Korean and Thai tables)
 * are dates or times in every one of them, so they read as plain date or time codes.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"£"#,##0;\\-"£"#,##0',
  6: '"£"#,##0;[Red]\\-"£"#,##0',
  7: '"£"#,##0.00;\\-"£"#,##0.00',
  8: '"£"#,##0.00;[Red]\\-"£"#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: "yyyy-mm-dd",
  28: "yyyy-mm-dd",
  29: "yyyy-mm-dd",
  30: "yyyy-mm-dd",
  31: "yyyy-mm-dd",
  32: "h:mm",
  33: "h:mm:ss",
  34: "h:mm",
  35: "h:mm:ss",
  36: "yyyy-mm-dd",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-',
  42: '_-"£"* #,##0_-;\\-"£"* #,##0_-;_-"£"* "-"_-;_-@_-',
  43: '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-',
  44: '_-"£"* #,##0.00_-;\\-"£"* #,##0.00_-;_-"£"* "-"??_-;_-@_-',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: "yyyy-mm-dd",
  51: "yyyy-mm-dd",
  52: "yyyy-mm-dd",
  53: "yyyy-mm-dd",
  54: "yyyy-mm-dd",
  55: "h:mm",
  56: "h:mm:ss",
  57: "yyyy-mm-dd",
  58: "yyyy-mm-dd",
};

/** True where a format shows a calendar date (not a time of day or a duration alone). */
function showsDate(format: string | undefined): boolean {
  if (!isDateFormat(format)) return false;
  const code = (format ?? "")
    .split(";")[0]
    .replace(/"[^"]*"|\[[^\]]*]|\\.|_.|\*./g, "")
    .toLowerCase();
  // y and d are always dates; m is minutes beside h or s (as Excel reads it), else months.
  return /[yd]/.test(code) || (/m/.test(code) && !/[hs]/.test(code));
}

export interface CellStyle {
  /** The number format code; undefined for General. */
  format?: string;
  /** The solid fill colour, RRGGBB. */
  fill?: string;
  /** The format is a date or time format. */
  dateTime: boolean;
  /** The format shows a calendar date (not only a time of day or a duration). */
  date: boolean;
}

export interface Styles {
  /** The style of `cellXfs` entry `index` (a cell's `s`); the default style where there is none. */
  style(index: number): CellStyle;
  /** True where any cell format has a solid fill given as a theme colour. */
  readonly needsTheme: boolean;
}

const PLAIN: CellStyle = { dateTime: false, date: false };

/** An array's item or undefined (the compiler types a[i] as always there). */
function item<T>(a: readonly T[], i: number): T | undefined {
  return a[i];
}

function builtIn(id: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_FORMATS, id) ? BUILT_IN_FORMATS[id] : undefined;
}

interface RawXf {
  numFmtId: number;
  fillId: number;
}

interface RawFill {
  solid: boolean;
  fg?: ColorSpec;
}

/** Parses styles.xml; `palette(theme)` is asked only when a fill needs the theme's colours. */
export function readStyles(xml: string | null): StyleSheet {
  const sheet = new StyleSheet();
  if (xml !== null) sheet.parse(xml);
  return sheet;
}

export class StyleSheet implements Styles {
  private readonly formats = new Map<number, string>();
  private readonly xfs: RawXf[] = [];
  private readonly fills: RawFill[] = [];
  private readonly indexed: string[] = [];
  private resolved: CellStyle[] | null = null;
  private palette: Palette = { indexed: [], theme: [] };

  parse(xml: string): void {
    // Where we are: the list element (cellXfs, fills, ...) a child belongs to.
    let list = "";
    let fill: RawFill | null = null;
    let depth = 0;
    let listDepth = 0;
    parseXml(xml, {
      open: (el) => {
        depth++;
        if (el.ns !== "main" && el.ns !== "") return;
        if (depth === 2) {
          list = el.local;
          listDepth = depth;
          return;
        }
        if (list === "numFmts" && el.local === "numFmt") {
          const id = Number(el.attrs.numFmtId);
          if (Number.isInteger(id) && el.attrs.formatCode !== undefined) this.formats.set(id, el.attrs.formatCode);
        } else if (list === "cellXfs" && el.local === "xf" && depth === listDepth + 1) {
          this.xfs.push({ numFmtId: Number(el.attrs.numFmtId ?? 0), fillId: Number(el.attrs.fillId ?? 0) });
        } else if (list === "fills") {
          if (el.local === "fill" && depth === listDepth + 1) {
            fill = { solid: false };
            this.fills.push(fill);
          } else if (fill && el.local === "patternFill") {
            fill.solid = el.attrs.patternType === "solid";
          } else if (fill && el.local === "fgColor") {
            fill.fg = el.attrs;
          }
        } else if (list === "colors" && el.local === "rgbColor") {
          const rgb = el.attrs.rgb ?? "";
          this.indexed.push(/^[0-9a-fA-F]{8}$/.test(rgb) ? rgb.slice(2).toUpperCase() : /^[0-9a-fA-F]{6}$/.test(rgb) ? rgb.toUpperCase() : "");
        }
      },
      close: () => {
        depth--;
        if (depth < 2) list = "";
        if (list === "fills" && depth === listDepth) fill = null;
      },
    });
  }

  get needsTheme(): boolean {
    return this.xfs.some((xf) => {
      const f = item(this.fills, xf.fillId);
      return f !== undefined && f.solid && f.fg?.theme !== undefined;
    });
  }

  /** The theme's colours, for theme-coloured fills; call before the first style(). */
  useTheme(theme: readonly string[]): void {
    this.palette = { indexed: this.indexed, theme };
    this.resolved = null;
  }

  style(index: number): CellStyle {
    if (!this.resolved) {
      if (this.palette.indexed !== this.indexed) this.palette = { indexed: this.indexed, theme: this.palette.theme };
      this.resolved = this.xfs.map((xf) => this.resolve(xf));
    }
    return item(this.resolved, index) ?? item(this.resolved, 0) ?? PLAIN;
  }

  private resolve(xf: RawXf): CellStyle {
    const id = xf.numFmtId;
    const code = this.formats.get(id) ?? builtIn(id);
    const format = code === undefined || /^general$/i.test(code.trim()) ? undefined : code;
    const f = item(this.fills, xf.fillId);
    const fill = f?.solid && f.fg ? resolveColor(f.fg, this.palette) : undefined;
    const out: CellStyle = { dateTime: isDateFormat(format), date: showsDate(format) };
    if (format !== undefined) out.format = format;
    if (fill !== undefined) out.fill = fill;
    return out;
  }
}
