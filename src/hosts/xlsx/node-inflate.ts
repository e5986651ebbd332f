/**
 * node's zlib as the package's inflater, for the command line only (Node): about 3–5 times
 * faster than a pure-JavaScript inflate on sheet XML. Streams, so a part is never held
 * inflated in one piece; the caller's limit stops it part way.
 */
import * as zlib from "zlib";
import { fflateInflater, type Inflater } from "./package";

export const nodeInflater: Inflater = {
  // zlib.crc32 is native (node 20.15 on); older nodes use the same pure-JavaScript CRC as the page.
  crc32: typeof zlib.crc32 === "function" ? (data, previous) => zlib.crc32(data, previous) : (data, previous) => fflateInflater.crc32(data, previous),
  deflate(data) {
    const out = zlib.deflateRawSync(data, { level: 6 });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
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
    return new Promise<void>((resolve, reject) => {
      const z = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
      let failed = false;
      z.on("data", (chunk: Buffer) => {
        if (failed) return;
        try {
          onChunk(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), z.bytesWritten);
        } catch (e) {
          failed = true;
          z.destroy();
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      z.on("end", () => {
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
