/**
 * Editing a user's XML part by addition: the XML parser (saxes) finds where each element
 * starts and ends, and edits are spliced into the original text at those positions, so
 * everything else in the part stays exactly as it was written (its prefixes, its quoting,
 * its white space, its order). Nothing here re-serialises a parsed document.
 * Browser-safe: strings in and out.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

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
  const out: XmlElement[] = [];
  const stack: number[] = [];
  /** Index in `out` of each open element, or -1 for one deeper than maxDepth. */
  let pendingStart = 0;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("opentagstart", () => {
    // The parser has read `<name`: the last `<` before here opens this tag.
    pendingStart = xml.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const depth = stack.length;
    if (depth > maxDepth) {
      stack.push(-1);
      if (tag.isSelfClosing) stack.pop();
      return;
    }
    const parentIndex = stack.length ? stack[stack.length - 1] : -1;
    const parentScope = parentIndex >= 0 ? out[parentIndex].scope : { xml: "http://www.w3.org/XML/1998/namespace" };
    const scope = { ...parentScope };
    for (const [p, uri] of Object.entries(tag.ns)) scope[p] = uri;
    const attrs: Record<string, string | undefined> = {};
    const attrUris: Record<string, string | undefined> = {};
    for (const [name, a] of Object.entries(tag.attributes)) {
      attrs[name] = a.value;
      attrUris[name] = a.uri;
    }
    const el: XmlElement = {
      qname: tag.name,
      local: tag.local,
      prefix: tag.prefix,
      uri: tag.uri,
      attrs,
      attrUris,
      start: pendingStart,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
      depth,
      parent: parentIndex,
      children: [],
      scope,
    };
    const index = out.push(el) - 1;
    if (parentIndex >= 0) out[parentIndex].children.push(index);
    if (!tag.isSelfClosing) stack.push(index);
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return;
    const index = stack.pop();
    if (index === undefined || index < 0) return;
    const el = out[index];
    el.end = parser.position;
    el.closeStart = xml.lastIndexOf("</", parser.position - 1);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new XmlPartError(`${partName} is not well-formed XML (${why})`);
  }
  return out;
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
  for (const [name, value] of Object.entries(el.attrs)) {
    const colon = name.indexOf(":");
    const l = colon < 0 ? name : name.slice(colon + 1);
    if (l === local && (el.attrUris[name] ?? "") === uri) return value;
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
    const edits = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    let out = "";
    let at = 0;
    for (const e of edits) {
      if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
      out += this.original.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.original.slice(at);
  }
}
