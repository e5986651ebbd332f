/**
 * The one look of every summary sheet (board-pages.md §7): one font family set on every
 * cell, a size for each part of the page, the fills and thin borders of tables, the RAG
 * colours with their words, and the banner's. A colleague's new summary uses these, never
 * its own.
 */
import type { Rag } from "../records";
import { RAG_WORDS } from "../words";
import type { CellStyle } from "./sheet-model";

/** The only font family on a summary sheet (Carlito, drawn to its metrics, where Calibri is absent). */
export const FONT = "Calibri";

/** Sizes in points. */
export const SIZE = {
  title: 18,
  /** The headline figures on the first page. */
  figure: 18,
  /** Section headings ("By lead service area", "Key"). */
  heading: 13,
  /** The "Not final" banner. */
  banner: 12,
  /** Tables, the paragraph, the key. */
  body: 11,
  /** Captions above the headline figures; the printed page header and footer. */
  small: 9,
} as const;

const COLOUR = {
  /** Captions and the line under the title. */
  muted: "595959",
  /** Table header rows: a light fill that prints as a pale grey in black and white. */
  headerFill: "DCE6F1",
  headerText: "1F2D3D",
  /** Thin borders round every table cell. */
  border: "A6A6A6",
  /** The banner: Excel's own "Bad" colours, dark red on pale red. */
  bannerFill: "FFC7CE",
  bannerText: "9C0006",
  /** The quieter line for warnings alone. */
  warningText: "7F6000",
  /** Totals rows. */
  totalFill: "F2F2F2",
} as const;

/**
 * RAG fills with dark text of the same hue: every pair has a contrast ratio above 7:1
 * (WCAG AAA), and each cell also carries the word, for colour-blind readers and
 * black-and-white printing.
 */
export const RAG_STYLES: Record<Rag, { word: string; fill: string; color: string }> = {
  red: { word: RAG_WORDS.red, fill: "F4A6A6", color: "600000" },
  amber: { word: RAG_WORDS.amber, fill: "FFD27F", color: "5C3A00" },
  green: { word: RAG_WORDS.green, fill: "A9D8A0", color: "0B3D0B" },
  blue: { word: RAG_WORDS.blue, fill: "9DC3E6", color: "0A2A4A" },
  grey: { word: RAG_WORDS.grey, fill: "D0D0D0", color: "262626" },
};

/** A style with the font family and size made explicit (body size unless given). */
export function styled(style: CellStyle = {}): CellStyle {
  return { font: FONT, size: SIZE.body, ...style };
}

/** Looks already seen, by their fields' values (interned below). */
const INTERNED = new Map<string, CellStyle>();

/**
 * The one shared (frozen) object for a look: a summary of 100,000 lines has a handful of
 * looks, and an object a cell cost memory, garbage collection and the writer's work of
 * telling looks apart a cell. Fields left out and fields set to undefined are one look.
 */
function internStyle(s: CellStyle): CellStyle {
  const key = `${s.font ?? ""}|${s.bold ?? ""}|${s.italic ?? ""}|${s.size ?? ""}|${s.color ?? ""}|${s.fill ?? ""}|${s.wrap ?? ""}|${s.align ?? ""}|${s.verticalAlign ?? ""}|${s.border ?? ""}`;
  let shared = INTERNED.get(key);
  if (shared === undefined) {
    shared = Object.freeze({ ...s });
    INTERNED.set(key, shared);
  }
  return shared;
}

/** styled() of a style, interned, once per style object (the same object comes back). */
const STYLED = new WeakMap<CellStyle, CellStyle>();
const STYLED_NONE = internStyle(styled());
export function styledShared(style: CellStyle | undefined): CellStyle {
  if (style === undefined) return STYLED_NONE;
  let shared = STYLED.get(style);
  if (shared === undefined) {
    shared = internStyle(styled(style));
    STYLED.set(style, shared);
    // styled() of a shared look is itself: found without a key the next time.
    STYLED.set(shared, shared);
  }
  return shared;
}

export const TITLE: CellStyle = styled({ bold: true, size: SIZE.title, verticalAlign: "bottom" });
export const SUBTITLE: CellStyle = styled({ bold: true, size: SIZE.heading, verticalAlign: "bottom" });
export const MUTED_LINE: CellStyle = styled({ color: COLOUR.muted, wrap: true, verticalAlign: "top" });
export const HEADING: CellStyle = styled({ bold: true, size: SIZE.heading, verticalAlign: "bottom" });
export const CAPTION: CellStyle = styled({ size: SIZE.small, color: COLOUR.muted, verticalAlign: "bottom", wrap: true });
export const FIGURE: CellStyle = styled({ bold: true, size: SIZE.figure, align: "left", verticalAlign: "top" });
export const PARAGRAPH: CellStyle = styled({ wrap: true, verticalAlign: "top" });
export const BANNER: CellStyle = styled({
  bold: true,
  size: SIZE.banner,
  fill: COLOUR.bannerFill,
  color: COLOUR.bannerText,
  border: true,
  wrap: true,
  verticalAlign: "middle",
});
export const WARNING_LINE: CellStyle = styled({ italic: true, color: COLOUR.warningText, wrap: true, verticalAlign: "middle" });

/** A table header cell; numbers' headers sit right, over their numbers. */
export function headerStyle(align: "left" | "right" | "center", extra: CellStyle = {}): CellStyle {
  return styled({ bold: true, fill: COLOUR.headerFill, color: COLOUR.headerText, border: true, wrap: true, verticalAlign: "bottom", align, ...extra });
}

/** A table body cell. */
export function bodyStyle(align: "left" | "right" | "center", extra: CellStyle = {}): CellStyle {
  return styled({ border: true, wrap: align === "left", verticalAlign: "top", align, ...extra });
}

const RAG_CELL: Partial<Record<Rag, CellStyle>> = {};

/** The RAG word cell's look inside a table. */
export function ragStyle(rag: Rag, extra?: CellStyle): CellStyle {
  // Without extras, one shared look a RAG (a table's RAG column: one a line otherwise).
  if (extra === undefined) return (RAG_CELL[rag] ??= internStyle(ragStyle(rag, {})));
  const s = RAG_STYLES[rag];
  return styled({ fill: s.fill, color: s.color, bold: true, align: "center", verticalAlign: "top", border: true, ...extra });
}
