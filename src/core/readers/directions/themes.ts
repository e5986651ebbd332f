/**
 * Themes (§5). Rows of heading text (in the No column, or above the first header) form
 * runs; in each run the theme's name is the last row of at most 60 characters that does
 * not end with a full stop, the rows after it its outcome statement. A theme holds every
 * direction until the next run, or until a header with no heading text since the previous
 * block's directions: that header starts directions with no theme (`missing-theme`).
 */
import type { RaiseFinding } from "../../findings";
import { a1 } from "../../grid";
import type { Cell } from "../../snapshot";

interface HeadingLine {
  text: string;
  cell: string;
}

const MAX_THEME_NAME = 60;

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
    for (const line of text.split(/\r\n|\r|\n/)) {
      const t = line.replace(/\s+/g, " ").trim();
      if (t) this.run.push({ text: t, cell: a1(cell.row, cell.col) });
    }
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
