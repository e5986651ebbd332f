/**
 * A faithful fake of the part of Excel's JavaScript object model the Office.js host uses.
 * README.md beside this file lists every real behaviour it models, with its source.
 *
 * Like Excel it: queues every call until context.sync(); throws PropertyNotLoaded on reading
 * a property that was not loaded and synced; resolves *OrNullObject only at sync; applies a
 * batch's operations in order and, when one fails, keeps the ones before it (Excel does not
 * roll a batch back); refuses requests and responses over the payload limit (Excel on the
 * web: 5 MB). It counts syncs and measures each request (JSON byte length of the queued
 * operations) and response, and can fail the Nth sync or the Nth write operation.
 *
 * Data validation (ExcelApi 1.8) is kept per cell, as Excel keeps it. Worksheet collection
 * events (onChanged, onFormatChanged, onAdded, onDeleted, onNameChanged) are registered at
 * sync, need their API set, and are delivered as Excel delivers them: after the sync that
 * made the change, asynchronously (optionally later still, `eventDelayMs`), also for
 * changes the add-in made itself. getMergedAreasOrNullObject fails on a range with more
 * than 512 merged areas, as Excel documents.
 */
import { columnLetters, parseA1, quoteSheetName } from "../../../src/core/grid";

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export type Scalar = string | number | boolean;

export interface FakeCell {
  value: Scalar | null;
  formula?: string;
  numberFormat: string;
  text?: string;
  error?: string;
  style: Record<string, unknown>;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeTableState {
  id: string;
  name: string;
  bounds: Bounds;
  showTotals: boolean;
  showBandedRows?: boolean;
  style: string;
}

/** A cell's data validation as Office.js sets it. */
export interface FakeValidation {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks?: boolean;
}

export type FakeEventName = "onChanged" | "onFormatChanged" | "onAdded" | "onDeleted" | "onNameChanged";

/** The ExcelApi set each worksheet collection event needs (@types/office-js). */
export const EVENT_SETS: Record<FakeEventName, string> = {
  onAdded: "1.7",
  onDeleted: "1.7",
  onChanged: "1.9",
  onFormatChanged: "1.9",
  onNameChanged: "1.17",
};

export interface FakeEvent {
  event: FakeEventName;
  args: Record<string, unknown>;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: Bounds[];
  tables: FakeTableState[];
  freezeRows: number;
  /** Columns frozen at the left (WorksheetFreezePanes.freezeAt), where any. */
  freezeCols?: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Data validation by cell key (`row,col`). */
  validation: Map<string, FakeValidation>;
  pageLayout: Record<string, unknown>;
  /** Manual page breaks: each row a break is placed before (Worksheet.horizontalPageBreaks). */
  pageBreaks: number[];
  /** Columns hidden with Range.columnHidden. */
  hiddenColumns: Set<number>;
  tabColor?: string;
  /** Row ranges given RangeFormat.autofitRows(), as `top:bottom`. */
  autofitRows: string[];
}

export interface FakeWorkbookState {
  sheets: FakeSheetState[];
  structureProtected: boolean;
  readOnly: boolean;
  /** Application.calculationMode: it applies to every open workbook and is saved with them (office-js #2770, #6922). */
  calculationMode: string;
  screenUpdatingSuspensions: number;
  calculationSuspensions: number;
  active?: string;
  selection?: { sheet: string; address: string };
}

export type CellInit = Scalar | null | { value?: Scalar | null; numberFormat?: string; text?: string; error?: string; formula?: string };

export interface SyncRecord {
  operations: number;
  requestBytes: number;
  responseBytes: number;
}

interface Op {
  desc: Record<string, unknown>;
  write: boolean;
  /** Applies the operation; a load returns what it read (staged until the sync succeeds). */
  apply: () => void | { data: unknown; commit: () => void };
}

const MAX_ROWS = 1_048_576;
/** Excel's limit on the cells of one range read (see FakeRange.read). */
export const MAX_READ_CELLS = 5_000_000;
/**
 * The longest address string Excel takes in getRanges: Excel reports "The argument is
 * invalid" from about 8,200 characters (OfficeDev/office-js#5198).
 */
export const MAX_AREAS_ADDRESS = 8192;
const MAX_COLS = 16_384;
/** A row's standard height and a column's standard width in points (Calibri 11: 20 px and 64 px). */
const STANDARD_HEIGHT = 15;
const STANDARD_WIDTH = 48;
/** Excel's "Normal" page margins in points (PageLayout's unit; 72 points an inch). */
const DEFAULT_MARGINS: Record<string, number> = {
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
};
const ERRORS = new Set(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]);

function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function parseAddress(address: string): Bounds {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (cols) {
    const a = parseA1(`${cols[1]}1`).col;
    const b = parseA1(`${cols[2]}1`).col;
    return { top: 1, left: Math.min(a, b), bottom: MAX_ROWS, right: Math.max(a, b) };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COLS };
  const [from, to] = local.split(":");
  let a: { row: number; col: number };
  let b: { row: number; col: number };
  try {
    a = parseA1(from);
    b = to ? parseA1(to) : a;
  } catch {
    throw new FakeOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  }
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function addressOf(b: Bounds): string {
  const from = `${columnLetters(b.left)}${b.top}`;
  const to = `${columnLetters(b.right)}${b.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

/** A range's address as Excel gives it: whole rows as `1:4`, whole columns as `A:C`. */
function rangeAddressOf(b: Bounds): string {
  if (b.left === 1 && b.right === MAX_COLS) return `${b.top}:${b.bottom}`;
  if (b.top === 1 && b.bottom === MAX_ROWS) return `${columnLetters(b.left)}:${columnLetters(b.right)}`;
  return addressOf(b);
}

function serialToDmy(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** What Excel would display for a cell (enough of Excel's formatting for the tests). */
function displayOf(cell: FakeCell): string {
  if (cell.text !== undefined) return cell.text;
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (/%/.test(cell.numberFormat)) return `${Math.round(v * 100)}%`;
    if (/d.*m.*y/i.test(cell.numberFormat)) return serialToDmy(v);
    return String(v);
  }
  return v;
}

function valueTypeOf(cell: FakeCell | undefined): string {
  if (!cell) return "Empty";
  if (cell.error) return "Error";
  const v = cell.value;
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

/**
 * HYPERLINK("location", "friendly name") with string literals, as Excel reads it: the value
 * shown is the friendly name (else the location); a location starting `#` is a place in
 * this workbook. Unlike Range.hyperlink, such a cell has no hyperlink object.
 */
export function hyperlinkOf(formula: string): { location: string; textToDisplay: string } | null {
  const m = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(formula);
  if (!m) return null;
  const location = m[1].replace(/""/g, '"');
  return { location, textToDisplay: m[2] !== undefined ? m[2].replace(/""/g, '"') : location };
}

/** The bounds of a sheet's cells (with content only, where `valuesOnly`), within `within`; null when none. */
function usedBounds(s: FakeSheetState, valuesOnly: boolean | undefined, within?: Bounds): Bounds | null {
  let b: Bounds | null = null;
  for (const [k, cell] of s.cells) {
    if (valuesOnly && !hasContent(cell)) continue;
    const [r, c] = k.split(",").map(Number);
    if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) continue;
    b = b
      ? { top: Math.min(b.top, r), left: Math.min(b.left, c), bottom: Math.max(b.bottom, r), right: Math.max(b.right, c) }
      : { top: r, left: c, bottom: r, right: c };
  }
  return b;
}

/** A sheet name as formulas write it: quoted where needed (`'My Sheet'!`), for references. */
function sheetPrefix(name: string): string {
  return `${quoteSheetName(name)}!`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function hasContent(cell: FakeCell): boolean {
  return (cell.value !== null && cell.value !== "") || cell.formula !== undefined || cell.error !== undefined;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function notLoaded(kind: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available on ${kind}. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Splits a load() argument ("a, b/c" or ["a", "b/c"]) into paths. */
function loadPaths(spec?: string | string[] | Record<string, unknown>): string[] {
  if (spec === undefined) return [];
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  throw new Error("fake: load() with an options object is not supported");
}

// ---------------------------------------------------------------------------------------

class FakeContext {
  readonly queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  constructor(
    readonly excel: FakeExcel,
    /** Excel.run was given `delayForCellEdit: true` and this Excel knows it (ExcelApi 1.11). */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  get state(): FakeWorkbookState {
    return this.excel.state;
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    // A batch sent while the user edits a cell fails, unless Excel.run was told to wait
    // (Excel.RunOptions.delayForCellEdit; learn.microsoft.com "Delay execution while cell
    // is being edited"): then it runs when the edit ends.
    if (this.excel.inCellEdit) {
      if (!this.delayForCellEdit)
        throw new FakeOfficeError(
          "InvalidOperationInCellEditMode",
          "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
        );
      await this.excel.cellEditEnded();
    }
    const ops = this.queue.splice(0, this.queue.length);
    await this.excel.process(ops);
  }
}

abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined = undefined;
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly kind: string,
  ) {}

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.kind, "isNullObject");
    return this.nullState;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(this.kind, name);
    return this.loaded.get(name) as T;
  }

  /** Queues a write; `apply` runs at sync. */
  protected write(desc: Record<string, unknown>, apply: () => void): void {
    this.ctx.enqueue({ desc: { on: this.kind, ...desc }, write: true, apply });
  }

  /** Sets a property: queued, and visible locally at once (as Office.js does). */
  protected setProp(name: string, value: unknown, apply: () => void): void {
    this.loaded.set(name, value);
    this.write({ set: name, value }, apply);
  }

  load(spec?: string | string[]): this {
    const paths = loadPaths(spec);
    this.ctx.enqueue({
      desc: { on: this.kind, load: paths },
      write: false,
      apply: () => {
        if (this.isNullNow()) return { data: null, commit: () => {} };
        return this.readPaths(paths);
      },
    });
    return this;
  }

  /** Null-ness resolved during apply (before the sync's commit). */
  protected isNullNow(): boolean {
    return false;
  }

  readPaths(paths: string[]): { data: unknown; commit: () => void } {
    const data: Record<string, unknown> = {};
    const commits: (() => void)[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length) nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
      else {
        const v = this.read(head);
        data[head] = v;
        commits.push(() => this.loaded.set(head, v));
      }
    }
    for (const [head, rest] of nested) {
      const r = this.child(head).readPaths(rest);
      data[head] = r.data;
      commits.push(r.commit);
    }
    return { data, commit: () => commits.forEach((c) => c()) };
  }

  /** Reads a scalar property from the workbook state, at sync. */
  protected read(prop: string): unknown {
    throw new Error(`fake: ${this.kind}.${prop} cannot be loaded`);
  }

  /** A navigation property, for nested load paths. */
  protected child(prop: string): FakeClientObject {
    throw new Error(`fake: ${this.kind}.${prop} is not a navigation property`);
  }
}

class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    super(ctx, "Workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
  get readOnly(): boolean {
    return this.prop("readOnly");
  }
  protected override read(prop: string): unknown {
    if (prop === "readOnly") return this.ctx.state.readOnly;
    return super.read(prop);
  }
  protected override child(prop: string): FakeClientObject {
    if (prop === "protection") return this.protection;
    if (prop === "application") return this.application;
    return super.child(prop);
  }
}

class FakeWorkbookProtection extends FakeClientObject {
  constructor(ctx: FakeContext) {
    super(ctx, "WorkbookProtection");
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  protected override read(prop: string): unknown {
    if (prop === "protected") return this.ctx.state.structureProtected;
    return super.read(prop);
  }
}

class FakeApplication extends FakeClientObject implements Pick<Excel.Application, "calculationMode"> {
  constructor(ctx: FakeContext) {
    super(ctx, "Application");
  }
  get calculationMode(): Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual" {
    return this.prop("calculationMode");
  }
  set calculationMode(v: Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual") {
    this.setProp("calculationMode", v, () => {
      this.ctx.state.calculationMode = v;
    });
  }
  /** ExcelApi 1.6: calculation waits until the next sync, for this workbook only; counted. */
  suspendApiCalculationUntilNextSync(): void {
    this.write({ call: "suspendApiCalculationUntilNextSync" }, () => {
      if (!this.ctx.excel.isSetSupported("ExcelApi", "1.6")) throw new FakeOfficeError("ApiNotFound", "suspendApiCalculationUntilNextSync needs ExcelApi 1.6.");
      this.ctx.state.calculationSuspensions++;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.write({ call: "suspendScreenUpdatingUntilNextSync" }, () => {
      this.ctx.state.screenUpdatingSuspensions++;
    });
  }
  protected override read(prop: string): unknown {
    if (prop === "calculationMode") return this.ctx.state.calculationMode;
    return super.read(prop);
  }
}

type Handler = (args: unknown) => Promise<unknown>;

/**
 * OfficeExtension.EventHandlers: add() and remove() are queued and take effect only when a
 * sync succeeds; registering an event newer than this Excel's API fails that sync.
 */
class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly event: FakeEventName,
  ) {}
  private queue(call: "add" | "remove", handler: Handler): void {
    this.ctx.enqueue({
      desc: { on: "WorksheetCollection", event: this.event, call },
      write: false,
      apply: () => {
        if (!this.ctx.excel.isSetSupported("ExcelApi", EVENT_SETS[this.event]))
          throw new FakeOfficeError("ApiNotFound", `WorksheetCollection.${this.event} needs ExcelApi ${EVENT_SETS[this.event]}.`);
        return {
          data: null,
          commit: () => (call === "add" ? this.ctx.excel.register(this.event, handler) : this.ctx.excel.unregister(this.event, handler)),
        };
      },
    });
  }
  add(handler: Handler): FakeEventHandlerResult {
    this.queue("add", handler);
    return new FakeEventHandlerResult(this.ctx, () => this.queue("remove", handler));
  }
  remove(handler: Handler): void {
    this.queue("remove", handler);
  }
}

class FakeEventHandlerResult {
  private undo: (() => void) | null;
  constructor(
    readonly context: FakeContext,
    undo: () => void,
  ) {
    this.undo = undo;
  }
  remove(): void {
    this.undo?.();
    this.undo = null;
  }
}

class FakeWorksheetCollection extends FakeClientObject {
  readonly onChanged: FakeEventHandlers;
  readonly onFormatChanged: FakeEventHandlers;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;
  readonly onNameChanged: FakeEventHandlers;
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection");
    this.onChanged = new FakeEventHandlers(ctx, "onChanged");
    this.onFormatChanged = new FakeEventHandlers(ctx, "onFormatChanged");
    this.onAdded = new FakeEventHandlers(ctx, "onAdded");
    this.onDeleted = new FakeEventHandlers(ctx, "onDeleted");
    this.onNameChanged = new FakeEventHandlers(ctx, "onNameChanged");
  }
  get items(): FakeWorksheet[] {
    return this.prop("items");
  }
  override readPaths(paths: string[]): { data: unknown; commit: () => void } {
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    if (paths.some((p) => !p.startsWith("items"))) throw new Error("fake: only items/... can be loaded on a collection");
    const sheets = [...this.ctx.state.sheets];
    const items = sheets.map((s) => new FakeWorksheet(this.ctx, s.name, () => s, false, s));
    const reads = items.map((ws) => ws.readPaths(itemPaths.length ? itemPaths : ["name"]));
    return {
      data: reads.map((r) => r.data),
      commit: () => {
        reads.forEach((r) => r.commit());
        this.loaded.set("items", items);
      },
    };
  }
  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, key, () => this.find(key), false);
    this.ctx.enqueue({ desc: { on: this.kind, call: "getItem", key }, write: false, apply: () => void ws.sheet() });
    return ws;
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, key, () => this.find(key), true);
    this.ctx.enqueue({ desc: { on: this.kind, call: "getItemOrNullObject", key }, write: false, apply: () => ws.resolveNull() });
    return ws;
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheetState | undefined;
    const ws = new FakeWorksheet(this.ctx, name ?? "", () => created, false);
    this.write({ call: "add", name }, () => {
      const state = this.ctx.state;
      if (state.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      const finalName = name ?? `Sheet${state.sheets.length + 1}`;
      this.ctx.excel.checkSheetName(finalName);
      created = this.ctx.excel.newSheet(finalName);
      state.sheets.push(created);
      this.ctx.excel.emit("onAdded", { type: "WorksheetAdded", source: "Local", worksheetId: created.id });
    });
    return ws;
  }
  private find(key: string): FakeSheetState | undefined {
    return this.ctx.state.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key);
  }
}

class FakeWorksheet extends FakeClientObject implements Pick<Excel.Worksheet, "name" | "id" | "tabColor"> {
  private target: FakeSheetState | undefined;
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreaks;
  constructor(
    ctx: FakeContext,
    private readonly label: string,
    private readonly locate: () => FakeSheetState | undefined,
    private readonly orNull: boolean,
    bound?: FakeSheetState,
  ) {
    super(ctx, "Worksheet");
    this.target = bound;
    if (bound) this.nullState = false;
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.tables = new FakeTableCollection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
    this.pageLayout = new FakePageLayout(ctx, this);
    this.horizontalPageBreaks = new FakePageBreaks(ctx, this);
  }
  /** The sheet's state, found at sync; throws as Excel does when it is missing or deleted. */
  sheet(): FakeSheetState {
    if (!this.target) {
      const found = this.locate();
      if (!found) {
        if (this.orNull) throw new FakeOfficeError("InvalidObjectPath", `The worksheet '${this.label}' is a null object.`);
        throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${this.label}'.`);
      }
      this.target = found;
    }
    if (!this.ctx.state.sheets.includes(this.target))
      throw new FakeOfficeError("ItemNotFound", `The worksheet '${this.target.name}' has been deleted.`);
    return this.target;
  }
  resolveNull(): void {
    const found = this.locate();
    if (found) this.target = found;
    this.nullState = !found;
  }
  protected override isNullNow(): boolean {
    return this.orNull && !this.target && !this.locate();
  }
  /** Refuses a change to a protected sheet's cells, as Excel does. */
  writable(): FakeSheetState {
    const s = this.sheet();
    if (s.protected) throw new FakeOfficeError("AccessDenied", `The worksheet '${s.name}' is protected.`);
    return s;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.setProp("name", v, () => {
      const s = this.sheet();
      if (s.name === v) return;
      if (this.ctx.state.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      this.ctx.excel.checkSheetName(v, s);
      const before = s.name;
      s.name = v;
      // Excel rewrites references to a renamed sheet in every formula.
      this.ctx.excel.renameReferences(before, v);
      this.ctx.excel.emit("onNameChanged", { type: "WorksheetNameChanged", source: "Local", worksheetId: s.id, nameBefore: before, nameAfter: v });
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.prop("visibility");
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.setProp("visibility", v, () => {
      this.sheet().visibility = v as FakeSheetState["visibility"];
    });
  }
  get tabColor(): string {
    return this.prop("tabColor");
  }
  set tabColor(v: string) {
    this.setProp("tabColor", v, () => {
      // "use an empty-string to set an 'auto' color" (Reference, Worksheet.tabColor).
      const s = this.sheet();
      if (v === "") delete s.tabColor;
      else s.tabColor = v;
    });
  }
  protected override read(prop: string): unknown {
    const s = this.sheet();
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    if (prop === "visibility") return s.visibility;
    // "if the worksheet is invisible, the value will be null" (Reference, Worksheet.tabColor).
    if (prop === "tabColor") return s.visibility === "Visible" ? (s.tabColor ?? "") : null;
    if (prop === "position") return this.ctx.state.sheets.indexOf(s);
    return super.read(prop);
  }
  protected override child(prop: string): FakeClientObject {
    if (prop === "protection") return this.protection;
    if (prop === "tables") return this.tables;
    return super.child(prop);
  }
  getRange(address?: string): FakeRange {
    const bounds = address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } : parseAddress(address);
    // The range's path (with its address) travels in the request, as Office.js sends it.
    this.ctx.enqueue({ desc: { on: this.kind, call: "getRange", address }, write: false, apply: () => {} });
    return new FakeRange(this.ctx, this, () => bounds, false);
  }
  /**
   * Worksheet.getRanges (ExcelApi 1.9): areas separated by commas or semicolons. As Excel,
   * it refuses a bad area or an address string over MAX_AREAS_ADDRESS characters at sync.
   */
  getRanges(address?: string): FakeAddressAreas {
    const text = address ?? addressOf({ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS });
    let parts: Bounds[] | null = null;
    try {
      parts = text.split(/[,;]/).map((a) => parseAddress(a.trim()));
    } catch {
      parts = null;
    }
    const areas = new FakeAddressAreas(this.ctx, this, parts ?? []);
    this.ctx.enqueue({
      desc: { on: this.kind, call: "getRanges", address: text },
      write: false,
      apply: () => {
        if (!this.ctx.excel.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "getRanges needs ExcelApi 1.9.");
        if (parts === null || text.length > MAX_AREAS_ADDRESS)
          throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        this.sheet();
      },
    });
    return areas;
  }
  /** Worksheet.getUsedRange (ExcelApi 1.1; valuesOnly 1.2): "If the worksheet is blank, this function will return the top left cell." */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.ctx.enqueue({ desc: { on: this.kind, call: "getUsedRange", valuesOnly }, write: false, apply: () => {} });
    return new FakeRange(this.ctx, this, () => usedBounds(this.sheet(), valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 }, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this.ctx, this, () => usedBounds(this.sheet(), valuesOnly), true);
    this.ctx.enqueue({ desc: { on: this.kind, call: "getUsedRangeOrNullObject", valuesOnly }, write: false, apply: () => range.resolveNull() });
    return range;
  }
  activate(): void {
    this.write({ call: "activate" }, () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.ctx.state.active = s.name;
    });
  }
  delete(): void {
    this.write({ call: "delete" }, () => {
      const s = this.sheet();
      const state = this.ctx.state;
      if (state.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      if (state.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0)
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      state.sheets.splice(state.sheets.indexOf(s), 1);
      // Formulas on other sheets that referred to it now give #REF! ("How to correct a
      // #REF! error", support.microsoft.com: a formula whose referenced cells were deleted).
      this.ctx.excel.breakReferencesTo(s.name);
      this.ctx.excel.emit("onDeleted", { type: "WorksheetDeleted", source: "Local", worksheetId: s.id });
    });
  }
  /** Worksheet.position (ExcelApi 1.1 get, 1.1 set): the zero-based place in the tab order. */
  get position(): number {
    return this.prop("position");
  }
  set position(v: number) {
    this.setProp("position", v, () => {
      const s = this.sheet();
      const sheets = this.ctx.state.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length) throw new FakeOfficeError("InvalidArgument", `Position ${v} is out of range.`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    });
  }
  /**
   * Worksheet.copy (ExcelApi 1.7): a copy of everything on the sheet, named as Excel names
   * copies (`Name (2)`), placed at the end (positionType "End", the only one the host uses).
   */
  copy(positionType?: string): FakeWorksheet {
    let created: FakeSheetState | undefined;
    const ws = new FakeWorksheet(this.ctx, "", () => created, false);
    this.write({ call: "copy", positionType }, () => {
      if (!this.ctx.excel.isSetSupported("ExcelApi", "1.7")) throw new FakeOfficeError("ApiNotFound", "Worksheet.copy needs ExcelApi 1.7.");
      if (positionType !== undefined && positionType !== "End") throw new Error("fake: only copy('End') is modelled");
      const state = this.ctx.state;
      if (state.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      const s = this.sheet();
      created = this.ctx.excel.cloneSheet(s);
      state.sheets.push(created);
      this.ctx.excel.emit("onAdded", { type: "WorksheetAdded", source: "Local", worksheetId: created.id });
    });
    return ws;
  }
}

class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "WorksheetProtection");
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  protected override read(prop: string): unknown {
    if (prop === "protected") return this.ws.sheet().protected;
    return super.read(prop);
  }
}

class FakeFreezePanes extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "WorksheetFreezePanes");
  }
  freezeRows(count?: number): void {
    this.write({ call: "freezeRows", count }, () => {
      this.ws.sheet().freezeRows = count ?? 1;
    });
  }
  /** WorksheetFreezePanes.unfreeze (ExcelApi 1.7). */
  unfreeze(): void {
    this.write({ call: "unfreeze" }, () => {
      const s = this.ws.sheet();
      s.freezeRows = 0;
      delete s.freezeCols;
    });
  }
  /**
   * WorksheetFreezePanes.freezeAt (ExcelApi 1.7): "the range provided corresponds to cells
   * that will be frozen in the top- and left-most pane", so from A1: its rows and columns.
   */
  freezeAt(frozenRange: string): void {
    this.write({ call: "freezeAt", frozenRange }, () => {
      const b = parseAddress(frozenRange);
      if (b.top !== 1 || b.left !== 1) throw new FakeOfficeError("InvalidArgument", "The frozen range must start at A1.");
      const s = this.ws.sheet();
      s.freezeRows = b.bottom === MAX_ROWS ? 0 : b.bottom;
      if (b.right === MAX_COLS) delete s.freezeCols;
      else s.freezeCols = b.right;
    });
  }
  /** WorksheetFreezePanes.getLocationOrNullObject (ExcelApi 1.7): the frozen cells, or a null object. */
  getLocationOrNullObject(): FakeRange {
    const frozen = (): Bounds | null => {
      const s = this.ws.sheet();
      const rows = s.freezeRows;
      const cols = s.freezeCols ?? 0;
      if (!rows && !cols) return null;
      return { top: 1, left: 1, bottom: rows || MAX_ROWS, right: cols || MAX_COLS };
    };
    const range = new FakeRange(this.ctx, this.ws, frozen, true);
    this.ctx.enqueue({ desc: { on: this.kind, call: "getLocationOrNullObject" }, write: false, apply: () => range.resolveNull() });
    return range;
  }
}

class FakeHeaderFooter extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "HeaderFooter");
  }
  private set(name: string, v: string) {
    this.setProp(name, v, () => {
      this.ws.sheet().pageLayout[name] = v;
    });
  }
  // HeaderFooter (ExcelApi 1.9): six sections, each text in Excel's header and footer codes.
  set leftHeader(v: string) {
    this.set("leftHeader", v);
  }
  get leftHeader(): string {
    return this.prop("leftHeader");
  }
  set centerHeader(v: string) {
    this.set("centerHeader", v);
  }
  get centerHeader(): string {
    return this.prop("centerHeader");
  }
  set rightHeader(v: string) {
    this.set("rightHeader", v);
  }
  get rightHeader(): string {
    return this.prop("rightHeader");
  }
  set leftFooter(v: string) {
    this.set("leftFooter", v);
  }
  get leftFooter(): string {
    return this.prop("leftFooter");
  }
  set centerFooter(v: string) {
    this.set("centerFooter", v);
  }
  get centerFooter(): string {
    return this.prop("centerFooter");
  }
  set rightFooter(v: string) {
    this.set("rightFooter", v);
  }
  get rightFooter(): string {
    return this.prop("rightFooter");
  }
  /** A section never set reads as empty text, as in Excel. */
  protected override read(prop: string): unknown {
    if (["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"].includes(prop)) {
      const v = this.ws.sheet().pageLayout[prop];
      return typeof v === "string" ? v : "";
    }
    return super.read(prop);
  }
}

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9): `add` "adds a page break before the
 * top-left cell of the range specified"; `removePageBreaks` "resets all manual page breaks
 * in the collection" (learn.microsoft.com, Excel.PageBreakCollection).
 */
class FakePageBreaks extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "PageBreakCollection");
  }
  add(pageBreakRange: string): void {
    this.write({ call: "add", pageBreakRange }, () => {
      const m = /^\$?[A-Z]{1,3}\$?(\d+)(:|$)/.exec(pageBreakRange);
      if (!m) throw new FakeOfficeError("InvalidArgument", `The range '${pageBreakRange}' is not valid.`);
      const row = Number(m[1]);
      const s = this.ws.sheet();
      // A break above row 1 is no break; Excel refuses it.
      if (row < 2) throw new FakeOfficeError("InvalidArgument", "A page break cannot be added above the first row.");
      // "There is a limit of 1,026 horizontal page breaks per sheet" (Microsoft's reference
      // for Worksheet.HPageBreaks, learn.microsoft.com/office/vba/api/excel.worksheet.hpagebreaks);
      // the error Office.js gives past it is not documented: a general one here.
      if (!s.pageBreaks.includes(row) && s.pageBreaks.length >= 1026)
        throw new FakeOfficeError("GeneralException", "There is a limit of 1,026 horizontal page breaks per sheet.");
      if (!s.pageBreaks.includes(row)) s.pageBreaks.push(row);
      s.pageBreaks.sort((a, b) => a - b);
    });
  }
  removePageBreaks(): void {
    this.write({ call: "removePageBreaks" }, () => {
      this.ws.sheet().pageBreaks = [];
    });
  }
  get items(): FakePageBreak[] {
    return this.prop("items");
  }
  /**
   * `load("items/rowIndex, items/columnIndex")` (PageBreakCollection.items, PageBreak,
   * ExcelApi 1.9): one item a manual break, in row order. Microsoft says only that rowIndex
   * "specifies the row index for the page break"; here it is the zero-based index of the
   * first row after the break, as Range.rowIndex is zero-based ("Zero-indexed"), and a
   * horizontal break's columnIndex is 0 (*assumed*, both: docs/addin.md lists them as
   * needing a real Excel).
   */
  override readPaths(paths: string[]): { data: unknown; commit: () => void } {
    if (paths.some((p) => !p.startsWith("items"))) throw new Error("fake: only items/... can be loaded on a page break collection");
    if (!this.ctx.excel.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "Page breaks need ExcelApi 1.9.");
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    const items = this.ws.sheet().pageBreaks.map((row) => new FakePageBreak(this.ctx, row - 1, 0));
    const reads = items.map((b) => b.readPaths(itemPaths.length ? itemPaths : ["rowIndex", "columnIndex"]));
    return {
      data: reads.map((r) => r.data),
      commit: () => {
        reads.forEach((r) => r.commit());
        this.loaded.set("items", items);
      },
    };
  }
}

/** One manual page break (PageBreak, ExcelApi 1.9); see FakePageBreaks.readPaths for its indexes. */
class FakePageBreak extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly row: number,
    private readonly column: number,
  ) {
    super(ctx, "PageBreak");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  protected override read(prop: string): unknown {
    if (prop === "rowIndex") return this.row;
    if (prop === "columnIndex") return this.column;
    return super.read(prop);
  }
}

class FakePageLayout extends FakeClientObject {
  readonly headersFooters: { defaultForAllPages: FakeHeaderFooter };
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx, "PageLayout");
    this.headersFooters = { defaultForAllPages: new FakeHeaderFooter(ctx, ws) };
  }
  set orientation(v: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.setProp("orientation", v, () => {
      this.ws.sheet().pageLayout.orientation = v;
    });
  }
  get orientation(): Excel.PageOrientation | "Portrait" | "Landscape" {
    return this.prop("orientation");
  }
  /**
   * PageLayoutZoomOptions (ExcelApi 1.9): pages wide and tall are whole numbers, or null
   * where a percentage scale is used; scale is 10–400, or null where fitting to pages. 0
   * pages means "automatic", as in the file format (ECMA-376 Part 1, pageSetup fitToHeight).
   * Anything else, or a scale with pages, is refused as Excel refuses a bad argument.
   */
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.setProp("zoom", v, () => {
      const pages = (x: unknown) => x === undefined || x === null || (typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 32767);
      const fits = [v.horizontalFitToPages, v.verticalFitToPages].some((x) => typeof x === "number");
      const scaleOk = v.scale === undefined || v.scale === null || (typeof v.scale === "number" && v.scale >= 10 && v.scale <= 400);
      if (!pages(v.horizontalFitToPages) || !pages(v.verticalFitToPages) || !scaleOk || (fits && typeof v.scale === "number"))
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      this.ws.sheet().pageLayout.zoom = { ...v };
    });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.prop("zoom");
  }
  set paperSize(v: string) {
    this.setProp("paperSize", v, () => {
      this.ws.sheet().pageLayout.paperSize = v;
    });
  }
  get paperSize(): string {
    return this.prop("paperSize");
  }
  /**
   * Excel's defaults where a sheet's page setup was never set: portrait, 100%, Letter, and
   * the "Normal" margins in points (0.7 in left and right, 0.75 in top and bottom, 0.3 in
   * header and footer: the margins ECMA-376 Part 1 shows for `pageMargins` and Excel writes
   * for a new sheet; *assumed* as to what Office.js reads for a sheet never set up).
   */
  protected override read(prop: string): unknown {
    const layout = this.ws.sheet().pageLayout;
    if (prop === "orientation") return layout.orientation ?? "Portrait";
    if (prop === "zoom") return layout.zoom ? { ...(layout.zoom as Excel.PageLayoutZoomOptions) } : { scale: 100 };
    if (prop === "paperSize") return layout.paperSize ?? "Letter";
    if (prop in DEFAULT_MARGINS) return layout[prop] ?? DEFAULT_MARGINS[prop];
    return super.read(prop);
  }
  /** PageLayout.getPrintTitleRowsOrNullObject (ExcelApi 1.9): the rows repeated on each printed page. */
  getPrintTitleRowsOrNullObject(): FakeRange {
    const rows = (): Bounds | null => {
      const m = /^\$(\d+):\$(\d+)$/.exec(String(this.ws.sheet().pageLayout.printTitleRows ?? ""));
      return m ? { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: MAX_COLS } : null;
    };
    const range = new FakeRange(this.ctx, this.ws, rows, true);
    this.ctx.enqueue({ desc: { on: this.kind, call: "getPrintTitleRowsOrNullObject" }, write: false, apply: () => range.resolveNull() });
    return range;
  }
  // PageLayout margins (ExcelApi 1.9), in points; a negative margin is refused as Excel refuses it.
  private margin(name: string, v: number): void {
    this.setProp(name, v, () => {
      if (!(typeof v === "number" && v >= 0 && v < 1000)) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      this.ws.sheet().pageLayout[name] = v;
    });
  }
  set leftMargin(v: number) {
    this.margin("leftMargin", v);
  }
  get leftMargin(): number {
    return this.prop("leftMargin");
  }
  set rightMargin(v: number) {
    this.margin("rightMargin", v);
  }
  get rightMargin(): number {
    return this.prop("rightMargin");
  }
  set topMargin(v: number) {
    this.margin("topMargin", v);
  }
  get topMargin(): number {
    return this.prop("topMargin");
  }
  set bottomMargin(v: number) {
    this.margin("bottomMargin", v);
  }
  get bottomMargin(): number {
    return this.prop("bottomMargin");
  }
  set headerMargin(v: number) {
    this.margin("headerMargin", v);
  }
  get headerMargin(): number {
    return this.prop("headerMargin");
  }
  set footerMargin(v: number) {
    this.margin("footerMargin", v);
  }
  get footerMargin(): number {
    return this.prop("footerMargin");
  }
  setPrintTitleRows(rows: string): void {
    this.write({ call: "setPrintTitleRows", rows }, () => {
      if (!/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `Print title rows '${rows}' are not valid.`);
      this.ws.sheet().pageLayout.printTitleRows = rows;
    });
  }
}

class FakeRange extends FakeClientObject {
  private resolved: Bounds | null | undefined;
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private readonly locate: () => Bounds | null,
    private readonly orNull: boolean,
  ) {
    super(ctx, "Range");
    this.format = new FakeRangeFormat(ctx, this);
    if (!orNull) this.nullState = false;
  }
  resolveNull(): void {
    this.resolved = this.locate();
    this.nullState = this.resolved === null;
  }
  protected override isNullNow(): boolean {
    return this.orNull && this.bounds(true) === null;
  }
  bounds(allowNull = false): Bounds {
    if (this.resolved === undefined) this.resolved = this.locate();
    if (this.resolved === null) {
      if (allowNull) return null as unknown as Bounds;
      throw new FakeOfficeError("InvalidObjectPath", "The range is a null object.");
    }
    return this.resolved;
  }
  /** Every position of the range, refusing whole-sheet sweeps the host should never need. */
  positions(): [number, number][] {
    const b = this.bounds();
    const n = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    if (n > 2_000_000) throw new Error(`fake: refusing to touch ${n} cells at once`);
    const out: [number, number][] = [];
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push([r, c]);
    return out;
  }
  cell(r: number, c: number, create: boolean): FakeCell | undefined {
    const cells = (create ? this.ws.writable() : this.ws.sheet()).cells;
    let cell = cells.get(key(r, c));
    if (!cell && create) {
      cell = { value: null, numberFormat: "General", style: {} };
      cells.set(key(r, c), cell);
    }
    return cell;
  }
  private grid<T>(f: (cell: FakeCell | undefined) => T): T[][] {
    const b = this.bounds();
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(this.cell(r, c, false)));
      out.push(row);
    }
    return out;
  }
  protected override read(prop: string): unknown {
    const b = this.bounds();
    // "A range is limited to 5,000,000 cells for read operations" (learn.microsoft.com,
    // Resource limits and performance optimization for Office Add-ins, Excel add-ins);
    // the code is RangeExceedsLimit (Error handling with the application-specific APIs).
    if (prop !== "address" && (b.bottom - b.top + 1) * (b.right - b.left + 1) > MAX_READ_CELLS)
      throw new FakeOfficeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
    switch (prop) {
      case "address":
        return `${quoteSheetName(this.ws.sheet().name)}!${rangeAddressOf(b)}`;
      case "values":
        return this.grid((c) => (!c ? "" : c.error ? c.error : c.value ?? ""));
      case "text":
        return this.grid((c) => (c ? displayOf(c) : ""));
      case "numberFormat":
        return this.grid((c) => c?.numberFormat ?? "General");
      case "formulas":
        return this.grid((c) => (!c ? "" : c.formula !== undefined ? `=${c.formula}` : c.error ?? c.value ?? ""));
      case "valueTypes":
        return this.grid(valueTypeOf);
      case "hyperlink":
        return this.cell(b.top, b.left, false)?.hyperlink ?? null;
    }
    return super.read(prop);
  }
  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    this.setCells("values", v);
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  set formulas(v: unknown[][]) {
    this.setCells("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.setProp("numberFormat", v, () => {
      this.each(v, "numberFormat", (cell, x) => {
        cell.numberFormat = String(x);
      });
      this.raise("onFormatChanged");
    });
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.prop("hyperlink");
  }
  /** Range.columnHidden (ExcelApi 1.2): hides or shows every column the range covers. */
  set columnHidden(v: boolean) {
    this.setProp("columnHidden", v, () => {
      const b = this.bounds();
      const s = this.ws.sheet();
      for (let c = b.left; c <= b.right; c++) {
        if (v) s.hiddenColumns.add(c);
        else s.hiddenColumns.delete(c);
      }
    });
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this.setProp("hyperlink", v, () => {
      for (const [r, c] of this.positions()) {
        const cell = this.cell(r, c, true)!;
        cell.hyperlink = { ...v };
        if (v.textToDisplay !== undefined) {
          cell.value = v.textToDisplay;
          delete cell.formula;
        }
      }
      this.raise("onChanged");
    });
  }
  /**
   * Range.setCellProperties (ExcelApi 1.9): one entry a cell, in a grid the range's shape;
   * an entry's `hyperlink` is set as Range.hyperlink sets it (its text put in the cell), an
   * empty entry leaves its cell alone. Only hyperlinks are modelled.
   */
  setCellProperties(data: { hyperlink?: Excel.RangeHyperlink }[][]): void {
    if (data.some((row) => row.some((e) => Object.keys(e).some((k) => k !== "hyperlink"))))
      throw new Error("fake: only hyperlinks are modelled in setCellProperties");
    this.write({ call: "setCellProperties", data }, () => {
      if (!this.ctx.excel.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "setCellProperties needs ExcelApi 1.9.");
      this.each(data, "cellProperties", (cell, x) => {
        const v = (x as { hyperlink?: Excel.RangeHyperlink }).hyperlink;
        if (!v) return;
        cell.hyperlink = { ...v };
        if (v.textToDisplay !== undefined) {
          cell.value = v.textToDisplay;
          delete cell.formula;
        }
      });
      this.raise("onChanged");
    });
  }
  /** Applies a 2-D array (or one value for every cell), checking its shape as Excel does. */
  private each(v: unknown, prop: string, f: (cell: FakeCell, x: unknown) => void): void {
    const b = this.bounds();
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const scalar = !Array.isArray(v);
    if (!scalar) {
      const grid = v as unknown[][];
      if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`,
        );
    }
    for (const [r, c] of this.positions()) {
      const x = scalar ? v : (v as unknown[][])[r - b.top][c - b.left];
      f(this.cell(r, c, true)!, x);
    }
  }
  private setCells(prop: "values" | "formulas", v: unknown[][]): void {
    this.setProp(prop, v, () => {
      this.each(v, prop, (cell, x) => {
        delete cell.formula;
        delete cell.error;
        delete cell.text;
        if (x === null || x === undefined || x === "") {
          cell.value = null;
          return;
        }
        if (typeof x === "string") {
          // As when typed: text in a Text (@) cell stays text; otherwise `=…` is a formula
          // and a number-like string becomes a number.
          if (cell.numberFormat === "@") cell.value = x;
          else if (x.startsWith("=") && x.length > 1) {
            cell.formula = x.slice(1);
            // The fake calculates no formulas but HYPERLINK, whose value is its friendly name.
            const link = hyperlinkOf(cell.formula);
            cell.value = link ? link.textToDisplay : null;
          } else if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(x.trim())) cell.value = Number(x);
          else if (ERRORS.has(x)) {
            cell.value = null;
            cell.error = x;
          } else cell.value = x;
          return;
        }
        if (typeof x === "number" || typeof x === "boolean") {
          cell.value = x;
          return;
        }
        throw new FakeOfficeError("InvalidArgument", `Cannot write ${typeof x} to a cell.`);
      });
      this.formCalculatedColumns(v);
      this.raise("onChanged");
    });
  }
  /**
   * AutoCorrect's "Fill formulas in tables to create calculated columns" (on by default)
   * applies to API writes too: a formula written into a table's data body turns its column
   * into a calculated column, every data cell taking the bottom-most formula written
   * (office-js #5909, #6745, #2093; support.microsoft.com "Use calculated columns in an
   * Excel table"). The header and totals rows are not part of the data body.
   */
  private formCalculatedColumns(v: unknown): void {
    if (!this.ctx.excel.fillFormulasInTables || !Array.isArray(v)) return;
    const b = this.bounds();
    const s = this.ws.sheet();
    for (const t of s.tables) {
      const top = t.bounds.top + 1;
      const bottom = t.bounds.bottom - (t.showTotals ? 1 : 0);
      for (let c = Math.max(t.bounds.left, b.left); c <= Math.min(t.bounds.right, b.right); c++) {
        let formula: string | null = null;
        for (let r = Math.max(top, b.top); r <= Math.min(bottom, b.bottom); r++) {
          const x = (v as unknown[][])[r - b.top]?.[c - b.left];
          const cell = s.cells.get(key(r, c));
          if (typeof x === "string" && x.startsWith("=") && cell?.formula !== undefined) formula = cell.formula;
        }
        if (formula === null) continue;
        for (let r = top; r <= bottom; r++) {
          const cell = s.cells.get(key(r, c)) ?? { value: null, numberFormat: "General", style: {} };
          cell.formula = formula;
          const link = hyperlinkOf(formula);
          cell.value = link ? link.textToDisplay : null;
          delete cell.error;
          s.cells.set(key(r, c), cell);
        }
      }
    }
  }
  /**
   * Range.getCellProperties (ExcelApi 1.9), fill colour and pattern only: a ClientResult whose
   * value, after the sync, holds each cell's `format.fill` with the properties asked for.
   * A cell with no fill gives colour `#FFFFFF`, as a white one does (office-js #6218, #4900),
   * and pattern `None`; a colour set through RangeFill.color is a solid fill (pattern
   * `Solid`); a patterned fill keeps its pattern (`Gray50`…), its colour being the
   * background behind the pattern (Reference, RangeFill: "the color of the background").
   */
  getCellProperties(options: { format?: { fill?: { color?: boolean; pattern?: boolean } } }): { value: { format: { fill: Record<string, string> } }[][] } {
    const fill = options.format?.fill;
    const asked = Object.keys(fill ?? {});
    if (!fill || Object.keys(options).length !== 1 || Object.keys(options.format ?? {}).length !== 1 || asked.some((k) => k !== "color" && k !== "pattern"))
      throw new Error("fake: only fill colours and patterns are modelled in getCellProperties");
    const result = { value: [] as { format: { fill: Record<string, string> } }[][] };
    this.ctx.enqueue({
      desc: { on: this.kind, call: "getCellProperties", options },
      write: false,
      apply: () => {
        if (!this.ctx.excel.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "getCellProperties needs ExcelApi 1.9.");
        const b = this.bounds();
        if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > MAX_READ_CELLS)
          throw new FakeOfficeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
        const data = this.grid((c) => {
          const color = typeof c?.style["fill.color"] === "string" ? c.style["fill.color"].toUpperCase() : null;
          const pattern = typeof c?.style["fill.pattern"] === "string" ? c.style["fill.pattern"] : color ? "Solid" : "None";
          const out: Record<string, string> = {};
          if (fill.color) out.color = color ?? "#FFFFFF";
          if (fill.pattern) out.pattern = pattern;
          return { format: { fill: out } };
        });
        const address = `${quoteSheetName(this.ws.sheet().name)}!${addressOf(b)}`;
        return {
          data,
          commit: () => {
            result.value = data;
            this.ctx.excel.cellPropertyReads.push(address);
          },
        };
      },
    });
    return result;
  }
  /** Properties of whole rows or columns, as Range.getRowProperties / getColumnProperties give them (ExcelApi 1.9). */
  private lineProperties(kind: "row" | "column", options: Record<string, unknown>): { value: Record<string, unknown>[] } {
    const format = (options.format ?? {}) as Record<string, unknown>;
    const size = kind === "row" ? "rowHeight" : "columnWidth";
    const standard = kind === "row" ? "useStandardHeight" : "useStandardWidth";
    const index = kind === "row" ? "rowIndex" : "columnIndex";
    // ColumnPropertiesLoadOptions.columnHidden (ExcelApi 1.9): whether the column is hidden.
    const hidden = kind === "column" ? "columnHidden" : null;
    if (Object.keys(options).some((k) => k !== "format" && k !== index && k !== hidden) || Object.keys(format).some((k) => k !== size && k !== standard))
      throw new Error(`fake: only ${index}, ${hidden ?? ""} ${size} and ${standard} are modelled in get${kind === "row" ? "Row" : "Column"}Properties`);
    const result = { value: [] as Record<string, unknown>[] };
    this.ctx.enqueue({
      desc: { on: this.kind, call: `get${kind === "row" ? "Row" : "Column"}Properties`, options },
      write: false,
      apply: () => {
        if (!this.ctx.excel.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "Row and column properties need ExcelApi 1.9.");
        const b = this.bounds();
        const s = this.ws.sheet();
        const sizes = kind === "row" ? s.rowHeights : s.columnWidths;
        const data: Record<string, unknown>[] = [];
        for (let i = kind === "row" ? b.top : b.left; i <= (kind === "row" ? b.bottom : b.right); i++) {
          const entry: Record<string, unknown> = {};
          const f: Record<string, unknown> = {};
          if (options[index]) entry[index] = i - 1;
          if (hidden && options[hidden]) entry[hidden] = s.hiddenColumns.has(i);
          // Whether Excel reads a hidden column as 0 wide is not documented: chosen per fake.
          const zero = kind === "column" && this.ctx.excel.hiddenColumnsReadZeroWidth && s.hiddenColumns.has(i);
          if (format[size]) f[size] = zero ? 0 : (sizes.get(i) ?? (kind === "row" ? STANDARD_HEIGHT : STANDARD_WIDTH));
          if (format[standard]) f[standard] = !zero && !sizes.has(i);
          entry.format = f;
          data.push(entry);
        }
        return { data, commit: () => (result.value = data) };
      },
    });
    return result;
  }
  getRowProperties(options: Record<string, unknown>): { value: Record<string, unknown>[] } {
    return this.lineProperties("row", options);
  }
  getColumnProperties(options: Record<string, unknown>): { value: Record<string, unknown>[] } {
    return this.lineProperties("column", options);
  }
  /**
   * Range.setRowProperties / setColumnProperties (ExcelApi 1.9): one entry a row (column) of
   * the range, in order; an entry's `format.rowHeight` (`columnWidth`) sets the size, its
   * `useStandardHeight` (`useStandardWidth`) puts the sheet's standard size back.
   */
  private setLineProperties(kind: "row" | "column", data: { format?: Record<string, unknown>; columnHidden?: boolean }[]): void {
    this.write({ call: `set${kind === "row" ? "Row" : "Column"}Properties`, data }, () => {
      if (!this.ctx.excel.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "Row and column properties need ExcelApi 1.9.");
      const b = this.bounds();
      const s = this.ws.writable();
      const first = kind === "row" ? b.top : b.left;
      const count = kind === "row" ? b.bottom - b.top + 1 : b.right - b.left + 1;
      if (data.length !== count) throw new FakeOfficeError("InvalidArgument", `Expected ${count} ${kind} entries, got ${data.length}.`);
      const sizes = kind === "row" ? s.rowHeights : s.columnWidths;
      data.forEach((entry, i) => {
        const f = entry.format ?? {};
        const size = f[kind === "row" ? "rowHeight" : "columnWidth"];
        if (f[kind === "row" ? "useStandardHeight" : "useStandardWidth"] === true) sizes.delete(first + i);
        if (typeof size === "number") sizes.set(first + i, size);
        // SettableColumnProperties.columnHidden (ExcelApi 1.9): hides or shows the column.
        if (kind === "column" && entry.columnHidden === true) s.hiddenColumns.add(first + i);
        if (kind === "column" && entry.columnHidden === false) s.hiddenColumns.delete(first + i);
      });
    });
  }
  setRowProperties(data: { format?: Record<string, unknown> }[]): void {
    this.setLineProperties("row", data);
  }
  setColumnProperties(data: { format?: Record<string, unknown>; columnHidden?: boolean }[]): void {
    this.setLineProperties("column", data);
  }
  /**
   * Range.copyFrom (ExcelApi 1.9), "All": as the Excel UI's copy and paste, the source's
   * values, formulas, number formats, cell formats, hyperlinks, merged cells and data
   * validation replace the destination's (Reference, Range.copyFrom; "Cut, copy, and paste
   * ranges using the Excel JavaScript API"). Column widths and row heights are not copied
   * (RangeCopyType.columnWidths is a separate, preview-only type). Whether a table inside
   * the source is pasted as a new table is not documented: `copyFromCarriesTables` chooses
   * (*assumed* either way; the host must cope with both). Only a copy to the same address is
   * modelled, so no formula needs moving.
   */
  copyFrom(source: FakeRange, copyType?: string, skipBlanks?: boolean, transpose?: boolean): void {
    this.write({ call: "copyFrom", copyType }, () => {
      if (!this.ctx.excel.isSetSupported("ExcelApi", "1.9")) throw new FakeOfficeError("ApiNotFound", "Range.copyFrom needs ExcelApi 1.9.");
      if ((copyType ?? "All") !== "All" || skipBlanks || transpose) throw new Error("fake: only copyFrom(range, 'All') is modelled");
      const from = source.bounds();
      const to = this.bounds();
      if (from.top !== to.top || from.left !== to.left) throw new Error("fake: only copies to the same address are modelled");
      const src = source.ws.sheet();
      const dest = this.ws.writable();
      const inside = (k: string) => {
        const [r, c] = k.split(",").map(Number);
        return r >= from.top && r <= from.bottom && c >= from.left && c <= from.right;
      };
      for (const k of [...dest.cells.keys()]) if (inside(k)) dest.cells.delete(k);
      for (const [k, cell] of src.cells) if (inside(k)) dest.cells.set(k, JSON.parse(JSON.stringify(cell)) as FakeCell);
      dest.merges = [...dest.merges.filter((m) => !overlaps(m, from)), ...src.merges.filter((m) => overlaps(m, from)).map((m) => ({ ...m }))];
      for (const k of [...dest.validation.keys()]) if (inside(k)) dest.validation.delete(k);
      for (const [k, v] of src.validation) if (inside(k)) dest.validation.set(k, JSON.parse(JSON.stringify(v)) as FakeValidation);
      if (this.ctx.excel.copyFromCarriesTables)
        for (const t of src.tables) {
          const b = t.bounds;
          if (b.top < from.top || b.bottom > from.bottom || b.left < from.left || b.right > from.right) continue;
          if (dest.tables.some((x) => overlaps(x.bounds, b))) throw new FakeOfficeError("InvalidOperation", "A table cannot overlap another table.");
          dest.tables.push({ ...t, id: `{T${this.ctx.excel.nextId()}}`, name: this.ctx.excel.freeTableName(), bounds: { ...b } });
        }
      this.raise("onChanged");
    });
  }
  /** Range.getTables (ExcelApi 1.9): the tables overlapping the range, or only those inside it. */
  getTables(fullyContained?: boolean): FakeTableCollection {
    const b = () => this.bounds();
    const within = (t: FakeTableState) =>
      fullyContained ? t.bounds.top >= b().top && t.bounds.bottom <= b().bottom && t.bounds.left >= b().left && t.bounds.right <= b().right : overlaps(t.bounds, b());
    this.ctx.enqueue({ desc: { on: this.kind, call: "getTables", fullyContained }, write: false, apply: () => {} });
    return new FakeTableCollection(this.ctx, this.ws, within);
  }
  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used part of this range. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this.ctx, this.ws, () => usedBounds(this.ws.sheet(), valuesOnly, this.bounds()), true);
    this.ctx.enqueue({ desc: { on: this.kind, call: "getUsedRangeOrNullObject", valuesOnly }, write: false, apply: () => range.resolveNull() });
    return range;
  }
  /** Range.clear (ExcelApi 1.1): contents, formats and hyperlinks; merges and tables stay. */
  clear(applyTo?: string): void {
    this.write({ call: "clear", applyTo }, () => {
      if (applyTo !== undefined && applyTo !== "All") throw new Error("fake: only clear('All') is modelled");
      const s = this.ws.writable();
      const b = this.bounds();
      for (const k of [...s.cells.keys()]) {
        const [r, c] = k.split(",").map(Number);
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) s.cells.delete(k);
      }
      this.raise("onChanged");
    });
  }
  /** Range.unmerge (ExcelApi 1.2). */
  unmerge(): void {
    this.write({ call: "unmerge" }, () => {
      const s = this.ws.writable();
      const b = this.bounds();
      s.merges = s.merges.filter((m) => !overlaps(m, b));
    });
  }
  /** Raises a change event for this range, as Excel does after the change is made. */
  raise(event: "onChanged" | "onFormatChanged"): void {
    const s = this.ws.sheet();
    this.ctx.excel.emit(event, {
      type: event === "onChanged" ? "WorksheetChanged" : "WorksheetFormatChanged",
      ...(event === "onChanged" ? { changeType: "RangeEdited" } : {}),
      source: "Local",
      worksheetId: s.id,
      address: addressOf(this.bounds()),
    });
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.ctx, this);
  }
  /**
   * Range.merge: `across` true merges "cells in each row of the specified range as separate
   * merged cells" (learn.microsoft.com, Excel.Range.merge); otherwise the range is one.
   */
  merge(across?: boolean): void {
    this.write({ call: "merge", across }, () => {
      const s = this.ws.writable();
      const b = this.bounds();
      if (s.merges.some((m) => overlaps(m, b))) throw new FakeOfficeError("InvalidOperation", "Cannot merge over a merged range.");
      if (across === true) {
        if (b.right > b.left) for (let r = b.top; r <= b.bottom; r++) s.merges.push({ top: r, left: b.left, bottom: r, right: b.right });
      } else s.merges.push({ ...b });
      this.raise("onFormatChanged");
    });
  }
  select(): void {
    this.write({ call: "select" }, () => {
      const s = this.ws.sheet();
      if (this.ctx.state.active !== s.name) throw new FakeOfficeError("InvalidOperation", "Only a range on the active sheet can be selected.");
      this.ctx.state.selection = { sheet: s.name, address: addressOf(this.bounds()) };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx, this);
    this.ctx.enqueue({
      desc: { on: this.kind, call: "getMergedAreasOrNullObject" },
      write: false,
      apply: () => {
        if (!this.ctx.excel.isSetSupported("ExcelApi", "1.13"))
          throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13.");
        areas.resolveNull();
      },
    });
    return areas;
  }
  parts(): FakeRange[] {
    return [this];
  }
  /** Sets a format property on every cell of the range. */
  styleCells(name: string, value: unknown): void {
    this.write({ style: name, value }, () => {
      for (const [r, c] of this.positions()) this.cell(r, c, true)!.style[name] = value;
      this.raise("onFormatChanged");
    });
  }
}

class FakeRangeAreas extends FakeClientObject {
  private areas: Bounds[] = [];
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, "RangeAreas");
  }
  resolveNull(): void {
    const b = this.range.bounds();
    const areas = this.range.ws.sheet().merges.filter((m) => overlaps(m, b));
    // "If the merged areas count in this range is more than 512, then this method will fail."
    if (areas.length > 512)
      throw new FakeOfficeError("GeneralException", `The range has ${areas.length} merged areas; Excel returns at most 512.`);
    this.areas = areas;
    this.nullState = this.areas.length === 0;
  }
  protected override isNullNow(): boolean {
    return this.nullState === true;
  }
  get address(): string {
    return this.prop("address");
  }
  protected override read(prop: string): unknown {
    if (prop === "address") {
      const name = quoteSheetName(this.range.ws.sheet().name);
      return this.areas.map((a) => `${name}!${addressOf(a)}`).join(", ");
    }
    return super.read(prop);
  }
}

/** What a RangeFormat formats: a range, or the areas of a RangeAreas. */
interface FormatTarget {
  styleCells(name: string, value: unknown): void;
  /** The ranges, for column widths and row heights. */
  parts(): FakeRange[];
}

/**
 * A RangeAreas from Worksheet.getRanges: its format sets each property on every cell of
 * every area, as one operation. Its address must be loaded and synced before it is read.
 */
class FakeAddressAreas extends FakeClientObject implements FormatTarget {
  readonly format: FakeRangeFormat;
  private readonly ranges: FakeRange[];
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    areas: Bounds[],
  ) {
    super(ctx, "RangeAreas");
    this.nullState = false;
    this.ranges = areas.map((b) => new FakeRange(ctx, ws, () => b, false));
    this.format = new FakeRangeFormat(ctx, this);
  }
  parts(): FakeRange[] {
    return this.ranges;
  }
  get address(): string {
    return this.prop("address");
  }
  protected override read(prop: string): unknown {
    if (prop === "address") {
      const name = quoteSheetName(this.ws.sheet().name);
      return this.ranges.map((r) => `${name}!${addressOf(r.bounds())}`).join(", ");
    }
    if (prop === "areaCount") return this.ranges.length;
    return super.read(prop);
  }
  styleCells(name: string, value: unknown): void {
    this.write({ style: name, value }, () => {
      for (const part of this.ranges) {
        for (const [r, c] of part.positions()) part.cell(r, c, true)!.style[name] = value;
        part.raise("onFormatChanged");
      }
    });
  }
}

class FakeRangeFormat extends FakeClientObject {
  readonly fill: { color: string };
  readonly font: { name: string; bold: boolean; italic: boolean; size: number; color: string; underline: string };
  readonly borders: { getItem(index: string): { style: string } };
  constructor(
    ctx: FakeContext,
    private readonly range: FormatTarget,
  ) {
    super(ctx, "RangeFormat");
    const styler = (prefix: string, names: string[]) => {
      const o = {} as Record<string, unknown>;
      for (const n of names)
        Object.defineProperty(o, n, {
          set: (v: unknown) => range.styleCells(`${prefix}${n}`, v),
          get: () => {
            throw notLoaded(`Range${prefix.replace(".", "")}`, n);
          },
        });
      return o;
    };
    this.fill = styler("fill.", ["color"]) as unknown as FakeRangeFormat["fill"];
    this.font = styler("font.", ["name", "bold", "italic", "size", "color", "underline"]) as unknown as FakeRangeFormat["font"];
    this.borders = {
      getItem: (index: string) => styler(`border.${index}.`, ["style"]) as unknown as { style: string },
    };
  }
  set wrapText(v: boolean) {
    this.range.styleCells("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.range.styleCells("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.range.styleCells("verticalAlignment", v);
  }
  set columnWidth(v: number) {
    this.write({ set: "columnWidth", value: v }, () => {
      for (const part of this.range.parts()) {
        const s = part.ws.writable();
        const b = part.bounds();
        for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, v);
        part.raise("onFormatChanged");
      }
    });
  }
  set rowHeight(v: number) {
    this.write({ set: "rowHeight", value: v }, () => {
      if (!(v >= 0 && v <= 409)) throw new FakeOfficeError("InvalidArgument", `A row height of ${v} points is out of range (0 to 409).`);
      for (const part of this.range.parts()) {
        const s = part.ws.writable();
        const b = part.bounds();
        for (let r = b.top; r <= b.bottom; r++) s.rowHeights.set(r, v);
        part.raise("onFormatChanged");
      }
    });
  }
  /** RangeFormat.autofitRows (ExcelApi 1.2): recorded per area, as `top:bottom`. */
  autofitRows(): void {
    this.write({ call: "autofitRows" }, () => {
      for (const part of this.range.parts()) {
        const s = part.ws.writable();
        const b = part.bounds();
        s.autofitRows.push(`${b.top}:${b.bottom}`);
        for (let r = b.top; r <= b.bottom; r++) s.rowHeights.delete(r);
      }
    });
  }
  /** RangeFormat.useStandardWidth / useStandardHeight (ExcelApi 1.2): back to the sheet's default. */
  set useStandardWidth(v: boolean) {
    this.write({ set: "useStandardWidth", value: v }, () => {
      if (!v) return;
      for (const part of this.range.parts()) {
        const s = part.ws.writable();
        const b = part.bounds();
        for (const c of [...s.columnWidths.keys()]) if (c >= b.left && c <= b.right) s.columnWidths.delete(c);
      }
    });
  }
  set useStandardHeight(v: boolean) {
    this.write({ set: "useStandardHeight", value: v }, () => {
      if (!v) return;
      for (const part of this.range.parts()) {
        const s = part.ws.writable();
        const b = part.bounds();
        for (const r of [...s.rowHeights.keys()]) if (r >= b.top && r <= b.bottom) s.rowHeights.delete(r);
      }
    });
  }
}

/** Excel's limits on a validation's messages (Data Validation dialog). */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;
const ERROR_MESSAGE_MAX = 225;
const LIST_SOURCE_MAX = 255;
const RULE_KINDS = ["custom", "date", "decimal", "list", "textLength", "time", "wholeNumber"] as const;
const OPERATORS = new Set(["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"]);

/** Range.dataValidation (ExcelApi 1.8): set rule, prompt, errorAlert and ignoreBlanks; kept per cell. */
class FakeDataValidation extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, "DataValidation");
  }
  /** Applies a change to every cell's validation, refusing on sheets Excel would refuse. */
  private update(name: keyof FakeValidation, value: unknown, check: () => void, f: (v: FakeValidation) => void): void {
    this.setProp(name, value, () => {
      if (!this.ctx.excel.isSetSupported("ExcelApi", "1.8")) throw new FakeOfficeError("ApiNotFound", "Data validation needs ExcelApi 1.8.");
      const s = this.range.ws.writable();
      check();
      for (const [r, c] of this.range.positions()) {
        const k = key(r, c);
        const v = s.validation.get(k) ?? {};
        f(v);
        s.validation.set(k, v);
      }
    });
  }
  set rule(rule: Excel.DataValidationRule) {
    this.update(
      "rule",
      rule,
      () => {
        const kinds = RULE_KINDS.filter((k) => rule[k] !== undefined);
        if (kinds.length !== 1) throw new FakeOfficeError("InvalidArgument", "A data validation rule must have exactly one kind of criteria.");
        const s = this.range.ws.sheet();
        // Excel will not put a rule over an existing one: clear() it first.
        if (this.range.positions().some(([r, c]) => s.validation.get(key(r, c))?.rule))
          throw new FakeOfficeError("InvalidOperation", "The range already has a data validation rule; clear it first.");
        const list = rule.list;
        if (list) {
          if (typeof list.source !== "string" || !list.source) throw new FakeOfficeError("InvalidArgument", "A list needs a source.");
          if (list.source.length > LIST_SOURCE_MAX) throw new FakeOfficeError("InvalidArgument", "A list source is limited to 255 characters.");
        }
        const basic = rule.decimal ?? rule.wholeNumber ?? rule.textLength ?? rule.date ?? rule.time;
        if (basic) {
          if (!OPERATORS.has(basic.operator)) throw new FakeOfficeError("InvalidArgument", `Unknown operator '${basic.operator}'.`);
          const between = basic.operator === "Between" || basic.operator === "NotBetween";
          if (basic.formula1 === undefined || (between && basic.formula2 === undefined))
            throw new FakeOfficeError("InvalidArgument", "The rule is missing a formula.");
          for (const f of [basic.formula1, basic.formula2]) {
            if (f === undefined) continue;
            // A date is taken as a Date or an ISO date string; anything else is a bad argument.
            if (rule.date && typeof f === "string" && !/^\d{4}-\d{2}-\d{2}/.test(f) && !f.startsWith("="))
              throw new FakeOfficeError("InvalidArgument", `'${f}' is not an ISO date.`);
            if (rule.decimal && typeof f !== "number" && !(typeof f === "string" && /^=?[-\d.]+$/.test(f)))
              throw new FakeOfficeError("InvalidArgument", `'${String(f)}' is not a number.`);
          }
        }
      },
      (v) => (v.rule = JSON.parse(JSON.stringify(rule))),
    );
  }
  get rule(): Excel.DataValidationRule {
    return this.prop("rule");
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.update(
      "prompt",
      p,
      () => {
        if ((p.title ?? "").length > PROMPT_TITLE_MAX || (p.message ?? "").length > PROMPT_MESSAGE_MAX)
          throw new FakeOfficeError("InvalidArgument", "A prompt's title is limited to 32 characters and its message to 255.");
      },
      (v) => (v.prompt = { ...p }),
    );
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.prop("prompt");
  }
  set errorAlert(a: Excel.DataValidationErrorAlert) {
    this.update(
      "errorAlert",
      a,
      () => {
        if ((a.title ?? "").length > PROMPT_TITLE_MAX || (a.message ?? "").length > ERROR_MESSAGE_MAX)
          throw new FakeOfficeError("InvalidArgument", "An error alert's title is limited to 32 characters and its message to 225.");
        if (!["Stop", "Warning", "Information"].includes(a.style)) throw new FakeOfficeError("InvalidArgument", `Unknown alert style '${a.style}'.`);
      },
      (v) => (v.errorAlert = { ...a }),
    );
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.prop("errorAlert");
  }
  set ignoreBlanks(b: boolean) {
    this.update("ignoreBlanks", b, () => {}, (v) => (v.ignoreBlanks = b));
  }
  get ignoreBlanks(): boolean {
    return this.prop("ignoreBlanks");
  }
}

/** A sheet's tables (Worksheet.tables), or a scoped collection of them (Range.getTables). */
class FakeTableCollection extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly scope: (t: FakeTableState) => boolean = () => true,
  ) {
    super(ctx, "TableCollection");
  }
  get items(): FakeTable[] {
    return this.prop("items");
  }
  /** TableCollection.getItemAt (ExcelApi 1.1): the table at an index, in the order Excel keeps them. */
  getItemAt(index: number): FakeTable {
    const table = new FakeTable(this.ctx, this.ws, () => this.ws.sheet().tables.filter(this.scope).at(index));
    this.ctx.enqueue({ desc: { on: this.kind, call: "getItemAt", index }, write: false, apply: () => void table.state() });
    return table;
  }
  override readPaths(paths: string[]): { data: unknown; commit: () => void } {
    const sub = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    const items = this.ws.sheet().tables.filter(this.scope).map((t) => new FakeTable(this.ctx, this.ws, () => t));
    const reads = items.map((t) => t.readPaths(sub.length ? sub : ["name"]));
    return {
      data: reads.map((r) => r.data),
      commit: () => {
        reads.forEach((r) => r.commit());
        this.loaded.set("items", items);
      },
    };
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    let created: FakeTableState | undefined;
    const table = new FakeTable(this.ctx, this.ws, () => created);
    this.write({ call: "add", address, hasHeaders }, () => {
      const s = this.ws.writable();
      const bounds = parseAddress(address);
      if (s.tables.some((t) => overlaps(t.bounds, bounds))) throw new FakeOfficeError("InvalidArgument", "A table cannot overlap another table.");
      if (!hasHeaders) throw new Error("fake: tables without headers are not supported");
      created = { id: `{T${this.ctx.excel.nextId()}}`, name: this.ctx.excel.freeTableName(), bounds, showTotals: false, style: "TableStyleMedium2" };
      // Excel names empty header cells Column1, Column2, …
      for (let c = bounds.left; c <= bounds.right; c++) {
        const k = key(bounds.top, c);
        const cell = s.cells.get(k);
        if (!cell || !hasContent(cell))
          s.cells.set(k, { ...(cell ?? { numberFormat: "General", style: {} }), value: `Column${c - bounds.left + 1}` });
      }
      s.tables.push(created);
    });
    return table;
  }
}

class FakeTable extends FakeClientObject implements Pick<Excel.Table, "name" | "showTotals"> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly locate: () => FakeTableState | undefined,
  ) {
    super(ctx, "Table");
  }
  state(): FakeTableState {
    const t = this.locate();
    if (!t || !this.ws.sheet().tables.includes(t)) throw new FakeOfficeError("ItemNotFound", "The table doesn't exist.");
    return t;
  }
  protected override read(prop: string): unknown {
    const t = this.state();
    if (prop === "name") return t.name;
    if (prop === "showTotals") return t.showTotals;
    if (prop === "style") return t.style;
    // A new table's rows are banded (Excel's default) until set otherwise.
    if (prop === "showBandedRows") return t.showBandedRows ?? true;
    return super.read(prop);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.setProp("name", v, () => {
      const t = this.state();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v) || v.length > 255)
        throw new FakeOfficeError("InvalidArgument", `'${v}' is not a valid table name.`);
      const clash = this.ctx.state.sheets.flatMap((s) => s.tables).find((x) => x !== t && x.name.toLowerCase() === v.toLowerCase());
      if (clash) throw new FakeOfficeError("InvalidArgument", `A table named '${v}' already exists.`);
      t.name = v;
    });
  }
  get style(): string {
    return this.prop("style");
  }
  set style(v: string) {
    this.setProp("style", v, () => {
      this.state().style = v;
    });
  }
  /** Table.showBandedRows (ExcelApi 1.3). */
  get showBandedRows(): boolean {
    return this.prop("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this.setProp("showBandedRows", v, () => {
      this.state().showBandedRows = v;
    });
  }
  get showTotals(): boolean {
    return this.prop("showTotals");
  }
  set showTotals(v: boolean) {
    this.setProp("showTotals", v, () => {
      const t = this.state();
      if (t.showTotals === v) return;
      t.showTotals = v;
      t.bounds = { ...t.bounds, bottom: t.bounds.bottom + (v ? 1 : -1) };
      if (v) {
        // Excel fills a new totals row itself: "Total" in the first column and a SUBTOTAL of
        // the last (support.microsoft.com "Total the data in an Excel table").
        const s = this.ws.sheet();
        const row = t.bounds.bottom;
        const last = t.bounds.right;
        const cell = (c: number) => s.cells.get(key(row, c)) ?? { value: null, numberFormat: "General", style: {} };
        const first = cell(t.bounds.left);
        s.cells.set(key(row, t.bounds.left), { ...first, value: "Total" });
        if (last > t.bounds.left) {
          const end = cell(last);
          s.cells.set(key(row, last), { ...end, value: null, formula: `SUBTOTAL(109,${addressOf({ top: t.bounds.top + 1, left: last, bottom: row - 1, right: last })})` });
        }
      }
    });
  }
  /** Table.getRange (ExcelApi 1.1): the table's whole range, header and totals rows included. */
  getRange(): FakeRange {
    this.ctx.enqueue({ desc: { on: this.kind, call: "getRange" }, write: false, apply: () => {} });
    return new FakeRange(this.ctx, this.ws, () => ({ ...this.state().bounds }), false);
  }
  getTotalRowRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      this.ws,
      () => {
        const t = this.state();
        if (!t.showTotals) throw new FakeOfficeError("InvalidOperation", "The table has no totals row.");
        return { ...t.bounds, top: t.bounds.bottom };
      },
      false,
    );
  }
  delete(): void {
    this.write({ call: "delete" }, () => {
      const t = this.state();
      const tables = this.ws.sheet().tables;
      tables.splice(tables.indexOf(t), 1);
    });
  }
}

// ---------------------------------------------------------------------------------------

export interface FakeExcelOptions {
  /** The highest ExcelApi set this "Excel" supports (default 1.9, the manifest's minimum). */
  apiVersion?: string;
  /** Request and response size limit in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** How long after a sync its change events reach the handlers (default 0: next turn). */
  eventDelayMs?: number;
  /** AutoCorrect's "Fill formulas in tables to create calculated columns" (default on, as in Excel). */
  fillFormulasInTables?: boolean;
  /** Whether Range.copyFrom pastes a table inside the source as a new table (undocumented; default off). */
  copyFromCarriesTables?: boolean;
  /** Whether getColumnProperties reads a hidden column's width as 0, not standard (undocumented; default off: the width it had). */
  hiddenColumnsReadZeroWidth?: boolean;
}

/** The fake Excel application: a workbook's state plus Excel.run. */
export class FakeExcel {
  state: FakeWorkbookState = {
    sheets: [],
    structureProtected: false,
    readOnly: false,
    calculationMode: "Automatic",
    screenUpdatingSuspensions: 0,
    calculationSuspensions: 0,
  };
  readonly syncs: SyncRecord[] = [];
  readonly apiVersion: string;
  readonly payloadLimit: number;
  private ids = 0;
  private writeOps = 0;
  private failSyncAt: number | null = null;
  private failWriteAt: number | null = null;
  readonly eventDelayMs: number;
  private readonly handlers = new Map<FakeEventName, Handler[]>();
  private pendingEvents: FakeEvent[] = [];
  /** Every change event raised, in order, whether or not anyone listened. */
  readonly events: FakeEvent[] = [];
  /** Events handed to handlers (one per handler called). */
  delivered = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.9";
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.eventDelayMs = options.eventDelayMs ?? 0;
    this.fillFormulasInTables = options.fillFormulasInTables ?? true;
    this.copyFromCarriesTables = options.copyFromCarriesTables ?? false;
    this.hiddenColumnsReadZeroWidth = options.hiddenColumnsReadZeroWidth ?? false;
  }
  readonly fillFormulasInTables: boolean;
  readonly copyFromCarriesTables: boolean;
  readonly hiddenColumnsReadZeroWidth: boolean;
  /** Every range whose cell properties were read (getCellProperties), as `'Sheet'!A1:B2`, in order. */
  readonly cellPropertyReads: string[] = [];

  /** Records a change event; it is delivered after the current sync (or user action). */
  emit(event: FakeEventName, args: Record<string, unknown>): void {
    const e = { event, args };
    this.events.push(e);
    this.pendingEvents.push(e);
  }

  register(event: FakeEventName, handler: Handler): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  unregister(event: FakeEventName, handler: Handler): void {
    const list = [...(this.handlers.get(event) ?? [])];
    const i = list.lastIndexOf(handler);
    if (i >= 0) list.splice(i, 1);
    this.handlers.set(event, list);
  }

  /** Handlers registered now, for one event or all. */
  handlerCount(event?: FakeEventName): number {
    return event ? (this.handlers.get(event) ?? []).length : [...this.handlers.values()].reduce((n, l) => n + l.length, 0);
  }

  /** Hands the pending events to the handlers registered when they arrive, asynchronously. */
  private deliver(): void {
    const batch = this.pendingEvents.splice(0, this.pendingEvents.length);
    if (!batch.length) return;
    this.inFlight++;
    setTimeout(() => {
      for (const e of batch)
        for (const h of this.handlers.get(e.event) ?? []) {
          this.delivered++;
          void h(e.args);
        }
      this.inFlight--;
      if (this.inFlight === 0) this.idlers.splice(0).forEach((f) => f());
    }, this.eventDelayMs);
  }

  private inFlight = 0;
  private idlers: (() => void)[] = [];

  /** Resolves once every event raised so far has been handed to the handlers. */
  eventsDelivered(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idlers.push(resolve));
  }

  /** A user types into a cell (not through the API): the value changes and onChanged fires. */
  userEdit(sheet: string, address: string, value: Scalar | null): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet '${sheet}'`);
    const { row, col } = parseA1(address);
    const cell = s.cells.get(key(row, col)) ?? { value: null, numberFormat: "General", style: {} };
    cell.value = value;
    s.cells.set(key(row, col), cell);
    this.emit("onChanged", { type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", worksheetId: s.id, address });
    this.deliver();
  }

  /** A user adds a sheet: onAdded fires. */
  userAddSheet(name: string): FakeSheetState {
    const s = this.addSheet(name);
    this.emit("onAdded", { type: "WorksheetAdded", source: "Local", worksheetId: s.id });
    this.deliver();
    return s;
  }

  /** A user renames a sheet: onNameChanged fires (ExcelApi 1.17 handlers only). */
  userRenameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new Error(`fake: no sheet '${from}'`);
    this.checkSheetName(to, s);
    s.name = to;
    this.emit("onNameChanged", { type: "WorksheetNameChanged", source: "Local", worksheetId: s.id, nameBefore: from, nameAfter: to });
    this.deliver();
  }

  /** The data validation on a cell, by sheet name and A1 address. */
  validationAt(sheet: string, address: string): FakeValidation | undefined {
    const { row, col } = parseA1(address);
    return this.sheet(sheet)?.validation.get(key(row, col));
  }

  nextId(): number {
    return ++this.ids;
  }

  isSetSupported = (name: string, version: string): boolean =>
    name === "ExcelApi" && compareVersions(version, this.apiVersion) <= 0;

  /** Excel.run(batch) or Excel.run(options, batch). */
  run = async <T>(
    first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof first === "function" ? first : second;
    if (!batch) throw new Error("fake: Excel.run needs a batch function");
    const options = typeof first === "function" ? {} : first;
    this.runOptions.push({ ...options });
    // RunOptions.delayForCellEdit is honoured from ExcelApi 1.11 (Excel API 1.11 requirement
    // set); an older Excel ignores it and the batch fails in cell-edit mode.
    const ctx = new FakeContext(this, options.delayForCellEdit === true && this.isSetSupported("ExcelApi", "1.11"));
    if (this.connectionLost) throw new FakeOfficeError("RequestAborted", "The request was aborted during run time.");
    const result = await batch(ctx as unknown as Excel.RequestContext);
    // Excel.run syncs whatever is still queued when the batch returns.
    if (ctx.queue.length) await ctx.sync();
    return result;
  };

  /** The options each Excel.run was given, in order. */
  readonly runOptions: Excel.RunOptions[] = [];

  /** The user is typing in a cell (Excel's Edit cell mode). */
  inCellEdit = false;
  private editWaiters: (() => void)[] = [];

  /** The user starts typing in a cell: batches fail, or wait where they asked to. */
  startCellEdit(): void {
    this.inCellEdit = true;
  }

  /** The user presses Enter: the cell's new value is in, and waiting batches run. */
  endCellEdit(sheet?: string, address?: string, value?: Scalar | null): void {
    this.inCellEdit = false;
    if (sheet && address) this.userEdit(sheet, address, value ?? null);
    this.editWaiters.splice(0).forEach((f) => f());
  }

  /** Resolves when the user leaves Edit cell mode. */
  cellEditEnded(): Promise<void> {
    if (!this.inCellEdit) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /**
   * The pane is closed or the connection drops at the Nth sync from now: that sync and
   * every later one fail before anything is applied, so nothing can be tidied up.
   */
  loseConnectionAtSync(n: number): void {
    this.loseAt = this.syncs.length + n;
  }
  private loseAt: number | null = null;
  /** The connection is back (the user reopened the pane). */
  reconnect(): void {
    this.loseAt = null;
  }
  get connectionLost(): boolean {
    return this.loseAt !== null && this.syncs.length >= this.loseAt;
  }

  /** The Nth sync from now fails, with nothing applied. */
  failOnSync(n: number): void {
    this.failSyncAt = this.syncs.length + n;
  }

  /** The Nth write operation from now fails; those before it in its batch stay applied. */
  failOnWrite(n: number): void {
    this.failWriteAt = this.writeOps + n;
  }

  /** Write operations applied so far. */
  get writesApplied(): number {
    return this.writeOps;
  }

  newSheet(name: string): FakeSheetState {
    return {
      id: `{S${this.nextId()}}`,
      name,
      visibility: "Visible",
      protected: false,
      cells: new Map(),
      merges: [],
      tables: [],
      freezeRows: 0,
      columnWidths: new Map(),
      rowHeights: new Map(),
      validation: new Map(),
      pageLayout: {},
      pageBreaks: [],
      hiddenColumns: new Set(),
      autofitRows: [],
    };
  }

  /** A deep copy of a sheet (Worksheet.copy), under the name Excel gives a copy. */
  cloneSheet(s: FakeSheetState): FakeSheetState {
    const base = s.name.replace(/ \(\d+\)$/, "");
    let n = 2;
    const taken = (name: string) => this.state.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase());
    while (taken(`${base} (${n})`)) n++;
    const copy = this.newSheet(`${base} (${n})`.slice(0, 31));
    copy.visibility = "Visible";
    for (const [k, c] of s.cells) copy.cells.set(k, JSON.parse(JSON.stringify(c)) as FakeCell);
    copy.merges = s.merges.map((m) => ({ ...m }));
    // Tables are copied with new names, as Excel names a copied table (Table1 → Table13).
    copy.tables = [];
    for (const t of s.tables) copy.tables.push({ ...t, id: `{T${this.nextId()}}`, name: this.freeTableName(copy.tables), bounds: { ...t.bounds } });
    copy.freezeRows = s.freezeRows;
    if (s.freezeCols !== undefined) copy.freezeCols = s.freezeCols;
    copy.columnWidths = new Map(s.columnWidths);
    copy.rowHeights = new Map(s.rowHeights);
    copy.validation = new Map([...s.validation].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as FakeValidation]));
    copy.pageLayout = JSON.parse(JSON.stringify(s.pageLayout)) as Record<string, unknown>;
    copy.autofitRows = [...s.autofitRows];
    copy.pageBreaks = [...s.pageBreaks];
    copy.hiddenColumns = new Set(s.hiddenColumns);
    if (s.tabColor !== undefined) copy.tabColor = s.tabColor;
    return copy;
  }

  /** The name Excel gives a new table: the first free `TableN` (`also` holds tables not yet in the workbook). */
  freeTableName(also: FakeTableState[] = []): string {
    const all = [...this.state.sheets.flatMap((x) => x.tables), ...also];
    let n = all.length + 1;
    while (all.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
    return `Table${n}`;
  }

  /** After a sheet is deleted: every formula that referred to it gives #REF!. */
  breakReferencesTo(name: string): void {
    const prefix = sheetPrefix(name).toLowerCase();
    for (const s of this.state.sheets)
      for (const cell of s.cells.values()) {
        if (cell.formula === undefined || !cell.formula.toLowerCase().includes(prefix)) continue;
        cell.formula = cell.formula.replace(new RegExp(escapeRegExp(sheetPrefix(name)) + "\\$?[A-Z]{1,3}\\$?\\d+", "gi"), "#REF!");
        cell.value = null;
        cell.error = "#REF!";
      }
  }

  /** After a sheet is renamed: formulas that referred to it use the new name. */
  renameReferences(from: string, to: string): void {
    const pattern = new RegExp(escapeRegExp(sheetPrefix(from)), "gi");
    for (const s of this.state.sheets)
      for (const cell of s.cells.values()) if (cell.formula !== undefined) cell.formula = cell.formula.replace(pattern, sheetPrefix(to));
  }

  /**
   * Where clicking a cell's link takes the user, or null where it goes nowhere. A
   * Range.hyperlink with a documentReference works everywhere (ExcelApi 1.7). A HYPERLINK
   * formula to a place in the workbook (`#Sheet!A1`) works in desktop Excel, but "In Excel
   * for the web, the HYPERLINK function is valid for web addresses (URLs) only"
   * (support.microsoft.com, HYPERLINK function).
   */
  followLink(sheet: string, address: string, platform: "web" | "desktop"): { sheet: string; address: string } | { url: string } | null {
    const cell = this.cell(sheet, address);
    if (!cell) return null;
    const target = (ref: string) => {
      const bang = ref.lastIndexOf("!");
      const name = ref.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      return { sheet: name, address: ref.slice(bang + 1) };
    };
    if (cell.hyperlink?.documentReference) return target(cell.hyperlink.documentReference);
    if (cell.hyperlink?.address) return { url: cell.hyperlink.address };
    const f = cell.formula !== undefined ? hyperlinkOf(cell.formula) : null;
    if (!f) return null;
    if (/^https?:\/\//i.test(f.location)) return { url: f.location };
    if (platform === "web") return null;
    return f.location.startsWith("#") ? target(f.location.slice(1)) : null;
  }

  checkSheetName(name: string, self?: FakeSheetState): void {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
      throw new FakeOfficeError("InvalidArgument", `'${name}' is not a valid sheet name.`);
    if (this.state.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
  }

  /** Seeds a sheet, straight into the state (not through the API). */
  addSheet(
    name: string,
    cells: Record<string, CellInit> = {},
    options: { visibility?: FakeSheetState["visibility"]; protected?: boolean; merges?: string[] } = {},
  ): FakeSheetState {
    this.checkSheetName(name);
    const s = this.newSheet(name);
    s.visibility = options.visibility ?? "Visible";
    s.protected = options.protected ?? false;
    for (const [addr, init] of Object.entries(cells)) {
      const { row, col } = parseA1(addr);
      const o = init !== null && typeof init === "object" ? init : { value: init };
      s.cells.set(key(row, col), {
        value: o.error ? null : (o.value ?? null),
        numberFormat: o.numberFormat ?? "General",
        style: {},
        ...(o.text !== undefined ? { text: o.text } : {}),
        ...(o.error ? { error: o.error } : {}),
        ...(o.formula ? { formula: o.formula } : {}),
      });
    }
    s.merges = (options.merges ?? []).map(parseAddress);
    this.state.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheetState | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  /** A cell's state, by sheet name and A1 address. */
  cell(sheet: string, address: string): FakeCell | undefined {
    const { row, col } = parseA1(address);
    return this.sheet(sheet)?.cells.get(key(row, col));
  }

  /**
   * Where a cell's link goes and what it shows, from its hyperlink or its HYPERLINK formula
   * (an in-workbook `#` location given as a documentReference), or undefined.
   */
  linkAt(sheet: string, address: string): { documentReference?: string; address?: string; textToDisplay?: string } | undefined {
    const cell = this.cell(sheet, address);
    if (!cell) return undefined;
    if (cell.hyperlink) return cell.hyperlink;
    const f = cell.formula !== undefined ? hyperlinkOf(cell.formula) : null;
    if (!f) return undefined;
    return f.location.startsWith("#")
      ? { documentReference: f.location.slice(1), textToDisplay: f.textToDisplay }
      : { address: f.location, textToDisplay: f.textToDisplay };
  }

  /** The whole workbook as plain data, for "nothing changed" comparisons. */
  dump(): unknown {
    return {
      calculationMode: this.state.calculationMode,
      structureProtected: this.state.structureProtected,
      sheets: this.state.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        cells: Object.fromEntries([...s.cells.entries()].sort().map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
        merges: s.merges,
        tables: s.tables.map((t) => ({ ...t })),
        freezeRows: s.freezeRows,
        freezeCols: s.freezeCols,
        // Sizes by row or column: the order they were set in is no part of the workbook.
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        validation: [...s.validation.entries()].sort().map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]),
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
        pageBreaks: [...s.pageBreaks],
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        tabColor: s.tabColor,
      })),
    };
  }

  /** One sync: size checks, injected failures, then the operations in order. */
  async process(ops: Op[]): Promise<void> {
    try {
      await this.processOps(ops);
    } finally {
      this.deliver();
    }
  }

  private async processOps(ops: Op[]): Promise<void> {
    const requestBytes = Buffer.byteLength(JSON.stringify(ops.map((o) => o.desc)));
    const record: SyncRecord = { operations: ops.length, requestBytes, responseBytes: 0 };
    this.syncs.push(record);
    if (this.loseAt !== null && this.syncs.length >= this.loseAt)
      throw new FakeOfficeError("RequestAborted", "The request was aborted during run time.");
    if (this.failSyncAt === this.syncs.length) {
      this.failSyncAt = null;
      throw new FakeOfficeError("GeneralException", "An internal error has occurred (injected at a sync).");
    }
    if (requestBytes > this.payloadLimit)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    const staged: { data: unknown; commit: () => void }[] = [];
    for (const op of ops) {
      if (op.write) {
        this.writeOps++;
        if (this.failWriteAt === this.writeOps) {
          this.failWriteAt = null;
          throw new FakeOfficeError("GeneralException", `An internal error has occurred (injected at write ${this.writeOps}).`);
        }
      }
      const r = op.apply();
      if (r) staged.push(r);
    }
    record.responseBytes = Buffer.byteLength(JSON.stringify(staged.map((s) => s.data)));
    if (record.responseBytes > this.payloadLimit)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
    staged.forEach((s) => s.commit());
  }
}
