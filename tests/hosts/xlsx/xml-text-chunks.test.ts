/**
 * Text as XmlStream hands it over, whatever pieces the document comes in: the first stream a
 * process makes runs saxes's warm-up (xml.ts warmUp: text with a reference, an end tag cut
 * between two writes) before it reads a character, and none of that may reach its handlers.
 * References, CDATA sections, text and end tags cut anywhere; the events checked against the
 * ones the document was made from.
 */
import fc from "fast-check";
import { XmlStream, type XmlHandlers } from "../../../src/hosts/xlsx/xml";
import { cutText } from "../../helpers/cut-text";

type Event = string;

/** Each open, close and run of text (adjacent texts joined: saxes may hand one over in parts). */
function eventsOf(pieces: string[]): Event[] {
  const events: Event[] = [];
  const handlers: XmlHandlers = {
    open: (el) => events.push(`<${el.local}`),
    close: (el) => events.push(`/${el.local}`),
    text: (t) => {
      const last = events.length - 1;
      if (last >= 0 && events[last].startsWith("=")) events[last] += t;
      else events.push(`=${t}`);
    },
  };
  const stream = new XmlStream(handlers);
  for (const piece of pieces) stream.write(piece);
  stream.close();
  return events;
}

/** A piece of text as written and as read. */
const TEXTS: [string, string][] = [
  ["a", "a"],
  ["Board", "Board"],
  ["&amp;", "&"],
  ["&lt;", "<"],
  ["&#65;", "A"],
  ["&#x2022;", "\u2022"],
  ["<![CDATA[x<y&z]]>", "x<y&z"],
  ["é", "é"],
  [" ", " "],
  ["\n", "\n"],
];

test("the first stream of a process sees its own document only, not the warm-up's", () => {
  // This file's first XmlStream: the warm-up runs inside its constructor.
  expect(eventsOf(['<a b="&amp;">x&amp;y<c/>z</a', ">"])).toEqual(["<a", "=x&y", "<c", "/c", "=z", "/a"]);
  expect(eventsOf(["<r>q</r>"])).toEqual(["<r", "=q", "/r"]);
});

test("text, references, CDATA and end tags cut anywhere read as the document was made", () => {
  const text = fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 6 });
  const element = fc.tuple(fc.constantFrom("t", "is", "worksheet"), text, fc.boolean());
  fc.assert(
    fc.property(fc.array(element, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 6 }), (elements, at) => {
      let xml = "<root>";
      const expected: Event[] = ["<root"];
      for (const [name, pieces, empty] of elements) {
        xml += `<${name}>${pieces.map(([written]) => written).join("")}</${name}>`;
        expected.push(`<${name}`, `=${pieces.map(([, read]) => read).join("")}`, `/${name}`);
        if (empty) {
          xml += "<e/>";
          expected.push("<e", "/e");
        }
      }
      xml += "</root>";
      expected.push("/root");
      expect(eventsOf([xml])).toEqual(expected);
      expect(eventsOf(cutText(xml, at))).toEqual(expected);
    }),
    { numRuns: 300 },
  );
});
