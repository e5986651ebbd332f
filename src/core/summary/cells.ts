/**
 * Cell contents for summary sheets, and the text each one shows. The same formatting
 * writes the paragraph's figures, so "£3,935,000" and "87.4%" in a sentence are exactly what
 * the table beside it shows (board-pages.md §1, §7).
 */
import { formatDateUk, formatMoney, roundHalfUp } from "../values";
import type { CellContent, CellStyle, NumberFormatKind } from "./sheet-model";
import { RAG_STYLES, ragStyle } from "./style";
import type { Rag } from "../records";

/** A cell's content, format and style, without its position. */
export interface CellSpec {
  content: CellContent;
  format?: NumberFormatKind;
  style?: CellStyle;
}

/** Pence → pounds for a money cell. */
export function pounds(pence: number): number {
  return pence / 100;
}

export const text = (t: string, style?: CellStyle): CellSpec => ({ content: { kind: "text", text: t }, style });
export const money = (pence: number, style?: CellStyle): CellSpec => ({ content: { kind: "number", value: pounds(pence) }, format: "money", style });
export const integer = (n: number, style?: CellStyle): CellSpec => ({ content: { kind: "number", value: n }, format: "count", style });
/** A percentage to one decimal place from a fraction (0.8744 shows as 87.4%). */
export const percent = (fraction: number, style?: CellStyle): CellSpec => ({ content: { kind: "number", value: fraction }, format: "percent1", style });
export const date = (iso: string, style?: CellStyle): CellSpec => ({ content: { kind: "date", iso }, format: "date", style });
/** A link's look where the caller gives none: shared, not one a line. */
export const LINK_STYLE: CellStyle = Object.freeze({ wrap: false });
/**
 * A link to a source cell, shown as words (`FRA-01 Planning, cell C5`). Never wrapped:
 * LibreOffice draws a linked cell's text on one line whatever its wrap setting, so its
 * column is made wide enough for the whole text instead.
 */
export const link = (sheet: string, cell: string, style?: CellStyle, shown = sourceWords(sheet, cell)): CellSpec => ({
  content: { kind: "link", text: shown, sheet, cell },
  style: style === undefined ? LINK_STYLE : { wrap: false, ...style },
});
/** The RAG word in its colour. */
export const ragCell = (rag: Rag, extra?: CellStyle): CellSpec => ({ content: ragContent(rag), style: ragStyle(rag, extra) });

/**
 * Each RAG word's content, one shared object a RAG, never changed: a table's RAG column has
 * one a line. Not frozen, for the reason BLANK is not (summary-page.ts).
 */
const RAG_CONTENT: Partial<Record<Rag, Extract<CellContent, { kind: "text" }>>> = {};
export function ragContent(rag: Rag): Extract<CellContent, { kind: "text" }> {
  return (RAG_CONTENT[rag] ??= { kind: "text", text: RAG_STYLES[rag].word });
}

/**
 * A table row's cells given one at a time, in column order, as the helpers above make them
 * (text, money, date, percent, ragCell, link; none for an empty cell). A main table's body
 * is written straight into its columns through one (summary-page.ts BlockRow), no CellSpec
 * or content object a cell; SpecRow makes the helpers' CellSpecs, for every other use.
 */
export interface RowWriter {
  text(t: string): void;
  money(pence: number): void;
  percent(fraction: number): void;
  date(iso: string): void;
  rag(rag: Rag): void;
  link(sheet: string, cell: string): void;
  none(): void;
}

/** A row's cells as the helpers' CellSpecs. */
export class SpecRow implements RowWriter {
  readonly cells: (CellSpec | null)[] = [];
  text(t: string): void {
    this.cells.push(text(t));
  }
  money(pence: number): void {
    this.cells.push(money(pence));
  }
  percent(fraction: number): void {
    this.cells.push(percent(fraction));
  }
  date(iso: string): void {
    this.cells.push(date(iso));
  }
  rag(rag: Rag): void {
    this.cells.push(ragCell(rag));
  }
  link(sheet: string, cell: string): void {
    this.cells.push(link(sheet, cell));
  }
  none(): void {
    this.cells.push(null);
  }
}

/**
 * Where a figure came from, as a reader says it (board-pages.md §6): `FRA-01 Planning,
 * cell C5`, never the formula form `'FRA-01 Planning'!C5`.
 */
export function sourceWords(sheet: string, cell: string): string {
  // Most cells come without a dollar: no regular expression run for each of a register's lines.
  return `${sheet}, cell ${cell.includes("$") ? cell.replace(/\$/g, "") : cell}`;
}

/** A fraction as the `0.0%` format shows it: 0.8744 → "87.4%". */
export function percentText(fraction: number): string {
  return `${roundHalfUp(fraction * 100, 1).toFixed(1)}%`;
}

/** Whole pounds as the `£#,##0` format shows them. */
export function moneyText(pence: number): string {
  return formatMoney(pence);
}

/** A count as the `#,##0` format shows it. */
export function integerText(n: number): string {
  const whole = Math.round(n);
  // Grouped here, as en-GB groups them: toLocaleString is ICU's, slow on 100,000 counts.
  if (!Number.isSafeInteger(whole) || Object.is(whole, -0)) return whole.toLocaleString("en-GB");
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return whole < 0 ? `-${digits}` : digits;
}

/** "1 Red · 1 Green · 1 Grey": counts by RAG in words, in the order given, zeros left out ("None" where all are). */
export function ragCountsText(counts: Record<Rag, number>, shown: readonly Rag[]): string {
  const parts = shown.filter((r) => counts[r] > 0).map((r) => `${integerText(counts[r])} ${RAG_STYLES[r].word}`);
  return parts.length ? parts.join(" · ") : "None";
}

/** The text a cell shows, as its number format writes it (for measuring it). */
export function shownText(content: CellContent, format?: NumberFormatKind): string {
  switch (content.kind) {
    case "text":
    case "link":
      return content.text;
    case "date":
      return formatDateUk(content.iso);
    case "number":
      return formatNumber(content.value, format);
    case "formula":
      return content.result === null ? "" : formatNumber(content.result, format);
  }
}

function formatNumber(value: number, format?: NumberFormatKind): string {
  switch (format) {
    case "money":
      return formatMoney(Math.round(value * 100));
    case "percent":
      return `${roundHalfUp(value * 100, 0)}%`;
    case "percent1":
      return percentText(value);
    case "integer":
      return String(Math.round(value));
    case "count":
      return integerText(value);
    case "decimal1":
      return roundHalfUp(value, 1).toFixed(1);
    default:
      return String(value);
  }
}
