/**
 * The reader's namespace layer (xml.ts) names every element by the namespace its prefix is
 * bound to where it stands, as saxes's own namespace mode does (the plain rule), on random
 * documents with prefixes declared, redeclared and undeclared at any depth, fed in random
 * pieces: the unprefixed fast path and the prefixed names' cache hold to the rule.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { attrNS, XmlStream } from "../../../src/hosts/xlsx/xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OTHER = "urn:example:other";
/** The short keys the layer gives these namespaces (strict reads as transitional). */
const KEY: Record<string, string> = { [MAIN]: "main", [STRICT_MAIN]: "main", [REL]: "r", [OTHER]: OTHER, "": "" };

const PREFIXES = ["a", "x", "r"];
const LOCALS = ["c", "v", "row", "t", "is", "si"];

interface Node {
  /** Prefix to write the name with, or "" (taken only where bound). */
  prefix: string;
  local: string;
  /** Declarations: prefix ("" for the default) → namespace (a default may be undeclared with ""). */
  declares: [string, string][];
  /** Whether it carries an `id` attribute under each bound prefix. */
  ids: boolean;
  children: Node[];
}

const uri = fc.constantFrom(MAIN, STRICT_MAIN, REL, OTHER);
const node: fc.Memo<Node> = fc.memo((n) =>
  fc.record({
    prefix: fc.constantFrom("", "", ...PREFIXES),
    local: fc.constantFrom(...LOCALS),
    declares: fc.array(fc.tuple(fc.constantFrom("", ...PREFIXES), fc.oneof(uri, fc.constant(""))), { maxLength: 2 }),
    ids: fc.boolean(),
    children: n > 1 ? fc.array(node(n - 1), { maxLength: 3 }) : fc.constant([]),
  }),
);

/**
 * Writes the tree as XML, dropping prefixes that are not bound where they would be used (XML
 * 1.0 cannot undeclare a prefix), and `id` attributes that would name one namespace twice.
 */
function write(el: Node, bound: Map<string, string>): string {
  const scope = new Map(bound);
  const seen = new Set<string>();
  let attrs = "";
  for (const [p, u] of el.declares) {
    if (seen.has(p) || (p !== "" && u === "")) continue;
    seen.add(p);
    attrs += p === "" ? ` xmlns="${u}"` : ` xmlns:${p}="${u}"`;
    if (p !== "") scope.set(p, u);
  }
  if (el.ids) {
    const keys = new Set<string>();
    for (const [p, u] of scope) {
      if (keys.has(KEY[u])) continue;
      keys.add(KEY[u]);
      attrs += ` ${p}:id="${p}${el.local}"`;
    }
  }
  const name = el.prefix !== "" && scope.has(el.prefix) ? `${el.prefix}:${el.local}` : el.local;
  const inner = el.children.map((c) => write(c, scope)).join("");
  return inner ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`;
}

/** The elements as saxes's namespace mode resolves them: open and close, namespace key and local name, the `id` under each namespace. */
function byRule(xml: string): string[] {
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on("opentag", (tag) => {
    const ids = Object.values(tag.attributes)
      .filter((a) => a.local === "id" && a.prefix !== "")
      .map((a) => `${KEY[a.uri]}=${a.value}`)
      .sort();
    out.push(`open ${KEY[tag.uri]} ${tag.local} ${ids.join(",")}`);
  });
  parser.on("closetag", (tag) => out.push(`close ${KEY[tag.uri]} ${tag.local}`));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  return out;
}

/** The same, as the reader's layer tells it, the document written in the pieces given. */
function byLayer(xml: string, cuts: number[]): string[] {
  const out: string[] = [];
  const stream = new XmlStream({
    open(el) {
      const ids = [MAIN, REL, OTHER]
        .map((u) => [KEY[u], attrNS(el, KEY[u], "id")] as const)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${v}`)
        .sort();
      out.push(`open ${el.ns} ${el.local} ${ids.join(",")}`);
    },
    close(el) {
      out.push(`close ${el.ns} ${el.local}`);
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

test("elements and prefixed attributes are named by the namespace bound where they stand, whatever the prefixes and pieces", () => {
  fc.assert(
    fc.property(node(5), fc.array(fc.nat({ max: 2000 }), { maxLength: 5 }), (root, cuts) => {
      const xml = write(root, new Map());
      expect(byLayer(xml, cuts)).toEqual(byRule(xml));
    }),
    { numRuns: 2_000 },
  );
});

test("a default namespace redeclared and undeclared inside a part: each element by its own scope", () => {
  const xml = `<worksheet xmlns="${MAIN}"><c/><x xmlns="${OTHER}"><c/><y xmlns=""><c/></y><c/></x><c/><s xmlns="${STRICT_MAIN}"><c/></s></worksheet>`;
  const opened = byLayer(xml, []).filter((e) => e.startsWith("open"));
  expect(opened).toEqual([
    "open main worksheet ",
    "open main c ",
    `open ${OTHER} x `,
    `open ${OTHER} c `,
    "open  y ",
    "open  c ",
    `open ${OTHER} c `,
    "open main c ",
    "open main s ",
    "open main c ",
  ]);
  expect(byLayer(xml, [])).toEqual(byRule(xml));
});
