/**
 * Themes (§5). Rows of heading text (in the No column, or above the first header) form
 * runs; in each run the theme's name is the last row of at most 60 characters that does
 * not end with a full stop, the rows after it its outcome statement. A theme holds every
 * direction until the next run, or until a header with no heading text since the previous
 * block's directions: that header starts directions with no theme (`missing-theme`).
 */
import type { RaiseFinding } from "../../findings";
import { a1 } from "../../grid";
import { singleSpaced } from "../../names";
import type { Cell } from "../../snapshot";

interface HeadingLine {
  text: string;
  cell: string;
}

const MAX_THEME_NAME = 60;

/**
 * A heading cell's lines (split at `\r\n`, `\r`, `\n`), each with its white space run
 * together and trimmed, the empty ones dropped. A text of one line (nearly every theme name
 * and outcome of a long report: the bench's 50,000 directions have 2,000 themes) is not split
 * by the expression, nor replaced where it has no white space to fold
 * (tests/core/readers/heading-lines.test.ts holds this to the expressions).
 */
export function headingLines(text: string): string[] {
  if (text.indexOf("\n") < 0 && text.indexOf("\r") < 0) {
    const t = singleSpaced(text).trim();
    return t ? [t] : [];
  }
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.replace(/\s+/g, " ").trim();
    if (t) out.push(t);
  }
  return out;
}

export class Themes {
  private theme: string | null = null;
  /** Heading text seen since the last direction (a run not yet turned into a theme). */
  private run: HeadingLine[] = [];
  /** A run has set the theme since the last direction row. */
  private fresh = false;
  private directionsInBlock = 0;
  private blocks = 0;

  constructor(private readonly raise: RaiseFinding) {}

  /** The theme in force for the next direction. */
  get current(): string | null {
    return this.theme;
  }

  /** A cell of heading text: each of its lines joins the run. */
  addHeading(cell: Cell, text: string): void {
    const lines = headingLines(text);
    if (lines.length === 0) return;
    const at = a1(cell.row, cell.col);
    for (let i = 0; i < lines.length; i++) this.run.push({ text: lines[i], cell: at });
  }

  /** Turns the pending run of heading text into the theme: its last short line without a full stop. */
  closeRun(): void {
    if (this.run.length === 0) return;
    const first = this.run[0].cell;
    const name = [...this.run].reverse().find((l) => l.text.length <= MAX_THEME_NAME && !l.text.endsWith("."));
    this.theme = name ? name.text : null;
    if (!name) this.raise("missing-theme", first, { problem: "no-name", at: first });
    this.fresh = true;
    this.run = [];
  }

  /** A header starts a block: with no heading text since the previous block's directions, it has no theme. */
  startBlock(noCell: string): void {
    this.closeRun();
    if (!this.fresh && (this.blocks === 0 || this.directionsInBlock > 0)) {
      this.theme = null;
      this.raise("missing-theme", noCell, { problem: "no-heading", at: noCell });
      this.fresh = true;
    }
    this.blocks++;
    this.directionsInBlock = 0;
  }

  /** A direction row: the run before it (if any) names its theme. */
  startDirection(): void {
    this.closeRun();
    this.fresh = false;
    this.directionsInBlock++;
  }
}
