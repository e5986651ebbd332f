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
