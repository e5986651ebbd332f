/**
 * LEGACY, for the exceljs writer only (it goes when the by-addition writer lands, issue 8):
 * what is inside an .xlsx package that exceljs would lose when it rewrites the file.
 *
 * exceljs 4.4 models worksheets, styles, shared strings, themes, tables, legacy notes,
 * pictures and the core document properties; anything else in the package is silently
 * dropped on write. So this is an ALLOW-LIST: a part is safe only when exceljs reads and
 * writes it back faithfully (checked against node_modules/exceljs/lib/xlsx/xlsx.js), and
 * every other part is reported by a human name so the caller can write the summary to a
 * separate workbook instead and say why. Browser-safe: bytes in, no Node APIs.
 */
import JSZip from "jszip";

export interface PackageInspection {
  /** Human descriptions, e.g. "a chart (xl/charts/chart1.xml)", in package order. */
  unsupportedParts: string[];
}

/** Parts exceljs reads and writes back (content checks for some follow below). */
const ALLOWED: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(core|app)\.xml$/,
  // A preview picture Excel can regenerate; losing it loses nothing of the user's.
  /^docProps\/thumbnail\.(jpeg|jpg|png|wmf|emf)$/i,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  // Excel rebuilds the calculation chain; exceljs drops it and that is harmless.
  /^xl\/calcChain\.xml$/,
  /^xl\/theme\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/tables\/table\d+\.xml$/,
  /^xl\/comments\d+\.xml$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^xl\/drawings\/drawing\d+\.xml$/,
  /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/,
  /^xl\/media\/[a-zA-Z0-9]+\.[a-zA-Z0-9]{3,4}$/,
  // Printer driver settings: the page setup itself lives in the sheet and is kept.
  /^xl\/printerSettings\/printerSettings\d+\.bin$/,
];

/** Human names for parts that are not carried over, first match wins. */
const NAMES: [RegExp, string][] = [
  [/^xl\/charts\/chart\d+\.xml$/, "a chart"],
  [/^xl\/charts\//, "a chart's styling"],
  [/^xl\/chartsheets\//, "a chart sheet"],
  [/^xl\/drawings\/drawing\d+\.xml$/, "a drawing with shapes, text boxes or charts"],
  [/^xl\/drawings\/.*\.vml$/, "form controls or shapes drawn in VML"],
  [/^xl\/pivotTables\//, "a pivot table"],
  [/^xl\/pivotCache\//, "a pivot table cache"],
  [/^xl\/slicers\//, "a slicer"],
  [/^xl\/slicerCaches\//, "a slicer cache"],
  [/^xl\/timelines\//, "a timeline"],
  [/^xl\/timelineCaches\//, "a timeline cache"],
  [/vbaProject\.bin$/i, "macros (VBA)"],
  [/vbaData\.xml$/i, "macros (VBA)"],
  [/^xl\/externalLinks\//, "a link to another workbook"],
  [/^(xl\/)?customXml\//, "custom XML data"],
  [/^xl\/embeddings\//, "an embedded object"],
  [/^xl\/activeX\//, "an ActiveX control"],
  [/^xl\/ctrlProps\//, "a form control"],
  [/^xl\/threadedComments\//, "threaded comments"],
  [/^xl\/persons\//, "the people named in threaded comments"],
  [/^xl\/connections\.xml$/, "a data connection"],
  [/^xl\/queryTables\//, "a query table"],
  [/^docProps\/custom\.xml$/, "custom document properties (such as a sensitivity label)"],
  [/^xl\/metadata\.xml$/, "dynamic array formula data"],
  [/^xl\/richData\//, "pictures in cells or linked data types"],
  [/^xl\/model\//, "a Power Pivot data model"],
  [/^xl\/webextensions\//, "an Office add-in's saved data"],
  [/^xl\/tables\/table\d+\.xml$/, "an Excel table with calculated columns, custom totals or a query"],
  [/^xl\/worksheets\/sheet\d+\.xml$/, "sparklines or drop-down lists that refer to another sheet"],
  [/^xl\/worksheets\//, "a worksheet part Board Summary cannot read"],
  [/^xl\/workbook\.bin$|\.bin$/, "binary workbook data"],
];

function describe(path: string): string {
  for (const [re, name] of NAMES) if (re.test(path)) return `${name} (${path})`;
  return `a part Board Summary cannot carry over (${path})`;
}

/** Relationship types a worksheet may point at and still be carried over. */
const SHEET_REL_TYPES = new Set(["hyperlink", "drawing", "vmlDrawing", "comments", "table", "printerSettings", "image"]);
const DRAWING_REL_TYPES = new Set(["image", "hyperlink"]);

/** Content checks on allowed parts: exceljs keeps the part but not every feature in it. */
function contentProblem(path: string, xml: string): boolean {
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) {
    // exceljs keeps only conditional formats from a sheet's extension list.
    return /<x14:sparklineGroups\b|<x14:dataValidations\b/.test(xml);
  }
  if (/^xl\/tables\/table\d+\.xml$/.test(path)) {
    // exceljs drops these elements and attributes, leaving a table Excel repairs.
    return /<calculatedColumnFormula\b|<totalsRowFormula\b|tableType="queryTable"/.test(xml);
  }
  if (/^xl\/drawings\/drawing\d+\.xml$/.test(path)) {
    // Only pictures survive: shapes, groups, connectors and graphic frames (charts,
    // SmartArt) are dropped.
    return /<(\w+:)?(sp|grpSp|cxnSp|graphicFrame)\b/.test(xml) || /<mc:AlternateContent\b/.test(xml);
  }
  if (/^xl\/drawings\/vmlDrawing\d+\.vml$/.test(path)) {
    // exceljs rebuilds VML for notes only; any other VML object (form controls) is lost.
    const types = [...xml.matchAll(/ObjectType="([^"]+)"/g)].map((m) => m[1]);
    return types.some((t) => t !== "Note");
  }
  return false;
}

function relTypes(xml: string): { type: string; external: boolean; target: string }[] {
  const out: { type: string; external: boolean; target: string }[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const type = /Type="([^"]*)"/.exec(tag)?.[1] ?? "";
    const target = /Target="([^"]*)"/.exec(tag)?.[1] ?? "";
    out.push({ type: type.slice(type.lastIndexOf("/") + 1), external: /TargetMode="External"/.test(tag), target });
  }
  return out;
}

/** Inspects a package already opened with JSZip. */
export async function inspectZip(zip: JSZip): Promise<PackageInspection> {
  const unsupportedParts: string[] = [];
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const reported = new Set<string>();
  const report = (path: string, text?: string) => {
    if (reported.has(path)) return;
    reported.add(path);
    unsupportedParts.push(text ?? describe(path));
  };
  for (const raw of names) {
    const path = raw.replace(/^\//, "");
    if (!ALLOWED.some((re) => re.test(path))) {
      // A relationships file belongs to its part; report the part, not its wiring.
      const owner = /^(.*)_rels\/([^/]+)\.rels$/.exec(path);
      if (owner && names.some((n) => n.replace(/^\//, "") === owner[1] + owner[2])) continue;
      report(path);
      continue;
    }
    const needsText =
      /^xl\/worksheets\/sheet\d+\.xml$|^xl\/tables\/|^xl\/drawings\/drawing\d+\.xml$|\.vml$|_rels\/(sheet|drawing)\d+\.xml\.rels$/.test(
        path,
      );
    if (!needsText) continue;
    const text = await zip.file(raw)!.async("string");
    if (contentProblem(path, text)) {
      report(path);
      continue;
    }
    const sheetRels = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(path);
    const drawingRels = /^xl\/drawings\/_rels\/(drawing\d+\.xml)\.rels$/.exec(path);
    if (sheetRels || drawingRels) {
      const allowed = sheetRels ? SHEET_REL_TYPES : DRAWING_REL_TYPES;
      for (const rel of relTypes(text)) {
        if (allowed.has(rel.type)) continue;
        const owner = sheetRels ? `xl/worksheets/${sheetRels[1]}` : `xl/drawings/${drawingRels![1]}`;
        // The target part is reported on its own when it is in the package; an external
        // target (an OLE link, say) has no part, so it is reported here.
        if (rel.external) report(`${path}#${rel.target}`, `a link from ${owner} to ${rel.target} (${rel.type})`);
      }
    }
  }
  return { unsupportedParts };
}

/**
 * Lists the parts of an .xlsx package that exceljs would drop or damage on rewriting it.
 * The bytes must already be known to be a zip (read.ts checks that first).
 */
export async function inspectPackage(bytes: Uint8Array | ArrayBuffer): Promise<PackageInspection> {
  const zip = await JSZip.loadAsync(bytes);
  return inspectZip(zip);
}

/** One sentence naming the parts, for `WriteResult.separateWorkbookReason`. */
export function describeUnsupported(parts: string[], max = 5): string {
  const shown = parts.slice(0, max);
  const more = parts.length - shown.length;
  const list = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
  return `the workbook holds ${list}, which would be lost if the file were rewritten; your workbook was not changed.`;
}
