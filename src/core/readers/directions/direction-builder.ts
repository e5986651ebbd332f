/**
 * One direction, gathered from its first row and the continuation rows below it (§5: a
 * row with an empty No and content elsewhere adds measures, and possibly its own progress
 * and source). Finished, it has its text, mean progress, sources and target date.
 */
import type { RaiseFinding } from "../../findings";
import { a1, type SheetGrid } from "../../grid";
import type { PackedCells } from "../../packed-cells";
import { singleSpaced } from "../../names";
import type { Direction } from "../../records";
import type { Cell } from "../../snapshot";
import { cellError } from "../../values";
import type { DirectionsHeader } from "./directions-header";
import { ownIn, plainText, plainTextAt, textOf } from "./directions-sheet";
import { measuresOf } from "./measures";
import { NARRATIVE, meanProgress, plainProgressFigureAt, progressByRule, readProgressCell, type ProgressReading } from "./progress";
import { targetDateOfText } from "./target-date";

/**
 * A finished direction, made by a constructor rather than an object literal: a literal's
 * allocation site is one V8 watches, and once 50,000 records survive it moves them to old
 * space and throws away the code that makes them (`finish` was compiled three times, for
 * "code dependencies"). The fields are a Direction's, in its order.
 */
class DirectionRecord implements Direction {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly cell: string,
    readonly no: string,
    readonly theme: string | null,
    readonly text: string,
    readonly measures: string[],
    readonly progress: number | null,
    readonly narrative: boolean,
    readonly progressCell: string,
    readonly source: string | null,
    readonly dueDate: string | null,
  ) {}
}

/**
 * Most directions are one row: its text, measures and source are kept as the first row
 * gives them, and a list is made only where a second row adds to one. Progress figures are
 * summed as they come (in row order, as a sum of their list would add them), not listed.
 * One builder serves a sheet's directions in turn (`begin` starts each afresh): a builder
 * a direction was ~7 MB of short-lived objects on a 50,000-direction report.
 */
export class DirectionBuilder {
  /** The rows' Direction texts joined by line breaks, as read so far. */
  private text = "";
  private figureSum = 0;
  private figureCount = 0;
  /** The first source, and the list of distinct sources once a second row adds another. */
  private source: string | null = null;
  private sources: string[] | null = null;
  /** The first row's measures (measuresOf's list, shared: never changed), or the builder's own list once a second row adds to them. */
  private measures: readonly string[] | null = null;
  private ownMeasures: string[] | null = null;
  private narrative = false;
  /** The first row's Direction cell holds an error: no target date can be read, and none is asked for. */
  private textError = false;
  /** Where the direction starts (`begin`): its first row, its No cell's address and number, the theme in force, its header. */
  private row = 0;
  private cell = "";
  private no = "";
  private theme: string | null = null;
  private header!: DirectionsHeader;

  constructor(
    private readonly sheet: string,
    private readonly raise: RaiseFinding,
  ) {}

  /** Starts a direction at its first row (then given to `addRow`): everything read of the one before is let go. */
  begin(row: number, cell: string, no: string, theme: string | null, header: DirectionsHeader): this {
    this.text = "";
    this.figureSum = 0;
    this.figureCount = 0;
    this.source = null;
    this.sources = null;
    this.measures = null;
    this.ownMeasures = null;
    this.narrative = false;
    this.textError = false;
    this.row = row;
    this.cell = cell;
    this.no = no;
    this.theme = theme;
    this.header = header;
    return this;
  }

  /** Where messages point for a cell of this direction that holds an Excel error. */
  private formulaError(cell: Cell, column: string, error: string, expected: string): void {
    this.raise("formula-error", a1(cell.row, cell.col), { field: `The ${column} cell for direction ${this.no}`, error, expected });
  }

  /**
   * Adds a row's content (the first row or a continuation; its cells as `ownCells` gives them)
   * to the direction. A cell of plain text (nearly every one: `plainText`) is read here; any
   * other (an error, a number, a shown text) by a method of its own, whose rules are not
   * compiled into this one, which every row calls.
   */
  addRow(cells: readonly Cell[], row: number, h: DirectionsHeader): void {
    const dCell = ownIn(cells, h.directionCol);
    const d = plainText(dCell);
    if (d === null) this.directionCell(dCell as Cell, row);
    else this.addText(d);
    if (h.measureCol !== null) {
      const m = ownIn(cells, h.measureCol);
      const t = plainText(m);
      if (t === null) this.measureCell(m as Cell);
      else this.addMeasures(measuresOf(t));
    }
    if (h.sourceCol !== null) {
      const s = ownIn(cells, h.sourceCol);
      const t = plainText(s);
      if (t === null) this.sourceCell(s as Cell);
      else this.addSource(t);
    }
    this.addProgress(readProgressCell(ownIn(cells, h.progressCol), row, h.progressCol, this.no, this.raise));
  }

  /**
   * addRow for a row no merge touches on a packed sheet (where `ownIn` gives the cell
   * stored at the column), read by stored index: a cell of plain text, or a plain progress
   * figure, is read without a cell object (making one for each cell of 50,000 rows was a
   * third of reading them); any other cell is made (`cells.cell`) and read by addRow's rules
   * (tests/core/readers/directions-stored-rows.test.ts holds the two together).
   */
  addStoredRow(grid: SheetGrid, cells: PackedCells, row: number, h: DirectionsHeader): void {
    const di = grid.storedIndexAt(row, h.directionCol);
    const d = plainTextAt(cells, di);
    if (d === null) this.directionCell(cells.cell(di), row);
    else this.addText(d);
    if (h.measureCol !== null) {
      const mi = grid.storedIndexAt(row, h.measureCol);
      const t = plainTextAt(cells, mi);
      if (t === null) this.measureCell(cells.cell(mi));
      else this.addMeasures(measuresOf(t));
    }
    if (h.sourceCol !== null) {
      const si = grid.storedIndexAt(row, h.sourceCol);
      const t = plainTextAt(cells, si);
      if (t === null) this.sourceCell(cells.cell(si));
      else this.addSource(t);
    }
    const pi = grid.storedIndexAt(row, h.progressCol);
    const figure = plainProgressFigureAt(cells, pi);
    this.addProgress(figure ?? progressByRule(pi < 0 ? undefined : cells.cell(pi), row, h.progressCol, this.no, this.raise));
  }

  /** A row's progress reading: narrative marks the direction, a figure is summed. */
  private addProgress(progress: ProgressReading): void {
    if (progress === NARRATIVE) this.narrative = true;
    else if (progress !== null) {
      this.figureSum += progress;
      this.figureCount++;
    }
  }

  /** A Direction cell that is not plain text: an Excel error (no target date read from the first row's), or its text. */
  private directionCell(cell: Cell, row: number): void {
    const error = cellError(cell);
    if (error !== null) {
      this.formulaError(cell, "Direction", error, "the direction's text");
      if (row === this.row) this.textError = true;
    } else this.addText(textOf(cell));
  }

  /** A Measure cell that is not plain text. */
  private measureCell(cell: Cell): void {
    const error = cellError(cell);
    if (error !== null) this.formulaError(cell, "Measure", error, "the measures as text");
    else this.addMeasures(measuresOf(textOf(cell)));
  }

  /** A Source cell that is not plain text. */
  private sourceCell(cell: Cell): void {
    const error = cellError(cell);
    if (error !== null) this.formulaError(cell, "Source", error, "the source as text");
    else this.addSource(textOf(cell));
  }

  /** A row's Direction text after those of the rows above, a line each. */
  private addText(t: string): void {
    if (t) this.text = this.text === "" ? t : `${this.text}\n${t}`;
  }

  /** A row's source: kept where it is the first, listed where it differs from those before. */
  private addSource(text: string): void {
    // Run together only where there is white space to fold: most sources are one line of single spaces.
    const t = singleSpaced(text);
    if (!t) return;
    if (this.source === null) this.source = t;
    else if (this.sources !== null) {
      if (!this.sources.includes(t)) this.sources.push(t);
    } else if (t !== this.source) this.sources = [this.source, t];
  }

  /** A row's measures after those of the rows above: the first row's list kept as measuresOf gives it, a copy made where a second row adds. */
  private addMeasures(more: readonly string[]): void {
    if (this.measures === null) {
      this.measures = more;
      return;
    }
    if (this.ownMeasures === null) this.measures = this.ownMeasures = this.measures.slice();
    for (let i = 0; i < more.length; i++) this.ownMeasures.push(more[i]);
  }

  /** The finished direction; `missing-target-date` where its text has no `by <date>`. */
  finish(): Direction {
    const { sheet, row, cell, no, theme, header } = this;
    const text = this.text;
    const dueDate = targetDateOfText(text);
    if (dueDate === null && !this.textError) this.raise("missing-target-date", a1(row, header.directionCol), { no });
    return new DirectionRecord(
      sheet,
      row,
      cell,
      no,
      theme,
      text,
      // Shared with every direction of the same Measure text: the record's type says string[],
      // and nothing changes a record's measures once read (tests/core/readers/directions-measures-shared.test.ts).
      (this.measures ?? []) as string[],
      meanProgress(this.figureSum, this.figureCount),
      this.narrative,
      a1(row, header.progressCol),
      this.sources === null ? this.source : this.sources.join("; "),
      dueDate,
    );
  }
}
