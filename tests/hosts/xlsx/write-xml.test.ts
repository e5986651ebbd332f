/**
 * The writer's text-in, text-out pieces: where the parser says elements sit, splices that
 * keep every other character, styles appended to styles parts of every shape, and the
 * escapes and date serials of the sheets we write.
 */
import fc from "fast-check";
import { dateSerial, xstring } from "../../../src/hosts/xlsx/sheet-xml";
import { StyleBook } from "../../../src/hosts/xlsx/styles-edit";
import { attrNs, attrValueSpan, prefixFor, scanXml, Splice } from "../../../src/hosts/xlsx/xml-splice";
import { crc32 } from "../../../src/hosts/xlsx/zip-write";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

describe("scanXml", () => {
  const xml = `<?xml version="1.0"?>\r\n<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="A &amp; B" sheetId="1" rel:id="rId1"/><x:sheet name="€ 𝄞" sheetId="2" rel:id="rId2" ></x:sheet></x:sheets><!-- <x:sheet/> --><x:definedNames/></x:workbook>`;
  const els = scanXml(xml, "xl/workbook.xml");

  it("finds each element's tags, whatever the prefix, with surrogate pairs and CRLF before them", () => {
    expect(els.map((e) => e.local)).toEqual(["workbook", "sheets", "sheet", "sheet", "definedNames"]);
    for (const e of els) {
      expect(xml.slice(e.start, e.start + 1 + e.qname.length)).toBe(`<${e.qname}`);
      expect(xml.slice(e.end - 1, e.end)).toBe(">");
      if (!e.selfClosing) expect(xml.slice(e.closeStart, e.end)).toBe(`</${e.qname}>`);
    }
    expect(xml.slice(els[3].start, els[3].end)).toBe(`<x:sheet name="€ 𝄞" sheetId="2" rel:id="rId2" ></x:sheet>`);
    expect(els[4].selfClosing).toBe(true);
  });

  it("reads attributes by namespace, and the prefix in scope for a namespace", () => {
    expect(els[2].attrs.name).toBe("A & B");
    expect(attrNs(els[2], REL, "id")).toBe("rId1");
    expect(prefixFor(els[1], MAIN)).toBe("x");
    expect(prefixFor(els[1], REL)).toBe("rel");
    expect(prefixFor(els[1], "urn:none")).toBeNull();
  });

  it("finds an attribute's value in the start tag, not a look-alike inside another value", () => {
    const tag = `<c a="count=&quot;9&quot;" count = '3' />`;
    const [c] = scanXml(tag, "t");
    const span = attrValueSpan(tag, c, "count")!;
    expect(tag.slice(span.start, span.end)).toBe("3");
    expect(attrValueSpan(tag, c, "missing")).toBeNull();
  });

  it("says which part is not well-formed", () => {
    expect(() => scanXml("<a><b></a>", "xl/styles.xml")).toThrow(/^xl\/styles\.xml is not well-formed XML/);
  });
});

describe("Splice", () => {
  it("applies insertions in order and keeps every other character", () => {
    const s = new Splice("<a><b/></a>");
    s.insert(7, "<c/>");
    s.insert(7, "<d/>");
    s.insert(3, "<z/>");
    expect(s.onlyInsertions).toBe(true);
    expect(s.result()).toBe("<a><z/><b/><c/><d/></a>");
  });

  it("refuses overlapping edits", () => {
    const s = new Splice("abcdef");
    s.replace(1, 4, "X");
    s.insert(2, "Y");
    expect(() => s.result()).toThrow(/overlapping/);
    expect(() => s.utf8(true)).toThrow(/overlapping/);
  });

  it("gives its result in UTF-8, encoded piece by piece where the original is ASCII", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "<", "/", ">", " ", "é", "€", "😀"), maxLength: 6 });
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 4 }), text });
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 60 }), fc.array(edit, { maxLength: 8 }), (original, edits) => {
        const s = new Splice(original);
        let from = 0;
        for (const e of edits) {
          const start = Math.min(original.length, from + (e.at % 12));
          const end = Math.min(original.length, start + e.length);
          s.replace(start, end, e.text);
          from = end;
        }
        const expected = new TextEncoder().encode(s.result());
        expect(s.utf8(true)).toEqual(expected);
        expect(s.utf8(false)).toEqual(expected);
        expect(s.same).toBe(s.result() === original);
      }),
    );
  });

  it("is the same where every edit puts back what it covers", () => {
    const s = new Splice("<a><b/></a>");
    s.replace(3, 7, "<b/>");
    s.insert(3, "");
    expect(s.same).toBe(true);
    s.replace(7, 7, "<c/>");
    expect(s.same).toBe(false);
  });
});

describe("StyleBook", () => {
  const font = { bold: true, size: 14 };

  it("appends after the existing entries, numbering from them, and updates each count", () => {
    const styles = `<styleSheet xmlns="${MAIN}">\n  <numFmts count="1"><numFmt numFmtId="170" formatCode="0.000"/></numFmts>\n  <fonts count="1"><font><sz val="10"/></font></fonts>\n  <fills count="2"><fill/><fill/></fills>\n  <borders count="1"><border/></borders>\n  <cellStyleXfs count="1"><xf/></cellStyleXfs>\n  <cellXfs count="2"><xf/><xf/></cellXfs>\n</styleSheet>`;
    const book = new StyleBook(styles, "xl/styles.xml");
    expect(book.xf({ numFmt: "dd/mm/yyyy", style: { ...font, fill: "FF0000", border: true } })).toBe(2);
    expect(book.xf({ numFmt: "0.000" })).toBe(3);
    expect(book.xf({ numFmt: "dd/mm/yyyy", style: { ...font, fill: "FF0000", border: true } })).toBe(2);
    const out = book.apply();
    // The workbook's own format 0.000 is used as it is; ours takes the next free id.
    expect(out).toContain('<numFmts count="2"><numFmt numFmtId="170" formatCode="0.000"/><numFmt numFmtId="171" formatCode="dd/mm/yyyy"/></numFmts>');
    expect(out).toContain('<fonts count="3"><font><sz val="10"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>');
    expect(out).toContain('<fills count="3"><fill/><fill/><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/><bgColor indexed="64"/></patternFill></fill></fills>');
    expect(out).toContain('<cellXfs count="4"><xf/><xf/><xf numFmtId="171" fontId="1" fillId="2" borderId="1" xfId="0"');
    // Everything else is as it was: the original with only our text added.
    const stripped = out.replace(/count="\d+"/g, 'count="#"');
    let at = 0;
    for (const ch of styles.replace(/count="\d+"/g, 'count="#"')) at = stripped.indexOf(ch, at) + 1;
    expect(at).toBeGreaterThan(0);
  });

  it("adds a missing list in its schema place, opens a self-closing one, and keeps the part's prefix", () => {
    const styles = `<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font/></x:fonts><x:fills count="2"/><x:cellXfs count="1"><x:xf/></x:cellXfs><x:dxfs count="0"/></x:styleSheet>`;
    const book = new StyleBook(styles, "xl/styles.xml");
    expect(book.xf({ style: { fill: "00FF00", border: true } })).toBe(1);
    const thin = (side: string) => `<x:${side} style="thin"><x:color auto="1"/></x:${side}>`;
    expect(book.apply()).toBe(
      `<x:styleSheet xmlns:x="${MAIN}">` +
        `<x:fonts count="2"><x:font/><x:font><x:sz val="11"/><x:name val="Calibri"/><x:family val="2"/></x:font></x:fonts>` +
        // A damaged list of no fills gets Excel's two defaults first, so fill 0 stays "none".
        `<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill>` +
        `<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FF00FF00"/><x:bgColor indexed="64"/></x:patternFill></x:fill></x:fills>` +
        `<x:borders count="2"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border>` +
        `<x:border>${thin("left")}${thin("right")}${thin("top")}${thin("bottom")}<x:diagonal/></x:border></x:borders>` +
        `<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>` +
        `<x:cellXfs count="2"><x:xf/><x:xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/></x:cellXfs>` +
        `<x:dxfs count="0"/></x:styleSheet>`,
    );
  });

  it("keeps cell format 0 the workbook's default where a damaged part has none", () => {
    const book = new StyleBook(`<styleSheet xmlns="${MAIN}"><cellXfs count="0"></cellXfs></styleSheet>`, "s");
    expect(book.xf({ style: { bold: true } })).toBe(1);
    expect(book.apply()).toContain('<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1"');
  });

  it("leaves the part as it was when nothing is added", () => {
    const styles = `<styleSheet xmlns="${MAIN}"/>`;
    const book = new StyleBook(styles, "s");
    expect(book.empty).toBe(true);
    expect(book.apply()).toBe(styles);
  });
});

describe("sheet text and dates", () => {
  it("writes text as SpreadsheetML holds it", () => {
    expect(xstring("a_x0041_b")).toBe("a_x005F_x0041_b");
    expect(xstring("tab\tok, bell\u0007 no")).toBe("tab\tok, bell_x0007_ no");
    expect(xstring(`<&">'`)).toBe("&lt;&amp;&quot;&gt;'");
    expect(xstring("lone \ud800 surrogate")).toBe("lone \ufffd surrogate");
    expect(xstring("pair 𝄞")).toBe("pair 𝄞");
  });

  it("counts dates in the workbook's date system", () => {
    expect(dateSerial("1900-03-01", false)).toBe(61);
    expect(dateSerial("2023-09-21", false)).toBe(45190);
    expect(dateSerial("2023-09-21", true)).toBe(45190 - 1462);
    expect(dateSerial("1904-01-01", true)).toBe(0);
  });

  it("checks what it deflates with the zip's CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
