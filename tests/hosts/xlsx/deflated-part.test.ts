/**
 * A part deflated as it is written (zip-write.ts DeflatedPart) holds the plain rule: what
 * its entry inflates to is the part's bytes, whatever chunks they came in, with node's zlib
 * (the command line) and with fflate (the browser); its CRC-32 and size are the part's; and
 * a part within one piece is the very entry newEntry makes of it whole, as before.
 */
import CRC32 from "crc-32";
import fc from "fast-check";
import { inflateSync } from "fflate";
import * as zlib from "zlib";
import { nodeInflater } from "../../../src/hosts/xlsx/node-inflate";
import { fflateInflater, type PartCodec } from "../../../src/hosts/xlsx/package";
import { DEFLATE_LEVEL, DeflatedPart, dataPieces, deflatingCodec, joinChunks, newEntry, type DeflatingCodec, type StoredEntry } from "../../../src/hosts/xlsx/zip-write";

const AT = new Date(2023, 8, 21, 12, 0, 0);
const MiB = 1 << 20;

const codecs: [string, PartCodec][] = [
  ["node's zlib", { deflate: nodeInflater.deflate, deflater: nodeInflater.deflater, crc32: (d, p = 0) => nodeInflater.crc32(d, p) }],
  ["fflate", { crc32: (d, p = 0) => fflateInflater.crc32(d, p) }],
];

/** Sheet-like bytes: rows made of a few random words, so matches reach across piece joins. */
function partBytes(seed: number, size: number): Uint8Array {
  const words = ["<row r=", "<c r=\"A", "\" s=\"3\"", "><v>", "</v></c>", "Recovery", " £1,234", "</row>", "Amber", "\n"];
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  let at = 0;
  while (at < size) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const w = words[(x >>> 0) % words.length];
    for (let i = 0; i < w.length && at < size; i++) out[at++] = w.charCodeAt(i);
    if ((x & 7) === 0 && at < size) out[at++] = 48 + ((x >>> 3) % 10);
  }
  return out;
}

/** An entry's compressed bytes joined (a part past one piece keeps its deflater's pieces). */
function storedBytes(entry: StoredEntry): Uint8Array {
  return joinChunks([...dataPieces(entry)], entry.compressedSize);
}

/** The part pushed in chunks of the given sizes (repeated), as a writer hands them on. */
function pushAll(part: DeflatedPart, bytes: Uint8Array, sizes: number[]): void {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]);
    part.push(bytes.slice(at, at + n));
    at += n;
  }
}

describe.each(codecs)("a part deflated as it is written, with %s", (_, given) => {
  // fflate's deflate where the codec has none, as the writer takes it.
  let codec: DeflatingCodec;
  beforeAll(async () => {
    codec = await deflatingCodec(given);
  });

  it("inflates to the part's bytes, with its CRC-32 and size, whatever the chunks", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 3.5 * MiB }), fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 4 }), (seed, size, sizes) => {
        const bytes = partBytes(seed, size);
        const part = new DeflatedPart(codec);
        pushAll(part, bytes, sizes);
        const entry = part.entry("xl/worksheets/sheet2.xml", AT);
        const stored = storedBytes(entry);
        expect(Buffer.from(inflateSync(stored)).equals(Buffer.from(bytes))).toBe(true);
        expect(Buffer.from(zlib.inflateRawSync(stored)).equals(Buffer.from(bytes))).toBe(true);
        expect(entry.uncompressedSize).toBe(bytes.length);
        expect(entry.compressedSize).toBe(stored.length);
        expect(entry.crc32).toBe(CRC32.buf(bytes, 0) >>> 0);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it("is, within one piece, the entry newEntry makes of the part whole", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: MiB - 1 }), fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 3 }), (seed, size, sizes) => {
        const bytes = partBytes(seed, size);
        const part = new DeflatedPart(codec);
        pushAll(part, bytes, sizes);
        expect(part.entry("xl/worksheets/sheet2.xml", AT)).toEqual(newEntry("xl/worksheets/sheet2.xml", bytes, AT, codec));
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it("past one piece, keeps its deflater's pieces as they came, not joined into a copy", () => {
    const bytes = partBytes(11, 2.5 * MiB);
    const part = new DeflatedPart(codec);
    pushAll(part, bytes, [65_536]);
    const entry = part.entry("xl/worksheets/sheet2.xml", AT);
    expect(Array.isArray(entry.data)).toBe(true);
    const pieces = dataPieces(entry);
    // A piece a MiB and the last: three deflater calls, at least a piece from each.
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(entry.compressedSize);
    expect(Buffer.from(zlib.inflateRawSync(storedBytes(entry))).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);
});

it("with node's zlib, costs a large part a few bytes a MiB beside one deflate of the whole (matches reach back across the joins)", async () => {
  const bytes = partBytes(7, 6 * MiB);
  const part = new DeflatedPart(await deflatingCodec(codecs[0][1]));
  pushAll(part, bytes, [65_536]);
  const whole = zlib.deflateRawSync(bytes, { level: DEFLATE_LEVEL }).length;
  expect(Math.abs(part.entry("x.xml", AT).compressedSize - whole)).toBeLessThan(64 * 6);
});

it("takes text as the entry its UTF-8 pushed in the same chunks makes, byte for byte (pieces end at the same chunks)", async () => {
  const codec = await deflatingCodec(codecs[0][1]);
  const utf8 = new TextEncoder();
  const piece = fc.oneof(fc.constantFrom("<row r=\"7\">", "£1,234", "Amber – at risk", "\ud83d\ude00", "\ud800", "é"), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
  fc.assert(
    fc.property(fc.array(fc.array(piece, { maxLength: 30 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 40_000 }), (chunks, repeat) => {
      const texts = chunks.map((c) => c.join("").repeat(repeat % 2 === 0 ? 1 : 1 + (repeat % 997)));
      const asText = new DeflatedPart(codec);
      const asBytes = new DeflatedPart(codec);
      for (const t of texts) {
        asText.pushText(t);
        asBytes.push(utf8.encode(t));
      }
      expect(asText.entry("x.xml", AT)).toEqual(asBytes.entry("x.xml", AT));
    }),
    { numRuns: 40 },
  );
}, 120_000);
