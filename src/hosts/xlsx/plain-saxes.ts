/**
 * saxes's parser in its plain mode (no namespaces), with each tag's attributes kept in an
 * ordinary object rather than a dictionary. saxes 6 makes every tag's attributes with
 * `Object.create(null)`, which V8 holds as a hash table (about 200 bytes before the first
 * attribute, more as it grows), and gathers them first in a new list of `{ name, value }`
 * pairs a tag: on a register of 100,000 lines that is ~700,000 tags' worth of fresh memory,
 * collected a few milliseconds later, and every attribute read is a hash look-up.
 *
 * Here a tag's attributes are an instance of `Attributes`, whose prototype is an empty object
 * with no prototype of its own: reads, writes, `in` and `for…in` answer exactly as on
 * `Object.create(null)` (no `toString`, `constructor` or `__proto__` inherited), but V8 gives
 * the objects hidden classes. Each attribute goes straight into it as saxes reads it, and an
 * attribute written twice is still reported when the tag ends, as saxes reports it.
 *
 * It replaces four of saxes's own methods (saxes.js 6.0.0: `sOpenTag`, `pushAttribPlain`,
 * `processAttribsPlain`, and `sAttribValueQuoted` for the common value), which saxes's constructor takes from the instance, so they serve
 * every tag; the members they use are private in saxes's types, hence `SaxesInternals`. The
 * package's lock file pins saxes; tests/hosts/xlsx/plain-saxes.test.ts checks the parser
 * against saxes's own on the cases these methods handle.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";

/** A tag's attributes: no prototype chain with anything on it (see the file's comment). */
const Attributes = function Attributes(this: Record<string, string>): void {} as unknown as new () => Record<string, string>;
Attributes.prototype = Object.create(null) as Record<string, string>;

/**
 * The attributes of every tag that has none (a cell's `<v>`, a sheet's `<sheetData>`):
 * one frozen object shared, the tag's own made only when saxes reads its first attribute. A
 * register's 300,000 values then make no object for their attributes.
 */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(new Attributes());

/** saxes's states that an open tag's name leads to (saxes.js: S_OPEN_TAG_SLASH, S_ATTRIB). */
const S_OPEN_TAG_SLASH = 35;
const S_ATTRIB = 36;
const S_ATTRIB_VALUE_CLOSED = 41;
/** saxes's end-of-chunk code. */
const EOC = -1;

/** The members of saxes's parser that PlainSaxes reads, writes or calls (private in its .d.ts). */
interface SaxesInternals {
  name: string;
  tag: SaxesTagPlain | null;
  state: number;
  sawRoot: boolean;
  closedRoot: boolean;
  readonly fragmentOpt: boolean;
  /** The quote of the attribute value being read; the text being read and where in it. */
  q: number | null;
  chunk: string;
  i: number;
  prevI: number;
  column: number;
  text: string;
  pushAttrib(name: string, value: string): void;
  captureNameChars(): number;
  openTag(): void;
  fail(message: string): unknown;
  /** A CR or a surrogate's first half that ended the last chunk, kept for the next (saxes's write). */
  carriedFromPrevious: string | undefined;
  readonly closed: boolean;
  end(): unknown;
  close(): unknown;
}

const SaxesBase = SaxesParser as unknown as new (opt: { position: false }) => SaxesInternals;

/** saxes's own sAttribValueQuoted, for the values PlainSaxes's leaves to it. */
const saxesAttribValueQuoted = (SaxesParser.prototype as unknown as { sAttribValueQuoted: (this: SaxesInternals) => void }).sAttribValueQuoted;

class PlainSaxes extends SaxesBase {
  /** Each attribute of the open tag written again, in order, reported as the tag ends (where saxes reports them); null for none. */
  private duplicates: string[] | null = null;

  /** saxes's sOpenTag in plain mode, its tag made with `Attributes` and `isSelfClosing` from the start (no second shape). */
  sOpenTag(): void {
    const c = this.captureNameChars();
    if (c === EOC) return;
    this.tag = { name: this.name, attributes: NO_ATTRIBUTES, isSelfClosing: false };
    this.name = "";
    this.duplicates = null;
    // No "opentagstart" handler: plainParser adds none.
    this.sawRoot = true;
    if (!this.fragmentOpt && this.closedRoot) this.fail("documents may contain only one root.");
    switch (c) {
      case 0x3e /* > */:
        this.openTag();
        break;
      case 0x2f /* / */:
        this.state = S_OPEN_TAG_SLASH;
        break;
      default:
        // XML's white space (saxes's isS).
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) this.fail("disallowed character in tag name.");
        this.state = S_ATTRIB;
    }
  }

  /**
   * An attribute as saxes reads it, straight into its tag (no "attribute" handler: plainParser
   * adds none). The attributes Excel writes on every cell and row (`r`, `s`, `t`, `spans`,
   * `x14ac:dyDescent`: most of a sheet's) are read and written by name, each at a site of its
   * own that meets a few shapes of object: a name that varies makes a site megamorphic, a
   * probe of V8's stub cache (and a string-table look-up for a name saxes sliced afresh) for
   * every attribute of every tag. The object and its order of keys are the same either way.
   */
  pushAttribPlain(name: string, value: string): void {
    const tag = this.tag as SaxesTagPlain;
    let attributes: Record<string, string | undefined> = tag.attributes;
    if (attributes === NO_ATTRIBUTES) attributes = tag.attributes = new Attributes();
    switch (name) {
      case "r":
        if (attributes.r !== undefined) this.duplicate(name);
        attributes.r = value;
        return;
      case "s":
        if (attributes.s !== undefined) this.duplicate(name);
        attributes.s = value;
        return;
      case "t":
        if (attributes.t !== undefined) this.duplicate(name);
        attributes.t = value;
        return;
      case "spans":
        if (attributes.spans !== undefined) this.duplicate(name);
        attributes.spans = value;
        return;
      case "x14ac:dyDescent":
        if (attributes["x14ac:dyDescent"] !== undefined) this.duplicate(name);
        attributes["x14ac:dyDescent"] = value;
        return;
    }
    if (attributes[name] !== undefined) this.duplicate(name);
    attributes[name] = value;
  }

  /**
   * An attribute's value up to its closing quote, where it is all printable ASCII without
   * `&` or `<` (each of a bookkeeping part's 10,000 part names, content types and relationship
   * types, 50–90 characters): found a character code at a time here, not through saxes's
   * getCode. Any other value, or one the piece of text ends inside, is left from its start to
   * saxes's own way (its checks of characters, line ends and references).
   */
  sAttribValueQuoted(): void {
    const { q, chunk } = this;
    const start = this.i;
    let i = start;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === q || c < 0x20 || c > 0x7e || c === 0x26 /* & */ || c === 0x3c /* < */) break;
    }
    if (i < chunk.length && chunk.charCodeAt(i) === q) {
      // Where saxes's getCode leaves them, having read the quote.
      this.column += i + 1 - start;
      this.prevI = i;
      this.i = i + 1;
      this.pushAttrib(this.name, this.text + chunk.slice(start, i));
      this.name = this.text = "";
      this.q = null;
      this.state = S_ATTRIB_VALUE_CLOSED;
      return;
    }
    saxesAttribValueQuoted.call(this);
  }

  /**
   * saxes's close, which is its `write(null)`: with nothing carried over from the last chunk,
   * what that write does without its scan (an empty chunk, then the end's checks). saxes's
   * write, compiled by V8 on the parts' text, was thrown away at the first close, whose empty
   * chunk it read a character before the start of (`charCodeAt(-1)`), and compiled again
   * (tests/hosts/xlsx/xml-warm-up.test.ts).
   */
  override close(): unknown {
    if (this.closed || this.carriedFromPrevious !== undefined) return super.close();
    this.chunk = "";
    this.i = 0;
    return this.end();
  }

  /** Notes an attribute given again, reported as the tag ends. */
  private duplicate(name: string): void {
    (this.duplicates ??= []).push(name);
  }

  /** The tag's attributes are in place; an attribute given again fails here, where saxes fails it, once each time. */
  processAttribsPlain(): void {
    const duplicates = this.duplicates;
    if (duplicates === null) return;
    this.duplicates = null;
    for (const name of duplicates) this.fail(`duplicate attribute: ${name}.`);
  }
}

/** A plain-mode parser with its options fixed (see plainParser in xml.ts). */
export function newPlainSaxes(): SaxesParser<{ xmlns?: false; position: false }> {
  return new PlainSaxes({ position: false }) as unknown as SaxesParser<{ xmlns?: false; position: false }>;
}
