/**
 * Cell styles for the sheets we add, appended after the workbook's own: new fonts, fills,
 * borders, number formats (fresh ids from 164) and cellXfs are inserted before each list's
 * end tag, with the list's `count` brought up to date. Every existing style keeps its
 * index and its text, so no cell of the user's changes its look. Every font we add names
 * Calibri explicitly: the summaries look the same whatever the workbook's own default.
 */
import type { CellStyle } from "../../core/summary/sheet-model";
import { attrs, attrValueSpan, childrenNamed, escapeXml, firstChild, qualify, scanXml, Splice, type XmlElement } from "./xml-splice";

/** The font every cell we write uses unless its style says otherwise. */
const FONT_NAME = "Calibri";
const FONT_SIZE = 11;

/** The link look when the model gives none: Excel's Hyperlink style. */
const LINK_COLOUR = "0563C1";

/** Number formats every workbook has without declaring them (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** The first id a workbook may give its own number formats. */
const FIRST_CUSTOM_FORMAT = 164;

/** A cell's complete look, as one cellXfs entry. */
export interface XfSpec {
  /** Excel number format code; undefined for General. */
  numFmt?: string;
  style?: CellStyle;
  /** An in-document link: underlined, in the link colour unless the style gives one. */
  link?: boolean;
  /** Colour of the thin border (RRGGBB) when the style asks for one; automatic otherwise. */
  borderColour?: string;
}

/** The parts of styles.xml that matter to what we append. */
interface ExistingStyles {
  fonts: number;
  fills: number;
  borders: number;
  cellXfs: number;
  cellStyleXfs: number;
  /** Custom number formats already declared: code → id. */
  formats: Map<string, number>;
  maxFormatId: number;
}

/** The order of styleSheet's children (CT_Stylesheet), for placing a list that is missing. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

const argb = (rgb: string) => `FF${rgb}`;

function readExisting(els: XmlElement[]): ExistingStyles {
  const root = els.at(0);
  const count = (local: string, child: string) => {
    const list = root ? firstChild(els, root, local) : undefined;
    return list ? childrenNamed(els, list, child).length : 0;
  };
  const formats = new Map<string, number>();
  let maxFormatId = FIRST_CUSTOM_FORMAT - 1;
  const numFmts = root ? firstChild(els, root, "numFmts") : undefined;
  if (numFmts) {
    for (const f of childrenNamed(els, numFmts, "numFmt")) {
      const id = Number(f.attrs.numFmtId);
      if (!Number.isInteger(id)) continue;
      if (!formats.has(f.attrs.formatCode ?? "")) formats.set(f.attrs.formatCode ?? "", id);
      maxFormatId = Math.max(maxFormatId, id);
    }
  }
  return {
    fonts: count("fonts", "font"),
    fills: count("fills", "fill"),
    borders: count("borders", "border"),
    cellXfs: count("cellXfs", "xf"),
    cellStyleXfs: count("cellStyleXfs", "xf"),
    formats,
    maxFormatId,
  };
}

/**
 * Collects the looks of the cells we write and gives each its cellXfs index; then
 * `apply` appends them to the workbook's styles part. One book per build.
 */
export class StyleBook {
  private readonly existing: ExistingStyles;
  private readonly els: XmlElement[];
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly borders = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly newFormats = new Map<string, number>();
  private readonly added = { fonts: [] as string[], fills: [] as string[], borders: [] as string[], xfs: [] as string[], numFmts: [] as string[] };

  /** `stylesXml` is the workbook's styles part as it is (or a skeleton's). */
  constructor(
    private readonly stylesXml: string,
    partName: string,
  ) {
    this.els = scanXml(stylesXml, partName, 2);
    this.existing = readExisting(this.els);
    // Index 0 of each list (and fill 1) is the workbook's default, used by every cell that
    // names no style: where a damaged part lacks them, Excel's defaults go first, so no
    // cell of the user's takes one of our looks.
    const q = (local: string) => qualify(this.prefix, local);
    if (this.existing.fonts === 0) this.added.fonts.push(`<${q("font")}><${q("sz")} val="${FONT_SIZE}"/><${q("name")} val="${FONT_NAME}"/><${q("family")} val="2"/></${q("font")}>`);
    if (this.existing.fills === 0) this.added.fills.push(`<${q("fill")}><${q("patternFill")} patternType="none"/></${q("fill")}>`);
    if (this.existing.fills < 2) this.added.fills.push(`<${q("fill")}><${q("patternFill")} patternType="gray125"/></${q("fill")}>`);
    if (this.existing.borders === 0) this.added.borders.push(`<${q("border")}><${q("left")}/><${q("right")}/><${q("top")}/><${q("bottom")}/><${q("diagonal")}/></${q("border")}>`);
    if (this.existing.cellXfs === 0) this.added.xfs.push(`<${q("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  /** True once a look has been asked for. */
  private requested = false;

  /** The cellXfs index for a look, adding what it needs. */
  xf(spec: XfSpec): number {
    this.requested = true;
    const numFmtId = this.formatId(spec.numFmt);
    const fontId = this.fontId(spec);
    const fillId = spec.style?.fill ? this.fillId(spec.style.fill) : 0;
    const borderId = spec.style?.border ? this.borderId(spec.borderColour) : 0;
    const s = spec.style ?? {};
    const align: Record<string, string | undefined> = {
      horizontal: s.align,
      vertical: s.verticalAlign === "middle" ? "center" : s.verticalAlign,
      wrapText: s.wrap ? "1" : undefined,
    };
    const hasAlign = Object.values(align).some((v) => v !== undefined);
    const key = `${numFmtId}|${fontId}|${fillId}|${borderId}|${JSON.stringify(align)}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const open =
      `<${qualify(p, "xf")}` +
      attrs({
        numFmtId,
        fontId,
        fillId,
        borderId,
        xfId: 0,
        applyNumberFormat: numFmtId ? 1 : undefined,
        applyFont: 1,
        applyFill: fillId ? 1 : undefined,
        applyBorder: borderId ? 1 : undefined,
        applyAlignment: hasAlign ? 1 : undefined,
      });
    const xml = hasAlign ? `${open}><${qualify(p, "alignment")}${attrs(align)}/></${qualify(p, "xf")}>` : `${open}/>`;
    const index = this.existing.cellXfs + this.added.xfs.push(xml) - 1;
    this.xfs.set(key, index);
    return index;
  }

  private get prefix(): string {
    return this.els.at(0)?.prefix ?? "";
  }

  private formatId(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const existing = this.existing.formats.get(code) ?? this.newFormats.get(code);
    if (existing !== undefined) return existing;
    const id = Math.max(this.existing.maxFormatId, ...this.newFormats.values()) + 1;
    this.newFormats.set(code, id);
    this.added.numFmts.push(`<${qualify(this.prefix, "numFmt")}${attrs({ numFmtId: id, formatCode: code })}/>`);
    return id;
  }

  private fontId(spec: XfSpec): number {
    const s = spec.style ?? {};
    const colour = s.color ?? (spec.link ? LINK_COLOUR : undefined);
    const q = (local: string) => qualify(this.prefix, local);
    let xml = `<${q("font")}>`;
    if (s.bold) xml += `<${q("b")}/>`;
    if (s.italic) xml += `<${q("i")}/>`;
    if (spec.link) xml += `<${q("u")}/>`;
    xml += `<${q("sz")} val="${s.size ?? FONT_SIZE}"/>`;
    if (colour) xml += `<${q("color")} rgb="${argb(colour)}"/>`;
    // No <scheme>: a theme font would follow the workbook's theme, which may not be Calibri.
    xml += `<${q("name")} val="${escapeXml(s.font ?? FONT_NAME)}"/><${q("family")} val="2"/></${q("font")}>`;
    return this.intern(this.fonts, this.added.fonts, this.existing.fonts, xml);
  }

  private fillId(rgb: string): number {
    const q = (local: string) => qualify(this.prefix, local);
    const xml = `<${q("fill")}><${q("patternFill")} patternType="solid"><${q("fgColor")} rgb="${argb(rgb)}"/><${q("bgColor")} indexed="64"/></${q("patternFill")}></${q("fill")}>`;
    return this.intern(this.fills, this.added.fills, this.existing.fills, xml);
  }

  private borderId(rgb: string | undefined): number {
    const q = (local: string) => qualify(this.prefix, local);
    const colour = rgb ? `<${q("color")} rgb="${argb(rgb)}"/>` : `<${q("color")} auto="1"/>`;
    const side = (name: string) => `<${q(name)} style="thin">${colour}</${q(name)}>`;
    const xml = `<${q("border")}>${side("left")}${side("right")}${side("top")}${side("bottom")}<${q("diagonal")}/></${q("border")}>`;
    return this.intern(this.borders, this.added.borders, this.existing.borders, xml);
  }

  private intern(seen: Map<string, number>, list: string[], base: number, xml: string): number {
    const known = seen.get(xml);
    if (known !== undefined) return known;
    const index = base + list.push(xml) - 1;
    seen.set(xml, index);
    return index;
  }

  /** True when nothing needs adding to the styles part. */
  get empty(): boolean {
    return !this.requested;
  }

  /**
   * The styles part with our styles appended: insertions only, except each list's `count`
   * attribute, which is brought up to its new number of entries.
   */
  apply(): string {
    const xml = this.stylesXml;
    const splice = new Splice(xml);
    const root = this.els.at(0);
    if (this.empty || !root) return xml;
    const p = this.prefix;
    // cellXfs entries name xfId 0, which needs a cell style xf to exist.
    const lists: [string, string, string[]][] = [
      ["numFmts", "numFmt", this.added.numFmts],
      ["fonts", "font", this.added.fonts],
      ["fills", "fill", this.added.fills],
      ["borders", "border", this.added.borders],
      [
        "cellStyleXfs",
        "xf",
        this.existing.cellStyleXfs === 0 && this.added.xfs.length ? [`<${qualify(p, "xf")} numFmtId="0" fontId="0" fillId="0" borderId="0"/>`] : [],
      ],
      ["cellXfs", "xf", this.added.xfs],
    ];
    if (root.selfClosing) {
      // `<styleSheet/>`: no lists at all; open it to hold ours.
      const body = lists
        .filter(([, , add]) => add.length)
        .map(([list, , add]) => `<${qualify(p, list)} count="${add.length}">${add.join("")}</${qualify(p, list)}>`)
        .join("");
      const tag = xml.slice(root.start, root.openEnd).replace(/\s*\/>$/, ">");
      splice.replace(root.start, root.openEnd, `${tag}${body}</${root.qname}>`);
      return splice.result();
    }
    for (const [list, child, add] of lists) {
      if (!add.length) continue;
      const el = firstChild(this.els, root, list);
      if (!el) {
        splice.insert(this.insertionPoint(root, list), `<${qualify(p, list)} count="${add.length}">${add.join("")}</${qualify(p, list)}>`);
        continue;
      }
      const total = childrenNamed(this.els, el, child).length + add.length;
      const count = attrValueSpan(xml, el, "count");
      if (count) splice.replace(count.start, count.end, String(total));
      if (el.selfClosing) {
        // `<fonts count="0"/>`: opened to hold the new entries.
        const tag = xml.slice(el.start, el.openEnd);
        const slash = el.start + tag.lastIndexOf("/");
        splice.replace(slash, el.openEnd, `>${add.join("")}</${el.qname}>`);
      } else {
        splice.insert(el.closeStart, add.join(""));
      }
    }
    return splice.result();
  }

  /** Where a missing list goes: after the last list that precedes it in CT_Stylesheet. */
  private insertionPoint(root: XmlElement, list: string): number {
    const before = STYLESHEET_ORDER.slice(0, STYLESHEET_ORDER.indexOf(list));
    let at = root.openEnd;
    for (const i of root.children) {
      const c = this.els[i];
      if (before.includes(c.local)) at = c.end;
    }
    return at;
  }
}

/** A minimal styles part for a new package (templates): Excel's defaults, Calibri 11. */
export function skeletonStyles(mainNs: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="${escapeXml(mainNs)}">` +
    `<fonts count="1"><font><sz val="${FONT_SIZE}"/><name val="${FONT_NAME}"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}
