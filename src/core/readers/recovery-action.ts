/**
 * The recovery-action form: one action a sheet (standard-templates.md §3; seed 000,
 * Midlothian HSCP Financial Recovery Actions 2024/25).
 */
import { finding, type Finding } from "../findings";
import { a1, isBlank, type SheetGrid } from "../grid";
import type { RecoveryAction } from "../records";
import type { Cell } from "../snapshot";
import {
  cellError,
  displayText,
  formatMoney,
  isThousandsHint,
  matchesLabel,
  parseDate,
  parseFrequency,
  parseMoney,
  parseRiskLevel,
  parseStrategicAims,
  parseVersion,
  type ValueResult,
} from "../values";
import { cellAt, explain, findLabel, labelCells, labelValue, matchLabelText, type LabelHit, type LabelSet, type LabelValue } from "./labels";

export const TITLE_PREFIXES = ["Finance Recovery Action", "Financial Recovery Action"] as const;

/** The form's field labels (§3), each with the name used in messages. */
export const FORM_FIELDS = {
  ref: { name: "Ref", labels: ["Ref", "Reference"] },
  execLead: { name: "Exec Lead(s)", labels: ["Exec Lead(s)", "Exec Lead"] },
  description: { name: "Description", labels: ["Description"] },
  serviceArea: { name: "Lead Service Area(s)", labels: ["Lead Service Area(s)", "Lead Service Area"] },
  value: { name: "Financial Recovery Value", labels: ["Financial Recovery Value"] },
  riskLevel: { name: "Risk Level", labels: ["Risk Level"] },
  planDate: { name: "Plan Date", labels: ["Plan Date"] },
  version: { name: "Version", labels: ["Version"] },
  forecast: { name: "Forecast Saving", labels: ["Forecast Saving", "Forecast"] },
  achieved: { name: "Achieved to Date", labels: ["Achieved to Date", "Delivered to Date"] },
} as const;
type FieldKey = keyof typeof FORM_FIELDS;

const PLAN = {
  aims: ["Strategic Aims"],
  actions: ["Actions"],
  dependencies: ["Dependencies"],
  riskMitigation: ["Risk Mitigation"],
  risks: ["Risks", "Risk"],
  mitigation: ["Mitigation"],
  timeframe: ["Delivery Timeframe"],
} as const;

const TRIANGULATION = ["Triangulation"];
const REPORTING_FREQUENCY = ["Reporting Frequency"];
const TRIANGULATION_ROWS = ["Population Need", "Finance", "Outcomes"] as const;
/** Each row name as a label list of its own (constant lists: label matching caches by list). */
const TRIANGULATION_ROW_LABELS = TRIANGULATION_ROWS.map((name) => [name] as const);

/**
 * Every label of the template: a value search stops at any of these (§1). The
 * triangulation row names are left out on purpose: `Finance` is a plausible service area.
 */
export const FORM_STOP_LABELS: LabelSet = {
  labels: [
    ...Object.values(FORM_FIELDS).flatMap((f) => f.labels),
    ...Object.values(PLAN).flat(),
    ...TRIANGULATION,
    ...REPORTING_FREQUENCY,
  ],
  prefixes: TITLE_PREFIXES,
};

/** §2: the sheet holds the labels `Financial Recovery Value` and `Risk Level`. */
export function isRecoveryActionSheet(grid: SheetGrid): boolean {
  return findLabel(grid, FORM_FIELDS.value.labels) !== null && findLabel(grid, FORM_FIELDS.riskLevel.labels) !== null;
}

/** A field's label and value as found on the sheet. */
interface Field {
  name: string;
  hit: LabelHit | null;
  value: LabelValue | null;
}

const quote = (text: string): string => `'${text.length > 80 ? `${text.slice(0, 77)}…` : text}'`;

export function readRecoveryAction(grid: SheetGrid): { action: RecoveryAction; findings: Finding[] } {
  const sheet = grid.name;
  const findings: Finding[] = [];
  const add = (code: Parameters<typeof finding>[0], cell: string, message: string) =>
    findings.push(finding(code, sheet, cell, message));

  const field = (key: FieldKey): Field => {
    const f = FORM_FIELDS[key];
    const hit = findLabel(grid, f.labels);
    return { name: f.name, hit, value: hit ? labelValue(grid, hit, FORM_STOP_LABELS) : null };
  };
  const missing = (f: Field, what: string) =>
    add(
      "missing-field",
      f.hit?.address ?? "A1",
      f.hit
        ? `${f.name} has no value: enter ${what} beside or below the label.`
        : `No '${f.name}' label was found on the form: add the label with ${what} beside it.`,
    );
  const formulaError = (f: Field, err: string) =>
    add("formula-error", f.value!.address, `${f.name} holds the Excel error ${err}: correct the formula so it gives a value.`);

  /** A required or optional text field. */
  const text = (key: FieldKey, required: boolean, what: string): string | null => {
    const f = field(key);
    if (!f.value) {
      if (required) missing(f, what);
      return null;
    }
    const err = f.value.raw === f.value.cell ? cellError(f.value.cell) : null;
    if (err) {
      formulaError(f, err);
      return null;
    }
    const t = f.value.text.trim();
    if (!t && required) missing(f, what);
    return t || null;
  };

  /** Runs a grammar over a field's value and raises the field's findings; ok values are returned. */
  function parsed<T>(
    f: Field,
    parse: (v: LabelValue) => ValueResult<T>,
    required: boolean,
    what: string,
    onInvalid: (v: LabelValue, reason: string) => void,
  ): { value: T; at: LabelValue } | null {
    if (!f.value) {
      if (required) missing(f, what);
      return null;
    }
    const r = parse(f.value);
    switch (r.status) {
      case "ok":
        return { value: r.value, at: f.value };
      case "empty":
        if (required) missing(f, what);
        return null;
      case "error":
        formulaError(f, r.error);
        return null;
      case "invalid":
        onInvalid(f.value, r.reason);
        return null;
    }
  }

  const money = (key: "value" | "forecast" | "achieved", required: boolean): { pence: number; at: LabelValue } | null => {
    const f = field(key);
    const thousands = isThousandsHint(f.hit?.hint);
    const r = parsed(
      f,
      (v) => parseMoney(v.raw, { thousands }),
      required,
      "an amount of money, e.g. £448K or £448,000",
      (v, reason) =>
        add(
          "invalid-money",
          v.address,
          explain(f.name, reason, "write it as e.g. £448K or £448,000"),
        ),
    );
    if (!r) return null;
    if (r.value < 0) {
      add(
        "negative-value",
        r.at.address,
        `${f.name} ${quote(r.at.text)} is negative: a recovery figure must be zero or more, so it has not been used.`,
      );
      return null;
    }
    return { pence: r.value, at: r.at };
  };

  // ---- header fields -------------------------------------------------------------------
  const titleHit = findLabel(grid, { labels: [], prefixes: TITLE_PREFIXES });
  let title: string | null = null;
  if (!titleHit) {
    add(
      "missing-field",
      "A1",
      "No title was found on the form: add a cell reading 'Finance Recovery Action: <the action's name>'.",
    );
  } else {
    const v = titleHit.inline?.trim() ? titleHit.inline.trim() : labelValue(grid, titleHit, FORM_STOP_LABELS)?.text.trim();
    title = v || null;
    if (!title) {
      add(
        "missing-field",
        titleHit.address,
        "The form's title names no action: write the action's name after the colon, e.g. 'Finance Recovery Action: Prescribing'.",
      );
    }
  }

  const givenRef = text("ref", false, "a reference");
  const ref = givenRef ?? sheet;
  const refCell = givenRef ? field("ref").value?.address ?? null : null;
  const execLead = text("execLead", true, "the executive lead's name");
  const description = text("description", true, "a description of the action");
  const serviceArea = text("serviceArea", true, "the lead service area");

  const valueField = field("value");
  const value = money("value", true);
  if (value && value.pence === 0) {
    add(
      "zero-value",
      value.at.address,
      `Financial Recovery Value is £0: a recovery action is expected to save money, so enter the amount it will save.`,
    );
  }

  const risk = parsed(
    field("riskLevel"),
    (v) => parseRiskLevel(v.raw),
    true,
    "High, Medium or Low",
    (v, reason) => add("invalid-risk-level", v.address, explain("Risk Level", reason, "use High, Medium or Low")),
  );

  const plan = parsed(
    field("planDate"),
    (v) => parseDate(v.raw),
    true,
    "a date, e.g. 21/03/2024",
    (v, reason) =>
      add("invalid-date", v.address, explain("Plan Date", reason, "write it day first, e.g. 21/03/2024")),
  );

  const version = parsed(
    field("version"),
    (v) => parseVersion(v.raw),
    false,
    "a version",
    (v, reason) => add("invalid-version", v.address, explain("Version", reason, "write it as e.g. v1, v2.1 or 1.0")),
  );

  const forecast = money("forecast", false);
  const achieved = money("achieved", false);
  if (achieved && value && achieved.pence > value.pence) {
    add(
      "achieved-exceeds-value",
      achieved.at.address,
      `Achieved to Date ${formatMoney(achieved.pence)} is more than the Financial Recovery Value ${formatMoney(value.pence)}: check both figures.`,
    );
  }

  const aims = readPlanTable(grid, add);
  readTriangulation(grid, add);

  const valueAddress = valueField.value?.address ?? valueField.hit?.address ?? "A1";
  const action: RecoveryAction = {
    source: "form",
    sheet,
    cell: valueAddress,
    row: Number(/\d+$/.exec(valueAddress)![0]),
    ref,
    refCell,
    title,
    execLead,
    description,
    serviceArea,
    valuePence: value ? value.pence : null,
    riskLevel: risk ? risk.value : null,
    planDate: plan ? plan.value : null,
    version: version ? version.value : null,
    forecastPence: forecast ? forecast.pence : null,
    achievedPence: achieved ? achieved.pence : null,
    strategicAims: aims,
    counted: true,
  };
  return { action, findings };
}

type Add = (code: Parameters<typeof finding>[0], cell: string, message: string) => void;

const textOf = (cell: Cell | undefined): string => (cell && !isBlank(cell) ? displayText(cell) : "");

/** The column of the first cell on a row matching one of the labels, or null. */
function columnOf(cells: Cell[], labels: readonly string[]): number | null {
  for (const c of cells) if (typeof c.value === "string" && matchesLabel(c.value, labels)) return c.col;
  return null;
}

/** A guidance row: every non-empty cell ends with `?` (the seed's italic questions). */
function isGuidanceRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.rowCells(row).filter((c) => !isBlank(c));
  return cells.length > 0 && cells.every((c) => displayText(c).trim().endsWith("?"));
}

/** The plan table (§3): returns the strategic aims; raises its findings. */
function readPlanTable(grid: SheetGrid, add: Add): number[] {
  // Only rows holding an Actions heading can be the header row.
  const headerRows = [...new Set(labelCells(grid, PLAN.actions).map((h) => h.row))];
  for (const row of headerRows) {
    const cells = grid.rowCells(row);
    const aimsCol = columnOf(cells, PLAN.aims);
    const actionsCol = columnOf(cells, PLAN.actions);
    const timeframeCol = columnOf(cells, PLAN.timeframe);
    const hasRisks =
      columnOf(cells, PLAN.riskMitigation) !== null ||
      (columnOf(cells, PLAN.risks) !== null && columnOf(cells, PLAN.mitigation) !== null);
    if (aimsCol === null || actionsCol === null || timeframeCol === null || !hasRisks) continue;
    if (columnOf(cells, PLAN.dependencies) === null) continue;

    const contentRow = isGuidanceRow(grid, row + 1) ? row + 2 : row + 1;
    const at = (col: number) => {
      const c = cellAt(grid, contentRow, col);
      // A header on the sheet's last row has no content row in the used range: point at its heading.
      const address = c.row > grid.maxRow ? a1(row, col) : a1(c.row, c.col);
      return { ...c, address, text: textOf(c.cell) };
    };

    const actions = at(actionsCol);
    const actionsErr = cellError(actions.cell);
    if (actionsErr) {
      add("formula-error", actions.address, `Actions holds the Excel error ${actionsErr}: correct the formula so it gives the actions.`);
    } else if (!actions.text) {
      add("missing-field", actions.address, "The plan table's Actions cell is empty: list the high-level actions you are going to take.");
    }

    let aims: number[] = [];
    const aimsCell = at(aimsCol);
    const r = parseStrategicAims(aimsCell.cell);
    if (r.status === "ok" && r.value.length > 0) {
      aims = [...new Set(r.value)].sort((x, y) => x - y);
    } else if (r.status === "error") {
      add("formula-error", aimsCell.address, `Strategic Aims holds the Excel error ${r.error}: correct the formula so it names the aims.`);
    } else if (r.status === "invalid") {
      add(
        "missing-strategic-aims",
        aimsCell.address,
        explain("Strategic Aims", r.reason, "name the aims affected as No.1 to No.6, e.g. 'No.1 No.3'"),
      );
    } else {
      add(
        "missing-strategic-aims",
        aimsCell.address,
        "No strategic aims are named: name the aims this action affects as No.1 to No.6, e.g. 'No.1 No.3'.",
      );
    }

    const tf = at(timeframeCol);
    const tfErr = cellError(tf.cell);
    if (tfErr) {
      add("formula-error", tf.address, `Delivery Timeframe holds the Excel error ${tfErr}: correct the formula so it gives the timeframe.`);
    } else if (!tf.text || /^(unknown|tbc|tba|to be confirmed)$/i.test(tf.text.trim().replace(/\.$/, ""))) {
      add(
        "unknown-timeframe",
        tf.address,
        tf.text
          ? `Delivery Timeframe is ${quote(tf.text)}: give the date or period by which the action will be delivered.`
          : "Delivery Timeframe is empty: give the date or period by which the action will be delivered.",
      );
    }
    return aims;
  }
  add(
    "missing-field",
    "A1",
    "No plan table was found: add a table headed Strategic Aims, Actions, Dependencies, Risk Mitigation and Delivery Timeframe, with the actions in the row below.",
  );
  return [];
}

/** The triangulation table (§3): raises its findings. */
function readTriangulation(grid: SheetGrid, add: Add): void {
  let header: { row: number; address: string; freqCol: number } | null = null;
  // Only rows holding a cell beginning Triangulation can be the header row.
  const headerRows = [...new Set(labelCells(grid, { labels: [], prefixes: TRIANGULATION }).map((h) => h.row))];
  for (const row of headerRows) {
    const cells = grid.rowCells(row).filter((c) => !isBlank(c));
    if (cells.length < 2) continue;
    const first = cells[0];
    const last = cells[cells.length - 1];
    if (typeof first.value !== "string" || typeof last.value !== "string") continue;
    if (!matchLabelText(first.value, { labels: [], prefixes: TRIANGULATION })) continue;
    if (!matchesLabel(last.value, REPORTING_FREQUENCY)) continue;
    header = { row, address: a1(first.row, first.col), freqCol: last.col };
    break;
  }
  if (!header) {
    add(
      "missing-triangulation",
      "A1",
      "No triangulation table was found: add a table headed Triangulation … Reporting Frequency with rows for Population Need, Finance and Outcomes.",
    );
    return;
  }

  const found = new Map<string, number>();
  for (const [i, name] of TRIANGULATION_ROWS.entries()) {
    const below = labelCells(grid, TRIANGULATION_ROW_LABELS[i]).find((h) => h.row > header!.row && h.inline === null);
    if (below) found.set(name, below.row);
  }
  for (const name of TRIANGULATION_ROWS) {
    const row = found.get(name);
    if (row === undefined) {
      add(
        "missing-triangulation",
        header.address,
        `The triangulation table has no '${name}' row: add it with its evidence, tolerances and reporting frequency.`,
      );
      continue;
    }
    const c = cellAt(grid, row, header.freqCol);
    const address = a1(c.row, c.col);
    const r = parseFrequency(c.cell);
    if (r.status === "ok") continue;
    if (r.status === "error") {
      add("formula-error", address, `The ${name} reporting frequency holds the Excel error ${r.error}: correct the formula.`);
    } else {
      const advice = "use Weekly, Fortnightly, Monthly, Bi-monthly, Quarterly, Six-monthly or Annually";
      add(
        "invalid-frequency",
        address,
        r.status === "invalid"
          ? explain(`The ${name} reporting frequency`, r.reason, advice)
          : `The ${name} reporting frequency is empty: ${advice}.`,
      );
    }
  }
}
