/**
 * PartDecoder (xml.ts) decodes UTF-8 a chunk at a time without the decoder's `stream`
 * option, keeping back a character cut off at a chunk's end. Held to the plain rule on random
 * bytes cut at random places: what a streaming TextDecoder of the part's encoding gives for
 * the same pieces, and, for UTF-8, one decode of the whole. The bytes mix valid characters
 * of every length, byte order marks and U+FEFF in the text, stray continuation bytes, cut-off
 * and overlong sequences, surrogates and bytes no UTF-8 holds, so the replacement characters
 * must come out the same too.
 */
import fc from "fast-check";
import { PartDecoder } from "../../../src/hosts/xlsx/xml";

const utf8 = (s: string) => [...Buffer.from(s, "utf8")];

/** Pieces of UTF-8, good and bad. */
const piece = fc.oneof(
  fc.constantFrom(..."<c r=\"A1\"><v>1</v></c>&amp; ".split("")).map(utf8),
  // Runs of markup with no character beyond Latin-1, long enough for a piece of their own (latin1Pieces).
  fc.constantFrom("<si><t>Midlothian HSCP will reduce waiting times for mental health by April 2023.</t></si>".repeat(3)).map(utf8),
  fc.constantFrom("é", "£", "€", "😀", "\ufeff", "\u0800", "\uffff", "\u{10ffff}").map(utf8),
  fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]),
  fc.constantFrom([0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88]),
);

/** A part's start: nothing, a byte order mark (whole or cut), or a UTF-16 head. */
const head = fc.constantFrom<number[]>([], [0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xef], [0xff, 0xfe], [0xfe, 0xff], [0x3c, 0x00], [0x00, 0x3c]);

const part = fc.tuple(head, fc.array(piece, { maxLength: 60 })).map(([h, ps]) => new Uint8Array([...h, ...ps.flat()]));

/** `bytes` cut at the given places (sorted, repeats make empty pieces). */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const places = at.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of places) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

function label(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return "utf-16le";
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return "utf-16be";
  return "utf-8";
}

describe("PartDecoder", () => {
  it("gives what a streaming decoder gives for the same pieces, and one decode of the whole", () => {
    fc.assert(
      fc.property(part, fc.array(fc.nat(), { maxLength: 12 }), (bytes, at) => {
        const pieces = cut(bytes, at);
        const decoder = new PartDecoder();
        const got = pieces.flatMap((p) => decoder.decode(p)).join("") + decoder.decode(new Uint8Array(0), true).join("");
        const streaming = new TextDecoder(label(bytes));
        const plain = pieces.map((p) => streaming.decode(p, { stream: true })).join("") + streaming.decode();
        expect(got).toBe(plain);
        expect(got).toBe(new TextDecoder(label(bytes)).decode(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps U+FEFF in the text and drops only a byte order mark at the start, however the bytes are cut", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("<a>\ufeff€</a>")]);
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        const decoder = new PartDecoder();
        const text = [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)].flatMap((p) => decoder.decode(p)).join("") + decoder.decode(new Uint8Array(0), true).join("");
        expect(text).toBe("<a>\ufeff€</a>");
      }
    }
  });

  it("keeps each character beyond Latin-1 in a piece of its own, from the `<` before it to the `<` after, the text around in pieces without one", () => {
    // V8 holds a string two bytes a character if any of it needs two, and every string cut
    // from it likewise: the shared strings around one `•` must not be read from its piece.
    const before = "<sst><si><t>Caf\u00e9 \u00a3 1</t></si>" + "<si><t>Service Finance Report</t></si>".repeat(8);
    const after = "</t></si>" + "<si><t>Green</t></si>".repeat(10) + "</sst>";
    const decoder = new PartDecoder();
    const pieces = decoder.decode(new Uint8Array(utf8(`${before}<si><t>No\n\u2022 Average wait in weeks${after}`)), true);
    expect(pieces.join("")).toBe(`${before}<si><t>No\n\u2022 Average wait in weeks${after}`);
    expect(pieces).toEqual([`${before}<si>`, "<t>No\n\u2022 Average wait in weeks", after]);
  });

  it("cuts a whole UTF-8 part where a loop over its bytes cuts it (the lead bytes found by an expression)", () => {
    // The byte loop the expression replaced: a lead byte C4 and up begins a character beyond Latin-1.
    const byLoop = (bytes: Uint8Array): string[] => {
      const whole = new TextDecoder("utf-8").decode(bytes);
      if (whole.length === bytes.length || !/[\u0100-\uffff]/.test(whole)) return [whole];
      const pieces: string[] = [];
      let decoder = new TextDecoder("utf-8");
      const take = (from: number, to: number) => {
        pieces.push(decoder.decode(bytes.subarray(from, to)));
        decoder = new TextDecoder("utf-8", { ignoreBOM: true });
      };
      let wide = -1;
      let from = 0;
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] < 0xc4) continue;
        const start = Math.max(from, bytes.lastIndexOf(0x3c, i));
        if (wide < 0 || start - from >= 128) {
          if (wide >= 0) take(wide, from);
          if (start > from) take(from, start);
          wide = start;
        }
        const end = bytes.indexOf(0x3c, i + 1);
        from = end < 0 ? bytes.length : end;
        i = from - 1;
      }
      if (wide >= 0) take(wide, from);
      if (from < bytes.length) take(from, bytes.length);
      return pieces;
    };
    const utf8Part = fc.tuple(fc.constantFrom<number[]>([], [0xef, 0xbb, 0xbf]), fc.array(piece, { maxLength: 60 })).map(([h, ps]) => new Uint8Array([...h, ...ps.flat()]));
    fc.assert(
      fc.property(utf8Part, (bytes) => {
        expect(new PartDecoder().decode(bytes, true)).toEqual(byLoop(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps characters beyond Latin-1 close together in one piece", () => {
    const text = "<sst>" + "<si><t>\u2019a</t></si><si><t>b\u2013</t></si>".repeat(5) + "<si><t>Green</t></si>".repeat(10) + "</sst>";
    const pieces = new PartDecoder().decode(new Uint8Array(utf8(text)), true);
    expect(pieces.join("")).toBe(text);
    expect(pieces).toHaveLength(3);
    expect(pieces[0]).toBe("<sst><si>");
    expect(pieces[2]).toBe("</t></si>" + "<si><t>Green</t></si>".repeat(10) + "</sst>");
  });
});
