/**
 * The reader's saxes parser (plain-saxes.ts) tells of the same tags, attributes, text and
 * errors as saxes's own in plain mode, on the cases its replaced methods handle: attributes
 * (none, several, named like Object.prototype's members, given twice or three times, those
 * written by name), self-closing tags, a tag name cut by a disallowed character, a second
 * root, an attribute without a value, and documents fed in pieces that cut tags and attributes.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { newPlainSaxes } from "../../../src/hosts/xlsx/plain-saxes";

type Parser = SaxesParser<{ xmlns?: false; position: false }>;

/** Every event of a parse, in order; errors are recorded, not thrown, so saxes carries on past them. */
function eventsOf(parser: Parser, pieces: string[]): unknown[] {
  const events: unknown[] = [];
  parser.on("opentag", (tag) => {
    const attributes = tag.attributes;
    const own: [string, string][] = [];
    for (const name in attributes) own.push([name, attributes[name]]);
    events.push(["open", tag.name, own, tag.isSelfClosing, "toString" in attributes, Object.keys(attributes)]);
  });
  parser.on("closetag", (tag) => events.push(["close", tag.name, tag.isSelfClosing]));
  parser.on("text", (text) => events.push(["text", text]));
  parser.on("error", (e) => events.push(["error", e.message]));
  for (const piece of pieces) parser.write(piece);
  parser.close();
  return events;
}

const documents = [
  `<?xml version="1.0"?><worksheet xmlns="urn:a"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>1.5</v></c></row></sheetData></worksheet>`,
  `<a><b/><c x="1"/><d x="1" y='2'   z = "3" /></a>`,
  `<a toString="t" constructor="c" __proto__="p" hasOwnProperty="h" valueOf="v"><b __proto__="q"/></a>`,
  `<a x="1" x="2"><b y="1" y="2" y="3" z="1" z="2"/></a>`,
  // The names written by name (a cell's and a row's), alone, given again and among others.
  `<row r="1" spans="1:2" spans="3" x14ac:dyDescent="1" x14ac:dyDescent="2"><c r="A1" r="A2" s="1" s="2" t="s" t="n" u="x"/><c t="s" s="1" r="B1"/></row>`,
  `<a x="&amp;&lt;&#65;" y="line&#10;break" z="a\tb"/>`,
  `<a><b c="1"/></a><second/>`,
  `<a><b c/></a>`,
  `<a><b\u0001 c="1"/></a>`,
  `<a><b c="1" d="<"/></a>`,
  `<x:a xmlns:x="urn:x" x:b="1"><x:c x:d="2">text &amp; more</x:c></x:a>`,
];

test.each(documents.map((d, i) => [i, d]))("document %i: the same events as saxes's own parser, whole and in pieces", (_i, document) => {
  const expected = eventsOf(new SaxesParser({ position: false }), [document]);
  expect(eventsOf(newPlainSaxes(), [document])).toEqual(expected);
  // Fed a few characters at a time: tags, names and values cut across pieces.
  for (const size of [1, 2, 3, 7]) {
    const pieces: string[] = [];
    for (let at = 0; at < document.length; at += size) pieces.push(document.slice(at, at + size));
    expect(eventsOf(newPlainSaxes(), pieces)).toEqual(eventsOf(new SaxesParser({ position: false }), pieces));
  }
});

test("a parser reads a second document after close as a fresh one, a duplicate left pending by an error forgotten", () => {
  const run = (parser: Parser) => {
    const events: string[] = [];
    parser.on("error", (e) => events.push(e.message));
    parser.on("opentag", (tag) => events.push(`${tag.name} ${Object.keys(tag.attributes).join(",")}`));
    parser.write(`<a x="1" x="2"`);
    parser.close();
    parser.write(`<b y="1"/>`);
    parser.close();
    return events;
  };
  const events = run(newPlainSaxes());
  expect(events).toEqual(run(new SaxesParser({ position: false })));
  expect(events).toContain("b y");
});

/**
 * close without saxes's `write(null)` (plain-saxes.ts close) where nothing is carried over, and
 * through it where a piece ended in a CR or a surrogate's first half: the same events and
 * errors at the end as saxes's own, for a document ended, cut inside a tag, a value, text or
 * an end tag, or left open, and for pieces that end in characters saxes carries over.
 */
test("closing a document whole, cut short, or after a piece ending in a carried character, as saxes closes it", () => {
  const endings = [
    [`<a>x</a>`],
    [`<a>x</a>`, ``],
    [`<a>x</a>\r`],
    [`<a>x\r`],
    [`<a>x\ud83d`],
    [`<a>x\ud83d`, `\ude00</a>`],
    [`<a>x</a`],
    [`<a b="1`],
    [`<a><b>t`],
    [`<a/>`, ` \r`, `\n`],
    [``],
    [`text`],
  ];
  for (const pieces of endings) {
    const expected = eventsOf(new SaxesParser({ position: false }), pieces);
    expect(eventsOf(newPlainSaxes(), pieces)).toEqual(expected);
  }
  // And a parser closed with a carried character reads the next document as a fresh one.
  const twice = (parser: Parser) => [...eventsOf(parser, [`<a>x\r`]), ...eventsOf(parser, [`<b/>`])];
  expect(twice(newPlainSaxes())).toEqual(twice(new SaxesParser({ position: false })));
});

test("the replaced methods are the ones saxes calls: a tag's attributes are not saxes's prototype-less dictionary", () => {
  const parser = newPlainSaxes();
  const seen: object[] = [];
  parser.on("opentag", (tag) => seen.push(tag.attributes));
  parser.write(`<a x="1"><b/></a>`).close();
  expect(seen).toHaveLength(2);
  for (const attributes of seen) {
    const proto = Object.getPrototypeOf(attributes) as object | null;
    expect(proto).not.toBeNull();
    expect(Object.getPrototypeOf(proto)).toBeNull();
    expect(Object.getOwnPropertyNames(proto)).toEqual([]);
  }
});

/**
 * Attribute values (sAttribValueQuoted's quick way: printable ASCII up to the quote, read
 * here; anything else left to saxes from the value's start): values of every kind of
 * character, quoted either way, whole and cut anywhere across pieces, as saxes reads them.
 */
test("attribute values of any characters read as saxes reads them, whole and in pieces", () => {
  const piece = fc.constantFrom("a", "Z", "0", " ", "/", "=", ">", "'", '"', "&amp;", "&#65;", "&", "<", "\t", "\n", "\r", "\r\n", "é", "\u0085", "\u2028", "\u007f", "\u0001", "\ud83d\ude00", "\ud800", "\uffff", "x".repeat(40));
  const value = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));
  const attribute = fc.tuple(fc.constantFrom("a", "b", "Target"), value, fc.constantFrom('"', "'")).map(([n, v, q]) => `${n}=${q}${v}${q}`);
  const doc = fc
    .tuple(fc.constantFrom("", '<?xml version="1.0"?>', '<?xml version="1.1"?>'), fc.array(attribute, { maxLength: 3 }), fc.array(attribute, { maxLength: 3 }))
    .map(([decl, outer, inner]) => `${decl}<r ${outer.join(" ")}><c ${inner.join(" ")}/>t</r>`);
  fc.assert(
    fc.property(doc, fc.array(fc.nat(), { maxLength: 4 }), (document, cuts) => {
      expect(eventsOf(newPlainSaxes(), [document])).toEqual(eventsOf(new SaxesParser({ position: false }), [document]));
      const at = [...new Set(cuts.map((c) => c % (document.length + 1)))].sort((a, b) => a - b);
      const pieces = [0, ...at].map((from, i) => document.slice(from, [...at, document.length][i]));
      expect(eventsOf(newPlainSaxes(), pieces)).toEqual(eventsOf(new SaxesParser({ position: false }), pieces));
    }),
    { numRuns: 3_000 },
  );
});
