/**
 * The package layer (package.ts) on small hand-made zips: OPC part names in any case,
 * relationships resolved, content types, UTF-16 parts, raw entries, and the bound on what
 * is inflated, with both inflaters.
 */
import * as zlib from "zlib";
import { zipSync, strToU8, type Zippable } from "fflate";
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from "@zip.js/zip.js";
import { HostError } from "../../../src/hosts/host";
import { fflateInflater, openPackage, printableAscii, resolveTarget, relationshipsPartOf, type Inflater } from "../../../src/hosts/xlsx/package";
import { nodeInflater } from "../../../src/hosts/xlsx/node-inflate";
import { writeZip } from "../../../src/hosts/xlsx/zip-write";
import { fakeCompoundFile } from "../../fixtures/make-xlsx";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

function rels(...items: [id: string, type: string, target: string, external?: boolean][]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    items.map(([id, type, target, ext]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"${ext ? ' TargetMode="External"' : ""}/>`).join("") +
    "</Relationships>"
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="XML" ContentType="application/xml"/>' +
  '<Override PartName="/xl/WorkBook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

/** A package with a WorkBook.xml found through a strict relationship, and a few relationships to resolve. */
function oddPackage(extra: Zippable = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(rels(["rId1", `${STRICT_REL}/officeDocument`, "/xl/WorkBook.xml"])),
    "xl/WorkBook.xml": strToU8("<workbook/>"),
    "xl/_rels/WorkBook.xml.rels": strToU8(
      rels(
        ["rId1", `${REL}/worksheet`, "worksheets/Sheet1.xml"],
        ["rId2", `${REL}/worksheet`, "/XL/worksheets/sheet2.xml"],
        ["rId3", `${REL}/customXml`, "../customXml/item1.xml"],
        ["rId4", `${REL}/hyperlink`, "https://example.org/a b", true],
        ["rId5", `${REL}/worksheet`, "./worksheets/sheet%203.xml"],
      ),
    ),
    "xl/worksheets/sheet1.xml": strToU8("<worksheet/>"),
    "xl/worksheets/sheet2.xml": [strToU8("<worksheet/>"), { level: 0 }],
    "xl/worksheets/sheet 3.xml": strToU8("<worksheet/>"),
    "customXml/item1.xml": strToU8("<x/>"),
    ...extra,
  });
}

/** Sets the uncompressed size an entry declares, in its local header and central directory record. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && Buffer.from(out.subarray(i + 30, i + 30 + nameBytes.length)).equals(nameBytes)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && Buffer.from(out.subarray(i + 46, i + 46 + nameBytes.length)).equals(nameBytes)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/**
 * Replaces an empty stored entry's data with deflate data (method 8): the zip is rebuilt
 * around it by hand, since no zip writer makes a lying entry on purpose.
 */
function withData(bytes: Uint8Array, name: string, deflated: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameBytes = Buffer.from(name);
  let local = -1;
  for (let i = 0; i + 30 < bytes.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50 && Buffer.from(bytes.subarray(i + 30, i + 30 + nameBytes.length)).equals(nameBytes)) local = i;
  }
  const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const oldSize = view.getUint32(local + 18, true);
  const out = new Uint8Array(bytes.length + deflated.length - oldSize);
  out.set(bytes.subarray(0, dataAt), 0);
  out.set(deflated, dataAt);
  out.set(bytes.subarray(dataAt + oldSize), dataAt + deflated.length);
  const o = new DataView(out.buffer);
  o.setUint16(local + 8, 8, true);
  o.setUint32(local + 18, deflated.length, true);
  const shift = deflated.length - oldSize;
  for (let i = dataAt + deflated.length; i + 46 < out.length; i++) {
    const sig = o.getUint32(i, true);
    if (sig === 0x02014b50) {
      const off = o.getUint32(i + 42, true);
      if (off > local) o.setUint32(i + 42, off + shift, true);
      if (Buffer.from(out.subarray(i + 46, i + 46 + nameBytes.length)).equals(nameBytes)) {
        o.setUint16(i + 10, 8, true);
        o.setUint32(i + 20, deflated.length, true);
      }
    }
    if (sig === 0x06054b50) o.setUint32(i + 16, o.getUint32(i + 16, true) + shift, true);
  }
  return out;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return (e as Error).message;
  }
  throw new Error("expected a HostError");
}

describe("part names and relationships", () => {
  it("finds the workbook part through a strict officeDocument relationship, whatever its case", async () => {
    const pkg = await openPackage(oddPackage(), { fileName: "odd.xlsx" });
    expect(pkg.workbookPart).toBe("xl/WorkBook.xml");
    expect(pkg.find("/XL/workbook.XML")).toBe("xl/WorkBook.xml");
    expect(pkg.find("xl/nothing.xml")).toBeUndefined();
    expect(pkg.partNames).toContain("xl/worksheets/sheet 3.xml");
  });

  it("resolves relative, absolute, parent and percent-encoded targets to the stored part names; external targets as written", async () => {
    const pkg = await openPackage(oddPackage());
    expect(await pkg.relationships("xl/workbook.xml")).toEqual([
      { id: "rId1", type: `${REL}/worksheet`, target: "xl/worksheets/sheet1.xml", external: false },
      { id: "rId2", type: `${REL}/worksheet`, target: "xl/worksheets/sheet2.xml", external: false },
      { id: "rId3", type: `${REL}/customXml`, target: "customXml/item1.xml", external: false },
      { id: "rId4", type: `${REL}/hyperlink`, target: "https://example.org/a b", external: true },
      { id: "rId5", type: `${REL}/worksheet`, target: "xl/worksheets/sheet 3.xml", external: false },
    ]);
    expect(await pkg.relationships("xl/worksheets/sheet1.xml")).toEqual([]);
  });

  it("content types: an override by part name in any case, else the extension's default", async () => {
    const pkg = await openPackage(oddPackage());
    expect(pkg.contentType("xl/workbook.xml")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    expect(pkg.contentType("customXml/item1.xml")).toBe("application/xml");
    expect(pkg.contentType("xl/media/image1.png")).toBeUndefined();
  });

  it("resolveTarget and relationshipsPartOf follow RFC 3986 and OPC", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolveTarget("xl/workbook.xml", "../../../x.xml#frag")).toBe("x.xml");
    expect(relationshipsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relationshipsPartOf("")).toBe("_rels/.rels");
  });

  it("a package without _rels/.rels still opens at xl/workbook.xml", async () => {
    const pkg = await openPackage(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }));
    expect(pkg.workbookPart).toBe("xl/workbook.xml");
  });
});

/** A zip of one stored entry whose name and comment are the given bytes, the UTF-8 flag (bit 11) set or not, written by the project's own zip writer. */
function zipNamed(nameBytes: Uint8Array, comment: Uint8Array, utf8: boolean): Uint8Array {
  const data = Buffer.from("<x/>");
  return writeZip([
    {
      nameBytes,
      versionMadeBy: 20,
      versionNeeded: 20,
      flags: utf8 ? 0x800 : 0,
      method: 0,
      dosTime: 0,
      dosDate: 0,
      crc32: zlib.crc32(data),
      compressedSize: data.length,
      uncompressedSize: data.length,
      localExtra: new Uint8Array(0),
      centralExtra: new Uint8Array(0),
      comment,
      internalAttributes: 0,
      externalAttributes: 0,
      data,
    },
  ]);
}

describe("entry names (printableAscii, zip.js's decodeText)", () => {
  /** The entry's name and comment as zip.js reads them, with or without the fast decoding; or its error. */
  async function named(bytes: Uint8Array, fast: boolean): Promise<string> {
    try {
      const [e] = await new ZipReader(new Uint8ArrayReader(bytes), { strictness: "tolerant", ...(fast ? { decodeText: printableAscii } : {}) }).getEntries();
      return JSON.stringify([e.filename, e.comment]);
    } catch (err) {
      return `error: ${(err as Error).message}`;
    }
  }

  it("reads every byte, in a name or a comment, flagged UTF-8 or not, as zip.js does unasked", async () => {
    for (let b = 0; b < 256; b++) {
      for (const utf8 of [false, true]) {
        const name = new Uint8Array([0x78, 0x6c, 0x2f, b, 0x2e, 0x78]);
        const comment = new Uint8Array([b]);
        const bytes = zipNamed(name, comment, utf8);
        expect([b, utf8, await named(bytes, true)]).toEqual([b, utf8, await named(bytes, false)]);
      }
    }
  });

  it("reads random names as zip.js does unasked (mostly printable, some control and high bytes, some long)", async () => {
    let seed = 46;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 400; i++) {
      const length = next() < 0.05 ? 1000 + Math.floor(next() * 60) : 1 + Math.floor(next() * 40);
      const name = Uint8Array.from({ length }, () => (next() < 0.9 ? 0x20 + Math.floor(next() * 95) : Math.floor(next() * 256)));
      const bytes = zipNamed(name, new Uint8Array(0), next() < 0.5);
      expect(await named(bytes, true)).toBe(await named(bytes, false));
    }
  });

  it("leaves to zip.js what is not printable ASCII, and an encoding other than its two", () => {
    expect(printableAscii(new Uint8Array([0x61, 0x01]), "cp437")).toBeUndefined();
    expect(printableAscii(new Uint8Array([0x61, 0x7f]), "utf-8")).toBeUndefined();
    expect(printableAscii(new Uint8Array([0x61, 0xc3, 0xa9]), "utf-8")).toBeUndefined();
    expect(printableAscii(new Uint8Array([0x61]), "shift_jis")).toBeUndefined();
    expect(printableAscii(new Uint8Array(2000).fill(0x61), "cp437")).toBeUndefined();
    expect(printableAscii(new Uint8Array([0x78, 0x6c, 0x2f, 0x20, 0x7e]), "cp437")).toBe("xl/ ~");
    expect(printableAscii(new Uint8Array(0), "cp437")).toBe("");
  });

  it("a package's part names are zip.js's own, a control byte's CP437 symbol too", async () => {
    const bytes = oddPackage({ "xl/media/a\u0001b.png": strToU8("x"), "xl/media/é.png": strToU8("y") } as Zippable);
    const pkg = await openPackage(bytes);
    const entries = await new ZipReader(new Uint8ArrayReader(bytes), { strictness: "tolerant" }).getEntries();
    expect(pkg.partNames).toEqual(entries.filter((e) => !e.directory).map((e) => e.filename));
  });
});

describe("reading parts", () => {
  it("text: UTF-8 with or without a byte order mark, and UTF-16 either way round", async () => {
    const utf16le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('<a t="£é"/>', "utf16le"))]);
    const utf16be = new Uint8Array(Buffer.from('\ufeff<a t="£é"/>', "utf16le").swap16());
    const pkg = await openPackage(
      oddPackage({
        "le.xml": utf16le,
        "be.xml": utf16be,
        "bom.xml": new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('<a t="£é"/>')]),
      }),
    );
    for (const part of ["le.xml", "be.xml", "bom.xml"]) expect([part, await pkg.text(part)]).toEqual([part, '<a t="£é"/>']);
  });

  it("stream hands out a large part in pieces, stored or deflated, and counts what it inflated", async () => {
    const big = strToU8("<r>" + Array.from({ length: 200_000 }, (_, i) => `<c>${(i * 7919) % 100_003}</c>`).join("") + "</r>");
    const pkg = await openPackage(oddPackage({ "big.xml": big, "stored.xml": [big, { level: 0 }] }));
    const before = pkg.inflatedBytes; // [Content_Types].xml and the relationships, read on opening
    for (const part of ["big.xml", "stored.xml"]) {
      const pieces: number[] = [];
      await pkg.stream(part, (c) => pieces.push(c.length));
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.reduce((a, b) => a + b, 0)).toBe(big.length);
    }
    expect(pkg.inflatedBytes - before).toBe(2 * big.length);
  });

  it("raw gives the stored entry byte for byte", async () => {
    const body = strToU8("<worksheet>" + "x".repeat(5000) + "</worksheet>");
    const pkg = await openPackage(oddPackage({ "xl/worksheets/sheet9.xml": body }));
    const raw = pkg.raw("XL/worksheets/sheet9.xml");
    expect(raw.name).toBe("xl/worksheets/sheet9.xml");
    expect(Buffer.from(raw.nameBytes).toString("utf8")).toBe("xl/worksheets/sheet9.xml");
    expect(raw.method).toBe(8);
    expect(raw.uncompressedSize).toBe(body.length);
    expect(raw.compressedSize).toBe(raw.compressed.length);
    expect(new Uint8Array(zlib.inflateRawSync(raw.compressed))).toEqual(body);
    expect(raw.crc32).toBe(zlib.crc32(body));
    expect(raw.dosDateTime).toBeGreaterThan(0);
    const stored = pkg.raw("xl/worksheets/sheet2.xml");
    expect(stored.method).toBe(0);
    expect(Buffer.from(stored.compressed).toString()).toBe("<worksheet/>");
  });

  it("stored gives raw's method, CRC-32, sizes and compressed bytes, copying nothing; null for a part that is not there", async () => {
    const bytes = oddPackage({ "xl/worksheets/sheet9.xml": strToU8("<worksheet>" + "s".repeat(4000) + "</worksheet>") });
    const pkg = await openPackage(bytes);
    for (const part of pkg.partNames) {
      const raw = pkg.raw(part);
      const stored = pkg.stored(part.toUpperCase());
      expect(stored).not.toBeNull();
      const { method, crc32, compressedSize, uncompressedSize } = raw;
      expect({ ...stored!.entry }).toMatchObject({ method, crc32, compressedSize, uncompressedSize });
      expect(Array.from(stored!.data)).toEqual(Array.from(raw.compressed));
      // A view of the file's bytes, not a copy.
      expect(stored!.data.buffer).toBe(bytes.buffer);
    }
    expect(pkg.stored("xl/worksheets/nowhere.xml")).toBeNull();
  });

  it("raw after a part was read (its checked data remembered) is raw on a package that never read it", async () => {
    const files = { "xl/worksheets/sheet9.xml": strToU8("<worksheet>" + "y".repeat(3000) + "</worksheet>"), "stored.xml": [strToU8("<a/>"), { level: 0 }] } as Zippable;
    const bytes = oddPackage(files);
    const fresh = await openPackage(bytes);
    const read = await openPackage(bytes);
    for (const part of read.partNames) await read.stream(part, () => undefined);
    for (const part of read.partNames) {
      const twice = [read.raw(part), read.raw(part)];
      const once = fresh.raw(part);
      for (const r of twice) expect([part, { ...r, compressed: Array.from(r.compressed) }]).toEqual([part, { ...once, compressed: Array.from(once.compressed) }]);
    }
  });
  it("raw gives, for every part, what zip.js reads of its entry (the package keeps its own copy, not zip.js's entries)", async () => {
    const bytes = oddPackage({ "xl/worksheets/sheet9.xml": strToU8("<worksheet>" + "q".repeat(2000) + "</worksheet>"), "stored.xml": [strToU8("<b/>"), { level: 0 }] } as Zippable);
    const pkg = await openPackage(bytes);
    const entries = await new ZipReader(new Uint8ArrayReader(bytes), { strictness: "tolerant" }).getEntries();
    expect(pkg.partNames).toEqual(entries.filter((e) => !e.directory).map((e) => e.filename));
    for (const e of entries) {
      if (e.directory) continue;
      await e.getData(new Uint8ArrayWriter(), { checkOverlappingEntryOnly: true });
      const start = e.localDirectory?.dataOffset ?? -1;
      const plain = {
        name: e.filename,
        nameBytes: Array.from(e.rawFilename),
        flags: (e as { rawBitFlag?: number }).rawBitFlag ?? 0,
        method: e.compressionMethod,
        dosDateTime: Number(e.rawLastModDate),
        crc32: e.crc32,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
        extraField: Array.from(e.rawExtraField),
        commentBytes: Array.from(e.rawComment),
        versionMadeBy: e.versionMadeBy,
        versionNeeded: e.version,
        internalAttributes: e.internalFileAttributes,
        externalAttributes: e.externalFileAttributes,
        compressed: Array.from(bytes.subarray(start, start + e.compressedSize)),
      };
      const raw = pkg.raw(e.filename);
      const ours = { ...raw, nameBytes: Array.from(raw.nameBytes), extraField: Array.from(raw.extraField), commentBytes: Array.from(raw.commentBytes), compressed: Array.from(raw.compressed) };
      expect([e.filename, ours]).toEqual([e.filename, plain]);
      expect(pkg.declaredSize(e.filename)).toBe(e.uncompressedSize);
    }
  });

  it("a part whose local header is damaged is refused when it is read, naming it; the package and its other parts open as before", async () => {
    const bytes = oddPackage();
    const broken = bytes.slice();
    // The local header's signature of customXml/item1.xml (a part the package never reads as it opens).
    const name = Buffer.from("customXml/item1.xml");
    let at = -1;
    for (let i = 0; i + 30 + name.length <= broken.length; i++) {
      if (broken[i] === 0x50 && broken[i + 1] === 0x4b && broken[i + 2] === 3 && broken[i + 3] === 4 && Buffer.from(broken.subarray(i + 30, i + 30 + name.length)).equals(name)) at = i;
    }
    expect(at).toBeGreaterThanOrEqual(0);
    broken[at] = 0x51;
    const pkg = await openPackage(broken, { fileName: "hdr.xlsx" });
    expect(await pkg.text("xl/worksheets/sheet1.xml")).toBe("<worksheet/>");
    const line = "hdr.xlsx is damaged and cannot be read (its part customXml/item1.xml is truncated or corrupt). If it opens in Excel, save it again as an Excel Workbook (.xlsx) and try again.";
    expect(await failure(pkg.text("customXml/item1.xml"))).toBe(line);
    expect(await failure((async () => pkg.raw("customXml/item1.xml"))())).toBe(line);
    expect(await pkg.text("xl/worksheets/sheet2.xml")).toBe("<worksheet/>");
  });
});

describe.each<[string, Inflater]>([
  ["fflate", fflateInflater],
  ["node zlib", nodeInflater],
])("bounds and damage with the %s inflater", (_name, inflater) => {
  it("a part that inflates past the limit ends in one HostError line naming it, whatever size it declares", async () => {
    const bomb = zlib.deflateRawSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
    const honest = oddPackage({ "xl/worksheets/sheet1.xml": [new Uint8Array(4 * 1024 * 1024), { level: 9 }] });
    const pkg = await openPackage(honest, { fileName: "bomb.xlsx", inflater, maxPartBytes: 1024 * 1024 });
    expect(await failure(pkg.stream("xl/worksheets/sheet1.xml", () => undefined))).toMatch(
      /^bomb\.xlsx was not read: its part xl\/worksheets\/sheet1\.xml unzips to more than 1 MB, more than Board Summary reads from one part/,
    );
    // A lying entry: it declares 12 bytes and inflates to 40 MB. Counting stops it all the same.
    const liar = declareSize(oddPackage({ "xl/worksheets/sheet1.xml": new Uint8Array(0) }), "xl/worksheets/sheet1.xml", 12);
    const lying = await openPackage(withData(liar, "xl/worksheets/sheet1.xml", new Uint8Array(bomb)), { fileName: "bomb.xlsx", inflater, maxPartBytes: 1024 * 1024 });
    let seen = 0;
    expect(await failure(lying.stream("xl/worksheets/sheet1.xml", (c) => (seen += c.length)))).toMatch(/unzips to more than 1 MB/);
    expect(seen).toBeLessThanOrEqual(1024 * 1024);
  });

  it("all parts together are bounded too", async () => {
    const pkg = await openPackage(oddPackage({ "a.xml": new Uint8Array(600_000), "b.xml": new Uint8Array(600_000) }), {
      fileName: "many.xlsx",
      inflater,
      maxTotalBytes: 1_000_000,
    });
    await pkg.stream("a.xml", () => undefined);
    expect(await failure(pkg.stream("b.xml", () => undefined))).toMatch(/^many\.xlsx was not read: its parts unzip to more than 1 MB together/);
  });

  it("corrupt deflate data is 'damaged', naming the part", async () => {
    const bytes = oddPackage({ "xl/worksheets/sheet1.xml": strToU8("<worksheet>" + "<row/>".repeat(5000) + "y".repeat(3000) + "</worksheet>") });
    const pkg = await openPackage(bytes, { fileName: "cut.xlsx" });
    const raw = pkg.raw("xl/worksheets/sheet1.xml");
    // Overwrite the middle of that part's compressed data where it sits in the file.
    const at = Buffer.from(bytes).indexOf(Buffer.from(raw.compressed.subarray(0, 16)));
    const broken = bytes.slice();
    for (let i = at + 4; i < at + raw.compressed.length - 4; i++) broken[i] = 0xff;
    const damaged = await openPackage(broken, { fileName: "cut.xlsx", inflater });
    expect(await failure(damaged.text("xl/worksheets/sheet1.xml"))).toBe(
      "cut.xlsx is damaged and cannot be read (its part xl/worksheets/sheet1.xml is truncated or corrupt). If it opens in Excel, save it again as an Excel Workbook (.xlsx) and try again.",
    );
  });

  it("data that inflates but is not what was stored (its CRC-32 differs) is 'damaged', naming the part", async () => {
    const body = strToU8("<worksheet>" + "z".repeat(400) + "</worksheet>");
    const bytes = oddPackage({ "xl/worksheets/sheet1.xml": [body, { level: 0 }] });
    const at = Buffer.from(bytes).indexOf(Buffer.from("zzzz"));
    const tampered = bytes.slice();
    tampered[at + 10] = "y".charCodeAt(0);
    const pkg = await openPackage(tampered, { fileName: "crc.xlsx", inflater });
    expect(await failure(pkg.text("xl/worksheets/sheet1.xml"))).toMatch(/^crc\.xlsx is damaged and cannot be read \(its part xl\/worksheets\/sheet1\.xml is truncated or corrupt\)/);
    expect(inflater.crc32(body, 0)).toBe(zlib.crc32(body));
  });

  it("the caller's own failure comes back as it was thrown", async () => {
    const pkg = await openPackage(oddPackage(), { inflater });
    const mine = new Error("mine");
    await expect(
      pkg.stream("xl/worksheets/sheet1.xml", () => {
        throw mine;
      }),
    ).rejects.toBe(mine);
  });
});

describe("files that are not workbook packages", () => {
  const open = (bytes: Uint8Array) => failure(openPackage(bytes, { fileName: "f.xlsx" }));

  it("says what the file is instead", async () => {
    expect(await open(new Uint8Array(0))).toBe("f.xlsx is empty (0 bytes): it is not an Excel workbook.");
    expect(await open(fakeCompoundFile(["EncryptionInfo", "EncryptedPackage"]))).toMatch(/^f\.xlsx is password-protected/);
    expect(await open(fakeCompoundFile(["Workbook"]))).toMatch(/^f\.xlsx is an Excel 97-2003 \.xls file/);
    expect(await open(strToU8("a,b\n1,2\n"))).toMatch(/looks like a CSV/);
    expect(await open(zipSync({ "notes.txt": strToU8("hi") }))).toBe("f.xlsx is a zip file, not an Excel workbook (.xlsx).");
    const word = zipSync({
      "_rels/.rels": strToU8(rels(["rId1", `${REL}/officeDocument`, "word/document.xml"])),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect(await open(word)).toBe("f.xlsx is a Word document, not an Excel workbook (.xlsx).");
    const xlsb = zipSync({ "_rels/.rels": strToU8(rels(["rId1", `${REL}/officeDocument`, "xl/workbook.bin"])), "xl/workbook.bin": new Uint8Array(4) });
    expect(await open(xlsb)).toMatch(/^f\.xlsx is an Excel binary workbook \(\.xlsb\)/);
  });

  it("a truncated zip, a missing workbook part and a broken relationships part are 'damaged'", async () => {
    const bytes = oddPackage();
    expect(await open(bytes.subarray(0, bytes.length - 30))).toMatch(/^f\.xlsx is damaged and cannot be read \(the file is truncated or corrupt\)/);
    const missing = zipSync({ "_rels/.rels": strToU8(rels(["rId1", `${REL}/officeDocument`, "xl/workbook.xml"])) });
    expect(await open(missing)).toMatch(/^f\.xlsx is damaged and cannot be read \(its part xl\/workbook\.xml is missing\)/);
    const badRels = zipSync({ "_rels/.rels": strToU8("<Relationships><Relationship"), "xl/workbook.xml": strToU8("<workbook/>") });
    expect(await open(badRels)).toMatch(/^f\.xlsx is damaged and cannot be read \(its part _rels\/\.rels is not well-formed XML\)/);
  });
});
