/**
 * Editing a user's XML part by addition: the XML parser (saxes) finds where each element
 * starts and ends, and edits are spliced into the original text at those positions, so
 * everything else in the part stays exactly as it was written (its prefixes, its quoting,
 * its white space, its order). Nothing here re-serialises a parsed document.
 * Browser-safe: strings in and out.
 */
import { SaxesParser, type SaxesTagNS, type SaxesTagPlain } from "saxes";
import { plainParser } from "./xml";

/** One element of a scanned part, with where its tags sit in the text. */
export interface XmlElement {
  /** The name as written, e.g. `x:sheet`. */
  qname: string;
  local: string;
  prefix: string;
  /** Its namespace URI ("" for none). */
  uri: string;
  /** Attribute values (decoded), by the qualified name as written. */
  attrs: Record<string, string | undefined>;
  /** Attribute namespace URIs, by qualified name (for `r:id` under any prefix). */
  attrUris: Record<string, string | undefined>;
  /** Index of the `<` that opens the start tag. */
  start: number;
  /** Index just after the start tag's `>` (after `/>` when self-closing). */
  openEnd: number;
  /** Index of the `</` of the end tag (equal to `openEnd` when self-closing). */
  closeStart: number;
  /** Index just after the element's last `>`. */
  end: number;
  selfClosing: boolean;
  depth: number;
  /** Index of the parent in the scan's list, -1 for the root. */
  parent: number;
  children: number[];
  /** Namespace prefixes in scope here ("" for the default namespace), prefix → URI. */
  scope: Record<string, string>;
}

/** A part that is not well-formed XML. `message` says which part and where. */
export class XmlPartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlPartError";
  }
}

/**
 * Every element of `xml` (down to `maxDepth`, the root being depth 0) in document order,
 * with its tag positions and namespaces. Throws XmlPartError when the text is not
 * well-formed.
 */
export function scanXml(xml: string, partName: string, maxDepth = Infinity): XmlElement[] {
  return scanPlainly(xml, maxDepth) ?? scanWithNamespaces(xml, partName, maxDepth);
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
/** Prefixes bound before any declaration, as in saxes's namespace mode. */
const ROOT_NAMESPACES: Record<string, string | undefined> = Object.assign(Object.create(null) as Record<string, string | undefined>, { xml: XML_NS, xmlns: XMLNS_NS });

/** Thrown inside scanPlainly where saxes's namespace mode might read the part otherwise. */
const NOT_PLAIN = new Error("not plain");
function notPlain(): never {
  throw NOT_PLAIN;
}

/** What a scan knows of an element as its start tag ends. */
type Opened = Pick<XmlElement, "qname" | "local" | "prefix" | "uri" | "attrs" | "attrUris" | "start" | "openEnd" | "selfClosing"> & {
  /** The namespaces its own tag declares, prefix → URI ("" for the default), in saxes's order. */
  declared: Record<string, string>;
};

/** A scan's elements down to maxDepth in document order, with their parents, children and scopes. */
class ScannedElements {
  readonly elements: XmlElement[] = [];
  /** Index in `elements` of each open element, or -1 for one deeper than maxDepth. */
  private readonly open: number[] = [];

  constructor(
    private readonly xml: string,
    private readonly maxDepth: number,
  ) {}

  opened(e: Opened): void {
    const depth = this.open.length;
    if (depth > this.maxDepth) {
      if (!e.selfClosing) this.open.push(-1);
      return;
    }
    const parentIndex = depth ? this.open[depth - 1] : -1;
    const parentScope = parentIndex >= 0 ? this.elements[parentIndex].scope : { xml: XML_NS };
    // An element declaring nothing stands in its parent's scope, the same object (scopes are
    // only read): a copy each was most of the scan of a part listing 1,000 sheets.
    let scope = parentScope;
    for (const p in e.declared) {
      if (scope === parentScope) scope = { ...parentScope };
      scope[p] = e.declared[p];
    }
    const el: XmlElement = {
      qname: e.qname,
      local: e.local,
      prefix: e.prefix,
      uri: e.uri,
      attrs: e.attrs,
      attrUris: e.attrUris,
      start: e.start,
      openEnd: e.openEnd,
      closeStart: e.openEnd,
      end: e.openEnd,
      selfClosing: e.selfClosing,
      depth,
      parent: parentIndex,
      // An element that can have no children listed (self-closing, or as deep as the scan
      // goes) shares one empty list: most of a bookkeeping part's 10,000 elements are such.
      children: e.selfClosing || depth === this.maxDepth ? NO_CHILDREN : [],
      scope,
    };
    const index = this.elements.push(el) - 1;
    if (parentIndex >= 0) this.elements[parentIndex].children.push(index);
    if (!e.selfClosing) this.open.push(index);
  }

  /** Its end tag ends at `position`. */
  closed(position: number): void {
    const index = this.open.pop();
    if (index === undefined || index < 0) return;
    const el = this.elements[index];
    el.end = position;
    el.closeStart = this.xml.lastIndexOf("</", position - 1);
  }
}

/** The children of an element that can have none listed (ScannedElements.opened); frozen, as only read. */
const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

const NONE_DECLARED: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/**
 * scanWithNamespaces's answer, by a parser of the reader's own shape (xml.ts plainParser),
 * which V8 has compiled by now, with prefixes resolved here; null where the part is not
 * well-formed or saxes's namespace mode might refuse it or read it otherwise (an unbound
 * or malformed prefix, a reserved or empty namespace declared, one attribute twice by
 * namespace, a colon in a processing instruction's target), for scanWithNamespaces to
 * answer. A parser in namespace mode has another shape: a build's first of them ran saxes
 * interpreted, ~25 ms on the bookkeeping parts of a workbook of 100 sheets.
 */
export function scanPlainly(xml: string, maxDepth: number): XmlElement[] | null {
  if (colonInTarget(xml)) return null;
  const list = new ScannedElements(xml, maxDepth);
  /** The prefixes bound in each open element, innermost last. */
  const bound = [ROOT_NAMESPACES];
  /** The last element's attribute names in order, the prefixes in scope there, and its attributes' namespaces. */
  let lastNames: string[] = [];
  let lastScope: Record<string, string | undefined> | null = null;
  let lastUris: Record<string, string | undefined> = {};
  const opentag = (tag: SaxesTagPlain) => {
    const attributes = tag.attributes;
    // As saxes's namespace mode keeps them (`tag.ns`): each declaration's value trimmed.
    let declared: Record<string, string> | null = null;
    // Whether any attribute has a prefix: most elements of a bookkeeping part (a thousand
    // `Override`s, `Relationship`s) have none, and their namespaces need no look-up.
    let prefixed = false;
    for (const name in attributes) {
      const colon = colonOf(name);
      if (colon >= 0) {
        prefixed = true;
        if (colon !== 5 || !name.startsWith("xmlns")) continue;
      } else if (name !== "xmlns") continue;
      const prefix = colon < 0 ? "" : name.slice(6);
      const uri = attributes[name].trim();
      if (uri === XML_NS || uri === XMLNS_NS || (prefix !== "" && (uri === "" || prefix === "xml" || prefix === "xmlns"))) notPlain();
      declared ??= Object.create(null) as Record<string, string>;
      declared[prefix] = uri;
    }
    const outer = bound[bound.length - 1];
    const inScope = declared ? Object.assign(Object.create(null) as Record<string, string | undefined>, outer, declared) : outer;
    const { prefix, local } = tag.name.indexOf(":") >= 0 ? splitName(tag.name) : { prefix: "", local: tag.name };
    if (prefix === "xmlns") notPlain();
    const uri = inScope[prefix];
    if (prefix !== "" && uri === undefined) notPlain();
    // A copy by spreading, which V8 makes from the shape of the tag's attributes; a spread
    // would keep an attribute named `__proto__` where the rule's assignment drops it.
    const attrs: Record<string, string | undefined> = !("__proto__" in attributes) ? { ...attributes } : assigned(attributes);
    // An attribute's namespace follows from its name and the prefixes in scope: an element
    // with the same attribute names in the same scope as the one before (a part's thousands
    // of `Override`s, `Relationship`s, `sheet`s) shares that one's object, and was checked as
    // it was (the edit keeps every element, and only reads them).
    let same = inScope === lastScope;
    let count = 0;
    for (const name in attributes) {
      if (same && (count >= lastNames.length || lastNames[count] !== name)) same = false;
      count++;
    }
    if (!same || count !== lastNames.length) {
      lastUris = prefixed ? prefixedUris(attributes, inScope) : unprefixedUris(attributes);
      lastNames = Object.keys(attributes);
      lastScope = inScope;
    }
    const attrUris = lastUris;
    if (!tag.isSelfClosing) bound.push(inScope);
    // Past its `>`: an attribute's value holds no `<`, so the last one before is the tag's own.
    const position = parser.position;
    const start = xml.lastIndexOf("<", position - 1);
    list.opened({ qname: tag.name, local, prefix, uri: uri ?? "", attrs, attrUris, declared: declared ?? NONE_DECLARED, start, openEnd: position, selfClosing: tag.isSelfClosing });
  };
  const closetag = (tag: SaxesTagPlain) => {
    if (tag.isSelfClosing) return;
    bound.pop();
    list.closed(parser.position);
  };
  const parser = plainParser({ opentag, closetag, text: ignore, error: notPlain });
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  return list.elements;
}

/** A tag's attributes copied by assignment, as the rule copies them. */
function assigned(attributes: Record<string, string>): Record<string, string | undefined> {
  const attrs: Record<string, string | undefined> = {};
  for (const name in attributes) attrs[name] = attributes[name];
  return attrs;
}

/** The namespaces of a tag's attributes, none of which has a prefix. */
function unprefixedUris(attributes: Record<string, string>): Record<string, string | undefined> {
  const uris: Record<string, string | undefined> = {};
  for (const name in attributes) uris[name] = name === "xmlns" ? XMLNS_NS : "";
  return uris;
}

/** The namespaces of a tag's attributes by the prefixes in scope; not plain where one is unbound or two name one attribute. */
function prefixedUris(attributes: Record<string, string>, inScope: Record<string, string | undefined>): Record<string, string | undefined> {
  const uris: Record<string, string | undefined> = {};
  let expanded: Set<string> | null = null;
  for (const name in attributes) {
    const a = splitName(name);
    let uri: string | undefined;
    if (a.prefix === "") uri = name === "xmlns" ? XMLNS_NS : "";
    else {
      uri = inScope[a.prefix];
      if (uri === undefined) notPlain();
      const key = `{${uri}}${a.local}`;
      expanded ??= new Set();
      if (expanded.has(key)) notPlain();
      expanded.add(key);
    }
    uris[name] = uri;
  }
  return uris;
}

function ignore(): void {}

/** A qualified name's prefix ("" for none) and local name; not plain where saxes's namespace mode calls it malformed. */
function splitName(name: string): { prefix: string; local: string } {
  const colon = colonOf(name);
  return colon < 0 ? { prefix: "", local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

/**
 * Where a name's colon is, -1 for none; a name saxes's namespace mode refuses (an empty prefix
 * or local name, a second colon) is not plain. Apart from splitName so a name can be tested
 * without cutting it.
 */
function colonOf(name: string): number {
  const colon = name.indexOf(":");
  if (colon >= 0 && (colon === 0 || colon === name.length - 1 || name.indexOf(":", colon + 1) >= 0)) notPlain();
  return colon;
}

/**
 * Whether a processing instruction's target may hold a colon, which saxes's namespace mode
 * refuses and its plain mode takes. Looks at each `<?` (one, the XML declaration, in a part
 * of ours) up to the first character that cannot be in a name.
 */
function colonInTarget(xml: string): boolean {
  for (let at = xml.indexOf("<?"); at >= 0; at = xml.indexOf("<?", at + 2)) {
    for (let i = at + 2; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (c === 58 /* : */) return true;
      if (c === 63 /* ? */ || c === 62 /* > */ || c === 60 /* < */ || c === 32 || c === 9 || c === 10 || c === 13) break;
    }
  }
  return false;
}

/** scanXml by saxes's namespace mode: the rule scanPlainly follows, and every part it leaves. */
export function scanWithNamespaces(xml: string, partName: string, maxDepth = Infinity): XmlElement[] {
  const list = new ScannedElements(xml, maxDepth);
  let pendingStart = 0;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("opentagstart", () => {
    // The parser has read `<name`: the last `<` before here opens this tag.
    pendingStart = xml.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attrs: Record<string, string | undefined> = {};
    const attrUris: Record<string, string | undefined> = {};
    for (const [name, a] of Object.entries(tag.attributes)) {
      attrs[name] = a.value;
      attrUris[name] = a.uri;
    }
    const { name: qname, local, prefix, uri, ns: declared, isSelfClosing: selfClosing } = tag;
    list.opened({ qname, local, prefix, uri, attrs, attrUris, declared, start: pendingStart, openEnd: parser.position, selfClosing });
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (!tag.isSelfClosing) list.closed(parser.position);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new XmlPartError(`${partName} is not well-formed XML (${why})`);
  }
  return list.elements;
}

/** The element's children with this local name (any prefix, any namespace). */
export function childrenNamed(els: XmlElement[], parent: XmlElement, local: string): XmlElement[] {
  return parent.children.map((i) => els[i]).filter((c) => c.local === local);
}

export function firstChild(els: XmlElement[], parent: XmlElement, local: string): XmlElement | undefined {
  for (const i of parent.children) if (els[i].local === local) return els[i];
  return undefined;
}

/** An attribute by local name and namespace URI ("" for an unprefixed one), whatever its prefix. */
export function attrNs(el: XmlElement, uri: string, local: string): string | undefined {
  // The names walked, no entries made nor local names cut: asked twice of each of a
  // workbook's (thousand) sheets.
  const attrs = el.attrs;
  for (const name in attrs) {
    if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
    const colon = name.indexOf(":");
    if (name.length - colon - 1 !== local.length || !name.endsWith(local)) continue;
    if ((el.attrUris[name] ?? "") === uri) return attrs[name];
  }
  return undefined;
}

/** The prefix in scope for `uri` at `el` ("" for the default namespace), or null when none is. */
export function prefixFor(el: XmlElement, uri: string): string | null {
  if (el.scope[""] === uri) return "";
  for (const [p, u] of Object.entries(el.scope)) if (u === uri && p !== "") return p;
  return null;
}

/** `x:name` or `name`. */
export const qualify = (prefix: string, local: string): string => (prefix ? `${prefix}:${local}` : local);

/**
 * Where an attribute's value sits inside an element's start tag (between its quotes), by
 * the qualified name as written; null where the tag has no such attribute.
 */
export function attrValueSpan(xml: string, el: XmlElement, qname: string): { start: number; end: number } | null {
  const tag = xml.slice(el.start, el.openEnd);
  // Attributes after the element's name, each `name = "value"` or `'value'`: the parser
  // has already checked the tag, so this only has to find where each one is.
  const re = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/gy;
  re.lastIndex = 1 + el.qname.length;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    if (m[1] === qname) {
      const valueStart = m.index + m[0].length - m[2].length + 1;
      return { start: el.start + valueStart, end: el.start + valueStart + m[2].length - 2 };
    }
  }
  return null;
}

const XML_SPECIAL = /[&<>"]/;

/** Escapes text for an element's content or a double-quoted attribute. */
export function escapeXml(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** `name="value"` pairs for a start tag, skipping undefined values. */
export function attrs(pairs: Record<string, string | number | undefined | null>): string {
  let s = "";
  for (const [k, v] of Object.entries(pairs)) if (v !== undefined && v !== null) s += ` ${k}="${escapeXml(String(v))}"`;
  return s;
}

/**
 * Edits to one text, applied together at the end. Insertions at the same position keep the
 * order they were made in. Replacements and removals must not overlap.
 */
export class Splice {
  private edits: { start: number; end: number; text: string; seq: number }[] = [];

  constructor(readonly original: string) {}

  insert(at: number, text: string): void {
    if (text) this.edits.push({ start: at, end: at, text, seq: this.edits.length });
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.edits.length });
  }

  remove(start: number, end: number): void {
    this.replace(start, end, "");
  }

  get changed(): boolean {
    return this.edits.length > 0;
  }

  /** Only insertions, so the original text is kept whole (a subsequence of the result). */
  get onlyInsertions(): boolean {
    return this.edits.every((e) => e.start === e.end);
  }

  result(): string {
    let out = "";
    let at = 0;
    for (const e of this.inOrder()) {
      out += this.original.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.original.slice(at);
  }

  /** True where the result is the original text (no edit, or none that changes it). */
  get same(): boolean {
    let length = this.original.length;
    for (const e of this.edits) length += e.text.length - (e.end - e.start);
    return length === this.original.length && this.result() === this.original;
  }

  /**
   * The result in UTF-8. Where the original is all ASCII (one byte a character), each kept
   * stretch of it is encoded straight into its place: joined into one string first, a
   * workbook part of megabytes was copied whole once more before it was encoded (a build of
   * 10,000 sheets rewrites 3.5 MB of them).
   */
  utf8(originalIsAscii: boolean): Uint8Array {
    const encoder = new TextEncoder();
    if (!originalIsAscii) return encoder.encode(this.result());
    const edits = this.inOrder();
    const texts = edits.map((e) => encoder.encode(e.text));
    let length = this.original.length;
    edits.forEach((e, i) => (length += texts[i].length - (e.end - e.start)));
    const out = new Uint8Array(length);
    let at = 0;
    let to = 0;
    edits.forEach((e, i) => {
      to += encoder.encodeInto(this.original.slice(at, e.start), out.subarray(to)).written;
      out.set(texts[i], to);
      to += texts[i].length;
      at = e.end;
    });
    encoder.encodeInto(this.original.slice(at), out.subarray(to));
    return out;
  }

  /** The edits in the order they apply: by position, then as made. */
  private inOrder(): readonly { start: number; end: number; text: string }[] {
    const edits = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    let at = 0;
    for (const e of edits) {
      if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
      at = e.end;
    }
    return edits;
  }
}
