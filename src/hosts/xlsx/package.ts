/**
 * An .xlsx/.xlsm package as Open Packaging Conventions parts (ECMA-376 Part 2): the zip
 * opened with zip.js (its central directory only: nothing is inflated until asked for),
 * parts found by OPC's case-insensitive names, relationships resolved from each part's
 * `_rels/*.rels`, content types from `[Content_Types].xml`. Browser-safe: bytes in, no
 * Node APIs; the command line hands in node's zlib (node-inflate.ts), the page uses fflate.
 *
 * What is inflated is bounded: each part's output is counted as it streams, and a part past
 * `maxPartBytes` (or a package past `maxTotalBytes`) ends in one HostError line, so a
 * decompression bomb never reaches memory. Declared sizes are not trusted for that (a bomb
 * can lie), only checked: a part whose output differs from its declared size or CRC-32 is damaged.
 *
 * Every failure a user can cause is a HostError whose message names the file (and part)
 * and says what to do.
 */
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type Entry, type FileEntry } from "@zip.js/zip.js";
import CRC32 from "crc-32";
import { HostError } from "../host";
import { parseXml, PartDecoder, XmlError, type XmlElement } from "./xml";

// No workers and no codecs of zip.js's own: it reads the directory and hands over raw data.
configure({ useWebWorkers: false, useCompressionStream: false });

// ---- inflating -----------------------------------------------------------------------------

/** Inflates raw DEFLATE data (zip method 8), handing the output over in pieces, in order. */
export interface Inflater {
  /**
   * Resolves when all is inflated; rejects on corrupt data. `consumed` is how many bytes of
   * `compressed` have gone in so far. When `onChunk` throws, inflating stops and the promise
   * rejects with that error.
   */
  inflate(compressed: Uint8Array, onChunk: (chunk: Uint8Array, consumed: number) => void): Promise<void>;
  /**
   * Inflates all at once, where that is cheaper than streaming (node's zlib: a stream costs a
   * trip to its thread pool, a workbook of 10,000 small sheets 10,000 trips). Null when the
   * output would be more than `maxBytes`; throws on corrupt data.
   */
  inflateWhole?(compressed: Uint8Array, maxBytes: number): Uint8Array | null;
  /**
   * Deflates (zip method 8, zip-write.ts DEFLATE_LEVEL) a part the writer adds. Where absent the writer uses
   * fflate's; node's zlib is several times faster at it, and a large summary is megabytes.
   */
  deflate?(data: Uint8Array): Uint8Array;
  /** A deflater for a large part given in pieces (zip-write.ts DeflatedPart); where absent, fflate's. */
  deflater?(): PartDeflater;
  /** CRC-32 of `data` continuing from `previous` (0 to start), unsigned. */
  crc32(data: Uint8Array, previous: number): number;
}

/**
 * fflate's streaming inflate: pure JavaScript, for the browser (and the default anywhere).
 * Input goes in 16 KiB at a time, so one step's output is at most ~16 MiB (deflate's
 * ratio tops out near 1,032:1) before the caller's limit can stop it.
 */
export const fflateInflater: Inflater = {
  crc32: (data, previous) => CRC32.buf(data, previous) >>> 0,
  async inflate(compressed, onChunk) {
    // Loaded when first used, not with this module: fflate builds its Huffman tables as it
    // loads, and the command line (node's zlib) would pay for them on every `check`.
    const { Inflate } = await import("fflate");
    const step = 16 * 1024;
    let consumed = 0;
    const inflate = new Inflate((data) => {
      if (data.length) onChunk(data, consumed);
    });
    try {
      if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
      for (let i = 0; i < compressed.length; i += step) {
        consumed = Math.min(i + step, compressed.length);
        inflate.push(compressed.subarray(i, i + step), i + step >= compressed.length);
      }
    } catch (e) {
      throw e instanceof Error ? e : new Error(String(e));
    }
  },
};

// ---- limits --------------------------------------------------------------------------------

const MiB = 1024 * 1024;

/** Default most bytes one part may inflate to: far past any board paper's sheet. */
export const MAX_PART_BYTES = 256 * MiB;
/** Default most bytes all the parts read from one package may inflate to. */
const MAX_TOTAL_BYTES = 1024 * MiB;
/** Default most bytes `text()` inflates (parts read whole: workbook, styles, theme, rels). */
const MAX_TEXT_BYTES = 64 * MiB;
/**
 * Most a part may unzip to, as a multiple of what it is packed in. XML with data in it packs
 * 10–30 times (the most in 390 public workbooks was 121, a sheet of long repeated strings);
 * a decompression bomb packs near DEFLATE's limit of about 1,032. Checked once a part has
 * given MIN_RATIO_BYTES, so a bomb ends after a few MB, not at the part limit.
 */
const MAX_RATIO = 250;
const MIN_RATIO_BYTES = 8 * MiB;
/** Most a part may unzip to and still be inflated whole (Inflater.inflateWhole): up to the ratio check. */
const WHOLE_PART_BYTES = MIN_RATIO_BYTES;

export interface OpenOptions {
  /** The file's name, for messages. Default "The workbook". */
  fileName?: string;
  /** How DEFLATE data is inflated. Default fflateInflater. */
  inflater?: Inflater;
  /** Most bytes one part may inflate to. Default MAX_PART_BYTES. */
  maxPartBytes?: number;
  /** Most bytes all parts read through this package together may inflate to. Default MAX_TOTAL_BYTES. */
  maxTotalBytes?: number;
}

// ---- the package -----------------------------------------------------------------------------

export interface Relationship {
  id: string;
  /** The relationship type URI as written (transitional or strict). */
  type: string;
  /** The resolved part name (no leading "/") for an internal target; the URL as written for an external one. */
  target: string;
  external: boolean;
}

/** A stored zip entry exactly as in the file, for copying it into a new zip without recompressing. */
export interface RawEntry {
  /** The part name as stored (decoded). */
  name: string;
  /** The name's bytes as stored. */
  nameBytes: Uint8Array;
  /** General purpose bit flag. */
  flags: number;
  /** Compression method: 0 stored, 8 deflate. */
  method: number;
  /** MS-DOS time (low 16 bits) and date (high 16 bits), as stored. */
  dosDateTime: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The central directory's extra field, as stored. */
  extraField: Uint8Array;
  /** The entry's comment bytes, as stored. */
  commentBytes: Uint8Array;
  versionMadeBy: number;
  /** Version needed to extract. */
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
  /** The compressed data, exactly as stored. */
  compressed: Uint8Array;
}

export interface WorkbookPackage {
  /** The file's name, as given for messages. */
  readonly fileName: string;
  /** Every part (directory entries left out), as stored, no leading "/", in zip order. */
  readonly partNames: readonly string[];
  /** The stored name of a part, found case-insensitively (OPC part names); a leading "/" is allowed. */
  find(partName: string): string | undefined;
  /** The workbook part, from the package's officeDocument relationship. */
  readonly workbookPart: string;
  /** The content type of a part (its Override, else its extension's Default). */
  contentType(partName: string): string | undefined;
  /** A part's relationships, targets resolved against it; [] when it has none. */
  relationships(partName: string): Promise<Relationship[]>;
  /** A small part, decoded (UTF-8 or UTF-16 by its byte order mark). At most `limitBytes` (default MAX_TEXT_BYTES) are inflated. */
  text(partName: string, limitBytes?: number): Promise<string>;
  /** A part's bytes in pieces as they inflate; at most `limitBytes` (default the package's maxPartBytes). */
  stream(partName: string, onChunk: (chunk: Uint8Array) => void, limitBytes?: number): Promise<void>;
  /** A stored entry exactly as in the zip (at once: an edit asks for each of a workbook's thousands of parts). */
  raw(partName: string): RawEntry;
  /**
   * What a part is stored as (method, CRC-32, sizes and the compressed bytes, a view of the
   * file's), to tell two packages' copies of a part the same unread; null where the part is
   * missing, encrypted or its data damaged. Nothing is copied.
   */
  stored(partName: string): StoredData | null;
  /** A part's size unzipped as the zip declares it (for progress, never for bounds), or 0 where there is no such part. */
  declaredSize(partName: string): number;
  /** Bytes inflated so far, all parts together. */
  readonly inflatedBytes: number;
  /** How the writer compresses the parts it adds: the package's inflater's deflate and CRC-32, where it has them. */
  readonly codec: PartCodec;
}

/** A part's stored form (WorkbookPackage.stored). */
export interface StoredData {
  readonly entry: Pick<RawEntry, "method" | "crc32" | "compressedSize" | "uncompressedSize">;
  readonly data: Uint8Array;
}

/** Compresses a new part for a zip, and gives its CRC-32 (zip-write.ts). */
export interface PartCodec {
  deflate?(data: Uint8Array): Uint8Array;
  deflater?(): PartDeflater;
  /** CRC-32 of `data` continuing from `previous` (0 to start), unsigned. */
  crc32(data: Uint8Array, previous?: number): number;
}

/** Deflates one part (zip-write.ts DEFLATE_LEVEL, zip method 8) given in pieces; only the compressed bytes are handed back, none of the pieces kept (the writer reuses a piece's memory once push returns). */
export interface PartDeflater {
  /** Deflates the next piece (`last` ends the part) and gives the compressed bytes it made, to be joined in order. */
  push(piece: Uint8Array, last: boolean): Uint8Array[];
}

/** The relationship type of the main part, transitional and strict. */
const OFFICE_DOCUMENT = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
]);

/** True for a relationship type whose last segment is `kind` (transitional, strict or Microsoft's own). */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

// ---- messages --------------------------------------------------------------------------------

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when `name` appears in the bytes as UTF-16LE (how CFB directory entries store names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + 2 * name.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 0; j < name.length; j++) if (bytes[i + 2 * j] !== name.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function asciiStart(bytes: Uint8Array, n = 2048): string {
  let s = "";
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** What a file that is not a zip looks like, for the message. */
function describeNonZip(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, CFB_MAGIC)) {
    // Office wraps a password-protected .xlsx in a compound file with an EncryptionInfo stream.
    if (hasUtf16Name(bytes, "EncryptionInfo")) {
      return `${fileName} is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again.`;
    }
    if (hasUtf16Name(bytes, "Workbook") || hasUtf16Name(bytes, "Book")) {
      return `${fileName} is an Excel 97-2003 .xls file; open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
    }
    return `${fileName} is an older Office file, not an Excel workbook (.xlsx).`;
  }
  const head = asciiStart(bytes).replace(/^\uFEFF|^\xEF\xBB\xBF/, "");
  const trimmed = head.trimStart();
  if (trimmed.startsWith("%PDF")) return `${fileName} is not an Excel workbook (.xlsx): it is a PDF file.`;
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) {
    return `${fileName} is an Excel 2003 XML spreadsheet; open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
  }
  if (/^<(!doctype html|html|table)/i.test(trimmed)) {
    return `${fileName} is not an Excel workbook (.xlsx): it looks like a web page (HTML).`;
  }
  if (trimmed.startsWith("<?xml") || trimmed.startsWith("<")) {
    return `${fileName} is not an Excel workbook (.xlsx): it looks like an XML file.`;
  }
  let printable = 0;
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  if (sample.length > 0 && printable / sample.length > 0.95) {
    return `${fileName} is not an Excel workbook (.xlsx): it looks like a CSV/text file. Open it in Excel and save it as an Excel Workbook (.xlsx).`;
  }
  return `${fileName} is not an Excel workbook (.xlsx).`;
}

const SAVE_AGAIN = "If it opens in Excel, save it again as an Excel Workbook (.xlsx) and try again.";

/** The one line for a package that is damaged, naming the part where one is to blame. */
export function damagedMessage(fileName: string, part?: string, why = "is truncated or corrupt"): string {
  return part
    ? `${fileName} is damaged and cannot be read (its part ${part} ${why}). ${SAVE_AGAIN}`
    : `${fileName} is damaged and cannot be read (the file is truncated or corrupt). ${SAVE_AGAIN}`;
}

function mib(n: number): string {
  return `${Math.round(n / MiB)} MB`;
}

// ---- part names and relationships ----------------------------------------------------------

/** OPC part names compare ASCII case-insensitively (ECMA-376 Part 2 §6.3.5); "\" is read as "/". */
function key(name: string): string {
  // Most names are keys already but for a leading "/" (a content type's PartName): one look
  // at each character, where the expressions and the lower-casing cost a new string each
  // (a workbook of 10,000 sheets asks ~6 times a sheet).
  let start = 0;
  while (start < name.length && name.charCodeAt(start) === 47 /* / */) start++;
  for (let i = start; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 92 /* \ */ || c > 127) return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
  }
  return start === 0 ? name : name.slice(start);
}

/** The key a part name is found by (for tests: the one-pass look against the expressions). */
export const partKey = key;

/** A name without its leading "/" (zip entries are stored without one, but may have it). */
function withoutLeadingSlash(name: string): string {
  return name.charCodeAt(0) === 47 /* / */ ? name.replace(/^\/+/, "") : name;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; "" (the package) → `_rels/.rels`. */
export function relationshipsPartOf(partName: string): string {
  const name = partName.replace(/\\/g, "/").replace(/^\/+/, "");
  const slash = name.lastIndexOf("/");
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

/**
 * Resolves targets against one source part, as resolveTarget does: a plain relative target
 * (segments, none empty or starting with ".", no query, fragment or "\") is the source's
 * folder, resolved once, and the target as it is; any other goes through resolveTarget.
 */
export function targetResolver(sourcePart: string): (target: string) => string {
  const folder = resolveTarget(sourcePart, "");
  const prefix = folder === "" ? "" : `${folder}/`;
  return (target) => (isPlainRelative(target) ? prefix + target : resolveTarget(sourcePart, target));
}

/** Whether resolving a target is only putting its source's folder in front of it (targetResolver). */
function isPlainRelative(target: string): boolean {
  let segmentStart = true;
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (c === 47 /* / */) {
      if (segmentStart) return false;
      segmentStart = true;
    } else if (c === 63 /* ? */ || c === 35 /* # */ || c === 92 /* \ */ || (segmentStart && c === 46) /* . */) return false;
    else segmentStart = false;
  }
  // Not empty and not ending in "/": its last segment has a character.
  return !segmentStart;
}

/** Resolves a relationship's target against its source part (RFC 3986 §5.2, as OPC says). */
export function resolveTarget(sourcePart: string, target: string): string {
  const bare = target.replace(/[?#].*$/, "").replace(/\\/g, "/");
  let path: string;
  if (bare.startsWith("/")) path = bare;
  else {
    const source = "/" + sourcePart.replace(/\\/g, "/").replace(/^\/+/, "");
    path = source.slice(0, source.lastIndexOf("/") + 1) + bare;
  }
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

function percentDecoded(s: string): string | null {
  if (!s.includes("%")) return null;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

// ---- opening ---------------------------------------------------------------------------------

class LimitError extends Error {}

/** Carries the caller's own failure (an XML error in the part, say) through the inflater untouched. */
class CallerFailure extends Error {
  constructor(readonly failure: unknown) {
    super("caller");
  }
}

/**
 * A zip entry's name or comment of printable ASCII, read as itself; undefined for anything
 * else, which zip.js decodes as it would unasked (its `decodeText` option). Such bytes read
 * the same in both of the encodings it picks between, UTF-8 and IBM code page 437 (which
 * gives 0x00–0x1F and 0x7F symbols of its own: left to zip.js). Why: zip.js decodes each
 * name and each (empty) comment through a new TextDecoder, or a character at a time for
 * CP437 (Excel's ASCII names, the UTF-8 flag unset), 40,000 times where `build` opens a
 * workbook of 10,000 sheets and its earlier summary.
 */
export function printableAscii(value: Uint8Array, encoding: string): string | undefined {
  if (value.length === 0) return "";
  if (value.length > 1024 || (encoding !== "utf-8" && encoding !== "cp437")) return undefined;
  for (let i = 0; i < value.length; i++) if (value[i] < 0x20 || value[i] > 0x7e) return undefined;
  return String.fromCharCode.apply(null, value as unknown as number[]);
}

/**
 * Opens a package. Throws HostError for a file that is not a zip (saying what it is
 * instead: a password-protected workbook, an .xls, a CSV, ...), a zip that is not a
 * spreadsheet (a Word document, an .xlsb, an .ods), or a damaged one.
 */
export async function openPackage(bytes: Uint8Array, options: OpenOptions = {}): Promise<WorkbookPackage> {
  const fileName = options.fileName ?? "The workbook";
  if (bytes.length === 0) throw new HostError(`${fileName} is empty (0 bytes): it is not an Excel workbook.`);
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  if (!isZip) throw new HostError(describeNonZip(bytes, fileName));
  let parts: Map<string, StoredPart>;
  try {
    // "tolerant": a local header that disagrees with the central directory is read by the
    // directory, as Excel does, rather than refused. Entry by entry (the generator), so each
    // zip.js entry is let go as its part is kept, not all held until the last is made.
    const reader = new ZipReader(new Uint8ArrayReader(bytes), { strictness: "tolerant", decodeText: printableAscii });
    parts = await storedParts(bytes, reader.getEntriesGenerator(), rangesLetGo(reader));
  } catch {
    // Only the directory's reading throws here (storedParts keeps a part that fails its check as damaged).
    throw new HostError(damagedMessage(fileName));
  }
  const pkg = new Package(fileName, parts, options);
  await pkg.init();
  return pkg;
}

/**
 * What the package keeps of one zip entry: what `raw` copies, what `stream` checks, and the
 * stored data. zip.js's own entries are ~6 KB of heap each (some sixty properties, held as
 * dictionaries, and their readers' ranges): 61 MB for a workbook of 10,000 sheets, carried
 * through a whole `build` and twice over where `build` first reads the workbook it replaces.
 * So each is checked as the package opens and let go.
 */
interface StoredPart {
  /** `raw`'s fields, the compressed data aside. */
  readonly entry: Omit<RawEntry, "compressed">;
  readonly encrypted: boolean;
  /** The CRC-32 as zip.js read it (undefined where it has none: the inflated data is then not compared). */
  readonly crc32: number | undefined;
  /** The stored data, a view of the file's bytes, once zip.js has checked its local header; null where that failed (reading the part says it is damaged). */
  readonly data: Uint8Array | null;
}

/** zip.js's record of the parts' bytes checked so far (its ZipReader's `readRanges`, not documented): each range keeps its entry, for an error's detail. */
interface ReadRanges {
  sortedRanges: { fileEntry?: unknown }[];
  pendingRanges: { fileEntry?: unknown }[];
}

/**
 * A function that lets go of the entries zip.js's overlap check keeps (ReadRanges): it keeps
 * each entry it checked until the reader goes, ~6 KB of heap each (StoredPart), so a
 * 10,000-sheet workbook's 61 MB of entries lived through the whole opening and were carried
 * into the old generation; let go, each dies young. The ranges themselves (start and end)
 * stay, so every overlap is still found; only the error's `overlappingEntry`, never read
 * here, is lost. Where zip.js has no such record (another version), it does nothing.
 */
function rangesLetGo(reader: ZipReader<unknown>): () => void {
  const ranges = (reader as unknown as { readRanges?: Partial<ReadRanges> }).readRanges;
  let sorted: unknown;
  return () => {
    if (!Array.isArray(ranges?.pendingRanges) || !Array.isArray(ranges.sortedRanges)) return;
    // The range just checked is added at the end of the pending ones, which are merged into a
    // new sorted list now and then (the one just checked among them).
    const pending = ranges.pendingRanges.length;
    if (pending > 0) ranges.pendingRanges[pending - 1].fileEntry = undefined;
    if (ranges.sortedRanges !== sorted) {
      sorted = ranges.sortedRanges;
      for (const r of ranges.sortedRanges) r.fileEntry = undefined;
    }
  };
}

/**
 * Each part (directory entries left out; of two names differing only in case, the first:
 * OPC's rule) by its key, in zip order. zip.js checks each part's local header here
 * (`checkOverlappingEntryOnly`: no data is streamed) and gives the data's offset (its
 * documented `localDirectory.dataOffset`); streaming the same bytes through zip.js's web
 * streams cost about a millisecond a part, most of a 10,000-sheet workbook's read. A part
 * whose check fails is refused only when it is read, as it was when each was checked on its
 * first read (of two parts sharing bytes, the later in the zip is now the one refused, where
 * it was the later read); encrypted parts are not checked (reading one says why it cannot be).
 */
async function storedParts(bytes: Uint8Array, entries: AsyncIterable<Entry>, checked: () => void): Promise<Map<string, StoredPart>> {
  const parts = new Map<string, StoredPart>();
  // The writer is never used with checkOverlappingEntryOnly; the type asks for one (one: each makes a web stream).
  const unusedWriter = new Uint8ArrayWriter();
  for await (const e of entries) {
    if (e.directory) continue;
    const k = key(e.filename);
    if (parts.has(k)) continue;
    const entry: Omit<RawEntry, "compressed"> = {
      name: e.filename,
      nameBytes: e.rawFilename,
      flags: (e as FileEntry & { rawBitFlag?: number }).rawBitFlag ?? 0,
      method: e.compressionMethod,
      dosDateTime: Number(e.rawLastModDate),
      crc32: e.crc32 ?? 0,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      extraField: e.rawExtraField,
      commentBytes: e.rawComment,
      versionMadeBy: e.versionMadeBy,
      versionNeeded: e.version,
      internalAttributes: e.internalFileAttributes,
      externalAttributes: e.externalFileAttributes,
    };
    let data: Uint8Array | null = null;
    if (!e.encrypted) {
      try {
        // Entries sharing bytes (a "non-recursive zip bomb") fail here, like any damaged part.
        await e.getData(unusedWriter, { checkOverlappingEntryOnly: true });
        const start = e.localDirectory?.dataOffset;
        if (start !== undefined) data = bytes.subarray(start, start + e.compressedSize);
      } catch {
        data = null;
      }
      checked();
    }
    parts.set(k, { entry, encrypted: e.encrypted, crc32: (e as { crc32?: number }).crc32, data });
  }
  return parts;
}

class Package implements WorkbookPackage {
  readonly partNames: string[] = [];
  private readonly inflater: Inflater;
  private readonly maxPartBytes: number;
  private readonly maxTotalBytes: number;
  private readonly relsCache = new Map<string, Promise<Relationship[]>>();
  private defaults = new Map<string, string>();
  private overrides = new Map<string, string>();
  workbookPart = "";
  inflatedBytes = 0;
  readonly codec: PartCodec;

  constructor(
    readonly fileName: string,
    private readonly byKey: ReadonlyMap<string, StoredPart>,
    options: OpenOptions,
  ) {
    const inflater = (this.inflater = options.inflater ?? fflateInflater);
    this.codec = { deflate: inflater.deflate?.bind(inflater), deflater: inflater.deflater?.bind(inflater), crc32: (data, previous = 0) => inflater.crc32(data, previous) };
    this.maxPartBytes = options.maxPartBytes ?? MAX_PART_BYTES;
    this.maxTotalBytes = options.maxTotalBytes ?? MAX_TOTAL_BYTES;
    for (const part of byKey.values()) this.partNames.push(withoutLeadingSlash(part.entry.name));
  }

  /** Content types, then the main part; or says what the zip is instead. */
  async init(): Promise<void> {
    const ct = this.find("[Content_Types].xml");
    if (ct) this.readContentTypes(await this.text(ct));
    const rootRels = this.find("_rels/.rels") ? await this.relationships("") : [];
    const main = rootRels.find((r) => !r.external && OFFICE_DOCUMENT.has(r.type));
    let part = main ? this.find(main.target) : undefined;
    // No package relationship (some hand-made zips): Excel's usual name, if it is there.
    part ??= main ? undefined : this.find("xl/workbook.xml");
    const other = this.describeOther(part ?? main?.target);
    if (other) throw new HostError(other);
    if (!part) throw new HostError(damagedMessage(this.fileName, main?.target, "is missing"));
    this.workbookPart = part;
  }

  /** A zip that opened but is not a spreadsheet package, or null. */
  private describeOther(mainPart: string | undefined): string | null {
    const name = this.fileName;
    const type = mainPart ? (this.contentType(mainPart) ?? "") : "";
    const lower = (mainPart ?? "").toLowerCase();
    if (/\.bin$/.test(lower) || /sheet\.binary/.test(type)) {
      return `${name} is an Excel binary workbook (.xlsb); open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
    }
    if (/wordprocessingml/.test(type) || lower.startsWith("word/") || (!mainPart && this.find("word/document.xml"))) {
      return `${name} is a Word document, not an Excel workbook (.xlsx).`;
    }
    if (/presentationml/.test(type) || lower.startsWith("ppt/") || (!mainPart && this.find("ppt/presentation.xml"))) {
      return `${name} is a PowerPoint presentation, not an Excel workbook (.xlsx).`;
    }
    if (!mainPart && this.find("content.xml") && this.find("mimetype")) {
      return `${name} is an OpenDocument spreadsheet (.ods); open it in Excel and save it as an Excel Workbook (.xlsx), then try again.`;
    }
    if (!mainPart) return `${name} is a zip file, not an Excel workbook (.xlsx).`;
    return null;
  }

  private readContentTypes(xml: string): void {
    try {
      parseXml(xml, {
        open: (el: XmlElement) => {
          if (el.local === "Default" && el.attrs.Extension !== undefined && el.attrs.ContentType !== undefined) {
            this.defaults.set(el.attrs.Extension.toLowerCase(), el.attrs.ContentType);
          } else if (el.local === "Override" && el.attrs.PartName !== undefined && el.attrs.ContentType !== undefined) {
            this.overrides.set(key(el.attrs.PartName), el.attrs.ContentType);
          }
        },
      });
    } catch (e) {
      if (e instanceof XmlError) throw new HostError(damagedMessage(this.fileName, "[Content_Types].xml", "is not well-formed XML"));
      throw e;
    }
  }

  find(partName: string): string | undefined {
    const e = this.byKey.get(key(partName));
    return e === undefined ? undefined : withoutLeadingSlash(e.entry.name);
  }

  declaredSize(partName: string): number {
    return this.byKey.get(key(partName))?.entry.uncompressedSize ?? 0;
  }

  contentType(partName: string): string | undefined {
    const k = key(partName);
    const override = this.overrides.get(k);
    if (override) return override;
    const dot = k.lastIndexOf(".");
    return dot >= 0 && dot > k.lastIndexOf("/") ? this.defaults.get(k.slice(dot + 1)) : undefined;
  }

  relationships(partName: string): Promise<Relationship[]> {
    const source = partName.replace(/^\/+/, "");
    const k = key(source);
    let cached = this.relsCache.get(k);
    if (!cached) {
      cached = this.readRelationships(source);
      this.relsCache.set(k, cached);
    }
    return cached;
  }

  private async readRelationships(source: string): Promise<Relationship[]> {
    const relsPart = this.find(relationshipsPartOf(source));
    if (!relsPart) return [];
    const xml = await this.text(relsPart);
    const out: Relationship[] = [];
    const resolveFromSource = targetResolver(source);
    try {
      parseXml(xml, {
        open: (el) => {
          if (el.local !== "Relationship") return;
          const { Id: id, Type: type, Target: target, TargetMode: mode } = el.attrs;
          if (id === undefined || type === undefined || target === undefined) return;
          const external = mode !== undefined && mode.toLowerCase() === "external";
          out.push({ id, type, target: external ? target : this.resolve(resolveFromSource(target)), external });
        },
      });
    } catch (e) {
      if (e instanceof XmlError) throw new HostError(damagedMessage(this.fileName, relsPart, "is not well-formed XML"));
      throw e;
    }
    return out;
  }

  /** An internal target's part name, resolved: the stored name where the part exists, else the resolved name. */
  private resolve(resolved: string): string {
    const decoded = percentDecoded(resolved);
    return this.find(resolved) ?? (decoded !== null ? this.find(decoded) : undefined) ?? resolved;
  }

  private part(partName: string): StoredPart {
    const e = this.byKey.get(key(partName));
    if (!e) throw new HostError(damagedMessage(this.fileName, partName.replace(/^\/+/, ""), "is missing"));
    if (e.encrypted) {
      throw new HostError(`${this.fileName} cannot be read: its parts are encrypted with a zip password, which Excel workbooks never are. ${SAVE_AGAIN}`);
    }
    return e;
  }

  /** A part's stored (compressed) data, as a view of the file's bytes (checked as the package opened: storedParts). */
  private compressedData(part: StoredPart): Uint8Array {
    if (part.data === null) throw new HostError(damagedMessage(this.fileName, part.entry.name));
    return part.data;
  }

  stored(partName: string): StoredData | null {
    const part = this.byKey.get(key(partName));
    return part === undefined || part.encrypted || part.data === null ? null : (part as StoredData);
  }

  raw(partName: string): RawEntry {
    const part = this.part(partName);
    const e = part.entry;
    // Field by field: a spread (`{ ...e }`) copied an entry several times slower, ten thousand times in a build.
    return {
      name: e.name,
      nameBytes: e.nameBytes,
      flags: e.flags,
      method: e.method,
      dosDateTime: e.dosDateTime,
      crc32: e.crc32,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      extraField: e.extraField,
      commentBytes: e.commentBytes,
      versionMadeBy: e.versionMadeBy,
      versionNeeded: e.versionNeeded,
      internalAttributes: e.internalAttributes,
      externalAttributes: e.externalAttributes,
      compressed: this.compressedData(part),
    };
  }

  async stream(partName: string, onChunk: (chunk: Uint8Array) => void, limitBytes = this.maxPartBytes): Promise<void> {
    const part = this.part(partName);
    const e = part.entry;
    const name = e.name;
    const limit = Math.min(limitBytes, this.maxPartBytes);
    const tooBig = () =>
      new HostError(
        `${this.fileName} was not read: its part ${name} unzips to more than ${mib(limit)}, more than Board Summary reads from one part (a file like this is damaged or a "zip bomb", not a board paper).`,
      );
    if (e.uncompressedSize > limit) throw tooBig();
    if (e.method !== 0 && e.method !== 8) {
      throw new HostError(`${this.fileName} cannot be read: its part ${name} is compressed with a method (${e.method}) Excel does not use. ${SAVE_AGAIN}`);
    }
    const data = this.compressedData(part);
    let count = 0;
    let crc = 0;
    const take = (chunk: Uint8Array, consumed = data.length) => {
      count += chunk.length;
      crc = this.inflater.crc32(chunk, crc);
      this.inflatedBytes += chunk.length;
      if (count > limit) throw new LimitError("part");
      if (count > MIN_RATIO_BYTES && count > MAX_RATIO * Math.max(consumed, 1)) throw new LimitError("ratio");
      if (this.inflatedBytes > this.maxTotalBytes) throw new LimitError("total");
      try {
        onChunk(chunk);
      } catch (failure) {
        throw new CallerFailure(failure);
      }
    };
    try {
      if (e.method === 0) {
        for (let i = 0; i < data.length; i += 64 * 1024) take(data.subarray(i, i + 64 * 1024));
      } else {
        // A part small enough that the ratio is not yet checked (MIN_RATIO_BYTES) is inflated
        // whole where the inflater can; one that turns out larger (its declared size lied)
        // streams, so every bound below applies as it would have.
        const most = Math.min(WHOLE_PART_BYTES, limit);
        const whole = e.uncompressedSize <= most && this.inflater.inflateWhole ? this.inflater.inflateWhole(data, most) : null;
        if (whole) take(whole);
        else await this.inflater.inflate(data, take);
      }
    } catch (err) {
      if (err instanceof LimitError) {
        if (err.message === "part") throw tooBig();
        if (err.message === "ratio") {
          throw new HostError(
            `${this.fileName} was not read: its part ${name} unzips to more than ${MAX_RATIO} times its packed size, which no workbook's data does (a file like this is damaged or a "zip bomb", not a board paper).`,
          );
        }
        throw new HostError(
          `${this.fileName} was not read: its parts unzip to more than ${mib(this.maxTotalBytes)} together, more than Board Summary reads from one workbook (a file like this is damaged or a "zip bomb", not a board paper).`,
        );
      }
      if (err instanceof CallerFailure) throw err.failure;
      throw new HostError(damagedMessage(this.fileName, name));
    }
    // What came out must be what went in: its size and its CRC-32 as the zip records them.
    if (count !== e.uncompressedSize || crc !== (part.crc32 ?? crc) >>> 0) throw new HostError(damagedMessage(this.fileName, name));
  }

  async text(partName: string, limitBytes = MAX_TEXT_BYTES): Promise<string> {
    const pieces: string[] = [];
    await streamText(this, partName, (text) => pieces.push(text), limitBytes);
    return pieces.join("");
  }
}

/**
 * A part's text in pieces as it inflates, decoded as its encoding says (PartDecoder);
 * `onText` also hears how many bytes have been read so far. At most `limitBytes` (default
 * the package's maxPartBytes) are inflated.
 */
export async function streamText(
  pkg: Pick<WorkbookPackage, "stream">,
  partName: string,
  onText: (text: string, bytes: number) => void,
  limitBytes?: number,
): Promise<void> {
  const decoder = new PartDecoder();
  let bytes = 0;
  await pkg.stream(
    partName,
    (chunk) => {
      bytes += chunk.length;
      for (const text of decoder.decode(chunk)) onText(text, bytes);
    },
    limitBytes,
  );
  for (const tail of decoder.decode(new Uint8Array(0), true)) if (tail) onText(tail, bytes);
}
