// The floor for reading a workbook: node starting, the package unzipped and its sheet XML
// tokenised with the libraries and settings the reader itself uses, and nothing else.
//
// Same as src/hosts/xlsx: zip.js for the central directory (no workers, raw data handed
// over), node's zlib to inflate (node-inflate.ts), a UTF-8 decoder, saxes with position
// tracking off and no namespace mode (xml.ts). What it leaves out is what a reader adds:
// relationships, content types, styles, CRC-32 and size checks, bounds, namespaces, cell
// values. Parts: the shared strings and every worksheet, as the reader reads them.
//
// `node bench/floor.js FILE`; exits 1 when the file cannot be read.
"use strict";
const fs = require("fs");
const zlib = require("zlib");
const { configure, Uint8ArrayReader, ZipReader } = require("@zip.js/zip.js");
const { SaxesParser } = require("saxes");

configure({ useWebWorkers: false, useCompressionStream: false });

const SHEET = /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i;

async function main(file) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const entries = await new ZipReader(new Uint8ArrayReader(bytes), { strictness: "tolerant" }).getEntries();
  let tokens = 0;
  for (const e of entries) {
    if (e.directory || !SHEET.test(e.filename)) continue;
    const parser = new SaxesParser({ position: false });
    parser.on("opentag", () => tokens++);
    parser.on("closetag", () => undefined);
    parser.on("text", () => undefined);
    parser.on("error", (err) => {
      throw err;
    });
    const decoder = new TextDecoder();
    // zip.js reads the local header and says where the stored data starts.
    await e.getData(undefined, { checkOverlappingEntryOnly: true });
    const start = e.localDirectory.dataOffset;
    const data = bytes.subarray(start, start + e.compressedSize);
    if (e.compressionMethod === 0) parser.write(decoder.decode(data));
    else parser.write(decoder.decode(zlib.inflateRawSync(data)));
    parser.close();
  }
  if (tokens === 0) throw new Error("no sheet XML");
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(`floor: ${e.message}\n`);
  process.exitCode = 1;
});
