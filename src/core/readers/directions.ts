/**
 * The directions report (standard-templates.md §2 `directions`, §5; seed 002, the Midlothian
 * IJB Directions 2023/24 half-year report): themes, numbered directions, their measures,
 * progress, source and target date.
 */
import { findingsOn, type Finding } from "../findings";
import { a1, isBlank, type SheetGrid } from "../grid";
import type { Direction } from "../records";
import type { Cell } from "../snapshot";
import { labelCells } from "./labels";
import { cellError, displayText, matchesLabel, normaliseLabel, parseDateText, parsePercent, roundHalfUp } from "../values";

const NO_LABELS = ["No", "No.", "Ref", "Ref."];
const DIRECTION_LABELS = ["Direction", "Directions"];
/** The cell some templates put above Measure / Progress / Source (often merged over them). */
const GROUP_LABELS = ["Performance Measures", "Performance Measure"];

/** A directions table's header: where its columns are, and the period its Progress heading names. */
export interface DirectionsHeader {
  /** The row holding `No` and `Direction`. */
  row: number;
  /** The header's last row: `row + 1` for a two-row header (Measure/Progress/Source below), else `row`. */
  lastRow: number;
  noCol: number;
  directionCol: number;
  measureCol: number | null;
  progressCol: number;
  sourceCol: number | null;
  /** The text after `Progress`, less a leading `at` (`half-year 2023/24`); null when none. */
  period: string | null;
}

/**
 * The cell a row shows at a column: the merge's top-left when (row, col) is that top-left;
 * nothing for any other cell of a merge, so a No cell merged down over a continuation row is
 * not read twice, and a measure merged across the Progress column is not read as progress.
 */
function own(grid: SheetGrid, row: number, col: number): Cell | undefined {
  const m = grid.mergeAt(row, col);
  if (m && (m.top !== row || m.left !== col)) return undefined;
  return grid.get(row, col);
}

function textOf(cell: Cell | undefined): string {
  if (!cell || cellError(cell) !== null) return "";
  return displayText(cell).trim();
}

const normalised = (cell: Cell | undefined): string => normaliseLabel(textOf(cell));
const begins = (cell: Cell | undefined, word: RegExp): boolean => word.test(normalised(cell));
const MEASURE = /^measures?\b/;
const PROGRESS = /^progress\b/;
const SOURCE = /^sources?\b/;

/** `1.1`, `10.2` (also `3` and `1.1.`): a direction number; returned without a trailing dot. */
function directionNumber(text: string): string | null {
  const t = text.trim();
  return /^\d+(?:\.\d+)*\.?$/.test(t) ? t.replace(/\.$/, "") : null;
}

/**
 * A short No such as `D1.1` or `1.1a` on a row that also has a direction and a measure,
 * progress or source: a direction, not heading text (a heading has nothing beside it).
 */
function looseNumberOf(grid: SheetGrid, text: string, row: number, h: DirectionsHeader): string | null {
  const t = text.trim();
  if (t.length > 10 || !/\d/.test(t) || /\s/.test(t)) return null;
  const has = (col: number | null) => col !== null && !isBlank(own(grid, row, col));
  return has(h.directionCol) && (has(h.measureCol) || has(h.progressCol) || has(h.sourceCol)) ? t : null;
}

/** The reporting period in a `Progress …` heading: `Progress at half-year 2023/24` → `half-year 2023/24`. */
function periodOf(heading: string): string | null {
  let t = heading.replace(/\s+/g, " ").trim();
  t = t.replace(/^progress\b/i, "").replace(/^[\s:–—-]+/, "");
  // A bracket holding only symbols (`(%)`) is a unit hint, not a period.
  t = t.replace(/[([]\s*[^\p{L}\p{N}()[\]]*\s*[)\]]/gu, " ").replace(/\s+/g, " ").trim();
  const wrapped = /^[([](.*)[)\]]$/.exec(t);
  if (wrapped) t = wrapped[1].trim();
  t = t.replace(/^(?:as\s+)?at\s+/i, "").replace(/[:\s]+$/, "").trim();
  return t === "" ? null : t;
}

function headerAt(grid: SheetGrid, row: number): DirectionsHeader | null {
  let noCol: number | null = null;
  let directionCol: number | null = null;
  for (const c of grid.rowCells(row)) {
    if (own(grid, row, c.col) !== c) continue;
    const t = textOf(c);
    if (!t) continue;
    if (noCol === null && matchesLabel(t, NO_LABELS)) noCol = c.col;
    else if (directionCol === null && matchesLabel(t, DIRECTION_LABELS)) directionCol = c.col;
  }
  if (noCol === null || directionCol === null) return null;

  // Measure / Progress / Source: on the header row, or on the row below (under a
  // `Performance Measures` cell) as long as that row is not itself a direction.
  const below = row + 1;
  const belowUsable = directionNumber(textOf(own(grid, below, noCol))) === null;
  const find = (word: RegExp): { col: number; cell: Cell; onBelow: boolean } | null => {
    for (const [r, onBelow] of [[row, false], [below, true]] as const) {
      if (onBelow && !belowUsable) continue;
      for (const c of grid.rowCells(r)) {
        if (c.col === noCol || c.col === directionCol || own(grid, r, c.col) !== c) continue;
        if (begins(c, word)) return { col: c.col, cell: c, onBelow };
      }
    }
    return null;
  };
  const progress = find(PROGRESS);
  if (!progress) return null;
  const measure = find(MEASURE);
  const source = find(SOURCE);
  const twoRows = [progress, measure, source].some((f) => f?.onBelow);
  return {
    row,
    lastRow: twoRows ? below : row,
    noCol,
    directionCol,
    measureCol: measure?.col ?? null,
    progressCol: progress.col,
    sourceCol: source?.col ?? null,
    period: periodOf(textOf(progress.cell)),
  };
}

/** Every directions header on the sheet, top to bottom (a header may repeat before each theme). */
export function findDirectionsHeaders(grid: SheetGrid): DirectionsHeader[] {
  const headers: DirectionsHeader[] = [];
  for (const row of candidateRows(grid)) {
    const last = headers[headers.length - 1];
    if (last && row <= last.lastRow) continue;
    const h = headerAt(grid, row);
    if (h) headers.push(h);
  }
  return headers;
}

/** §2: the first header row with a `No` (or `No.`, `Ref`) cell, a `Direction` cell and a `Progress …` column. */
export function findDirectionsHeader(grid: SheetGrid): DirectionsHeader | null {
  for (const row of candidateRows(grid)) {
    const h = headerAt(grid, row);
    if (h) return h;
  }
  return null;
}

/**
 * Rows that can hold a header: those with a `No` cell, from the sheet's label index (built
 * once a sheet), so a 5,000-row report is not tested row by row. headerAt has the last word.
 */
function candidateRows(grid: SheetGrid): number[] {
  const rows = labelCells(grid, NO_LABELS)
    .filter((h) => h.inline === null)
    .map((h) => h.row);
  return [...new Set(rows)];
}

/** The bullet points of a Measure cell: split on `•`/`○` (and kin) anywhere, `-`/`*` at a line's start, and line breaks. */
export function splitMeasures(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((line) => line.replace(/^\s*[-–*]\s+/, "").split(/[•○◦●▪■·]/))
    .map((m) => m.replace(/\s+/g, " ").trim())
    .filter((m) => m !== "");
}

/**
 * The last `by <date>` in a direction's text, ISO (`by January 2024` → 2024-01-31);
 * `by the end of March 2024` counts too. Null when none.
 */
export function targetDateOf(text: string): string | null {
  let found: string | null = null;
  for (const m of text.matchAll(/\bby\s+(?:(?:the\s+)?end\s+(?:of\s+)?)?/gi)) {
    const iso = parseDateText(text.slice(m.index + m[0].length));
    if (iso) found = iso;
  }
  return found;
}

interface Building {
  direction: Direction;
  texts: string[];
  figures: number[];
  sources: string[];
  directionCell: string;
  textError: boolean;
}

interface HeadingLine {
  text: string;
  cell: string;
}

export function readDirections(grid: SheetGrid): {
  directions: Direction[];
  period: string | null;
  findings: Finding[];
} {
  const sheet = grid.name;
  const { findings, raise } = findingsOn(sheet);
  const directions: Direction[] = [];
  const headers = findDirectionsHeaders(grid);
  const period = headers.find((h) => h.period !== null)?.period ?? null;
  if (headers.length === 0) return { directions, period, findings };

  const headerByRow = new Map(headers.map((h) => [h.row, h]));
  const firstCellOfNo = new Map<string, string>();
  let header: DirectionsHeader | null = null;
  let theme: string | null = null;
  /** Heading text seen since the last direction (a run not yet turned into a theme). */
  let run: HeadingLine[] = [];
  /** A run has set the theme since the last direction row. */
  let themeFresh = false;
  let directionsInBlock = 0;
  let current: Building | null = null;

  const formulaError = (cell: Cell, what: string, no: string | null, expected: string): void => {
    const where = no ? ` for direction ${no}` : "";
    raise("formula-error", a1(cell.row, cell.col), { field: `The ${what} cell${where}`, error: cellError(cell) ?? "", expected });
  };

  const finish = (): void => {
    if (!current) return;
    const b = current;
    const d = b.direction;
    d.text = b.texts.join("\n");
    d.progress = b.figures.length === 0 ? null : roundHalfUp(b.figures.reduce((s, x) => s + x, 0) / b.figures.length, 1);
    d.source = b.sources.length === 0 ? null : b.sources.join("; ");
    d.dueDate = targetDateOf(d.text);
    if (d.dueDate === null && !b.textError) {
      raise("missing-target-date", b.directionCell, { no: d.no });
    }
    directions.push(d);
    current = null;
  };

  /** Turns the pending run of heading text into the theme (§5: its last short line without a full stop). */
  const closeRun = (): void => {
    if (run.length === 0) return;
    const name = [...run].reverse().find((l) => l.text.length <= 60 && !l.text.endsWith("."));
    theme = name ? name.text : null;
    if (!name) {
      raise("missing-theme", run[0].cell, { problem: "no-name", at: run[0].cell });
    }
    themeFresh = true;
    run = [];
  };

  /** Adds the content of a direction's row (its first row or a continuation) to it. */
  const absorb = (b: Building, row: number, h: DirectionsHeader): void => {
    const no = b.direction.no;
    const dCell = own(grid, row, h.directionCol);
    if (cellError(dCell) !== null) {
      formulaError(dCell!, "Direction", no, "the direction's text");
      if (row === b.direction.row) b.textError = true;
    } else {
      const t = textOf(dCell);
      if (t) b.texts.push(t);
    }
    if (h.measureCol !== null) {
      const m = own(grid, row, h.measureCol);
      if (cellError(m) !== null) formulaError(m!, "Measure", no, "the measures as text");
      else b.direction.measures.push(...splitMeasures(textOf(m)));
    }
    if (h.sourceCol !== null) {
      const s = own(grid, row, h.sourceCol);
      if (cellError(s) !== null) formulaError(s!, "Source", no, "the source as text");
      else {
        const t = textOf(s).replace(/\s+/g, " ");
        if (t && !b.sources.includes(t)) b.sources.push(t);
      }
    }
    const p = own(grid, row, h.progressCol);
    const address = a1(row, h.progressCol);
    const r = parsePercent(p);
    switch (r.status) {
      case "empty":
        break;
      case "error":
        formulaError(p!, "Progress", no, "a percentage");
        break;
      case "invalid":
        b.direction.narrative = true;
        raise("non-numeric-progress", address, { no, text: r.text });
        break;
      case "ok":
        if (r.value < 0 || r.value > 100) {
          raise("progress-out-of-range", address, { no, percent: r.value });
        } else b.figures.push(r.value);
        break;
    }
  };

  for (const row of grid.rows()) {
    const startsHeader = headerByRow.get(row);
    if (startsHeader) {
      finish();
      closeRun();
      // A header with no heading text since the previous block's directions (or the sheet's
      // first header with none above it) starts directions with no theme.
      if (!themeFresh && (header === null || directionsInBlock > 0)) {
        theme = null;
        raise("missing-theme", a1(row, startsHeader.noCol), { problem: "no-heading", at: a1(row, startsHeader.noCol) });
        themeFresh = true;
      }
      header = startsHeader;
      directionsInBlock = 0;
      continue;
    }
    if (header && row <= header.lastRow) continue;

    const cells = grid.rowCells(row).filter((c) => !isBlank(c) && own(grid, row, c.col) === c);
    if (cells.length === 0) continue;
    // The `Performance Measures` group cell on a row of its own belongs to the header.
    if (cells.every((c) => matchesLabel(textOf(c), GROUP_LABELS))) continue;

    if (!header) {
      // Above the first header: the first non-empty cell (a sheet title, a theme, its outcome).
      const first = cells[0];
      const t = textOf(first);
      if (t && directionNumber(t) === null && !matchesLabel(t, NO_LABELS)) pushHeading(first, t);
      continue;
    }

    const noCell = own(grid, row, header.noCol);
    if (cellError(noCell) !== null) {
      finish();
      formulaError(noCell!, "No", null, "the direction's number (such as 1.1)");
      continue;
    }
    const noText = textOf(noCell);
    const no = noText ? (directionNumber(noText) ?? looseNumberOf(grid, noText, row, header)) : null;

    if (no !== null) {
      finish();
      closeRun();
      const first = firstCellOfNo.get(no);
      const cell = a1(row, header.noCol);
      if (first) {
        raise("duplicate-direction", cell, { no, first });
      } else firstCellOfNo.set(no, cell);
      const b: Building = {
        direction: {
          sheet,
          row,
          cell,
          no,
          theme,
          text: "",
          measures: [],
          progress: null,
          narrative: false,
          progressCell: a1(row, header.progressCol),
          source: null,
          dueDate: null,
        },
        texts: [],
        figures: [],
        sources: [],
        directionCell: a1(row, header.directionCol),
        textError: false,
      };
      current = b;
      themeFresh = false;
      directionsInBlock++;
      absorb(b, row, header);
      continue;
    }

    if (noText) {
      // Text in the No column that is neither a number nor a header: heading text.
      if (!matchesLabel(noText, NO_LABELS)) {
        finish();
        pushHeading(noCell!, noText);
      }
      continue;
    }

    const h: DirectionsHeader = header;
    const dataCols = [h.directionCol, h.measureCol, h.progressCol, h.sourceCol];
    if (cells.some((c) => dataCols.includes(c.col))) {
      // An empty No and content in the table: the direction above goes on.
      if (current) absorb(current, row, h);
    } else if (cells[0].col < h.noCol) {
      // Text left of the No column only: heading text placed in the margin.
      finish();
      pushHeading(cells[0], textOf(cells[0]));
    }
  }
  finish();
  return { directions, period, findings };

  function pushHeading(cell: Cell, text: string): void {
    for (const line of text.split(/\r\n|\r|\n/)) {
      const t = line.replace(/\s+/g, " ").trim();
      if (t) run.push({ text: t, cell: a1(cell.row, cell.col) });
    }
  }
}
