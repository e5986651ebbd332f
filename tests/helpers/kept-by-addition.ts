/**
 * Checks that a built package kept its input by addition (standard-templates.md §8), read
 * independently of the writer: zip.js's directory through the package layer for the
 * stored entries, fflate to inflate, saxes to compare the bookkeeping parts as trees.
 *
 * - Every part of the input that is not bookkeeping is in the output with the same
 *   compressed bytes, method and CRC (so also the same content), unless it is one of the
 *   product's own parts that the caller says may go.
 * - Each bookkeeping part (content types, the workbook part and its relationships, styles,
 *   the calculation chain) still holds every one of its original elements, with the same
 *   attributes and text, in the same order under the same parents: the build only
 *   inserted whole elements (and changed `count` values); where the caller allows our
 *   own entries to go, each element that went must be one of them.
 * - Every part the output adds is one of ours: a worksheet carrying the marker (or the
 *   settings sheet), its relationships, a table, or a styles part where there was none.
 */
import { inflateSync } from "fflate";
import { SaxesParser } from "saxes";
import { openPackage, type WorkbookPackage } from "../../src/hosts/xlsx/package";

export interface KeptReport {
  problems: string[];
  /** Parts copied as they were stored. */
  carried: number;
  bookkeeping: string[];
  removed: string[];
  added: string[];
}

export interface KeptOptions {
  /** A part of the input that may be missing from the output (the product's own). */
  mayRemove?: (part: string) => boolean;
  /** An element of a bookkeeping part that may be missing from the output (our own entries), by its start tag. */
  mayRemoveElement?: (tag: string, part: string) => boolean;
  /** Sheet indices may have moved (a sheet of ours went without a replacement). */
  renumbered?: boolean;
}

const isType = (type: string, kind: string) => type.endsWith(`/${kind}`);
const slashes = (p: string) => p.replace(/\\/g, "/");

async function bookkeepingParts(pkg: WorkbookPackage): Promise<string[]> {
  const wb = slashes(pkg.workbookPart);
  const rels = await pkg.relationships(wb);
  const out = ["[Content_Types].xml", wb, relsPartOf(wb)];
  for (const r of rels) if (!r.external && (isType(r.type, "styles") || isType(r.type, "calcChain"))) out.push(r.target);
  return out.map((p) => slashes(pkg.find(p) ?? p));
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

async function inflated(pkg: WorkbookPackage, part: string): Promise<Uint8Array> {
  const raw = pkg.raw(part);
  return raw.method === 0 ? raw.compressed : inflateSync(raw.compressed);
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** An element as written: its start tag (name and attributes, in order) and its direct text. */
interface Node {
  tag: string;
  text: string;
  children: Node[];
}

/** The element tree of a part, `count` values read as `#` (the one attribute the build updates). */
export function tree(xml: string, renumbered = false): Node {
  const parser = new SaxesParser();
  const root: Node = { tag: "", text: "", children: [] };
  const stack: Node[] = [root];
  parser.on("opentag", (t) => {
    let tag = t.name;
    for (const [k, v] of Object.entries(t.attributes as Record<string, string>)) {
      const value = k === "count" || (renumbered && /^(activeTab|firstSheet|localSheetId)$/.test(k)) ? "#" : v;
      tag += ` ${k}="${value}"`;
    }
    const node: Node = { tag, text: "", children: [] };
    stack[stack.length - 1].children.push(node);
    if (!t.isSelfClosing) stack.push(node);
  });
  parser.on("closetag", (t) => {
    if (!t.isSelfClosing) stack.pop();
  });
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.on("cdata", (t) => (stack[stack.length - 1].text += t));
  parser.write(xml).close();
  return root;
}

/**
 * True when `was` is kept in `now`: same start tag and text, and its children kept, in
 * order, among `now`'s (which may hold more). `mayGo` lets a child of `was` be missing.
 */
export function embeds(was: Node, now: Node, mayGo: (n: Node) => boolean = () => false): boolean {
  if (was.tag !== now.tag || was.text !== now.text) return false;
  let j = 0;
  for (const child of was.children) {
    const from = j;
    let found = false;
    while (j < now.children.length) {
      if (embeds(child, now.children[j++], mayGo)) {
        found = true;
        break;
      }
    }
    if (!found) {
      if (!mayGo(child)) return false;
      // A child that went: the next ones are looked for from where this one was looked for.
      j = from;
    }
  }
  return true;
}

/** The first element of `was` not kept in `now`, for the message. */
function firstLost(was: Node, now: Node, mayGo: (n: Node) => boolean): string {
  for (const child of was.children) {
    if (mayGo(child)) continue;
    if (!now.children.some((c) => embeds(child, c, mayGo))) {
      const same = now.children.find((c) => c.tag === child.tag);
      return same ? `${child.tag} > ${firstLost(child, same, mayGo)}` : child.tag;
    }
  }
  return was.tag;
}

export async function checkKeptByAddition(input: Uint8Array, output: Uint8Array, options: KeptOptions = {}): Promise<KeptReport> {
  const before = await openPackage(input, { fileName: "input" });
  const after = await openPackage(output, { fileName: "output" });
  const report: KeptReport = { problems: [], carried: 0, bookkeeping: [], removed: [], added: [] };
  const bookkeeping = new Set((await bookkeepingParts(before)).map((p) => p.toLowerCase()));
  for (const part of before.partNames.map(slashes)) {
    const there = after.find(part);
    if (!there) {
      report.removed.push(part);
      if (!options.mayRemove?.(part) && !/calcchain/i.test(part)) report.problems.push(`${part} was removed`);
      continue;
    }
    if (bookkeeping.has(part.toLowerCase())) {
      report.bookkeeping.push(part);
      const was = decode(await inflated(before, part));
      const now = decode(await inflated(after, there));
      const mayGo = (n: Node) => options.mayRemoveElement?.(n.tag, part) ?? false;
      const wasTree = tree(was, options.renumbered);
      const nowTree = tree(now, options.renumbered);
      if (!embeds(wasTree, nowTree, mayGo)) report.problems.push(`${part} did not keep ${firstLost(wasTree, nowTree, mayGo).slice(0, 200)}`);
      continue;
    }
    const a = before.raw(part);
    const b = after.raw(there);
    if (a.method !== b.method || a.crc32 !== b.crc32 || !same(a.compressed, b.compressed)) {
      report.problems.push(`${part} was not carried over as stored`);
      continue;
    }
    if (!same(await inflated(before, part), await inflated(after, there))) report.problems.push(`${part} changed`);
    else report.carried++;
  }
  for (const part of after.partNames.map(slashes)) {
    if (before.find(part)) continue;
    report.added.push(part);
    const text = decode(await inflated(after, part));
    const ours =
      /\.rels$/.test(part) ||
      (/<table\b/.test(text) && /tables\//i.test(part)) ||
      /<styleSheet\b/.test(text) ||
      (/<worksheet\b/.test(text) && (text.includes("board-summary:generated:") || text.includes("schemaVersion")));
    if (!ours) report.problems.push(`${part} was added but is not one of Board Summary's parts`);
  }
  return report;
}

/** The summaries' sheet names as a build writes them (`Recovery Summary`, `Data Checks (2)` …). */
const SUMMARY_NAME = /^(Recovery Summary|Directions Summary|Data Checks)( \(\d+\))?$/;

/**
 * What a second build may take out of a first build's output: the parts the first build
 * added (`first.added`), and in the bookkeeping parts only the elements that name them,
 * our sheets (by name, in `tabs`, the first output's sheet names in tab order), or our
 * print titles (scoped to our sheets' indices).
 */
export function rebuildAllowance(first: KeptReport, tabs: string[]): Required<KeptOptions> {
  const ours = new Set(first.added.map((p) => p.toLowerCase()));
  const tails = [...ours].map((p) => p.split("/").slice(-2).join("/"));
  const names = tabs.filter((t) => SUMMARY_NAME.test(t));
  const indices = new Set(tabs.flatMap((t, i) => (SUMMARY_NAME.test(t) ? [String(i)] : [])));
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return {
    mayRemove: (part) => ours.has(slashes(part).toLowerCase()),
    mayRemoveElement: (tag) => {
      const local = tag.replace(/^\w+:/, "").split(" ")[0];
      if (local === "Override") return ours.has((attr(tag, "PartName") ?? "").replace(/^\//, "").toLowerCase());
      if (local === "Relationship") return tails.some((t) => (attr(tag, "Target") ?? "").toLowerCase().endsWith(t));
      if (local === "sheet") return names.includes(attr(tag, "name") ?? "");
      if (local === "definedName") return attr(tag, "name") === "_xlnm.Print_Titles" && indices.has(attr(tag, "localSheetId") ?? "");
      return false;
    },
    renumbered: false,
  };
}
