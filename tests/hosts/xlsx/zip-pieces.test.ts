/**
 * The zip as pieces (zip-write.ts zipPieces), which the command line writes to the file as
 * they are: joined, they are byte for byte the zip a plain writer makes (one buffer, every
 * field in place), and a carried-over part's stored data is its own array, never a copy.
 */
import fc from "fast-check";
import { dataPieces, joinChunks, writeZip, zipPieces, type StoredEntry } from "../../../src/hosts/xlsx/zip-write";

/** The zip written the plain way, into one buffer (the writer as it was before it made pieces). */
function plainZip(entries: StoredEntry[]): Uint8Array {
  let size = 22;
  const stored = (e: StoredEntry) => (Array.isArray(e.data) ? joinChunks([...(e.data as Uint8Array[])], (e.data as Uint8Array[]).reduce((n, p) => n + p.length, 0)) : (e.data as Uint8Array));
  for (const e of entries) size += 30 + e.nameBytes.length + e.localExtra.length + stored(e).length + 46 + e.nameBytes.length + e.centralExtra.length + e.comment.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
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
    offsets.push(at);
    u32(0x04034b50);
    u16(e.versionNeeded);
    u16(e.flags & ~0x8);
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
    put(stored(e));
  }
  const directory = at;
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
    u16(0);
    u16(e.internalAttributes);
    u32(e.externalAttributes);
    u32(offsets[i]);
    put(e.nameBytes);
    put(e.centralExtra);
    put(e.comment);
  });
  const directorySize = at - directory;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(directorySize);
  u32(directory);
  u16(0);
  return out;
}

const bytes = (most: number) => fc.uint8Array({ maxLength: most });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });

const entry: fc.Arbitrary<StoredEntry> = fc.record({
  nameBytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  versionMadeBy: u16,
  versionNeeded: u16,
  flags: u16,
  method: fc.constantFrom(0, 8),
  dosTime: u16,
  dosDate: u16,
  crc32: u32,
  compressedSize: u32,
  uncompressedSize: u32,
  localExtra: bytes(12),
  centralExtra: bytes(12),
  comment: bytes(12),
  internalAttributes: u16,
  externalAttributes: u32,
  // Empty data too: an empty part stores no bytes. Or pieces (a part deflated as it was
  // written), empty ones among them.
  data: fc.oneof(bytes(300), fc.array(bytes(60), { maxLength: 6 })),
});

/** A stored entry of `size` bytes with plain header fields, its data one array or pieces. */
function storedEntry(name: string, data: StoredEntry["data"], size: number): StoredEntry {
  return {
    nameBytes: new TextEncoder().encode(name),
    versionMadeBy: 20,
    versionNeeded: 20,
    flags: 0,
    method: 8,
    dosTime: 0,
    dosDate: 0,
    crc32: 0,
    compressedSize: size,
    uncompressedSize: size,
    localExtra: new Uint8Array(0),
    centralExtra: new Uint8Array(0),
    comment: new Uint8Array(0),
    internalAttributes: 0,
    externalAttributes: 0,
    data,
  };
}

describe("the zip as pieces", () => {
  it("joined, is the zip the plain writer makes, byte for byte, and is writeZip's", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const plain = plainZip(entries);
        const { pieces, size } = zipPieces(entries);
        expect(size).toBe(plain.length);
        expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(size);
        expect(Buffer.from(joinChunks(pieces, size)).equals(Buffer.from(plain))).toBe(true);
        expect(Buffer.from(writeZip(entries)).equals(Buffer.from(plain))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("hands on each entry's stored data itself, not a copy, and no empty piece", () => {
    const source = new Uint8Array(64).map((_, i) => i);
    const e = (name: string, data: Uint8Array) => storedEntry(name, data, data.length);
    const a = source.subarray(0, 10);
    const b = source.subarray(10, 64);
    const { pieces } = zipPieces([e("a.xml", a), e("empty.xml", new Uint8Array(0)), e("b.xml", b)]);
    // Header, data, header (the empty part: no data piece), header, data, central directory.
    expect(pieces.length).toBe(6);
    expect(pieces[1]).toBe(a);
    expect(pieces[4]).toBe(b);
    expect(pieces.every((p) => p.length > 0)).toBe(true);
  });

  it("hands on a part's pieces of stored data themselves, in order, and none empty", () => {
    const source = new Uint8Array(64).map((_, i) => i);
    const parts = [source.subarray(0, 5), new Uint8Array(0), source.subarray(5, 40), source.subarray(40, 64)];
    const entry = storedEntry("xl/worksheets/sheet2.xml", parts, 64);
    expect(dataPieces(entry)).toEqual([parts[0], parts[2], parts[3]]);
    const { pieces, size } = zipPieces([entry]);
    // Header, the three pieces with bytes, central directory.
    expect(pieces.length).toBe(5);
    expect(pieces[1]).toBe(parts[0]);
    expect(pieces[2]).toBe(parts[2]);
    expect(pieces[3]).toBe(parts[3]);
    expect(Buffer.from(joinChunks(pieces, size)).equals(Buffer.from(plainZip([entry])))).toBe(true);
  });

  it("an empty zip is its end record alone", () => {
    const { pieces, size } = zipPieces([]);
    expect(size).toBe(22);
    expect(Buffer.from(joinChunks(pieces, size)).equals(Buffer.from(plainZip([])))).toBe(true);
  });
});
