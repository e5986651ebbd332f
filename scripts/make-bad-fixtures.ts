/**
 * Writes the bad-input corpus into tests/fixtures/bad/ (run: `npx ts-node --transpile-only
 * scripts/make-bad-fixtures.ts [DIR]`). Every file is small and deterministic, so the corpus
 * can be committed; the robustness tests read it and say what each must give.
 *
 * The encrypted workbook and the old .xls are real compound files (MS-CFB, version 3) with
 * the streams Excel writes: an agile-encrypted package (EncryptionInfo 4.4, EncryptedPackage,
 * the \x06DataSpaces storage) and a BIFF8 Workbook stream padded to 4,096 bytes. The cipher
 * text is pseudo-random: the structure is what matters, not a password that opens it.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { buildPack, prng } from "../bench/generate";
import { must } from "./must";

// ---- a minimal compound file (MS-CFB v3) writer ----------------------------------------

export interface CfbEntry {
  name: string;
  /** A stream's bytes; absent for a storage. */
  data?: Uint8Array;
  /** A storage's children. */
  children?: CfbEntry[];
}

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/** CFB orders siblings by name length, then by upper-cased UTF-16 code units. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

interface DirNode {
  entry: CfbEntry;
  type: 1 | 2 | 5;
  left: number;
  right: number;
  child: number;
  black: boolean;
  start: number;
  size: number;
}

/**
 * The bytes of a compound file holding `children` under its root. Small streams go to the
 * mini stream, as Office does; siblings form a balanced red-black tree.
 */
export function writeCfb(children: CfbEntry[]): Uint8Array {
  const nodes: DirNode[] = [];
  const add = (entry: CfbEntry, type: 1 | 2 | 5): number => {
    nodes.push({ entry, type, left: NOSTREAM, right: NOSTREAM, child: NOSTREAM, black: true, start: ENDOFCHAIN, size: 0 });
    return nodes.length - 1;
  };
  /** Adds the siblings as a balanced tree; the nodes below the last full level are red, so every path has the same black height. */
  const addSiblings = (entries: CfbEntry[]): number => {
    const sorted = [...entries].sort((a, b) => compareNames(a.name, b.name));
    const fullLevels = Math.floor(Math.log2(sorted.length + 1));
    const build = (lo: number, hi: number, depth: number): number => {
      if (lo > hi) return NOSTREAM;
      const mid = (lo + hi) >> 1;
      const e = sorted[mid];
      const id = add(e, e.children ? 1 : 2);
      nodes[id].black = depth < fullLevels;
      nodes[id].left = build(lo, mid - 1, depth + 1);
      nodes[id].right = build(mid + 1, hi, depth + 1);
      if (e.children) nodes[id].child = e.children.length ? addSiblings(e.children) : NOSTREAM;
      return id;
    };
    return build(0, sorted.length - 1, 0);
  };
  const root = add({ name: "Root Entry", children }, 5);
  nodes[root].child = addSiblings(children);

  // Mini stream: streams under the cutoff, in 64-byte mini sectors.
  const miniFat: number[] = [];
  const miniChunks: Uint8Array[] = [];
  const bigStreams: DirNode[] = [];
  for (const n of nodes) {
    if (n.type !== 2) continue;
    const data = n.entry.data ?? new Uint8Array(0);
    n.size = data.length;
    if (data.length === 0) continue;
    if (data.length >= CUTOFF) {
      bigStreams.push(n);
      continue;
    }
    const count = Math.ceil(data.length / MINI);
    n.start = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : miniFat.length + 1);
    const padded = new Uint8Array(count * MINI);
    padded.set(data);
    miniChunks.push(padded);
  }
  const miniStream = concat(miniChunks);

  const dirSectors = Math.ceil((nodes.length * 128) / SECTOR);
  const miniFatSectors = Math.ceil((miniFat.length * 4) / SECTOR);
  const miniStreamSectors = Math.ceil(miniStream.length / SECTOR);
  const bigSectors = bigStreams.reduce((s, n) => s + Math.ceil(n.size / SECTOR), 0);
  const dataSectors = dirSectors + miniFatSectors + miniStreamSectors + bigSectors;
  // The FAT must also cover its own sectors.
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < dataSectors + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("writeCfb: too large for a header-only DIFAT");

  const fat: number[] = [];
  const chain = (count: number): number => {
    if (count === 0) return ENDOFCHAIN;
    const start = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? ENDOFCHAIN : fat.length + 1);
    return start;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  for (const n of bigStreams) n.start = chain(Math.ceil(n.size / SECTOR));
  nodes[root].start = miniStream.length ? miniStreamStart : ENDOFCHAIN;
  nodes[root].size = miniStream.length;
  const totalSectors = fat.length;
  while (fat.length < fatSectors * (SECTOR / 4)) fat.push(FREESECT);

  const out = new Uint8Array(SECTOR * (1 + totalSectors));
  const view = new DataView(out.buffer);
  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // sector shift: 512
  view.setUint16(0x20, 6, true); // mini sector shift: 64
  view.setUint32(0x28, 0, true); // directory sector count: always 0 in version 3
  view.setUint32(0x2c, fatSectors, true);
  view.setUint32(0x30, dirStart, true);
  view.setUint32(0x38, CUTOFF, true);
  view.setUint32(0x3c, miniFatSectors ? miniFatStart : ENDOFCHAIN, true);
  view.setUint32(0x40, miniFatSectors, true);
  view.setUint32(0x44, ENDOFCHAIN, true); // no DIFAT sectors
  view.setUint32(0x48, 0, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i < fatSectors ? i : FREESECT, true);

  const sectorOffset = (s: number) => SECTOR * (1 + s);
  fat.forEach((v, i) => view.setUint32(sectorOffset(0) + i * 4, v, true));
  // Directory: the used entries, then empty ones to fill the last sector.
  for (let i = 0; i < dirSectors * (SECTOR / 128); i++) {
    const off = sectorOffset(dirStart) + i * 128;
    const n = i < nodes.length ? nodes[i] : undefined;
    if (!n) {
      view.setUint32(off + 0x44, NOSTREAM, true);
      view.setUint32(off + 0x48, NOSTREAM, true);
      view.setUint32(off + 0x4c, NOSTREAM, true);
      continue;
    }
    const name = n.entry.name;
    if (name.length > 31) throw new Error(`writeCfb: name too long: ${name}`);
    for (let k = 0; k < name.length; k++) view.setUint16(off + k * 2, name.charCodeAt(k), true);
    view.setUint16(off + 0x40, (name.length + 1) * 2, true);
    out[off + 0x42] = n.type;
    out[off + 0x43] = n.black ? 1 : 0;
    view.setUint32(off + 0x44, n.left, true);
    view.setUint32(off + 0x48, n.right, true);
    view.setUint32(off + 0x4c, n.child, true);
    view.setUint32(off + 0x74, n.type === 1 ? 0 : n.start, true);
    view.setUint32(off + 0x78, n.type === 1 ? 0 : n.size, true);
  }
  miniFat.forEach((v, i) => view.setUint32(sectorOffset(miniFatStart) + i * 4, v, true));
  for (let i = miniFat.length; i < miniFatSectors * (SECTOR / 4); i++) view.setUint32(sectorOffset(miniFatStart) + i * 4, FREESECT, true);
  if (miniStream.length) out.set(miniStream, sectorOffset(miniStreamStart));
  for (const n of bigStreams) out.set(n.entry.data ?? new Uint8Array(0), sectorOffset(n.start));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Little-endian fields, and the length-prefixed strings of MS-OFFCRYPTO. */
class Bytes {
  private parts: number[] = [];
  u16(v: number): this {
    this.parts.push(v & 0xff, (v >> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
    return this;
  }
  raw(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.parts.push(b[i]);
    return this;
  }
  /** UNICODE-LP-P4: byte length, UTF-16LE, padded to 4 bytes. */
  unicodeLp(s: string): this {
    this.u32(s.length * 2);
    for (const ch of s) this.u16(ch.charCodeAt(0));
    if ((s.length * 2) % 4) this.u16(0);
    return this;
  }
  get bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
  get length(): number {
    return this.parts.length;
  }
}

function randomBytes(rnd: () => number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}
const b64 = (rnd: () => number, n: number) => Buffer.from(randomBytes(rnd, n)).toString("base64");

/** An agile-encrypted workbook as Excel 2010+ writes it (structure per MS-OFFCRYPTO 2.3.4.10). */
export function encryptedWorkbook(plainSize = 9000): Uint8Array {
  const rnd = prng(7);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(rnd, 16)}"/>` +
    `<dataIntegrity encryptedHmacKey="${b64(rnd, 64)}" encryptedHmacValue="${b64(rnd, 64)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${b64(rnd, 16)}" encryptedVerifierHashInput="${b64(rnd, 16)}" encryptedVerifierHashValue="${b64(rnd, 64)}" encryptedKeyValue="${b64(rnd, 32)}"/>` +
    "</keyEncryptor></keyEncryptors></encryption>";
  const encryptionInfo = new Bytes().u16(4).u16(4).u32(0x40).raw(Buffer.from(xml, "utf8")).bytes;
  // EncryptedPackage: the plain package's size (8 bytes), then cipher text in 16-byte blocks.
  const cipher = randomBytes(rnd, Math.ceil(plainSize / 16) * 16);
  const encryptedPackage = new Bytes().u32(plainSize).u32(0).raw(cipher).bytes;

  const version = new Bytes().unicodeLp("Microsoft.Container.DataSpaces").u16(1).u16(0).u16(1).u16(0).u16(1).u16(0).bytes;
  const entry = new Bytes().u32(1).u32(0).unicodeLp("EncryptedPackage").unicodeLp("StrongEncryptionDataSpace").bytes;
  const dataSpaceMap = new Bytes().u32(8).u32(1).u32(entry.length + 4).raw(entry).bytes;
  const dataSpace = new Bytes().u32(8).u32(1).unicodeLp("StrongEncryptionTransform").bytes;
  const transformId = new Bytes().unicodeLp("{FF9A3F03-56EF-4613-BDD5-5A41C1D07246}").bytes;
  const primary = new Bytes()
    .u32(8 + transformId.length)
    .u32(1)
    .raw(transformId)
    .unicodeLp("Microsoft.Container.EncryptionTransform")
    .u16(1).u16(0).u16(1).u16(0).u16(1).u16(0)
    .u32(0) // EncryptionName: empty UTF-8-LP-P4
    .u32(0) // EncryptionBlockSize
    .u32(0) // CipherMode
    .u32(4) // Reserved
    .bytes;
  return writeCfb([
    { name: "EncryptionInfo", data: encryptionInfo },
    { name: "EncryptedPackage", data: encryptedPackage },
    {
      name: "\u0006DataSpaces",
      children: [
        { name: "Version", data: version },
        { name: "DataSpaceMap", data: dataSpaceMap },
        { name: "DataSpaceInfo", children: [{ name: "StrongEncryptionDataSpace", data: dataSpace }] },
        {
          name: "TransformInfo",
          children: [{ name: "StrongEncryptionTransform", children: [{ name: "\u0006Primary", data: primary }] }],
        },
      ],
    },
  ]);
}

/** An Excel 97-2003 workbook: a BIFF8 Workbook stream (BOF … EOF), padded to 4,096 bytes as Excel pads it. */
export function oldXlsWorkbook(): Uint8Array {
  const record = (type: number, body: number[]) => new Bytes().u16(type).u16(body.length).raw(body).bytes;
  // BOF: BIFF8 (0x0600), workbook globals (0x0005), build 0x0DBB, year 1996.
  const bof = (dt: number) => record(0x0809, [...new Bytes().u16(0x0600).u16(dt).u16(0x0dbb).u16(0x07cc).u32(0).u32(0x0206).bytes]);
  const codepage = record(0x0042, [0xb0, 0x04]); // CODEPAGE 1200 (UTF-16)
  const eof = record(0x000a, []);
  const stream = concat([bof(0x0005), codepage, eof, bof(0x0010), eof]);
  const padded = new Uint8Array(CUTOFF);
  padded.set(stream);
  const summary = new Bytes().u16(0xfffe).u16(0).u32(0x00020006).raw(new Uint8Array(16)).u32(0).bytes;
  return writeCfb([
    { name: "Workbook", data: padded },
    { name: "\u0005SummaryInformation", data: summary },
  ]);
}

// ---- .xlsx fixtures ----------------------------------------------------------------------

const EVERY_ERROR = ["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.created = new Date(Date.UTC(2023, 8, 21));
  wb.modified = new Date(Date.UTC(2023, 8, 21));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A workbook of recovery forms (seed 000's layout) with the given sheet names. */
function formsNamed(names: string[]): ExcelJS.Workbook {
  const { workbook } = buildPack({ forms: names.length, directionRows: 0, registerItems: 0, seed: 11 });
  workbook.worksheets.forEach((ws, i) => (ws.name = names[i]));
  return workbook;
}

/** The corpus: file name → bytes. */
export async function badFixtures(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  const rnd = prng(5);

  // Binary junk (not printable, not a zip).
  files["not-a-zip.xlsx"] = Uint8Array.from(randomBytes(rnd, 600).map((b) => (b < 32 ? b : b | 0x80)));
  files["zero-bytes.xlsx"] = new Uint8Array(0);

  const good = await xlsxBytes(formsNamed(["RA-01", "RA-02"]));
  files["truncated.xlsx"] = good.slice(0, Math.floor(good.length * 0.6));
  files["encrypted.xlsx"] = encryptedWorkbook();
  files["old-format.xlsx"] = oldXlsWorkbook();
  files["csv-renamed.xlsx"] = Buffer.from(
    "Service Area,Analysis of Issue,Proposed Saving\r\nReablement Service,Significant time spent on travel,\"£277,000\"\r\nPrescribing,Costs are £6 per patient higher,\"£940,000\"\r\n",
    "utf8",
  );

  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("Sheet1");
  files["empty-workbook.xlsx"] = await xlsxBytes(empty);

  // A used range of the whole sheet (A1:E1048576) holding five values: sparse on disk.
  const tall = new ExcelJS.Workbook();
  const ws = tall.addWorksheet("Tall");
  ws.getCell("A1").value = "Notes";
  ws.getCell("B2").value = 42;
  ws.getCell("C1000").value = "middle";
  ws.getCell("D500000").value = true;
  ws.getCell("E1048576").value = "last row";
  files["million-rows.xlsx"] = await xlsxBytes(tall);

  // Every Excel error where a form needs a value, and a sheet of them all.
  const errors = formsNamed(["RA-Errors"]);
  const form = must(errors.getWorksheet("RA-Errors"), "sheet RA-Errors");
  const at = ["C3", "C4", "C5", "C6", "E6", "E7", "A11", "B11", "F11"];
  at.forEach((addr, i) => (form.getCell(addr).value = { error: EVERY_ERROR[i] } as ExcelJS.CellErrorValue));
  const all = errors.addWorksheet("All Errors");
  EVERY_ERROR.forEach((e, i) => {
    all.getCell(i + 1, 1).value = { error: e } as ExcelJS.CellErrorValue;
    all.getCell(i + 1, 2).value = { formula: "1/0", result: { error: e } } as ExcelJS.CellFormulaValue;
  });
  files["every-error.xlsx"] = await xlsxBytes(errors);

  // Merges across labels: a label merged over its value, a value merged over the next label.
  const merged = formsNamed(["RA-Merged"]);
  const m = must(merged.getWorksheet("RA-Merged"), "sheet RA-Merged");
  m.mergeCells("B5:C5"); // hides the value £… under the label's merge
  m.mergeCells("C6:D6"); // the risk level merged across the Plan Date label
  m.mergeCells("A9:B9"); // Strategic Aims merged over Actions
  files["merged-labels.xlsx"] = await xlsxBytes(merged);

  // Sheet names Excel allows but formulas must quote: apostrophes, unicode, 31 characters.
  files["awkward-sheet-names.xlsx"] = await xlsxBytes(
    formsNamed(["O'Brien's Actions", "Données — Café £ 日本", "Thirty-one characters long name"]),
  );

  // Cells at Excel's 32,767-character limit, in a label's value and as stray text.
  const long = formsNamed(["RA-Long"]);
  const l = must(long.getWorksheet("RA-Long"), "sheet RA-Long");
  l.getCell("A4").value = "Description: " + "A reduction in funding. ".repeat(1400).slice(0, 32_767 - 13);
  l.getCell("C5").value = "£448K " + "x".repeat(32_761);
  l.getCell("H1").value = "y".repeat(32_767);
  files["long-cells.xlsx"] = await xlsxBytes(long);

  return files;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? path.join(__dirname, "..", "tests", "fixtures", "bad");
  fs.mkdirSync(dir, { recursive: true });
  const files = await badFixtures();
  for (const [name, bytes] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), bytes);
    process.stdout.write(`${name}\t${bytes.length} bytes\n`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`make-bad-fixtures: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
