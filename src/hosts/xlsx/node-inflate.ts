/**
 * node's zlib as the package's inflater, for the command line only (Node): about 3–5 times
 * faster than a pure-JavaScript inflate on sheet XML. Streams, so a part is never held
 * inflated in one piece; the caller's limit stops it part way.
 */
import * as zlib from "zlib";
import { fflateInflater, type Inflater, type PartDeflater } from "./package";
import { DEFLATE_LEVEL } from "./zip-write";

export const nodeInflater: Inflater = {
  // zlib.crc32 is native (node 20.15 on); older nodes use the same pure-JavaScript CRC as the page.
  crc32: typeof zlib.crc32 === "function" ? (data, previous) => zlib.crc32(data, previous) : (data, previous) => fflateInflater.crc32(data, previous),
  deflate(data) {
    const out = zlib.deflateRawSync(data, { level: DEFLATE_LEVEL });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  deflater() {
    return chainedDeflater();
  },
  inflateWhole(compressed, maxBytes) {
    try {
      const out = zlib.inflateRawSync(compressed, { maxOutputLength: maxBytes });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch (e) {
      // By its code: node's RangeError is another realm's under a test runner.
      if ((e as NodeJS.ErrnoException | null)?.code === "ERR_BUFFER_TOO_LARGE") return null;
      throw e;
    }
  },
  inflate(compressed, onChunk) {
    // Let go of at the end (and only this is captured, not `onChunk`): node holds the stream
    // while its last callback runs, and the caller carries on inside that callback (a build
    // reads, analyses and writes in it), so the part's reader, and all it made, stayed
    // reachable through these listeners for the whole run.
    let sink: typeof onChunk | null = onChunk;
    return new Promise<void>((resolve, reject) => {
      const z = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
      let failed = false;
      z.on("data", (chunk: Buffer) => {
        if (failed || !sink) return;
        try {
          sink(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), z.bytesWritten);
        } catch (e) {
          failed = true;
          z.destroy();
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      z.on("end", () => {
        sink = null;
        if (!failed) resolve();
      });
      z.on("error", (e) => {
        if (failed) return;
        failed = true;
        reject(e);
      });
      z.end(compressed);
    });
  },
};

/** Deflate's window: the farthest back a match may reach. */
const WINDOW = 32 * 1024;

/**
 * A part deflated a piece at a time with node's public, one-shot zlib calls (its streams
 * are asynchronous, and the summary is written synchronously, so pieces would queue whole
 * until it ended). Each piece is deflated with the last 32 KiB before it as zlib's preset
 * dictionary, so matches reach back across the join as in one stream, and ends with a
 * sync flush (an empty stored block: byte-aligned, not final), so the pieces join into one
 * raw deflate stream; the last piece ends it. A part of one piece is deflateRawSync's own.
 * The bytes differ from one deflate of the whole (a flush marker and a fresh block a piece:
 * a few bytes a MiB); what they inflate to does not.
 */
function chainedDeflater(): PartDeflater {
  let window: Uint8Array | null = null;
  return {
    push(piece, last) {
      const options: zlib.ZlibOptions = { level: DEFLATE_LEVEL };
      if (window) options.dictionary = window;
      if (!last) options.finishFlush = zlib.constants.Z_SYNC_FLUSH;
      const out = zlib.deflateRawSync(piece, options);
      if (!last) window = lastBytes(window, piece, WINDOW);
      return [new Uint8Array(out.buffer, out.byteOffset, out.byteLength)];
    },
  };
}

/** The last `n` bytes of `before` then `piece`, copied (the piece itself is not kept). */
function lastBytes(before: Uint8Array | null, piece: Uint8Array, n: number): Uint8Array {
  if (piece.length >= n || !before) return piece.slice(Math.max(0, piece.length - n));
  const keep = Math.min(before.length, n - piece.length);
  const out = new Uint8Array(keep + piece.length);
  out.set(before.subarray(before.length - keep));
  out.set(piece, keep);
  return out;
}
