/**
 * The page's inflater: the browser's own DEFLATE (DecompressionStream "deflate-raw", native
 * code, streamed) for large parts, fflate (pure JavaScript) for small ones and wherever the
 * browser has no DecompressionStream. A stream costs a few promises a chunk, more than
 * fflate takes for a part of a few kilobytes (a form); on a sheet of megabytes the native
 * inflate is several times faster (bench/results.md).
 *
 * Output is handed over as it comes, so the package's bounds (package.ts) stop a bomb part
 * way. `consumed` is what has been written into the stream, a little ahead of what it has
 * inflated, so the ratio check is, if anything, kinder by one piece of input.
 */
import { fflateInflater, type Inflater } from "./package";

/** Parts packed smaller than this are inflated by fflate. */
const NATIVE_FROM_BYTES = 256 * 1024;
/** Input goes into the stream this much at a time. */
const PIECE = 64 * 1024;

function hasNativeInflate(): boolean {
  if (typeof DecompressionStream === "undefined") return false;
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

let native: boolean | undefined;

async function inflateNative(compressed: Uint8Array, onChunk: (chunk: Uint8Array, consumed: number) => void): Promise<void> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let written = 0;
  let failure: unknown = null;
  const feeding = (async () => {
    try {
      for (let i = 0; i < compressed.length; i += PIECE) {
        await writer.ready;
        // A view of the file's bytes, never of shared memory.
        const piece = compressed.subarray(i, i + PIECE) as Uint8Array<ArrayBuffer>;
        written = i + piece.length;
        await writer.write(piece);
      }
      await writer.close();
    } catch (e) {
      // The reading side has the error (corrupt data), or stopped on purpose.
      failure ??= e;
    }
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length) onChunk(value, written);
    }
  } catch (e) {
    failure = e;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    await feeding;
    throw e instanceof Error ? e : new Error(String(e));
  }
  await feeding;
  if (failure) throw failure instanceof Error ? failure : new Error("The workbook's data could not be unzipped.");
}

export const browserInflater: Inflater = {
  crc32: (data, previous) => fflateInflater.crc32(data, previous),
  inflate(compressed, onChunk) {
    native ??= hasNativeInflate();
    if (!native || compressed.length < NATIVE_FROM_BYTES) return fflateInflater.inflate(compressed, onChunk);
    return inflateNative(compressed, onChunk);
  },
};
