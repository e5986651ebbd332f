/**
 * Writes a zip package whose carried-over entries are copied as they were stored: the same
 * compressed bytes, method, CRC, sizes, time stamp, name, extra fields and attributes, so a
 * part we do not change is not even recompressed. Only the parts we write are deflated.
 *
 * Why not a library: neither JSZip nor fflate accepts an entry that is already compressed
 * with its sizes known up front (fflate's streaming Zip takes one but writes a data
 * descriptor after it, which some readers refuse for stored entries, and rebuilds the time
 * stamp through a local Date). The container itself is a few fixed headers (APPNOTE 4.3);
 * deflating is the package's codec's (node's zlib on the command line) or fflate's, the
 * CRC the codec's or crc-32's. A large part is deflated as it is written (DeflatedPart).
 * Browser-safe: bytes in and out.
 */
import CRC32 from "crc-32";
import type { PartCodec, PartDeflater } from "./package";

/** One entry as the source package stores it (its compressed bytes and header fields). */
export interface StoredEntry {
  /** The name's bytes exactly as stored (UTF-8 when flag bit 11 is set). */
  nameBytes: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** MS-DOS time and date fields, as stored. */
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Extra field of the local header, and of the central directory record. */
  localExtra: Uint8Array;
  centralExtra: Uint8Array;
  comment: Uint8Array;
  internalAttributes: number;
  externalAttributes: number;
  /**
   * The compressed bytes: one array, or, for a part deflated as it was written
   * (DeflatedPart), its deflater's pieces in order, never joined (dataPieces).
   */
  data: Uint8Array | readonly Uint8Array[];
}

/** An entry's compressed bytes as pieces in order, none empty (none at all when it stores no bytes). */
export function dataPieces(e: StoredEntry): Uint8Array[] {
  const data = e.data;
  if (isPieces(data)) return data.filter((p) => p.length > 0);
  return data.length > 0 ? [data] : [];
}

// Array.isArray, which narrows a readonly array no further than `any[]`.
const isPieces = (data: StoredEntry["data"]): data is readonly Uint8Array[] => Array.isArray(data);

/** How many bytes pieces hold. */
function dataLength(pieces: readonly Uint8Array[]): number {
  let n = 0;
  for (const p of pieces) n += p.length;
  return n;
}

const utf8 = new TextEncoder();

/**
 * The deflate level of every part we write, with either codec. 5, not zlib's default 6:
 * on a summary's sheet XML it deflates about 30% faster (register-100000's 99 MB sheet:
 * 1.29 → 0.89 s) for a file 0.5% larger (8.51 → 8.55 MB); level 4 is 8% larger, level 2
 * 14%, and a board paper's size matters to the people who email it.
 */
export const DEFLATE_LEVEL = 5;

/** Where a part's bytes go as they are made. */
export interface ByteSink {
  push(chunk: Uint8Array): void;
  /**
   * Where present, text handed on for the sink to encode as UTF-8 itself, as push(its
   * encoding) would take it: a sink holding bytes to pass on encodes into its own buffer,
   * with no array made and copied a chunk (DeflatedPart).
   */
  pushText?(text: string): void;
}

/**
 * Text written in pieces and handed on as UTF-8, a chunk at a time: a summary's worksheet
 * of 100 MB is never one string (two bytes a character once any is beyond Latin-1) nor a
 * rope of millions of pieces flattened at the end. Each piece is whole (a row, a section),
 * so a surrogate pair is never split between chunks.
 */
export class Utf8Writer {
  private pending = "";

  constructor(private readonly sink: ByteSink) {}

  write(piece: string): void {
    if (this.add(piece)) this.flush();
  }

  /**
   * Adds a piece without handing anything on: true once a chunk's worth is pending, when
   * the caller must flush before adding more (write's rule, for a loop that flushes outside
   * itself: see sheet-xml.ts `writeRows`).
   */
  add(piece: string): boolean {
    this.pending += piece;
    return this.pending.length >= 1 << 16;
  }

  /** Hands on what is still pending: call once the last piece is written. */
  flush(): void {
    const text = this.pending;
    if (text === "") return;
    this.pending = "";
    if (this.sink.pushText !== undefined) this.sink.pushText(text);
    else this.sink.push(utf8.encode(text));
  }
}

/** Chunks joined into one array of bytes (the chunk itself where there is one). */
export function joinChunks(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A codec that deflates by itself, as the writer needs one. */
export type DeflatingCodec = PartCodec & Required<Pick<PartCodec, "deflate" | "deflater">>;

const deflatesItself = (codec: PartCodec): codec is DeflatingCodec => codec.deflate !== undefined && codec.deflater !== undefined;

/**
 * `codec` (node's zlib on the command line), or, where it cannot deflate (the browser) or
 * there is none, fflate's deflate with its CRC-32 (crc-32's where none). fflate is loaded
 * only then: it builds its tables as it loads, a few ms of every build that never used them.
 */
export async function deflatingCodec(codec?: PartCodec): Promise<DeflatingCodec> {
  if (codec && deflatesItself(codec)) return codec;
  const { Deflate, deflateSync } = await import("fflate");
  const fflate: DeflatingCodec = {
    crc32: (data, previous = 0) => crc32From(data, previous),
    deflate: (data) => deflateSync(data, { level: DEFLATE_LEVEL }),
    deflater: () => {
      const out: Uint8Array[] = [];
      const deflate = new Deflate({ level: DEFLATE_LEVEL }, (chunk) => out.push(chunk));
      return {
        push(piece, last) {
          deflate.push(piece, last);
          return out.splice(0);
        },
      };
    },
  };
  if (!codec) return fflate;
  return {
    crc32: (data, previous) => codec.crc32(data, previous),
    deflate: (data) => (codec.deflate ? codec.deflate(data) : fflate.deflate(data)),
    deflater: () => (codec.deflater ? codec.deflater() : fflate.deflater()),
  };
}

/**
 * What the deflater is given at a time: a few bytes of flush marker a piece (node's zlib,
 * node-inflate.ts) are nothing beside a MiB, and a MiB held is nothing beside the part.
 */
const PIECE_BYTES = 1 << 20;

/**
 * A part deflated as it is written: its chunks gather into pieces of a MiB, each deflated
 * as it fills, and only the compressed bytes are kept. A summary of 100,000 recovery
 * actions is 99 MB of XML and 8.5 MB deflated; it was held whole, and joined once more,
 * before it was deflated. A part that ends within its first piece is deflated in one go,
 * by newEntry, exactly as before.
 *
 * The piece is gathered in one buffer, reused for every piece (the deflater and the CRC
 * keep none of it), and text is encoded straight into it (pushText): a 99 MB sheet made
 * ~1,500 encoded chunks and ~95 joined pieces, 200 MB of fresh memory to fault in and
 * collect. A piece still ends after the chunk that fills it, so the bytes are the same.
 */
export class DeflatedPart implements ByteSink {
  /** The piece being gathered: bytes [0, filled) of `buffer`. */
  private buffer = new Uint8Array(0);
  private filled = 0;
  private deflater: PartDeflater | null = null;
  private readonly compressed: Uint8Array[] = [];
  /**
   * The CRC so far, in a 32-bit cell: a field holding a number above 2^30 (half of all CRCs)
   * turns from small integer to float, a new hidden class for every later part, and code
   * compiled for the old one (the writer's links) was thrown away.
   */
  private readonly crc = new Uint32Array(1);
  private size = 0;

  constructor(private readonly codec: DeflatingCodec) {}

  push(chunk: Uint8Array): void {
    this.room(chunk.length);
    this.buffer.set(chunk, this.filled);
    this.filled += chunk.length;
    if (this.filled >= PIECE_BYTES) this.piece(false);
  }

  pushText(text: string): void {
    // A UTF-16 unit is at most three bytes of UTF-8 (a pair, four bytes, is two units).
    this.room(3 * text.length);
    const into = this.filled === 0 ? this.buffer : this.buffer.subarray(this.filled);
    this.filled += utf8.encodeInto(text, into).written;
    if (this.filled >= PIECE_BYTES) this.piece(false);
  }

  /** Room for `n` more bytes: a larger buffer, the piece so far copied in, where there is not. */
  private room(n: number): void {
    const need = this.filled + n;
    if (need <= this.buffer.length) return;
    const larger = new Uint8Array(Math.max(need, 2 * this.buffer.length));
    larger.set(this.buffer.subarray(0, this.filled));
    this.buffer = larger;
  }

  private piece(last: boolean): void {
    const bytes = this.buffer.subarray(0, this.filled);
    this.filled = 0;
    this.crc[0] = this.codec.crc32(bytes, this.crc[0]);
    this.size += bytes.length;
    this.deflater ??= this.codec.deflater();
    for (const c of this.deflater.push(bytes, last)) this.compressed.push(c);
  }

  /** The zip entry of everything pushed. */
  entry(name: string, at: Date): StoredEntry {
    if (this.deflater === null) return newEntry(name, this.buffer.subarray(0, this.filled), at, this.codec);
    this.piece(true);
    // The pieces as they are: the zip is written as its pieces (zipPieces), and joining
    // them was a register-100000 summary's 8.5 MB copied into fresh memory to fault in.
    return storedEntry(name, at, { crc32: this.crc[0], uncompressedSize: this.size, data: this.compressed });
  }
}

/** CRC-32 (ISO 3309), as every zip entry records for its uncompressed bytes. */
export function crc32(bytes: Uint8Array): number {
  return crc32From(bytes, 0);
}

function crc32From(bytes: Uint8Array, previous: number): number {
  return CRC32.buf(bytes, previous) >>> 0;
}

/** A Date as MS-DOS time and date fields (local time, two-second steps, as zip tools write). */
function dosDateTime(d: Date): { dosTime: number; dosDate: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    dosDate: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** An entry for bytes we wrote ourselves, deflated (node's zlib on the command line). */
export function newEntry(name: string, content: Uint8Array | string, at: Date, codec: DeflatingCodec): StoredEntry {
  const bytes = typeof content === "string" ? utf8.encode(content) : content;
  return storedEntry(name, at, { crc32: codec.crc32(bytes) >>> 0, uncompressedSize: bytes.length, data: codec.deflate(bytes) });
}

/** The header fields of an entry we wrote, around its deflated bytes. */
function storedEntry(name: string, at: Date, part: { crc32: number; uncompressedSize: number; data: Uint8Array | readonly Uint8Array[] }): StoredEntry {
  const nameBytes = utf8.encode(name);
  const ascii = nameBytes.length === name.length;
  return {
    nameBytes,
    // 2.0, MS-DOS attributes: what Excel writes.
    versionMadeBy: 20,
    versionNeeded: 20,
    flags: ascii ? 0 : 0x800,
    method: 8,
    ...dosDateTime(at),
    crc32: part.crc32,
    compressedSize: isPieces(part.data) ? dataLength(part.data) : part.data.length,
    uncompressedSize: part.uncompressedSize,
    localExtra: new Uint8Array(0),
    centralExtra: new Uint8Array(0),
    comment: new Uint8Array(0),
    internalAttributes: 0,
    externalAttributes: 0,
    data: part.data,
  };
}

const LIMIT = 0xffffffff;

/**
 * A zip as the pieces of its bytes in order, `size` bytes in all: each entry's headers (views
 * of one buffer of every header) and its stored data as it is (never copied), then the
 * central directory. The command line writes the pieces to the file as they are
 * (file.ts writeFileAtomic): a workbook of 10,000 forms was 10 MB copied into a fresh
 * buffer, every page of it faulted in, only to be written out.
 */
export interface ZipPieces {
  pieces: Uint8Array[];
  size: number;
}

/** Assembles the zip: entries in the order given, then the central directory. */
export function writeZip(entries: StoredEntry[]): Uint8Array {
  const { pieces, size } = zipPieces(entries);
  return joinChunks(pieces, size);
}

/** writeZip's bytes, as pieces (ZipPieces). */
export function zipPieces(entries: StoredEntry[]): ZipPieces {
  let size = 22;
  let headers = 22;
  for (const e of entries) {
    const header = 30 + e.nameBytes.length + e.localExtra.length + 46 + e.nameBytes.length + e.centralExtra.length + e.comment.length;
    headers += header;
    size += header + dataLength(dataPieces(e));
  }
  if (size > LIMIT || entries.length > 0xffff) throw new RangeError("the workbook would be larger than a zip file without ZIP64 can hold");
  const out = new Uint8Array(headers);
  const view = new DataView(out.buffer);
  const pieces: Uint8Array[] = [];
  // `at` is where the next header byte goes in `out`; `offset` where it sits in the zip.
  let at = 0;
  let offset = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const put = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(offset);
    const headerStart = at;
    // Sizes and CRC go in the local header: bit 3 (a data descriptor follows) is cleared.
    const flags = e.flags & ~0x8;
    u32(0x04034b50);
    u16(e.versionNeeded);
    u16(flags);
    u16(e.method);
    u16(e.dosTime);
    u16(e.dosDate);
    u32(e.crc32);
    u32(e.compressedSize);
    u32(e.uncompressedSize);
    u16(e.nameBytes.length);
    u16(e.localExtra.length);
    put(e.nameBytes);
    put(e.localExtra);
    pieces.push(out.subarray(headerStart, at));
    let stored = 0;
    for (const p of dataPieces(e)) {
      pieces.push(p);
      stored += p.length;
    }
    offset += at - headerStart + stored;
  }
  const centralStart = at;
  const directory = offset;
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(e.versionMadeBy);
    u16(e.versionNeeded);
    u16(e.flags & ~0x8);
    u16(e.method);
    u16(e.dosTime);
    u16(e.dosDate);
    u32(e.crc32);
    u32(e.compressedSize);
    u32(e.uncompressedSize);
    u16(e.nameBytes.length);
    u16(e.centralExtra.length);
    u16(e.comment.length);
    u16(0); // disk number start
    u16(e.internalAttributes);
    u32(e.externalAttributes);
    u32(offsets[i]);
    put(e.nameBytes);
    put(e.centralExtra);
    put(e.comment);
  });
  const directorySize = at - centralStart;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(directorySize);
  u32(directory);
  u16(0); // no archive comment
  pieces.push(out.subarray(centralStart, at));
  return { pieces, size };
}
