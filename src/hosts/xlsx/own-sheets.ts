/**
 * Which sheets of a workbook are the product's own, for `build` deciding whether it may
 * replace a file already at its output (cli/output-path.ts): a summary by its marker, the
 * settings sheet by its name (core/recognise.ts `ownSheet`, the engine's own rule), every
 * other sheet a source. Reading that file into a snapshot and analysing it cost a third of
 * a rebuild (8 s of 23 s on a 100,000-line register, bench/results.md); this stores no
 * cells. A sheet is read only until a cell carries our marker (written in row 1, so a
 * summary of 200,000 rows ends within its first rows), and only text cells holding the
 * marker's prefix are looked at; a sheet without one is read to its end, since a user may
 * insert rows above the marker.
 *
 * Most sheets are first scanned as text (marker-scan.ts): one that cannot hold the marker
 * is not tokenised at all (a pack of 10,000 forms, rebuilt, paid 3 s for reading them).
 *
 * The marker is taken where the part holds it: a snapshot would also drop a marker cell
 * that a merge covers or that the part repeats later (files Excel does not write; see
 * docs/decisions.md).
 *
 * `build` writes by addition, so a rebuild's earlier output holds the input's sheets byte
 * for byte: a sheet whose stored part (and shared strings) are the input's, under the same
 * name, takes the input's answer (`CarriedFrom`) and is not inflated at all. Rebuilding a
 * pack of 10,000 forms inflated and scanned all 10,000 again (bench/results.md, round 41).
 */
import { ownSheet } from "../../core/recognise";
import type { SheetKind } from "../../core/records";
import { summaryIdOfText } from "../../core/summary/marker";
import { MARKER_PREFIX, type SummaryId } from "../../core/summary/sheet-model";
import { streamText, type StoredData, type WorkbookPackage } from "./package";
import { MarkerScan } from "./marker-scan";
import { relatedPart, streamXml, worksheetParts } from "./read";
import { sheetReader } from "./sheet";
import { readStyles, type Styles } from "./styles";
import { sharedStringsHandlers } from "./text";
import { XmlStream } from "./xml";

export interface OwnSheet {
  name: string;
  /** "summary" or "settings" for ours; "source" for any other sheet (its template is not asked). */
  kind: SheetKind | "source";
}

/** Thrown from inside the parser to stop reading a sheet once its marker is found. */
class MarkerFound extends Error {
  constructor(readonly id: SummaryId) {
    super("marker found");
  }
}

/** Thrown from inside the stream where the scan's text was let go: the part is read again from its start. */
class ReadAgain extends Error {}

/**
 * Most text the scan keeps to hand to the reader should the part turn out to hold a marker
 * (chars; a part up to package.ts's whole-part size is one piece of text anyway). Past it
 * the text is let go, and a part that then may hold the marker is read a second time.
 */
const KEEP_SCANNED_CHARS = 8 * 1024 * 1024;

/**
 * The id of the first marker in a worksheet part, in the order the part holds its cells; null
 * where there is none. With `scanFirst`, the part's text is first scanned (marker-scan.ts),
 * and only where it may hold the marker is it tokenised: the same inflated text, so a summary
 * is inflated and decoded once, where a scan and then a read did both twice (a 10,000-form
 * pack's summary is 8 MB of XML, read on every rebuild).
 */
async function firstMarker(pkg: WorkbookPackage, part: string, strings: readonly string[], styles: Styles, scanFirst: boolean): Promise<SummaryId | null> {
  const reader = sheetReader({
    strings,
    styles,
    // Only a cell's text is asked for, and neither the date system nor a style changes it.
    date1904: false,
    note: () => undefined,
    keep: (value) => {
      if (typeof value !== "string") return false;
      const id = summaryIdOfText(value);
      if (id) throw new MarkerFound(id);
      return false;
    },
  });
  const xml = new XmlStream(reader.handlers);
  const scan = new MarkerScan();
  // The text scanned so far, while it is kept (KEEP_SCANNED_CHARS); null once let go.
  let scanned: string[] | null = [];
  let scannedChars = 0;
  let reading = !scanFirst;
  try {
    await streamText(pkg, part, (text) => {
      if (reading) {
        xml.write(text);
        return;
      }
      scan.push(text);
      if (!scan.mayHoldMarker) {
        scannedChars += text.length;
        if (scanned !== null && scannedChars <= KEEP_SCANNED_CHARS) scanned.push(text);
        else scanned = null;
        return;
      }
      if (scanned === null) throw new ReadAgain();
      reading = true;
      for (const earlier of scanned) xml.write(earlier);
      scanned = null;
      xml.write(text);
    });
    if (reading) xml.close();
    return null;
  } catch (e) {
    if (e instanceof MarkerFound) return e.id;
    if (e instanceof ReadAgain) return firstMarker(pkg, part, strings, styles, false);
    throw e;
  }
}

/**
 * The workbook `build` is writing from, already read and analysed: its sheets' kinds are
 * the answer for an earlier output's sheets carried over from it unchanged.
 */
export interface CarriedFrom {
  pkg: WorkbookPackage;
  /** The analysis's sheets, by the engine's rule (core/recognise.ts recogniseSheet). */
  sheets: readonly { name: string; kind: string }[];
}

/**
 * An earlier output's sheet as earlierSheets finds it: its answer, or "carried" where it is
 * the input's sheet of the same name, carried over unchanged (its answer is the analysis's).
 */
export interface EarlierSheet {
  name: string;
  kind: OwnSheet["kind"] | "carried";
}

/** True where two parts unzip to the same bytes for certain: stored with the same method, CRC-32 and sizes, and the same compressed bytes. */
function sameStored(a: StoredData | null, b: StoredData | null): boolean {
  if (a === null || b === null) return false;
  const x = a.entry;
  const y = b.entry;
  if (x.method !== y.method || x.crc32 !== y.crc32 || x.compressedSize !== y.compressedSize || x.uncompressedSize !== y.uncompressedSize) return false;
  const p = a.data;
  const q = b.data;
  if (p.length !== q.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
  return true;
}

/**
 * Each sheet name of the input with its part, where the earlier output's sheets can be
 * carried over from it: only where both packages' shared strings are the same stored bytes
 * (or neither has any), the only other part a sheet's text is taken from. A name the input
 * holds twice maps to null.
 */
async function carriedParts(pkg: WorkbookPackage, stringsPart: string | undefined, input: WorkbookPackage): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const inputStrings = relatedPart(input, await input.relationships(input.workbookPart), "sharedStrings")?.target;
  if (stringsPart !== undefined || inputStrings !== undefined) {
    if (stringsPart === undefined || inputStrings === undefined || !sameStored(pkg.stored(stringsPart), input.stored(inputStrings))) return out;
  }
  for (const { name, part } of await worksheetParts(input)) out.set(name, out.has(name) ? null : part);
  return out;
}

/** The analysis's answer by sheet name, as ownSheets gives it; undefined for a name it does not hold once. */
function kindsOf(sheets: CarriedFrom["sheets"]): (name: string) => OwnSheet["kind"] | undefined {
  const kinds = new Map<string, string | null>();
  for (const s of sheets) kinds.set(s.name, kinds.has(s.name) ? null : s.kind);
  return (name) => {
    const kind = kinds.get(name);
    if (kind === undefined || kind === null) return undefined;
    return kind === "summary" || kind === "settings" ? kind : "source";
  };
}

/**
 * The earlier output's sheets in tab order, before the input is analysed: each sheet stored
 * as the input's part of the same name (and under the same shared strings) is "carried",
 * every other one is read for its marker. `build` asks this while its heap holds only the
 * input's package, and lets the earlier output go before the input is read: opened after
 * the analysis, the 10,002-part output of a 10,000-form pack spent a third of its opening in
 * the collector, walking the analysed input's heap (round 44).
 */
export async function earlierSheets(pkg: WorkbookPackage, input: WorkbookPackage): Promise<EarlierSheet[]> {
  return readSheets(pkg, input, () => "carried");
}

/**
 * earlierSheets' answer with each carried sheet's kind taken from the analysis of the input;
 * null where the analysis does not hold a carried sheet's name once (ownSheets then reads it).
 */
export function withCarriedKinds(found: readonly EarlierSheet[], sheets: CarriedFrom["sheets"]): OwnSheet[] | null {
  const kindOf = kindsOf(sheets);
  const out: OwnSheet[] = [];
  for (const { name, kind } of found) {
    const own = kind === "carried" ? kindOf(name) : kind;
    if (own === undefined) return null;
    out.push({ name, kind: own });
  }
  return out;
}

/**
 * The worksheets in tab order (the snapshot's sheets), each with whether it is ours. Throws
 * where the package cannot be read. A sheet carried over unchanged from `from` (see above)
 * takes `from`'s answer unread.
 */
export async function ownSheets(pkg: WorkbookPackage, from?: CarriedFrom): Promise<OwnSheet[]> {
  return readSheets(pkg, from?.pkg, from ? kindsOf(from.sheets) : () => undefined);
}

/** ownSheets and earlierSheets: a sheet carried over from `input` takes `carriedKind`'s answer, or is read where that is undefined. */
async function readSheets<K extends EarlierSheet["kind"]>(pkg: WorkbookPackage, input: WorkbookPackage | undefined, carriedKind: (name: string) => K | undefined): Promise<{ name: string; kind: K | OwnSheet["kind"] }[]> {
  const strings: string[] = [];
  const stringsRel = relatedPart(pkg, await pkg.relationships(pkg.workbookPart), "sharedStrings");
  if (stringsRel) await streamXml(pkg, stringsRel.target, sharedStringsHandlers(strings));
  const styles = readStyles(null);
  // A shared string is already decoded: one holding the marker's text sends every part to the full read.
  const stringsMayHold = strings.some((s) => s.includes(MARKER_PREFIX));
  const carried = input ? await carriedParts(pkg, stringsRel?.target, input) : null;
  const out: { name: string; kind: K | OwnSheet["kind"] }[] = [];
  for (const { name, part } of await worksheetParts(pkg)) {
    const inputPart = carried?.get(name);
    const kind = inputPart && input && sameStored(pkg.stored(part), input.stored(inputPart)) ? carriedKind(name) : undefined;
    if (kind !== undefined) {
      out.push({ name, kind });
      continue;
    }
    const marker = await firstMarker(pkg, part, strings, styles, !stringsMayHold);
    const own = ownSheet(name, marker);
    out.push({ name, kind: own ? own.kind : "source" });
  }
  return out;
}
