/**
 * One direction, gathered from its first row and the continuation rows below it (§5: a
 * row with an empty No and content elsewhere adds measures, and possibly its own progress
 * and source). Finished, it has its text, mean progress, sources and target date.
 */
import type { RaiseFinding } from "../../findings";
import { a1 } from "../../grid";
import { singleSpaced } from "../../names";
import type { Direction } from "../../records";
import type { Cell } from "../../snapshot";
import { cellError } from "../../values";
import type { DirectionsHeader } from "./directions-header";
import { ownIn, textOf } from "./directions-sheet";
import { measuresOf } from "./measures";
import { NARRATIVE, meanProgress, readProgressCell } from "./progress";
import { targetDateOfText } from "./target-date";

/**
 * Most directions are one row: its text, measures and source are kept as the first row
 * gives them, and a list is made only where a second row adds to one. Progress figures are
 * summed as they come (in row order, as a sum of their list would add them), not listed.
 */
export class DirectionBuilder {
  /** The rows' Direction texts joined by line breaks, as read so far. */
  private text = "";
  private figureSum = 0;
  private figureCount = 0;
  /** The first source, and the list of distinct sources once a second row adds another. */
  private source: string | null = null;
  private sources: string[] | null = null;
  private measures: string[] | null = null;
  private narrative = false;
  /** The first row's Direction cell holds an error: no target date can be read, and none is asked for. */
  private textError = false;
  /**
   * Where the direction starts (its first row, its No cell's address and number, the theme
   * in force, its header), kept as fields of the builder, not an object of their own: one
   * object fewer a direction.
   */
  constructor(
    private readonly sheet: string,
    private readonly row: number,
    private readonly cell: string,
    private readonly no: string,
    private readonly theme: string | null,
    private readonly header: DirectionsHeader,
    private readonly raise: RaiseFinding,
  ) {}

  /** Where messages point for a cell of this direction that holds an Excel error. */
  private formulaError(cell: Cell, column: string, error: string, expected: string): void {
    this.raise("formula-error", a1(cell.row, cell.col), { field: `The ${column} cell for direction ${this.no}`, error, expected });
  }

  /** Adds a row's content (the first row or a continuation; its cells as `ownCells` gives them) to the direction. */
  addRow(cells: readonly Cell[], row: number, h: DirectionsHeader): void {
    const dCell = ownIn(cells, h.directionCol);
    const dError = cellError(dCell);
    if (dCell && dError !== null) {
      this.formulaError(dCell, "Direction", dError, "the direction's text");
      if (row === this.row) this.textError = true;
    } else {
      const t = textOf(dCell);
      if (t) this.text = this.text === "" ? t : `${this.text}\n${t}`;
    }
    if (h.measureCol !== null) {
      const m = ownIn(cells, h.measureCol);
      const error = cellError(m);
      if (m && error !== null) this.formulaError(m, "Measure", error, "the measures as text");
      else this.addMeasures(measuresOf(textOf(m)));
    }
    if (h.sourceCol !== null) {
      const s = ownIn(cells, h.sourceCol);
      const error = cellError(s);
      if (s && error !== null) this.formulaError(s, "Source", error, "the source as text");
      else {
        // Run together only where there is white space to fold: most sources are one line of single spaces.
        const t = singleSpaced(textOf(s));
        if (t) {
          if (this.source === null) this.source = t;
          else if (this.sources !== null) {
            if (!this.sources.includes(t)) this.sources.push(t);
          } else if (t !== this.source) this.sources = [this.source, t];
        }
      }
    }
    const progress = readProgressCell(ownIn(cells, h.progressCol), row, h.progressCol, this.no, this.raise);
    if (progress === NARRATIVE) this.narrative = true;
    else if (progress !== null) {
      this.figureSum += progress;
      this.figureCount++;
    }
  }

  /** A row's measures after those of the rows above (measuresOf gives a new list each time: the first is kept as it is). */
  private addMeasures(more: string[]): void {
    if (this.measures === null) this.measures = more;
    else for (const m of more) this.measures.push(m);
  }

  /** The finished direction; `missing-target-date` where its text has no `by <date>`. */
  finish(): Direction {
    const { sheet, row, cell, no, theme, header } = this;
    const text = this.text;
    const dueDate = targetDateOfText(text);
    if (dueDate === null && !this.textError) this.raise("missing-target-date", a1(row, header.directionCol), { no });
    return {
      sheet,
      row,
      cell,
      no,
      theme,
      text,
      measures: this.measures ?? [],
      progress: meanProgress(this.figureSum, this.figureCount),
      narrative: this.narrative,
      progressCell: a1(row, header.progressCol),
      source: this.sources === null ? this.source : this.sources.join("; "),
      dueDate,
    };
  }
}
