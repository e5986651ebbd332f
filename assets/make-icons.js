#!/usr/bin/env node
/**
 * Draws the add-in's icons (a blue tile with three rising bars: a board summary) and writes
 * them as PNGs with a minimal encoder on node's zlib. Run once; the PNGs are committed.
 *   node assets/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels (size × size × 4) → PNG bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const set = (x, y, [r, g, b, a]) => {
    const i = (y * size + x) * 4;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
    px[i + 3] = a;
  };
  const blue = [0x1f, 0x4e, 0x79, 255];
  const white = [255, 255, 255, 255];
  const radius = size * 0.18;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // A rounded tile: transparent outside the corner arcs.
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2;
      set(x, y, inside ? blue : [0, 0, 0, 0]);
    }
  }
  // Three bars rising left to right.
  const base = Math.round(size * 0.8);
  const barW = Math.max(2, Math.round(size * 0.16));
  const gap = Math.max(1, Math.round(size * 0.08));
  const left = Math.round((size - (3 * barW + 2 * gap)) / 2);
  [0.3, 0.48, 0.62].forEach((h, i) => {
    const x0 = left + i * (barW + gap);
    for (let y = base - Math.round(size * h); y < base; y++) for (let x = x0; x < x0 + barW; x++) set(x, y, white);
  });
  return encodePng(size, px);
}

if (require.main === module) {
  for (const size of [16, 32, 64, 80]) {
    const file = path.join(__dirname, `icon-${size}.png`);
    fs.writeFileSync(file, draw(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
module.exports = { encodePng, draw };
