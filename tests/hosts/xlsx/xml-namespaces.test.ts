/**
 * The reader's namespace layer (xml.ts) names every element by the namespace its prefix is
 * bound to where it stands. It looks through an element's attributes for declarations only
 * until saxes tells of a tag ending past the last `xmlns` in the text; every other element takes
 * the scope it stands in unlooked, an unprefixed one its default namespace, a prefixed one the
 * namespace its name last had in that scope. Held here to saxes's own namespace mode (which
 * resolves every element from its attributes: the plain rule), event by event, on random
 * documents with default and prefixed namespaces declared, redeclared and undeclared at any
 * depth, attributes whose values hold `>`, `<` and `xmlns` as entities, text, CDATA and
 * comments that hold `xmlns` and markup-like text, and entities, all fed in random pieces
 * (which cut `xmlns` and tags anywhere).
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { attrNS, XmlStream } from "../../../src/hosts/xlsx/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OTHER = "urn:example:xmlns";
/** The short keys the layer gives these namespaces (strict reads as transitional); others are their own. */
const KEY: Record<string, string> = { [MAIN]: "main", [STRICT_MAIN]: "main", [REL]: "r" };
const key = (uri: string | undefined) => (uri === undefined ? "(unbound)" : (KEY[uri] ?? uri));

const PREFIXES = ["a", "x", "r", "xmlnsx"];
const LOCALS = ["c", "v", "row", "t", "is", "xmlns1"];

type Content = { kind: "el"; el: Element } | { kind: "text"; text: string } | { kind: "cdata"; text: string } | { kind: "comment"; text: string };

interface Element {
  /** Prefix to write the name with, or "" (taken only where bound). */
  prefix: string;
  local: string;
  /** Declarations: prefix ("" for the default) → namespace (a default may be undeclared with ""). */
  declares: [string, string][];
  /** Plain attributes (no prefix), values as written (entities and all). */
  attrs: [string, string][];
  /** Whether it also carries an `id` under each prefix bound where it stands. */
  ids: boolean;
  /** Where its declarations stand among its attributes. */
  declaresFirst: boolean;
  selfClosing: boolean;
  children: Content[];
}

const uri = fc.constantFrom(MAIN, STRICT_MAIN, REL, OTHER);
/** Character data and attribute values as written: text that looks like markup or a declaration, entities. */
const written = fc
  .array(fc.constantFrom("xmlns", 'xmlns:a="u"', "xml", "ns", "&gt;", ">", "&lt;x xmlns='u'&gt;", "&amp;", "&#60;", "&#x3E;", " ", "a", "\n", "\r\n", "é", "😀"), {
    maxLength: 6,
  })
  .map((parts) => parts.join(""));
const content: fc.Memo<Content> = fc.memo((n) =>
  fc.oneof(
    { weight: 3, arbitrary: element(n).map((el) => ({ kind: "el" as const, el })) },
    { weight: 1, arbitrary: written.map((text) => ({ kind: "text" as const, text })) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom("xmlns", `<c xmlns="${OTHER}">`, "]]", "]", ">", "&amp;", "x"), { maxLength: 4 })
        .map((p) => ({ kind: "cdata" as const, text: p.join("") })),
    },
    {
      weight: 1,
      arbitrary: fc.array(fc.constantFrom("xmlns", `<a xmlns:a="${OTHER}">`, ">", "x", "<"), { maxLength: 4 }).map((p) => ({ kind: "comment" as const, text: p.join(" ") })),
    },
  ),
);
function element(n: number): fc.Arbitrary<Element> {
  return fc.record({
    prefix: fc.constantFrom("", "", ...PREFIXES),
    local: fc.constantFrom(...LOCALS),
    declares: fc.array(fc.tuple(fc.constantFrom("", "", ...PREFIXES), fc.oneof(uri, fc.constant(""))), { maxLength: 2 }),
    attrs: fc.array(fc.tuple(fc.constantFrom("r", "s", "t", "xmlnsx", "xml"), written), { maxLength: 3 }),
    ids: fc.boolean(),
    declaresFirst: fc.boolean(),
    selfClosing: fc.boolean(),
    children: n > 1 ? fc.array(content(n - 1), { maxLength: 4 }) : fc.constant([]),
  });
}

/**
 * Writes the tree as XML, dropping what would not be well-formed: prefixes not bound where
 * they are used (XML 1.0 cannot undeclare a prefix), a prefix declared twice, an attribute
 * named twice, and `id` attributes that would name one namespace twice.
 */
function write(el: Element, bound: Map<string, string>): string {
  const scope = new Map(bound);
  const seen = new Set<string>();
  let declarations = "";
  for (const [p, u] of el.declares) {
    if (seen.has(p) || (p !== "" && u === "")) continue;
    seen.add(p);
    declarations += p === "" ? ` xmlns="${u}"` : ` xmlns:${p}="${u}"`;
    if (p !== "") scope.set(p, u);
  }
  let attrs = "";
  const names = new Set<string>();
  for (const [name, value] of el.attrs) {
    if (names.has(name)) continue;
    names.add(name);
    attrs += ` ${name}="${value.replace(/</g, "&lt;").replace(/"/g, "&quot;")}"`;
  }
  if (el.ids) {
    const keys = new Set<string>();
    for (const [p, u] of scope) {
      if (keys.has(key(u))) continue;
      keys.add(key(u));
      attrs += ` ${p}:id="${p}&gt;${el.local}"`;
    }
  }
  const name = el.prefix !== "" && scope.has(el.prefix) ? `${el.prefix}:${el.local}` : el.local;
  const all = el.declaresFirst ? declarations + attrs : attrs + declarations;
  if (el.selfClosing && el.children.length === 0) return `<${name}${all}/>`;
  const inner = el.children
    .map((c) => {
      switch (c.kind) {
        case "el":
          return write(c.el, scope);
        case "text":
          return c.text.replace(/</g, "&lt;").replace(/&(?![a-z#][a-z0-9]*;)/gi, "&amp;");
        case "cdata":
          return `<![CDATA[${c.text.replace(/]]>/g, "]]&gt;")}]]>`;
        case "comment":
          return `<!--${c.text.replace(/--/g, "- -")} -->`;
      }
    })
    .join("");
  return `<${name}${all}>${inner}</${name}>`;
}

/** Prefixes whose binding each element's event reports. */
const ASKED = ["", "xml", ...PREFIXES];

/** The events as saxes's namespace mode gives them: every element resolved from its attributes. */
function byRule(xml: string): string[] {
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on("opentag", (tag) => {
    const attrs = Object.values(tag.attributes)
      .map((a) => `${a.name}=${a.value}`)
      .sort();
    const scope = ASKED.map((p) => `${p}:${key(parser.resolve(p))}`);
    const ids = Object.values(tag.attributes)
      .filter((a) => a.local === "id" && a.prefix !== "")
      .map((a) => `${key(a.uri)}=${a.value}`)
      .sort();
    out.push(`open ${tag.uri ? key(tag.uri) : ""} ${tag.local} [${attrs.join(" ")}] {${scope.join(" ")}} ${ids.join(",")}`);
  });
  parser.on("closetag", (tag) => out.push(`close ${tag.local}`));
  parser.on("text", (t) => out.push(`text ${t}`));
  parser.on("cdata", (t) => out.push(`text ${t}`));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  return out;
}

/** The same events as the layer tells them, the document written in the pieces given. */
function byLayer(xml: string, cuts: readonly number[]): string[] {
  const out: string[] = [];
  const stream = new XmlStream({
    open(el) {
      const attrs = Object.entries(el.attrs)
        .map(([n, v]) => `${n}=${v}`)
        .sort();
      const scope = ASKED.map((p) => `${p}:${el.scope[p] ?? "(unbound)"}`);
      // Each namespace's `id` as attrNS finds it, whatever the prefix it is written with.
      const ids = [MAIN, REL, OTHER]
        .map((u) => [key(u), attrNS(el, key(u), "id")] as const)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${v}`)
        .sort();
      out.push(`open ${el.ns} ${el.local} [${attrs.join(" ")}] {${scope.join(" ")}} ${ids.join(",")}`);
    },
    close(el) {
      out.push(`close ${el.local}`);
    },
    text(t) {
      out.push(`text ${t}`);
    },
  });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(cut, xml.length);
    if (to > at) stream.write(xml.slice(at, to));
    at = Math.max(at, to);
  }
  stream.write(xml.slice(at));
  stream.close();
  return out;
}

/** Cuts anywhere, and some close together, so `xmlns` and short tags are cut into several pieces. */
const cuts = (xml: string) =>
  fc.oneof(
    fc.array(fc.nat({ max: xml.length }), { maxLength: 8 }),
    fc.nat({ max: xml.length }).chain((at) => fc.array(fc.integer({ min: at, max: at + 6 }), { minLength: 1, maxLength: 6 })),
    fc.constant([...Array(xml.length).keys()]),
  );

test("every element's namespace, name, attributes and scope, and every text, as saxes's namespace mode gives them, whatever the pieces", () => {
  fc.assert(
    fc.property(
      element(5)
        .map((root) => write(root, new Map()))
        .chain((xml) => fc.tuple(fc.constant(xml), cuts(xml))),
      ([xml, at]) => {
        expect(byLayer(xml, at)).toEqual(byRule(xml));
      },
    ),
    { numRuns: 3_000 },
  );
});

test("a default namespace redeclared and undeclared inside a part: each element by its own scope", () => {
  const xml = `<worksheet xmlns="${MAIN}"><c/><x xmlns="${OTHER}"><c/><y xmlns=""><c/></y><c/></x><c/><s xmlns="${STRICT_MAIN}"><c/></s></worksheet>`;
  const opened = byLayer(xml, [])
    .filter((e) => e.startsWith("open"))
    .map((e) => e.split(" [")[0]);
  expect(opened).toEqual([
    "open main worksheet",
    "open main c",
    `open ${OTHER} x`,
    `open ${OTHER} c`,
    "open  y",
    "open  c",
    `open ${OTHER} c`,
    "open main c",
    "open main s",
    "open main c",
  ]);
  expect(byLayer(xml, [])).toEqual(byRule(xml));
});

test("a declaration cut in any place, and a tag running on past its piece with `>` in its values, still opens the scope", () => {
  const xml = `<?xml version="1.0"?><w xmlns="${MAIN}"><c/><x a="&gt;>" xmlns="${OTHER}" b=">"><c/><r:c xmlns:r="${REL}"/><c/></x><c/></w>`;
  const whole = byRule(xml);
  expect(whole.filter((e) => e.startsWith("open")).map((e) => e.split(" [")[0])).toEqual([
    "open main w",
    "open main c",
    `open ${OTHER} x`,
    `open ${OTHER} c`,
    "open r c",
    `open ${OTHER} c`,
    "open main c",
  ]);
  for (let i = 0; i <= xml.length; i++) {
    for (let j = i; j <= Math.min(xml.length, i + 6); j++) expect(byLayer(xml, [i, j])).toEqual(whole);
  }
});
