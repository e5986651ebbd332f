/**
 * Every part's saxes parser has one shape, whatever handlers the part's reader gives: saxes
 * adds a property for each handler set, and parsers of different shapes make its tokeniser
 * slower on every part (xml.ts). Held by the parser's own properties, in order.
 */
import { XmlStream } from "../../../src/hosts/xlsx/xml";

const keysOf = (stream: XmlStream) => Object.keys((stream as unknown as { parser: object }).parser);

test("parsers with and without text, open or close handlers have the same properties in the same order", () => {
  const shapes = [
    new XmlStream({}),
    new XmlStream({ open() {} }),
    new XmlStream({ open() {}, close() {} }),
    new XmlStream({ text() {} }),
    new XmlStream({ open() {}, close() {}, text() {} }),
  ].map(keysOf);
  for (const shape of shapes) expect(shape).toEqual(shapes[0]);
  expect(shapes[0]).toEqual(expect.arrayContaining(["textHandler", "cdataHandler", "openTagHandler", "closeTagHandler"]));
});

const handlersOf = (stream: XmlStream) => (stream as unknown as { parser: Record<string, unknown> }).parser;

test("parsers with and without a text handler are given text handlers made by one expression", () => {
  // saxes calls every parser's text handler from one place; V8 takes closures of one
  // expression for one function there, and any other function (a handler for parts that take
  // no text) for a second one, which it calls less directly (xml.ts XmlStream).
  const sources = [new XmlStream({}), new XmlStream({ open() {} }), new XmlStream({ text() {} }), new XmlStream({ text: (t) => void t })]
    .map(handlersOf)
    .flatMap((parser) => [parser.textHandler, parser.cdataHandler])
    .map((handler) => String(handler));
  for (const source of sources) expect(source).toBe(sources[0]);
});

test("a parser without a text handler still hands text to no one", () => {
  const opened: string[] = [];
  const stream = new XmlStream({ open: (el) => opened.push(el.local) });
  stream.write("<a>x&amp;y<b/>z</a>");
  stream.close();
  expect(opened).toEqual(["a", "b"]);
});
