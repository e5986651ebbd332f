/**
 * XML for .xlsx packages: saxes (a strict, streaming XML 1.0 parser) with namespace
 * resolution on top, so an element is known by its namespace and local name whatever
 * prefix the producer chose (`<x:c>` from ClosedXML, `<c>` from Excel) and strict OOXML
 * (`http://purl.oclc.org/ooxml/...`) reads as transitional. Browser-safe.
 *
 * saxes's own namespace mode (`xmlns: true`) makes an object for every attribute of every
 * element; a sheet of a million cells pays for that, so prefixes are resolved here from the
 * `xmlns` attributes in scope, which costs one look at each element's attribute names.
 * Attributes without a prefix have no namespace (Namespaces in XML 1.0 §6.3), which is
 * where SpreadsheetML keeps its cell attributes (`r`, `s`, `t`).
 */
import type { SaxesParser, SaxesTagPlain } from "saxes";
import { newPlainSaxes } from "./plain-saxes";

/** Namespaces the reader acts on, by a short key; strict OOXML maps to the same keys. */
const KNOWN: Record<string, string> = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main": "main",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
  "http://purl.oclc.org/ooxml/drawingml/main": "a",
  "http://schemas.openxmlformats.org/package/2006/relationships": "pr",
  "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
};

/** The short key of a namespace URI (`main`, `r`, `a`, `pr`, `ct`), or the URI itself. */
function namespaceKey(uri: string): string {
  return KNOWN[uri] ?? uri;
}

/** An element as the handlers see it; the object is reused once the element closes, so keep what you need from it, not it. */
export interface XmlElement {
  /** The namespace's short key (see namespaceKey), "" for no namespace. */
  ns: string;
  local: string;
  /** Attributes by their qualified name, as written (`r`, `r:id`, `x14ac:dyDescent`). */
  attrs: Record<string, string | undefined>;
  /** The namespace scope the element sits in: prefix → key ("" is the default namespace). */
  scope: Record<string, string | undefined>;
}

/** An attribute by namespace and local name, whatever its prefix (`r:id`, `rel:id`, `ns1:id`). */
export function attrNS(el: XmlElement, ns: string, local: string): string | undefined {
  for (const name in el.attrs) {
    const colon = name.indexOf(":");
    if (colon < 0 || name.slice(colon + 1) !== local) continue;
    const prefix = name.slice(0, colon);
    if (prefix !== "xmlns" && el.scope[prefix] === ns) return el.attrs[name];
  }
  return undefined;
}

/** Called as plain functions, not as methods of the object: XmlStream reads each once. */
export interface XmlHandlers {
  open?: (el: XmlElement) => void;
  close?: (el: XmlElement) => void;
  /** Character data: text and CDATA sections alike, entities decoded. */
  text?: (text: string) => void;
}

/** A part is not well-formed XML (saxes's message says where), or holds a token past MAX_TOKEN_CHARS. */
export class XmlError extends Error {
  constructor(
    message: string,
    /** What is wrong, in words fit for the user, where it is more than "not well-formed". */
    readonly plain?: string,
  ) {
    super(message);
  }
}

/**
 * Longest run of characters between two `<` that a part may hold. No legitimate token of
 * the parts read here comes near it (a cell holds at most 32,767 characters, ~330 KB
 * written as character references); past it a part is a decompression bomb or damaged,
 * and saxes would otherwise gather the whole run into one string.
 */
const MAX_TOKEN_CHARS = 16 * 1024 * 1024;

/** A prefixed name, split, with its namespace in the scope it was last seen in. */
interface QName {
  prefix: string;
  local: string;
  scope: Scope | null;
  ns: string;
}

type Scope = Record<string, string | undefined>;

/** Text or elements of a part whose handlers take none. */
function ignoreText(): void {}
function ignoreElement(): void {}

/** Whether a name has a prefix: a look at its few characters, cheaper than a call to indexOf. */
function hasColon(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 58 /* : */) return true;
  return false;
}

const ROOT_SCOPE: Scope = Object.freeze({ xml: "http://www.w3.org/XML/1998/namespace" });

/** The scope of an element whose attributes may declare namespaces: its parent's, or a new one over it. */
function declaredScope(attrs: Scope, parent: Scope): Scope {
  let scope = parent;
  for (const name in attrs) {
    if (name.charCodeAt(0) !== 120 /* x */ || !name.startsWith("xmlns")) continue;
    if (name.length !== 5 && name.charCodeAt(5) !== 58 /* : */) continue;
    if (scope === parent) scope = Object.create(parent) as Scope;
    scope[name.length === 5 ? "" : name.slice(6)] = namespaceKey(attrs[name] ?? "");
  }
  return scope;
}

type PlainOptions = { xmlns?: false; position: false };

/** What a parser made by plainParser calls. */
export interface PlainHandlers {
  opentag: (tag: SaxesTagPlain) => void;
  closetag: (tag: SaxesTagPlain) => void;
  /** Character data: text and CDATA sections alike. */
  text: (text: string) => void;
  error: (e: Error) => void;
}

/**
 * A saxes parser without its namespace mode or line numbers, its handlers added in one order;
 * its tags' attributes are ordinary objects, not dictionaries (plain-saxes.ts).
 * saxes keeps each handler as a property added by `on`, so parsers made otherwise have other
 * shapes, and its tokeniser, compiled by V8 for the reader's parsers, is thrown away on
 * another shape and runs interpreted until compiled again (xml-splice.ts scanXml).
 */
export function plainParser(handlers: PlainHandlers): SaxesParser<PlainOptions> {
  const parser = newPlainSaxes();
  parser.on("opentag", handlers.opentag);
  parser.on("closetag", handlers.closetag);
  parser.on("text", handlers.text);
  parser.on("cdata", handlers.text);
  parser.on("error", handlers.error);
  return parser;
}

/**
 * Whether saxes has read a few small documents yet (warmUp). V8 optimises saxes's `write`
 * part way through its first call (on-stack replacement, in the first large part), before
 * the code after its loop has ever run; every later part's `write` then entered that code
 * and was thrown out of it (deoptimised) at the loop's end, and `write` was not optimised
 * whole again: 980 deoptimisations in a `check` of 1,000 forms, 2,479 of 10,000.
 */
let warmedUp = false;
/** More than the calls V8 makes to a function before it keeps type feedback for it (8). */
const WARM_UP_DOCUMENTS = 12;

/**
 * The warm-up's document. Its attribute's value, with a reference in it, is one plain-saxes's
 * sAttribValueQuoted leaves to saxes: that call, otherwise first made after V8 has optimised
 * the method (a value cut at the end of a piece of text), threw the method out for want of
 * type feedback, and it was compiled twice on a large part. Its text, a reference in it, and
 * its end tag, cut across two writes, are there for the same reason: saxes's text scan and
 * end-tag state meet them, and an end tag's name cut at the end of a piece of text (where
 * saxes's sCloseTag, having met none, was thrown out and compiled again).
 */
const WARM_UP_DOCUMENT = ['<a b="&amp;">x&amp;y<c/>z</a', ">"];

/** Reads a few small documents through saxes, so that `write` has run to its end, and `close`, with type feedback kept, before V8 optimises either. */
function warmUp(): void {
  warmedUp = true;
  for (let i = 0; i < WARM_UP_DOCUMENTS; i++) {
    const stream = new XmlStream({});
    for (const piece of WARM_UP_DOCUMENT) stream.write(piece);
    stream.close();
  }
}

/**
 * Parses XML handed over in string chunks, calling the handlers as it goes. Throws XmlError
 * for anything that is not well-formed, from `write` or `close`.
 *
 * Only a tag with an `xmlns` attribute changes the scope, such a tag's text holds the five
 * letters `xmlns` as written (a name holds no character references), and saxes tells of tags
 * in the order they end. So `write` notes where the last `xmlns` fed ends, and once saxes has
 * told of a tag ending past it, no tag still to come can declare a namespace until the text
 * holds another `xmlns`: every element but those between (on a sheet, all but its root) takes
 * the scope it stands in as it is, without a look at its attributes or a call for each one.
 */
export class XmlStream {
  private readonly parser: SaxesParser<PlainOptions>;
  /** The open elements. One object per depth, reused: a handler must not keep an element. */
  private readonly stack: XmlElement[] = [];
  private depth = 0;
  private sinceLt = 0;
  /**
   * Whether a tag saxes has yet to tell of may declare a namespace: one may until saxes tells
   * of a tag ending past declareEnd, the end of the last `xmlns` fed (that one's own tag, if
   * the `xmlns` was in a tag; every later tag ends further on).
   */
  private mayDeclare = false;
  private declareEnd = 0;
  /** How many characters have been fed: saxes's position counts the same. */
  private fed = 0;
  /** The last four characters fed, for an `xmlns` cut across chunks. */
  private tail = "";
  /** The scope of the innermost open element (ROOT_SCOPE outside the root), and its default namespace's key. */
  private scope = ROOT_SCOPE;
  private defaultNs = "";
  /** The depths of the open elements that declared a namespace, innermost last (-1 when none is open). */
  private readonly declaredAt: number[] = [];
  private innermostDeclared = -1;

  constructor(handlers: XmlHandlers) {
    if (!warmedUp) warmUp();
    const stack = this.stack;
    /**
     * A prefixed name's prefix and local name, worked out once per name, and its namespace in
     * the last scope it was seen in: scopes change only on the few elements that declare a
     * namespace, so most elements need no look-up along the scope's chain.
     */
    const names = new Map<string, QName>();
    // Each handler read once: parts' handler objects have many shapes, and reading one from
    // its object at every event would be a megamorphic look-up.
    const open = handlers.open ?? ignoreElement;
    const close = handlers.close ?? ignoreElement;
    const opentag = (tag: SaxesTagPlain) => {
      const attrs: Scope = tag.attributes;
      const depth = this.depth;
      const scope = this.mayDeclare ? this.declareScope(attrs, depth) : this.scope;
      const qname = tag.name;
      let ns: string;
      let local: string;
      if (!hasColon(qname)) {
        // No prefix (Excel's every element): the scope's default namespace, and the name as it is.
        ns = this.defaultNs;
        local = qname;
      } else {
        let name = names.get(qname);
        if (!name) {
          const colon = qname.indexOf(":");
          name = { prefix: qname.slice(0, colon), local: qname.slice(colon + 1), scope: null, ns: "" };
          names.set(qname, name);
        }
        if (name.scope !== scope) {
          name.ns = scope[name.prefix] ?? `unbound:${name.prefix}`;
          name.scope = scope;
        }
        ns = name.ns;
        local = name.local;
      }
      let el: XmlElement;
      if (depth < stack.length) {
        el = stack[depth];
        el.ns = ns;
        el.local = local;
        el.attrs = attrs;
        el.scope = scope;
      } else {
        el = { ns, local, attrs, scope };
        stack.push(el);
      }
      this.depth = depth + 1;
      open(el);
    };
    // saxes tells of every end, a self-closing tag's too (just after its opening), and of
    // none it has not opened (a stray end tag is an error, which ends the part).
    const closetag = () => {
      const depth = --this.depth;
      if (depth === this.innermostDeclared) this.leave();
      close(stack[depth]);
    };
    // Every part's parser is given the same handlers, text or none: parsers given different
    // sets have different shapes, and saxes's whole tokeniser, made to expect one, runs slower
    // on all of them (a 1,000-sheet workbook's tokenising took twice as long).
    // And every part's text handler is made here, even a part's that takes no text: saxes calls
    // it from one place (handleTextInRoot), which V8 compiles for the one function it has met
    // there, and closures made by one expression count as one function. Given ignoreText for
    // some parts, the call met two, and the scan was compiled to call any function.
    const onText = handlers.text ?? ignoreText;
    const text = (t: string) => onText(t);
    this.parser = plainParser({
      opentag,
      closetag,
      text,
      error: (e) => {
        // saxes would carry on after an error; the first one ends the part.
        throw new XmlError(e.message);
      },
    });
  }

  /**
   * The scope of an element whose tag may declare a namespace, entered if it does. Apart from
   * the handler saxes calls for every element, so that one stays small enough to be inlined.
   */
  private declareScope(attrs: Scope, depth: number): Scope {
    const declared = declaredScope(attrs, this.scope);
    if (declared !== this.scope) {
      this.declaredAt.push(depth);
      this.innermostDeclared = depth;
      this.enter(declared);
    }
    // saxes tells of a tag having read its `>`: this one ended past the last `xmlns`.
    if (this.parser.position > this.declareEnd) this.mayDeclare = false;
    return declared;
  }

  /** The scope of an element that declared a namespace becomes the one its content stands in. */
  private enter(scope: Scope): void {
    this.scope = scope;
    this.defaultNs = scope[""] ?? "";
  }

  /** The element that declared the innermost scope has closed: back to the scope it stood in. */
  private leave(): void {
    this.declaredAt.pop();
    const depth = this.depth;
    this.innermostDeclared = this.declaredAt.length ? this.declaredAt[this.declaredAt.length - 1] : -1;
    this.enter(depth ? this.stack[depth - 1].scope : ROOT_SCOPE);
  }

  /** Feeds the next piece of the document. */
  write(chunk: string): void {
    const first = chunk.indexOf("<");
    if (first < 0) this.sinceLt += chunk.length;
    else {
      let longest = this.sinceLt + first;
      // Runs inside one chunk matter only where the chunk itself is longer than the bound.
      if (chunk.length > MAX_TOKEN_CHARS) {
        for (let at = first, next = chunk.indexOf("<", at + 1); next >= 0; at = next, next = chunk.indexOf("<", at + 1)) {
          if (next - at > longest) longest = next - at;
        }
      }
      if (longest > MAX_TOKEN_CHARS) this.tooLong();
      this.sinceLt = chunk.length - chunk.lastIndexOf("<");
    }
    if (this.sinceLt > MAX_TOKEN_CHARS) this.tooLong();
    this.feed(chunk);
  }

  /** Hands the chunk to saxes, having marked how far in it a tag may declare a namespace (see the class). */
  private feed(chunk: string): void {
    const start = this.fed;
    this.fed += chunk.length;
    const last = lastXmlns(chunk);
    if (last >= 0) {
      this.mayDeclare = true;
      this.declareEnd = start + last + 5;
    } else if ((this.tail + chunk.slice(0, 4)).includes("xmlns")) {
      // Cut across chunks: it ends in this one, and its tag (if it is in one) ends after it.
      this.mayDeclare = true;
      this.declareEnd = start;
    }
    // The chunk's own last four where it has them: joining first would copy the whole chunk.
    this.tail = chunk.length >= 4 ? chunk.slice(-4) : (this.tail + chunk).slice(-4);
    // Whole: saxes reads a flat string faster than a slice of one.
    this.parser.write(chunk);
  }

  private tooLong(): never {
    const plain = `holds a run of more than ${MAX_TOKEN_CHARS / 1024 / 1024} million characters without markup`;
    throw new XmlError(plain, plain);
  }

  /** Ends the document; throws when it is incomplete. */
  close(): void {
    this.parser.close();
  }
}

/**
 * Where the last `xmlns` in `chunk` starts, or -1. Found forwards: indexOf skips to each
 * `x` natively, where lastIndexOf steps back through every character (on the data tab's
 * 75 MB of sheet, 7 ms against 60–90), and a part holds `xmlns` in a few tags only (on a
 * sheet, its root), so the loop runs a few times in one chunk and not at all in the rest.
 */
function lastXmlns(chunk: string): number {
  let last = -1;
  for (let at = chunk.indexOf("xmlns"); at >= 0; at = chunk.indexOf("xmlns", at + 1)) last = at;
  return last;
}

/** Parses a whole document held in one string. */
export function parseXml(xml: string, handlers: XmlHandlers): void {
  const s = new XmlStream(handlers);
  s.write(xml);
  s.close();
}

/**
 * Decodes a part's bytes as its encoding says: UTF-8 unless a UTF-16 byte order mark
 * (OPC allows UTF-8 and UTF-16 only, ECMA-376 Part 2 §8.1.4). Streams across chunks.
 *
 * UTF-8 is decoded a chunk at a time without the decoder's `stream` option, whose
 * converter is several times slower than its one-shot decode (on the data tab's 75 MB of
 * sheet, ~20 ms against ~90): the bytes of a character cut off at a chunk's end are kept
 * back and go in front of the next chunk. A chunk is cut only before a lead byte, where a
 * streaming decoder ends any unfinished character just as the end of input does, so what
 * comes out is what one decode of the whole would give, replacement characters and all.
 * Only the first bytes decoded may lose a byte order mark; later ones keep U+FEFF as text.
 *
 * Text comes out in pieces, so that one character beyond Latin-1 does not make all the text
 * around it two bytes a character (latin1Pieces).
 */
export class PartDecoder {
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private utf8 = false;
  /** Bytes not yet decoded: the head, until it shows the encoding; then a cut-off UTF-8 character. */
  private pending: Uint8Array | null = null;
  /** Whether UTF-8 text has been decoded yet (a byte order mark is dropped only from the start). */
  private started = false;

  /** The text of the next bytes, in order, in one piece or several (the empty text while there is none). */
  decode(chunk: Uint8Array, final = false): string[] {
    if (!this.decoder) {
      const head = this.pending ? concat(this.pending, chunk) : chunk;
      if (head.length < 2 && !final) {
        this.pending = head;
        return [""];
      }
      this.pending = null;
      let label = "utf-8";
      if (head[0] === 0xff && head[1] === 0xfe) label = "utf-16le";
      else if (head[0] === 0xfe && head[1] === 0xff) label = "utf-16be";
      // Without a mark, `<?` in UTF-16 still tells the byte order (XML 1.0 Appendix F).
      else if (head[0] === 0x3c && head[1] === 0x00) label = "utf-16le";
      else if (head[0] === 0x00 && head[1] === 0x3c) label = "utf-16be";
      this.utf8 = label === "utf-8";
      this.decoder = this.utf8 ? UTF8_START : new TextDecoder(label);
      chunk = head;
    }
    if (!this.utf8) return [this.decoder.decode(chunk, { stream: !final })];
    let bytes = this.pending ? concat(this.pending, chunk) : chunk;
    this.pending = null;
    if (!final) {
      const end = completeUtf8End(bytes);
      if (end < bytes.length) {
        this.pending = bytes.slice(end);
        bytes = bytes.subarray(0, end);
      }
    }
    if (bytes.length === 0) return [""];
    const decoder = this.started ? UTF8_ON : UTF8_START;
    this.started = true;
    const text = decoder.decode(bytes);
    // As long as its bytes, the text is ASCII; otherwise a test that V8 answers at once for
    // text it holds one byte a character.
    return text.length === bytes.length || !PAST_LATIN1.test(text) ? [text] : latin1Pieces(bytes, decoder);
  }
}

/** A character beyond Latin-1. */
const PAST_LATIN1 = /[\u0100-\uffff]/;

/**
 * The bytes read one a character, as windows-1252 reads them (0xA0–0xFF as U+00A0–U+00FF,
 * 0x80–0x9F as characters outside that range): where a UTF-8 lead byte of a character beyond
 * Latin-1 is (U+0100 is C4 80; F5 and up are no character's), found by an expression.
 */
const BYTES_AS_CHARACTERS = new TextDecoder("windows-1252");
const PAST_LATIN1_LEAD = /[\u00c4-\u00ff]/g;

/** Where the next lead byte of a character beyond Latin-1 is in `bytes` (read as BYTES_AS_CHARACTERS), from `from` on; -1 where none. */
function nextLead(bytes: string, from: number): number {
  PAST_LATIN1_LEAD.lastIndex = from;
  const m = PAST_LATIN1_LEAD.exec(bytes);
  return m === null ? -1 : m.index;
}

/** Text between two characters beyond Latin-1 shorter than this stays in their piece (bytes). */
const LEAST_LATIN1_PIECE = 128;

/**
 * UTF-8 bytes whose text holds a character beyond Latin-1, decoded in pieces: each such
 * character in a piece running from the `<` before it to the `<` after it (its text node or
 * tag, with any close by), the rest in pieces of their own. V8 holds a string two bytes a
 * character if any of it needs two, and every string cut from it likewise: one `•` among a
 * workbook's shared strings made each of them two-byte, and the summary's rows, joined from
 * them, two-byte ropes that took ~8 ns a character to flatten as they were written, against
 * ~1 ns for Latin-1 (directions-50000: 300 ms of the build).
 *
 * The bytes are cut only before a `<`: an ASCII byte ends any unfinished character before it
 * as the end of the input does, so the pieces decode to the text the whole gives. Only the
 * first may lose a byte order mark (`first` is the decoder for it).
 */
function latin1Pieces(bytes: Uint8Array, first: InstanceType<typeof TextDecoder>): string[] {
  const pieces: string[] = [];
  let decoder = first;
  const take = (from: number, to: number) => {
    pieces.push(decoder.decode(bytes.subarray(from, to)));
    decoder = UTF8_ON;
  };
  /** Bytes [wide, from) are the piece of wide characters not yet decoded; -1: none. */
  let wide = -1;
  let from = 0;
  const n = bytes.length;
  // The lead bytes found natively, not by a loop over every byte: it ran once a part, most of
  // it interpreted before V8 compiled it (the bench's shared strings: 1.2 MB, one `•` at the start).
  const leads = BYTES_AS_CHARACTERS.decode(bytes);
  for (let i = nextLead(leads, 0); i >= 0; i = nextLead(leads, from)) {
    const start = Math.max(from, bytes.lastIndexOf(0x3c /* < */, i));
    if (wide < 0 || start - from >= LEAST_LATIN1_PIECE) {
      if (wide >= 0) take(wide, from);
      if (start > from) take(from, start);
      wide = start;
    }
    const end = bytes.indexOf(0x3c, i + 1);
    from = end < 0 ? n : end;
  }
  if (wide >= 0) take(wide, from);
  if (from < n) take(from, n);
  return pieces;
}

/** One-shot UTF-8 decoders (they keep no state between calls): one drops a leading byte order mark, one keeps U+FEFF. */
const UTF8_START = new TextDecoder("utf-8");
const UTF8_ON = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * How much of `bytes` to decode now: all of it, or up to the lead byte of a character its
 * end cuts off (a lead byte, 0xC0 and up, within the last three bytes, with fewer bytes after
 * it than its character takes). A byte 0xC0 and up is never part of an unfinished character
 * before it, so cutting there changes nothing that is decoded.
 */
function completeUtf8End(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i];
    if (b < 0x80) return n;
    if (b >= 0xc0) return i + (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > n ? i : n;
  }
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
