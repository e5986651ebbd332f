/**
 * The one reader of .xlsx/.xlsm packages, for `check` and `build` alike: the workbook part
 * (found through the package's relationships), its sheets in tab order, shared strings,
 * styles (number formats and solid fills, theme colours resolved) → the engine's
 * WorkbookSnapshot. Parts are streamed through a namespace-aware XML parser (xml.ts), so
 * the cost follows the cells read: drawings, media, pivot caches and the like are never
 * inflated. Browser-safe: bytes in, no Node APIs.
 *
 * Whatever goes wrong becomes one HostError line naming the file, and the part where one
 * is to blame; never a JavaScript error text.
 */
import { objectSnapshot, type AnySheetSnapshot, type AnyWorkbookSnapshot, type Visibility, type WorkbookSnapshot } from "../../core/snapshot";
import { HostError, type ProgressListener } from "../host";
import { readThemeColors } from "./colors";
import { damagedMessage, isRelType, openPackage, streamText, type Inflater, type Relationship, type WorkbookPackage } from "./package";
import { sheetReader } from "./sheet";
import { readStyles, type StyleSheet } from "./styles";
import { sharedStringsHandlers } from "./text";
import { attrNS, parseXml, XmlError, XmlStream, type XmlHandlers } from "./xml";

/** A JS Date → the 1900-system serial Office.js gives for it (for hosts that hold Dates). */
export function dateToSerial(d: Date): number {
  const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return Math.round(serial * 1e9) / 1e9;
}

export interface LoadedWorkbook {
  fileName: string;
  /** The original bytes, untouched. */
  bytes: Uint8Array;
  /** The opened package, for writing by addition. */
  package: WorkbookPackage;
  /** Each sheet's cells as objects (tests and scripts list them); the hosts' openWorkbook keeps a large sheet's packed. */
  snapshot: WorkbookSnapshot;
}

export interface LoadOptions {
  /** What the workbook is read for; both read the same (the writer works on the package by addition). */
  purpose?: "check" | "build";
  /** How DEFLATE data is inflated: node's zlib on the command line (node-inflate.ts), fflate elsewhere. */
  inflater?: Inflater;
  onProgress?: ProgressListener;
}

const SAVE_AGAIN = "If it opens in Excel, save it again as an Excel Workbook (.xlsx) and try again.";

/** A failure inside one part, turned into the user's one line. */
function partFailure(fileName: string, part: string, e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof XmlError) return new HostError(damagedMessage(fileName, part, e.plain ?? "is not well-formed XML"));
  // Our own fault, not the file's: still one line, naming the part, never the JavaScript text.
  return new HostError(`${fileName} could not be read: Board Summary could not make sense of its part ${part}. ${SAVE_AGAIN}`);
}

/** Streams a part through the XML parser; `onBytes` hears how many bytes have gone through so far. */
export async function streamXml(pkg: WorkbookPackage, part: string, handlers: XmlHandlers, onBytes?: (bytes: number) => void): Promise<void> {
  const xml = new XmlStream(handlers);
  await streamText(pkg, part, (text, bytes) => {
    xml.write(text);
    onBytes?.(bytes);
  });
  xml.close();
}

interface SheetEntry {
  name: string;
  visibility: Visibility;
  relId: string | undefined;
}

interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

const isTrue = (v: string | undefined) => v === "1" || v === "true";

/** The workbook part: its sheets in tab order and its date system (§18.2). */
function readWorkbookPart(xml: string): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let root: string | null = null;
  parseXml(xml, {
    open(el) {
      root ??= el.ns;
      // A workbook without a namespace is not valid, but what it means is plain: read it.
      if (el.ns !== "main" && !(el.ns === "" && root === "")) return;
      if (el.local === "workbookPr") date1904 = isTrue(el.attrs.date1904);
      else if (el.local === "sheet") {
        const state = el.attrs.state;
        sheets.push({
          name: el.attrs.name ?? "",
          visibility: state === "veryHidden" ? "veryHidden" : state === "hidden" ? "hidden" : "visible",
          relId: attrNS(el, "r", "id"),
        });
      }
    },
  });
  return { sheets, date1904 };
}

/** Each worksheet's name and part, in tab order (sheets without a part left out). */
export async function worksheetParts(pkg: WorkbookPackage): Promise<{ name: string; part: string }[]> {
  const workbook = readWorkbookPart(await pkg.text(pkg.workbookPart));
  const byId = new Map((await pkg.relationships(pkg.workbookPart)).map((r) => [r.id, r]));
  const out: { name: string; part: string }[] = [];
  for (const entry of workbook.sheets) {
    const rel = entry.relId ? byId.get(entry.relId) : undefined;
    const part = rel && !rel.external && isRelType(rel.type, "worksheet") ? pkg.find(rel.target) : undefined;
    if (part) out.push({ name: entry.name, part });
  }
  return out;
}

/** The workbook's first relationship of a kind whose part is in the package (styles, theme, shared strings). */
export function relatedPart(pkg: WorkbookPackage, rels: Relationship[], kind: string): Relationship | undefined {
  return rels.find((r) => !r.external && isRelType(r.type, kind) && pkg.find(r.target));
}

/**
 * Reads every worksheet of an opened package into a snapshot: a sheet's cells as objects,
 * or packed (core/packed-cells.ts) once it proves large (sheet.ts, PACK_FROM; `packFrom`
 * moves the point for tests), a `Cell` object then made only for a cell the engine reads.
 */
export async function readSnapshot(pkg: WorkbookPackage, onProgress?: ProgressListener, packFrom?: number): Promise<AnyWorkbookSnapshot> {
  // The part being read, for the message should one fail.
  const at = { part: pkg.workbookPart };
  try {
    return await readSheets(pkg, await readBook(pkg, at), at, onProgress, packFrom);
  } catch (e) {
    throw partFailure(pkg.fileName, at.part, e);
  }
}

/** What every sheet is read with: the workbook part, its relationships by id, its styles and shared strings. */
interface Book {
  workbook: WorkbookPart;
  byId: Map<string, Relationship>;
  styles: StyleSheet;
  strings: string[];
}

/** The workbook part and the parts every sheet is read with; `at.part` follows the part being read. */
async function readBook(pkg: WorkbookPackage, at: { part: string }): Promise<Book> {
  const workbook = readWorkbookPart(await pkg.text(at.part));
  const rels = await pkg.relationships(at.part);
  const byId = new Map<string, Relationship>(rels.map((r) => [r.id, r]));
  const related = (kind: string) => relatedPart(pkg, rels, kind);

  const stylesRel = related("styles");
  at.part = stylesRel?.target ?? at.part;
  const styles: StyleSheet = readStyles(stylesRel ? await pkg.text(stylesRel.target) : null);
  const themeRel = related("theme");
  if (styles.needsTheme && themeRel) {
    at.part = themeRel.target;
    styles.useTheme(readThemeColors(await pkg.text(themeRel.target)));
  }

  const strings: string[] = [];
  const stringsRel = related("sharedStrings");
  if (stringsRel) {
    at.part = stringsRel.target;
    await streamXml(pkg, at.part, sharedStringsHandlers(strings));
  }
  return { workbook, byId, styles, strings };
}

/**
 * The worksheets, in tab order. A function of its own, apart from the parts read once: V8
 * optimises the function this loop resumes in after each sheet, and compiled everything in
 * it along with the loop (readSnapshot whole: ~17 ms of compiling on 1,000 forms).
 */
async function readSheets(pkg: WorkbookPackage, book: Book, at: { part: string }, onProgress: ProgressListener | undefined, packFrom: number | undefined): Promise<AnyWorkbookSnapshot> {
  const { workbook, byId, styles, strings } = book;
  const notes: string[] = [];
  const sheets: AnySheetSnapshot[] = [];
  // Progress by the sheets' bytes, so one large sheet (a 200,000-row data tab) is reported
  // as it is read; at most about a hundred times, however many sheets (the page's thread
  // hears each one). Not worked out where no one listens (the command line).
  const progress = onProgress ? sheetProgress(pkg, workbook.sheets, byId, onProgress) : null;
  for (let i = 0; i < workbook.sheets.length; i++) {
    const entry = workbook.sheets[i];
    progress?.sheet(i, entry.name);
    const rel = entry.relId ? byId.get(entry.relId) : undefined;
    if (!rel || rel.external) {
      notes.push(`The sheet '${entry.name}' has no part in the workbook file (its relationship ${entry.relId ? `'${entry.relId}' is missing` : "id is empty"}), so it was not read.`);
      continue;
    }
    // Chart sheets, dialog sheets and Excel 4 macro sheets hold no cells to check.
    if (!isRelType(rel.type, "worksheet")) continue;
    const target = pkg.find(rel.target);
    if (!target) {
      notes.push(`The sheet '${entry.name}' is missing from the workbook file (no part ${rel.target}), so it was not read.`);
      continue;
    }
    at.part = target;
    const reader = sheetReader({ strings, styles, date1904: workbook.date1904, note: (text) => notes.push(`Sheet '${entry.name}': ${text}.`), packFrom });
    await streamXml(pkg, target, reader.handlers, progress?.bytes);
    // Spread, so a field the sheet reader adds to its result reaches the snapshot.
    sheets.push({ name: entry.name, visibility: entry.visibility, ...reader.result() });
  }
  onProgress?.({ step: "Read", fraction: 1 });
  return notes.length ? { sheets, notes } : { sheets };
}

/** Reading's progress by the sheets' bytes: `sheet` as each sheet begins, `bytes` as its part streams. */
function sheetProgress(pkg: WorkbookPackage, entries: SheetEntry[], byId: Map<string, Relationship>, onProgress: ProgressListener) {
  const sizeOf = (entry: SheetEntry) => {
    const rel = entry.relId ? byId.get(entry.relId) : undefined;
    const target = rel && !rel.external && isRelType(rel.type, "worksheet") ? pkg.find(rel.target) : undefined;
    return target ? pkg.declaredSize(target) : 0;
  };
  const sizes = entries.map(sizeOf);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  let step = "";
  let reported = -1;
  const report = (done: number) => {
    const fraction = totalBytes > 0 ? Math.min(1, done / totalBytes) : 0;
    if (reported >= 0 && fraction - reported < 0.01) return;
    reported = fraction;
    onProgress({ step, fraction });
  };
  return {
    sheet(i: number, name: string): void {
      if (i > 0) before += sizes[i - 1];
      step = `Reading ${name}`;
      report(before);
    },
    bytes: (bytes: number): void => report(before + bytes),
  };
}

/** Opens and reads an .xlsx file's bytes. Throws HostError for anything that is not a readable workbook. */
export async function loadWorkbook(bytes: Uint8Array, fileName: string, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const pkg = await openPackage(bytes, { fileName, inflater: options.inflater });
  const snapshot = objectSnapshot(await readSnapshot(pkg, options.onProgress));
  return { fileName, bytes, package: pkg, snapshot };
}
