/**
 * A WorkbookHost over an in-memory WorkbookSnapshot, for UI tests. It records what was
 * asked of it (writes, saved settings, goToCell, templates), keeps the snapshot in step
 * (saved settings land on the settings sheet; written summaries become sheets), and can
 * be told to fail or to hold a write open so a test can see progress mid-build.
 */
import { SETTINGS_SHEET_NAME, settingsToJson, type Settings } from "../../src/core/settings";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import type { SheetModel, SummaryPlan } from "../../src/core/summary/sheet-model";
import type { TemplateKind } from "../../src/core/templates/template-model";
import { HostError, type ProgressListener, type WorkbookHost, type WriteResult } from "../../src/hosts/host";
import { modelCells } from "../../src/core/summary/model-cells";

type Method = "readSnapshot" | "writeSummaries" | "saveSettings" | "goToCell" | "insertTemplate";

/** The sheet name each template is inserted as (before a number is added to make it unique). */
const TEMPLATE_SHEET: Record<TemplateKind, string> = {
  "recovery-action": "Recovery Action",
  "recovery-register": "Savings Register",
  directions: "Directions",
  "action-plan": "Action Plan",
  "risk-register": "Risk Register",
};

export interface FakeHostOptions {
  /** Without it the host has no goToCell (the page: no grid). Default true. */
  goToCell?: boolean;
  /** Without it the host has no insertTemplate. Default true. */
  insertTemplate?: boolean;
  /** Extra notes to give in every WriteResult. */
  writeNotes?: string[];
}

export class FakeHost implements WorkbookHost {
  snapshot: WorkbookSnapshot;
  readonly reads: number[] = [];
  readonly writes: SummaryPlan[] = [];
  readonly savedSettings: Settings[] = [];
  readonly goToCalls: { sheet: string; cell: string }[] = [];
  readonly templates: TemplateKind[] = [];
  goToCell?: (sheet: string, cell: string) => Promise<void>;
  insertTemplate?: (kind: TemplateKind) => Promise<string>;

  private failures = new Map<Method, Error>();
  private writeGate: Promise<void> | null = null;
  private listeners = new Set<() => void>();

  constructor(snapshot: WorkbookSnapshot, private readonly options: FakeHostOptions = {}) {
    this.snapshot = clone(snapshot);
    if (options.goToCell !== false) {
      this.goToCell = async (sheet, cell) => {
        this.failIfAsked("goToCell");
        this.goToCalls.push({ sheet, cell });
      };
    }
    if (options.insertTemplate !== false) {
      this.insertTemplate = async (kind) => {
        this.failIfAsked("insertTemplate");
        this.templates.push(kind);
        const name = this.uniqueName(TEMPLATE_SHEET[kind]);
        this.snapshot.sheets.push({ name, visibility: "visible", cells: [], merges: [] });
        this.changed();
        return name;
      };
    }
  }

  /** The next call of `method` throws `error` (a HostError by default). */
  failNext(method: Method, error: Error | string): void {
    this.failures.set(method, typeof error === "string" ? new HostError(error) : error);
  }

  /** Holds writeSummaries after its first progress step until the returned function is called. */
  holdWrites(): () => void {
    let release!: () => void;
    this.writeGate = new Promise<void>((r) => (release = r));
    return () => {
      this.writeGate = null;
      release();
    };
  }

  /** The optional change-event hook the pane subscribes to (see useBoardSummary's ChangeAwareHost). */
  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Simulates a user's edit: replaces a sheet's cells and fires change events. */
  editSheet(name: string, sheet: SheetSnapshot): void {
    const i = this.snapshot.sheets.findIndex((s) => s.name === name);
    if (i >= 0) this.snapshot.sheets[i] = sheet;
    else this.snapshot.sheets.push(sheet);
    this.changed();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    this.failIfAsked("readSnapshot");
    this.reads.push(Date.now());
    onProgress?.({ step: `Reading ${this.snapshot.sheets.length} sheets`, fraction: 1 });
    return clone(this.snapshot);
  }

  async writeSummaries(plan: SummaryPlan, onProgress?: ProgressListener): Promise<WriteResult> {
    this.failIfAsked("writeSummaries");
    this.writes.push(plan);
    const written: WriteResult["written"] = [];
    const sheets = this.snapshot.sheets.filter((s) => !plan.replace.includes(s.name));
    for (const [i, model] of plan.models.entries()) {
      onProgress?.({ step: `Writing ${model.name}`, fraction: (i + 1) / plan.models.length });
      if (i === 0 && this.writeGate) await this.writeGate;
      sheets.push(modelToSheet(model));
      written.push({ id: model.id, name: model.name });
    }
    // All or nothing, as the interface promises: swapped in only once every sheet is made.
    this.snapshot = { sheets };
    this.changed();
    return { written, notes: this.options.writeNotes ?? [] };
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.failIfAsked("saveSettings");
    this.savedSettings.push(settings);
    const sheet: SheetSnapshot = {
      name: SETTINGS_SHEET_NAME,
      visibility: "veryHidden",
      cells: [{ row: 1, col: 1, value: settingsToJson(settings) }],
      merges: [],
    };
    const i = this.snapshot.sheets.findIndex((s) => s.name === SETTINGS_SHEET_NAME);
    if (i >= 0) this.snapshot.sheets[i] = sheet;
    else this.snapshot.sheets.push(sheet);
  }

  private failIfAsked(method: Method): void {
    const e = this.failures.get(method);
    if (e) {
      this.failures.delete(method);
      throw e;
    }
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private uniqueName(base: string): string {
    const names = new Set(this.snapshot.sheets.map((s) => s.name.toLowerCase()));
    if (!names.has(base.toLowerCase())) return base;
    for (let n = 2; ; n++) if (!names.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
  }
}

/** A sheet model as the cells a host would show (text and numbers; enough for a re-read). */
function modelToSheet(model: SheetModel): SheetSnapshot {
  const cells: Cell[] = modelCells(model).map((c) => {
    const v = c.content;
    const value =
      v.kind === "text" || v.kind === "link" ? v.text : v.kind === "number" ? v.value : v.kind === "date" ? v.iso : v.result;
    return { row: c.row, col: c.col, value };
  });
  if (!cells.some((c) => c.row === model.markerCell.row && c.col === model.markerCell.col))
    cells.push({ row: model.markerCell.row, col: model.markerCell.col, value: model.marker });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name: model.name, visibility: "visible", cells, merges: [] };
}

/** jsdom has no structuredClone; snapshots are plain JSON data. */
function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
