/**
 * The shared strings reader (text.ts) makes its list at the length the part's `uniqueCount`
 * gives (ECMA-376 Part 1 §18.4.9). The count is a hint a producer may get wrong or leave out:
 * the strings read must be the same whatever it says, with no room left unfilled at the end.
 */
import { sharedStringsHandlers } from "../../../src/hosts/xlsx/text";
import { XmlStream } from "../../../src/hosts/xlsx/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function readStrings(texts: string[], uniqueCount: string | null): string[] {
  const out: string[] = [];
  const stream = new XmlStream(sharedStringsHandlers(out));
  const count = uniqueCount === null ? "" : ` uniqueCount="${uniqueCount}"`;
  stream.write(`<sst xmlns="${MAIN}" count="${texts.length}"${count}>${texts.map((t) => (t === "" ? "<si/>" : `<si><t>${t}</t></si>`)).join("")}</sst>`);
  stream.close();
  return out;
}

const TEXTS = ["Ref", "", "Service Area", "£1,234", "Mental Health"];

test.each([null, "5", "2", "0", "4000", "-3", "1.5", "many", "99999999999"])("uniqueCount %p: the strings as written, no more", (uniqueCount) => {
  const read = readStrings(TEXTS, uniqueCount);
  expect(read).toEqual(TEXTS);
  expect(read).toHaveLength(TEXTS.length);
  // No hole left where room was made ahead (a hole would read as undefined, not "").
  expect(Object.keys(read)).toHaveLength(TEXTS.length);
});

test("a part of no strings that promises some reads as none", () => {
  expect(readStrings([], "10")).toEqual([]);
});
