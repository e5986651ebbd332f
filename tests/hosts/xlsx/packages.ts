/**
 * Small hand-made .xlsx packages for the reader's tests, written part by part (fflate's
 * zip), so each test says exactly what XML the reader meets.
 */
import * as zlib from "zlib";
import { strToU8, zipSync, type Zippable } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  name: string;
  /** The whole worksheet XML, or only what goes inside <sheetData> (then wrapped). */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** A chart sheet instead of a worksheet. */
  chart?: boolean;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string;
  /** The inside of <styleSheet>. */
  styles?: string;
  theme?: string;
  date1904?: boolean;
  /** Replaces the whole workbook part. */
  workbookXml?: string;
  strict?: boolean;
  extra?: Zippable;
}

export const sheetXml = (inner: string, ns = MAIN) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${REL_NS}"><sheetData>${inner}</sheetData></worksheet>`;

/** A package as Excel lays it out, from the parts given. */
export function makePackage(spec: PackageSpec): Uint8Array {
  const main = spec.strict ? STRICT_MAIN : MAIN;
  const rel = spec.strict ? STRICT_REL_NS : REL_NS;
  const rels: string[] = [];
  const files: Zippable = {};
  const sheetEls = spec.sheets.map((s, i) => {
    const id = `rId${i + 1}`;
    const kind = s.chart ? "chartsheet" : "worksheet";
    const target = s.chart ? `chartsheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="${id}" Type="${rel}/${kind}" Target="${target}"/>`);
    const whole = /^\s*(<\?xml|<[\w:]*(worksheet|chartsheet)\b)/.test(s.xml);
    files[`xl/${target}`] = strToU8(whole ? s.xml : sheetXml(s.xml, main));
    return `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${id}"/>`;
  });
  if (spec.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
    files["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${spec.sharedStrings}</sst>`);
  }
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${rel}/styles" Target="styles.xml"/>`);
    files["xl/styles.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}">${spec.styles}</styleSheet>`);
  }
  if (spec.theme !== undefined) {
    rels.push(`<Relationship Id="rIdH" Type="${rel}/theme" Target="theme/theme1.xml"/>`);
    files["xl/theme/theme1.xml"] = strToU8(spec.theme);
  }
  files["xl/workbook.xml"] = strToU8(
    spec.workbookXml ??
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/><sheets>${sheetEls.join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`);
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
  );
  return zipSync({ ...files, ...spec.extra });
}

/** A theme part whose colour scheme is Office 2013–2022's. */
export const OFFICE_THEME =
  '<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office">' +
  '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
  '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="5B9BD5"/></a:accent1>' +
  '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>' +
  '<a:accent5><a:srgbClr val="4472C4"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>' +
  '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme></a:themeElements></a:theme>';

/**
 * A package whose first sheet inflates to about `bytes` of `filler` (`<row/>`s by default:
 * well-formed all the way, so only the bound on inflating stops a reader), deflated as it is
 * made, so neither side ever holds it inflated: about 1,000 times smaller than it unzips.
 * Sizes and CRC are declared truthfully unless `declare` says otherwise.
 */
export async function bombPackage(bytes: number, filler = "<row/>", declare?: number): Promise<Uint8Array> {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`);
  const tail = Buffer.from("</sheetData></worksheet>");
  const unit = Buffer.from(filler.repeat(Math.floor((1 << 20) / filler.length)));
  const d = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  d.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => d.on("end", resolve).on("error", reject));
  let crc = 0;
  let size = 0;
  const put = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!d.write(b)) await new Promise((resolve) => d.once("drain", resolve));
  };
  await put(head);
  while (size + unit.length + tail.length <= bytes) await put(unit);
  await put(tail);
  d.end();
  await done;
  // `declare` makes the entry lie about its size, as a hostile file would.
  return packageWithRawSheet(Buffer.concat(chunks), crc, declare ?? size);
}

/** A one-sheet package whose sheet part is the given raw DEFLATE data. */
function packageWithRawSheet(compressed: Buffer, crc: number, size: number): Uint8Array {
  const placeholder = makePackage({ sheets: [{ name: "Bomb", xml: "" }] });
  // Rebuild the zip with the sheet's entry swapped for the raw data (method 8).
  const entries = readEntries(placeholder);
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const isSheet = e.name === "xl/worksheets/sheet1.xml";
    const data = isSheet ? compressed : e.data;
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0, 6);
    h.writeUInt16LE(isSheet ? 8 : e.method, 8);
    h.writeUInt32LE(0, 10);
    h.writeUInt32LE(isSheet ? crc : e.crc, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(isSheet ? size : e.size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    h.copy(c, 8, 6, 30); // flags … name length, extra length
    c.writeUInt16LE(0, 30);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, data);
    central.push(c, name);
    offset += h.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

/** The entries of a zip fflate wrote (no data descriptors, no zip64). */
function readEntries(zip: Uint8Array): { name: string; method: number; crc: number; size: number; data: Buffer }[] {
  const b = Buffer.from(zip);
  const out: { name: string; method: number; crc: number; size: number; data: Buffer }[] = [];
  let at = 0;
  while (b.readUInt32LE(at) === 0x04034b50) {
    const method = b.readUInt16LE(at + 8);
    const crc = b.readUInt32LE(at + 14);
    const csize = b.readUInt32LE(at + 18);
    const size = b.readUInt32LE(at + 22);
    const n = b.readUInt16LE(at + 26);
    const x = b.readUInt16LE(at + 28);
    const name = b.toString("utf8", at + 30, at + 30 + n);
    const data = b.subarray(at + 30 + n + x, at + 30 + n + x + csize);
    out.push({ name, method, crc, size, data });
    at += 30 + n + x + csize;
  }
  return out;
}
