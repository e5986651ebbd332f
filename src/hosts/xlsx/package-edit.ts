/**
 * The package edit by addition (standard-templates.md §8): our sheets go in as new parts,
 * the product's own earlier parts come out, and every other part is carried over as it was
 * stored. The few bookkeeping parts that must list the new sheets (content types, the
 * workbook part and its relationships, styles) are edited by splicing text into them at
 * positions the XML parser found; the only existing text that changes is ours (the old
 * sheets' entries) and the counters that must follow (`count`, and sheet indices where a
 * sheet of ours goes without a replacement). See docs/xlsx-host.md.
 * Browser-safe: bytes in and out.
 */
import { HostError } from "../host";
import { renderSheet, TableNames, type SheetDraft } from "./sheet-xml";
import { skeletonStyles, StyleBook } from "./styles-edit";
import { attrNs, attrs, attrValueSpan, childrenNamed, escapeXml, firstChild, prefixFor, qualify, scanXml, Splice, XmlPartError, type XmlElement } from "./xml-splice";
import { partKey, relationshipsPartOf, targetResolver, type RawEntry, type WorkbookPackage } from "./package";
import { DeflatedPart, deflatingCodec, joinChunks, newEntry, zipPieces, type DeflatingCodec, type StoredEntry, type ZipPieces } from "./zip-write";

// ---- what the edit reads from the package ---------------------------------------------

/** Every carried entry's local extra field: the reader does not keep the local header's own. */
const NO_LOCAL_EXTRA = new Uint8Array(0);

/** A stored entry of the source, in the zip writer's terms (copied, never recompressed). */
function storedEntry(pkg: WorkbookPackage, name: string): StoredEntry {
  const r: RawEntry = pkg.raw(name);
  return {
    nameBytes: r.nameBytes,
    versionMadeBy: r.versionMadeBy,
    versionNeeded: r.versionNeeded,
    flags: r.flags,
    method: r.method,
    dosTime: r.dosDateTime & 0xffff,
    dosDate: r.dosDateTime >>> 16,
    crc32: r.crc32,
    compressedSize: r.compressedSize,
    uncompressedSize: r.uncompressedSize,
    // The central extra field stays in the directory, where readers look for it.
    localExtra: NO_LOCAL_EXTRA,
    centralExtra: r.extraField,
    comment: r.commentBytes,
    internalAttributes: r.internalAttributes,
    externalAttributes: r.externalAttributes,
    data: r.compressed,
  };
}

async function inflate(pkg: WorkbookPackage, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  await pkg.stream(name, (c) => {
    chunks.push(c.slice());
    length += c.length;
  });
  return joinChunks(chunks, length);
}

// ---- namespaces ------------------------------------------------------------------------

const NS = {
  transitional: {
    main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  },
  strict: {
    main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  },
};
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  calcChain: "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
};

/** A relationship type's last segment (`worksheet`), whichever of the two URI bases it uses. */
const relKind = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** Transitional or strict OOXML: the namespaces and relationship type base we write with. */
interface Dialect {
  mainNs: string;
  relNs: string;
  relTypeBase: string;
}

function dialectOf(mainNs: string): Dialect {
  const d = mainNs === NS.strict.main ? NS.strict : NS.transitional;
  return { mainNs: d.main, relNs: d.rel, relTypeBase: d.rel };
}

// ---- part names ------------------------------------------------------------------------

/**
 * Part names compare without case (OPC §9.1.1.2); a `\` some zip tools write is a `/`. The
 * package's own key (one look at each character where most names are keys already): an edit
 * asks it several times for each of a workbook's thousands of parts.
 */
const key = partKey;
const normalName = (name: string) => (name.includes("\\") || name.charCodeAt(0) === 47 /* / */ ? name.replace(/\\/g, "/").replace(/^\/+/, "") : name);

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}


/** A path from a folder to a part, as a relationship target. */
function relativeTarget(fromDir: string, part: string): string {
  const from = fromDir.split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

// ---- text of parts -----------------------------------------------------------------------

/** A part's text, and the way back to bytes in the same encoding (BOM kept). */
interface PartText {
  text: string;
  encode(text: string): Uint8Array;
  /** A splice of the text, in the same encoding. */
  encodeSplice(splice: Splice): Uint8Array;
}

function decodePart(bytes: Uint8Array, name: string): PartText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, false);
  try {
    return utf8(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), bytes.length);
  } catch {
    throw new XmlPartError(`${name} is not valid UTF-8 text`);
  }
}

/** UTF-8 text that was `byteLength` bytes: as many as its characters where all are ASCII (a BOM is three). */
function utf8(text: string, byteLength: number): PartText {
  const ascii = text.length === byteLength;
  return { text, encode: (t) => new TextEncoder().encode(t), encodeSplice: (splice) => splice.utf8(ascii) };
}

function utf16(bytes: Uint8Array, little: boolean): PartText {
  const text = new TextDecoder(little ? "utf-16le" : "utf-16be", { ignoreBOM: true }).decode(bytes);
  const encode = (t: string) => {
    const out = new Uint8Array(t.length * 2);
    const view = new DataView(out.buffer);
    for (let i = 0; i < t.length; i++) view.setUint16(i * 2, t.charCodeAt(i), little);
    return out;
  };
  return { text, encode, encodeSplice: (splice) => encode(splice.result()) };
}

/** One relationship of a relationships part. */
interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The resolved part name (internal targets). */
  part: string;
  el: XmlElement;
}

interface RelsPart {
  name: string;
  exists: boolean;
  text: PartText;
  els: XmlElement[];
  rels: Rel[];
}

// ---- the edit --------------------------------------------------------------------------

/** A sheet we write, and the sheet of ours it takes the place of. */
export interface SheetToWrite {
  name: string;
  draft: SheetDraft;
  state?: "hidden" | "veryHidden";
  /** One of our own earlier sheets (by name) whose place in the tab order this one takes. */
  replaces?: string;
}

export interface PackageEdit {
  sheets: SheetToWrite[];
  /** Our own earlier sheets to remove without a replacement (by name). */
  remove: string[];
  /** Time stamp for the entries we write. */
  now: Date;
}

/** What the workbook part says about one sheet. */
interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string | undefined;
  el: XmlElement;
  index: number;
  part: string | undefined;
}

class Edit {
  /** Parts that go, and parts rewritten, by key. */
  private readonly dropped = new Set<string>();
  private readonly rewritten = new Map<string, Uint8Array>();
  /** Parts we add, as text, or (a worksheet) already deflated: its XML is not kept past its sheet. */
  private readonly added: ({ name: string; contentType?: string } & ({ bytes: string } | { entry: StoredEntry }))[] = [];
  private readonly texts = new Map<string, PartText>();
  /** Part names (with `/`) by key. */
  private readonly stored = new Map<string, string>();
  /** Where freshName's next search of a kind of name starts: no lower number is free. */
  private readonly lowestFree = new Map<string, number>();
  /** rels(), by source part. */
  private readonly relsParts = new Map<string, Promise<RelsPart>>();

  constructor(
    private readonly pkg: WorkbookPackage,
    private readonly edit: PackageEdit,
    /** How the parts we write are deflated: the package's codec, or fflate's where it has none. */
    private readonly codec: DeflatingCodec,
  ) {
    for (const n of pkg.partNames) this.stored.set(key(n), normalName(n));
  }

  private has(part: string): boolean {
    return this.stored.has(key(part));
  }

  private async text(part: string): Promise<PartText> {
    const stored = this.stored.get(key(part));
    if (!stored) throw new HostError(`${this.pkg.fileName} has no ${part} part, which an Excel workbook needs.`);
    let t = this.texts.get(stored);
    if (!t) {
      t = decodePart(await inflate(this.pkg, stored), part);
      this.texts.set(stored, t);
    }
    return t;
  }

  /**
   * A source's relationships, read once: a build over an earlier output walks the package's
   * relationships twice more (unreachableAfter), the workbook's a third time. Only read.
   */
  private rels(source: string): Promise<RelsPart> {
    // By the source as named: its targets are resolved from its own folder.
    let known = this.relsParts.get(source);
    if (!known) {
      known = this.readRels(source);
      this.relsParts.set(source, known);
    }
    return known;
  }

  private async readRels(source: string): Promise<RelsPart> {
    const name = relationshipsPartOf(source);
    if (!this.has(name)) {
      return { name, exists: false, text: utf8("", 0), els: [], rels: [] };
    }
    const text = await this.text(name);
    const els = scanXml(text.text, name, 1);
    const rels: Rel[] = [];
    const root = els.at(0);
    // The source's folder worked out once for the part, not once for each of its (thousand) targets.
    const resolveFromSource = targetResolver(source);
    for (const el of root ? childrenNamed(els, root, "Relationship") : []) {
      const target = el.attrs.Target ?? "";
      const external = (el.attrs.TargetMode ?? "") === "External";
      rels.push({ id: el.attrs.Id ?? "", type: el.attrs.Type ?? "", target, external, part: external ? "" : this.resolve(resolveFromSource(target)), el });
    }
    return { name: this.stored.get(key(name)) ?? name, exists: true, text, els, rels };
  }

  /** An internal target's stored part name where it exists, else the resolved name. */
  private resolve(resolved: string): string {
    return this.stored.get(key(resolved)) ?? resolved;
  }

  /** The name (with `/`) of a part the package holds, found without regard to case. */
  private name(part: string): string {
    const stored = this.stored.get(key(part));
    if (stored === undefined) throw new HostError(`${this.pkg.fileName} has no ${part} part.`);
    return stored;
  }

  private replacePart(part: string, text: PartText, next: string): void {
    if (next !== text.text) this.rewritten.set(key(part), text.encode(next));
  }

  /** replacePart for a part edited by a splice of its text. */
  private replaceSpliced(part: string, text: PartText, splice: Splice): void {
    if (!splice.same) this.rewritten.set(key(part), text.encodeSplice(splice));
  }

  /**
   * A part name under `dir` unused in the package, e.g. `xl/worksheets/sheet7.xml`: the
   * lowest number free. Names are only ever taken during an edit, never freed, so each search
   * starts at the number the last one of its kind found (a workbook of 1,000 sheets was
   * searched from 1 for each sheet written).
   */
  private freshName(dir: string, stem: string, ext: string): string {
    const kind = `${dir}${stem}*.${ext}`;
    for (let n = this.lowestFree.get(kind) ?? 1; ; n++) {
      const name = `${dir}${stem}${n}.${ext}`;
      if (!this.has(name) && !this.added.some((a) => key(a.name) === key(name))) {
        this.lowestFree.set(kind, n);
        return name;
      }
    }
  }

  async run(): Promise<ZipPieces> {
    // The workbook part, found from the package's relationships.
    const workbookPart = normalName(this.pkg.workbookPart);
    const wbDir = dirOf(workbookPart);
    const wbText = await this.text(workbookPart);
    const wb = scanXml(wbText.text, workbookPart, 2);
    const wbRoot = wb.at(0);
    if (!wbRoot) throw new HostError(`${this.pkg.fileName} has an empty workbook part.`);
    const dialect = dialectOf(wbRoot.uri);
    const wbRels = await this.rels(workbookPart);
    const relsRoot = wbRels.els.at(0);
    if (!wbRels.exists || !relsRoot) throw new HostError(`${this.pkg.fileName} has no relationships for its workbook part, so its sheets cannot be found.`);
    const relById = new Map(wbRels.rels.map((r) => [r.id, r]));

    const sheetsEl = firstChild(wb, wbRoot, "sheets");
    if (!sheetsEl) throw new HostError(`${this.pkg.fileName} lists no sheets in its workbook part.`);
    const sheets: SheetEntry[] = childrenNamed(wb, sheetsEl, "sheet").map((el, index) => {
      const rId = attrNs(el, NS.transitional.rel, "id") ?? attrNs(el, NS.strict.rel, "id");
      const rel = rId ? relById.get(rId) : undefined;
      return { name: el.attrs.name ?? "", sheetId: Number(el.attrs.sheetId), rId, el, index, part: rel && !rel.external ? rel.part : undefined };
    });
    const byName = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

    // Which of our old sheets each new one replaces, and which go without a replacement.
    const replaced = new Map<SheetEntry, SheetToWrite>();
    for (const s of this.edit.sheets) {
      const old = s.replaces ? byName(s.replaces) : undefined;
      if (old && !replaced.has(old)) replaced.set(old, s);
    }
    const removed = this.edit.remove.map(byName).filter((s): s is SheetEntry => s !== undefined && !replaced.has(s));
    const going = new Set([...replaced.keys(), ...removed]);
    for (const s of this.edit.sheets) {
      const clash = byName(s.name);
      if (clash && !going.has(clash)) {
        throw new HostError(`A sheet called '${clash.name}' already exists and is not one of Board Summary's own, so it was not replaced; nothing was written.`);
      }
    }

    // The final tab order: our replacements in their old places, removed sheets gone, new ones last.
    const removedIndices = removed.map((s) => s.index).sort((a, b) => a - b);
    const newIndex = (old: number) => old - removedIndices.filter((i) => i < old).length;
    const appended = this.edit.sheets.filter((s) => ![...replaced.values()].includes(s));
    const kept = sheets.length - removed.length;
    const finalIndex = new Map<SheetToWrite, number>();
    for (const [old, s] of replaced) finalIndex.set(s, newIndex(old.index));
    appended.forEach((s, i) => finalIndex.set(s, kept + i));

    // The tab the workbook opens on: kept where it stays; else our first new sheet.
    const view = firstChild(wb, firstChild(wb, wbRoot, "bookViews") ?? wbRoot, "workbookView");
    const activeBefore = Number(view?.attrs.activeTab ?? 0) || 0;
    // (`at` rather than an index: a tab number out of range, as some files carry, names no sheet.)
    const sheetAt = (i: number) => (i >= 0 ? sheets.at(i) : undefined);
    const activeSheet = sheetAt(activeBefore);
    // (A tab index past the last sheet, as some files have, is left as it is.)
    const indexOf = (s: SheetToWrite): number => {
      const i = finalIndex.get(s);
      if (i === undefined) throw new Error("every sheet to write has a place");
      return i;
    };
    const firstOurs = this.edit.sheets.length ? indexOf(this.edit.sheets[0]) : 0;
    const activeAfter = activeSheet && removed.includes(activeSheet) ? firstOurs : newIndex(activeBefore);

    // Styles: the workbook's own part, or a new one where it has none.
    const stylesRel = wbRels.rels.find((r) => relKind(r.type) === "styles" && !r.external && this.has(r.part));
    const stylesPart = stylesRel ? this.name(stylesRel.part) : this.has(`${wbDir}styles.xml`) ? this.freshName(wbDir, "styles", "xml") : `${wbDir}styles.xml`;
    const stylesText = stylesRel ? await this.text(stylesPart) : null;
    const styles = new StyleBook(stylesText?.text ?? skeletonStyles(dialect.mainNs), stylesPart);

    // Names in use: every table (by name and display name) and defined name; table ids.
    const goingParts = new Set([...going].map((s) => (s.part ? key(s.part) : "")));
    const tableNames: string[] = [];
    const tableIds: number[] = [];
    const contentTypes = await this.text("[Content_Types].xml");
    const ct = scanXml(contentTypes.text, "[Content_Types].xml", 1);
    const ctRoot = ct.at(0);
    if (!ctRoot) throw new HostError(`${this.pkg.fileName} has an empty [Content_Types].xml part.`);
    const overrides = childrenNamed(ct, ctRoot, "Override");
    const ownTables = new Set<string>();
    for (const s of going) {
      if (!s.part) continue;
      for (const r of (await this.rels(s.part)).rels) if (relKind(r.type) === "table") ownTables.add(key(r.part));
    }
    for (const o of overrides) {
      if ((o.attrs.ContentType ?? "") !== CONTENT_TYPE.table) continue;
      const part = (o.attrs.PartName ?? "").replace(/^\//, "");
      if (!this.has(part) || ownTables.has(key(part))) continue;
      const t = scanXml((await this.text(part)).text, part, 0).at(0);
      if (!t) continue;
      if (t.attrs.name) tableNames.push(t.attrs.name);
      if (t.attrs.displayName) tableNames.push(t.attrs.displayName);
      if (Number.isInteger(Number(t.attrs.id))) tableIds.push(Number(t.attrs.id));
    }
    const definedNamesEl = firstChild(wb, wbRoot, "definedNames");
    const definedNames = definedNamesEl ? childrenNamed(wb, definedNamesEl, "definedName") : [];
    for (const d of definedNames) if (d.attrs.name) tableNames.push(d.attrs.name);
    const names = new TableNames(tableNames, tableIds);

    const date1904 = /^(1|true)$/.test(firstChild(wb, wbRoot, "workbookPr")?.attrs.date1904 ?? "");

    // Render each sheet into new parts.
    const wbSplice = new Splice(wbText.text);
    const relsSplice = new Splice(wbRels.text.text);
    const ctSplice = new Splice(contentTypes.text);
    const relP = relsRoot.prefix;
    const ctP = ctRoot.prefix;
    const mainP = wbRoot.prefix;
    const rP = prefixFor(sheetsEl, dialect.relNs);
    const usedRelIds = new Set(wbRels.rels.map((r) => r.id));
    const freshRelId = () => {
      let n = usedRelIds.size + 1;
      while (usedRelIds.has(`rId${n}`)) n++;
      usedRelIds.add(`rId${n}`);
      return `rId${n}`;
    };
    let nextSheetId = Math.max(0, ...sheets.map((s) => (Number.isFinite(s.sheetId) ? s.sheetId : 0))) + 1;
    const newRels: string[] = [];
    const newOverrides: string[] = [];
    const override = (part: string, type: string) => newOverrides.push(`<${qualify(ctP, "Override")}${attrs({ PartName: `/${part}`, ContentType: type })}/>`);
    const printTitles: { index: number; text: string }[] = [];
    const appendedSheetXml: string[] = [];

    // One context for every sheet: the writer, compiled on the first, met each later sheet's own.
    const context = { styles, date1904, tables: names, mainNs: dialect.mainNs, relNs: dialect.relNs };
    for (const s of this.edit.sheets) {
      const index = indexOf(s);
      const part = new DeflatedPart(this.codec);
      const rendered = renderSheet(s.draft, s.name, context, part, index === activeAfter);
      const sheetPart = this.freshName(`${wbDir}worksheets/`, "sheet", "xml");
      this.added.push({ name: sheetPart, entry: part.entry(sheetPart, this.edit.now), contentType: CONTENT_TYPE.worksheet });
      if (rendered.tables.length) {
        const sheetRels = rendered.tables.map((t) => {
          const tablePart = this.freshName(`${wbDir}tables/`, "table", "xml");
          this.added.push({ name: tablePart, bytes: t.xml, contentType: CONTENT_TYPE.table });
          return `<Relationship${attrs({ Id: t.rId, Type: `${dialect.relTypeBase}/table`, Target: relativeTarget(dirOf(sheetPart), tablePart) })}/>`;
        });
        this.added.push({
          name: relationshipsPartOf(sheetPart),
          bytes: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">${sheetRels.join("")}</Relationships>`,
        });
      }
      const rId = freshRelId();
      newRels.push(`<${qualify(relP, "Relationship")}${attrs({ Id: rId, Type: `${dialect.relTypeBase}/worksheet`, Target: relativeTarget(wbDir, sheetPart) })}/>`);
      const old = [...replaced].find(([, w]) => w === s)?.[0];
      const sheetId = old && Number.isFinite(old.sheetId) ? old.sheetId : nextSheetId++;
      const rAttr = rP === null ? ` xmlns:r="${escapeXml(dialect.relNs)}" r:id="${rId}"` : ` ${qualify(rP, "id")}="${rId}"`;
      const el = `<${qualify(mainP, "sheet")}${attrs({ name: s.name, sheetId, state: s.state })}${rAttr}/>`;
      if (old) wbSplice.replace(old.el.start, old.el.end, el);
      else appendedSheetXml.push(el);
      if (rendered.printTitles) printTitles.push({ index, text: rendered.printTitles });
    }
    if (appendedSheetXml.length) {
      if (sheetsEl.selfClosing) throw new HostError(`${this.pkg.fileName} lists no sheets in its workbook part.`);
      wbSplice.insert(sheetsEl.closeStart, appendedSheetXml.join(""));
    }
    for (const s of removed) wbSplice.remove(s.el.start, s.el.end);

    // Defined names: those scoped to our old sheets go; indices after a removed sheet follow it down.
    const goingIndices = new Set([...going].map((s) => s.index));
    for (const d of definedNames) {
      const local = d.attrs.localSheetId;
      if (local === undefined || !/^\d+$/.test(local)) continue;
      const idx = Number(local);
      if (goingIndices.has(idx)) {
        wbSplice.remove(d.start, d.end);
        continue;
      }
      const moved = newIndex(idx);
      if (moved !== idx) {
        const span = attrValueSpan(wbText.text, d, "localSheetId");
        if (span) wbSplice.replace(span.start, span.end, String(moved));
      }
    }
    const titlesXml = printTitles
      .map((p) => `<${qualify(mainP, "definedName")}${attrs({ name: "_xlnm.Print_Titles", localSheetId: p.index })}>${escapeXml(p.text)}</${qualify(mainP, "definedName")}>`)
      .join("");
    if (titlesXml) {
      if (definedNamesEl && !definedNamesEl.selfClosing) wbSplice.insert(definedNamesEl.closeStart, titlesXml);
      else if (definedNamesEl) wbSplice.replace(definedNamesEl.start, definedNamesEl.end, `<${definedNamesEl.qname}>${titlesXml}</${definedNamesEl.qname}>`);
      else {
        // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
        let at = sheetsEl.end;
        for (const i of wbRoot.children) if (["functionGroups", "externalReferences"].includes(wb[i].local)) at = wb[i].end;
        wbSplice.insert(at, `<${qualify(mainP, "definedNames")}>${titlesXml}</${qualify(mainP, "definedNames")}>`);
      }
    }

    // Every workbook view keeps its tab (or moves to our first sheet where its tab went).
    const views = childrenNamed(wb, firstChild(wb, wbRoot, "bookViews") ?? wbRoot, "workbookView");
    for (const v of views) {
      const tab = Number(v.attrs.activeTab ?? 0) || 0;
      const tabSheet = sheetAt(tab);
      const tabAfter = tabSheet && removed.includes(tabSheet) ? firstOurs : newIndex(tab);
      const active = attrValueSpan(wbText.text, v, "activeTab");
      if (active && tabAfter !== tab) wbSplice.replace(active.start, active.end, String(tabAfter));
      if (!active && tabAfter !== 0) {
        const at = wbText.text.lastIndexOf(v.selfClosing ? "/" : ">", v.openEnd - 1);
        wbSplice.insert(at, ` activeTab="${tabAfter}"`);
      }
      const first = attrValueSpan(wbText.text, v, "firstSheet");
      if (first) {
        const before = Number(v.attrs.firstSheet) || 0;
        // The first tab shown in the tab bar follows its sheet; where the view now opens on
        // a sheet of ours, that tab must be in view.
        let after = newIndex(before);
        if (tabAfter !== newIndex(tab) && after > tabAfter) after = tabAfter;
        if (after !== before) wbSplice.replace(first.start, first.end, String(after));
      }
    }

    // Parts that only our old sheets reached go with them; the calc chain loses their cells.
    const goingRels = new Set([...going].map((s) => s.rId).filter((id): id is string => id !== undefined));
    for (const id of goingRels) {
      const r = relById.get(id);
      if (r) relsSplice.remove(r.el.start, r.el.end);
    }
    if (going.size) for (const k of await this.unreachableAfter(goingParts)) this.dropped.add(k);
    await this.trimCalcChain(wbRels, relsSplice, new Set([...going].map((s) => s.sheetId)));

    // A styles part of our own where the workbook had none.
    if (!styles.empty) {
      if (stylesText) this.replacePart(stylesPart, stylesText, styles.apply());
      else {
        this.added.push({ name: stylesPart, bytes: styles.apply(), contentType: CONTENT_TYPE.styles });
        newRels.push(`<${qualify(relP, "Relationship")}${attrs({ Id: freshRelId(), Type: `${dialect.relTypeBase}/styles`, Target: relativeTarget(wbDir, stylesPart) })}/>`);
      }
    }

    // Relationships and content types: ours added, our old ones out.
    relsSplice.insert(relsRoot.closeStart, newRels.join(""));
    for (const a of this.added) if (a.contentType) override(a.name, a.contentType);
    for (const o of overrides) if (this.dropped.has(key(o.attrs.PartName ?? ""))) ctSplice.remove(o.start, o.end);
    const defaults = childrenNamed(ct, ctRoot, "Default");
    if (!defaults.some((d) => (d.attrs.Extension ?? "").toLowerCase() === "rels")) {
      newOverrides.unshift(`<${qualify(ctP, "Default")}${attrs({ Extension: "rels", ContentType: CONTENT_TYPE.rels })}/>`);
    }
    ctSplice.insert(ctRoot.closeStart, newOverrides.join(""));

    this.replaceSpliced(workbookPart, wbText, wbSplice);
    this.replaceSpliced(wbRels.name, wbRels.text, relsSplice);
    this.replaceSpliced("[Content_Types].xml", contentTypes, ctSplice);
    return this.assemble();
  }

  /** Parts reachable from the package root before, but not once `goingParts` are cut off. */
  private async unreachableAfter(goingParts: Set<string>): Promise<string[]> {
    const reach = async (skip: Set<string>) => {
      const seen = new Set<string>();
      const queue = [""];
      for (let i = 0; i < queue.length; i++) {
        const source = queue[i];
        for (const r of (await this.rels(source)).rels) {
          if (r.external) continue;
          const k = key(r.part);
          if (seen.has(k) || skip.has(k) || !this.has(r.part)) continue;
          seen.add(k);
          queue.push(this.name(r.part));
        }
      }
      return seen;
    };
    const before = await reach(new Set());
    const after = await reach(goingParts);
    const lost: string[] = [];
    for (const k of before) {
      if (after.has(k)) continue;
      lost.push(k);
      const relsKey = key(relationshipsPartOf(this.name(k)));
      if (this.stored.has(relsKey)) lost.push(relsKey);
    }
    return lost;
  }

  /**
   * Removes our old sheets' cells from the calculation chain: Excel repairs a workbook whose
   * chain names a cell that holds no formula. Entries inherit `i` (the sheet id) from the one
   * before, so whole runs are removed. A chain left empty goes, with its relationship.
   */
  private async trimCalcChain(wbRels: RelsPart, relsSplice: Splice, sheetIds: Set<number>): Promise<void> {
    const rel = wbRels.rels.find((r) => relKind(r.type) === "calcChain" && !r.external && this.has(r.part));
    if (!rel || !sheetIds.size) return;
    const part = this.name(rel.part);
    const text = await this.text(part);
    const els = scanXml(text.text, part, 1);
    const root = els.at(0);
    if (!root) return;
    const entries = childrenNamed(els, root, "c");
    const splice = new Splice(text.text);
    let sheet = NaN;
    let keptAny = false;
    for (const c of entries) {
      if (c.attrs.i !== undefined) sheet = Number(c.attrs.i);
      if (sheetIds.has(sheet)) splice.remove(c.start, c.end);
      else keptAny = true;
    }
    if (!splice.changed) return;
    if (keptAny) {
      this.replaceSpliced(part, text, splice);
      return;
    }
    this.dropped.add(key(part));
    relsSplice.remove(rel.el.start, rel.el.end);
  }

  private assemble(): ZipPieces {
    const entries: StoredEntry[] = [];
    for (const name of this.pkg.partNames) {
      const k = key(name);
      if (this.dropped.has(k)) continue;
      const next = this.rewritten.get(k);
      const raw = storedEntry(this.pkg, name);
      if (!next) {
        entries.push(raw);
        continue;
      }
      // A bookkeeping part we added to: deflated afresh under its own name and time stamp.
      const entry = newEntry("", next, this.edit.now, this.codec);
      entries.push({ ...entry, nameBytes: raw.nameBytes, flags: raw.flags & 0x800, dosTime: raw.dosTime, dosDate: raw.dosDate });
    }
    for (const a of this.added) entries.push("entry" in a ? a.entry : newEntry(a.name, a.bytes, this.edit.now, this.codec));
    return zipPieces(entries);
  }
}

/**
 * The package with the edit applied. Throws HostError for what the user can act on; a
 * part that is not well-formed XML is reported as damage to the workbook.
 */
export async function editPackage(pkg: WorkbookPackage, edit: PackageEdit): Promise<Uint8Array> {
  const { pieces, size } = await editPackagePieces(pkg, edit);
  return joinChunks(pieces, size);
}

/** editPackage's bytes as the zip's pieces, for a caller that writes them out as they are (zip-write.ts ZipPieces). */
export async function editPackagePieces(pkg: WorkbookPackage, edit: PackageEdit): Promise<ZipPieces> {
  try {
    return await new Edit(pkg, edit, await deflatingCodec(pkg.codec)).run();
  } catch (e) {
    if (e instanceof XmlPartError) {
      throw new HostError(`${pkg.fileName} cannot be written: ${e.message}. If it opens in Excel, save it again as an Excel Workbook and try again.`);
    }
    throw e;
  }
}
