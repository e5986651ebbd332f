/**
 * LEGACY, for the exceljs writer only: it goes when the by-addition writer lands (issue 8).
 * The snapshot never comes from here (read.ts reads every workbook); this only gives the
 * old writer (write.ts) the exceljs model it rewrites, and the parts exceljs would lose.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { HostError } from "../host";
import { inspectZip, type PackageInspection } from "./legacy-inspection";
import { damagedMessage } from "./package";
import { escapeXml, INTERNAL_LINK, unescapeXml } from "./read";

/** Gives each in-document hyperlink of a sheet a marked relationship exceljs will read. */
async function markInternalLinks(zip: JSZip, sheetPath: string): Promise<boolean> {
  const xml = await zip.file(sheetPath)!.async("string");
  if (!/<hyperlink\b[^>]*\blocation="/.test(xml)) return false;
  const relsPath = sheetPath.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/") + ".rels";
  const relsFile = zip.file(relsPath);
  let rels = relsFile
    ? await relsFile.async("string")
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target !== undefined) targets.set(id, unescapeXml(target));
  }
  let n = 0;
  const added: string[] = [];
  const fixed = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const loc = /\blocation="([^"]*)"/.exec(tag);
    if (!loc) return tag;
    const location = unescapeXml(loc[1]);
    const rid = /\sr:id="([^"]+)"/.exec(tag);
    // A relationship of its own means a link into another file (location is the place in
    // it), except where exceljs wrote the location itself as the target.
    if (rid && targets.get(rid[1]) !== location) return tag;
    const id = `rIdBsLink${++n}`;
    added.push(
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(INTERNAL_LINK + location)}" TargetMode="External"/>`,
    );
    const bare = tag.replace(/\sr:id="[^"]+"/, "").replace(loc[0], "");
    return bare.replace(/^<hyperlink\b/, `<hyperlink r:id="${id}"`);
  });
  if (!added.length) return false;
  // A function replacer: sheet names in the targets may hold `$&` or `$\``, which a
  // replacement string would expand.
  rels = rels.replace("</Relationships>", () => `${added.join("")}</Relationships>`);
  zip.file(sheetPath, fixed);
  zip.file(relsPath, rels);
  return true;
}

/**
 * The package as exceljs can read it without loss: in-document links marked (above), and
 * table columns' child elements (a calculated column's or custom total's formula, on
 * which exceljs 4.4 fails) dropped. The latter only matters for reading: such a workbook
 * is never rewritten (package.ts reports those tables).
 */
async function readableByExceljs(zip: JSZip, bytes: Uint8Array, links = true): Promise<Uint8Array> {
  let changed = false;
  for (const path of Object.keys(zip.files)) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) {
      if (!links) continue;
      if (await markInternalLinks(zip, path)) changed = true;
    } else if (/^xl\/tables\/table\d+\.xml$/.test(path)) {
      const xml = await zip.file(path)!.async("string");
      const fixed = xml.replace(/<tableColumn\b([^>]*?)(?<!\/)>[\s\S]*?<\/tableColumn>/g, "<tableColumn$1/>");
      if (fixed !== xml) {
        zip.file(path, fixed);
        changed = true;
      }
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array" }) : bytes;
}

/** Opens an .xlsx package with exceljs, without the losses readableByExceljs works round. */
async function openWithExceljs(bytes: Uint8Array, opened?: JSZip, links = true): Promise<ExcelJS.Workbook> {
  const zip = opened ?? (await JSZip.loadAsync(bytes));
  const workbook = new ExcelJS.Workbook();
  // exceljs's load takes a Buffer in its typings; a Uint8Array works in Node and browsers.
  await workbook.xlsx.load((await readableByExceljs(zip, bytes, links)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

/** Each sheet's package path, by sheet name, from workbook.xml and its relationships. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const wbXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const relsXml = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id && targets.get(id);
    if (name !== undefined && path) out.set(unescapeXml(name), path);
  }
  return out;
}

const isInvalidDate = (v: unknown) => v instanceof Date && Number.isNaN(v.getTime());

/**
 * exceljs 4.4 turns a formula's cached result into a Date whenever the cell has a date
 * format, so an error (`=DATE(2024,3,#REF!)`) or text result becomes an Invalid Date: the
 * error is lost to the checks, and rewriting would put `NaN` in the file. The true result
 * is taken back from the sheet's XML.
 */
async function repairFormulaResults(workbook: ExcelJS.Workbook, zip: JSZip): Promise<void> {
  let paths: Map<string, string> | null = null;
  for (const ws of workbook.worksheets) {
    const broken: ExcelJS.Cell[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula && isInvalidDate((cell.value as ExcelJS.CellFormulaValue).result)) broken.push(cell);
      }),
    );
    if (!broken.length) continue;
    paths ??= await sheetPaths(zip);
    const path = paths.get(ws.name);
    const xml = path ? await zip.file(path)?.async("string") : undefined;
    for (const cell of broken) {
      const m = xml && new RegExp(`<c r="${cell.address}"([^>]*?)(?<!/)>([\\s\\S]*?)</c>`).exec(xml);
      const t = m ? /\bt="([^"]+)"/.exec(m[1])?.[1] : undefined;
      const raw = m ? /<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1] : undefined;
      let result: ExcelJS.CellFormulaValue["result"] = undefined;
      if (raw !== undefined) {
        const text = unescapeXml(raw);
        if (t === "e") result = { error: text as ExcelJS.CellErrorValue["error"] };
        else if (t === "str" || t === "inlineStr") result = text;
        else if (t === "b") result = text === "1";
        else result = Number(text);
      }
      cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result };
    }
  }
}

/** The exceljs model of a package read.ts has already read, and what exceljs would lose rewriting it. */
export async function legacyModel(bytes: Uint8Array, fileName: string): Promise<{ workbook: ExcelJS.Workbook; inspection: PackageInspection }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new HostError(damagedMessage(fileName));
  }
  const inspection = await inspectZip(zip);
  try {
    const workbook = await openWithExceljs(bytes, zip, true);
    await repairFormulaResults(workbook, zip);
    return { workbook, inspection };
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    if (/crc32|corrupted zip|invalid (stored|distance|code|block)|unexpected end|end of data|inflate|zlib|too far back/i.test(why)) {
      throw new HostError(damagedMessage(fileName));
    }
    // exceljs cannot model every workbook Excel opens (prefixed XML, strict OOXML, ...); the
    // by-addition writer will not need it to.
    throw new HostError(`${fileName} was checked, but Board Summary cannot yet write summary sheets into it (its XML is written in a way the current writer cannot rewrite). Your workbook was not changed.`);
  }
}
