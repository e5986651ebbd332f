/**
 * A blank standard template (src/core/templates) as a new .xlsx package, written by the
 * same writer as the summaries: a minimal package of our own (content types, relationships,
 * workbook, styles, document properties) into which the template sheet is added by
 * addition. Labels, styles, merges and data validation (drop-down lists, real dates,
 * amounts of 0 or more), for `board-summary template` and the page's download.
 * Browser-safe: bytes out.
 */
import { packMerges } from "../../core/summary/model-merges";
import { templateModel, type TemplateKind, type TemplateModel } from "../../core/templates/template-model";
import { openPackage } from "./package";
import { editPackage } from "./package-edit";
import { heightsByRow, type SheetDraft } from "./sheet-xml";
import { skeletonStyles } from "./styles-edit";
import { deflatingCodec, newEntry, writeZip, type DeflatingCodec } from "./zip-write";

/** A fixed time, so the same template gives the same bytes on every run. */
const FIXED_DATE = new Date(2024, 0, 1);

/** Template borders are a light grey, so the input cells frame the form without shouting. */
const TEMPLATE_BORDER = "8C8C8C";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** A workbook package with no sheet yet: what the template is added to. */
function skeletonPackage(codec: DeflatingCodec): Uint8Array {
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
        `</Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
        `</Relationships>`,
    ],
    [
      "docProps/core.xml",
      `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>Board Summary</dc:creator><cp:lastModifiedBy>Board Summary</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>` +
        `</cp:coreProperties>`,
    ],
    ["docProps/app.xml", `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Board Summary</Application></Properties>`],
    [
      "xl/workbook.xml",
      `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", skeletonStyles(MAIN_NS)],
  ];
  return writeZip(parts.map(([name, text]) => newEntry(name, text, FIXED_DATE, codec)));
}

/** A template model as the renderer's draft: grey borders, landscape, one page wide. */
function templateDraft(model: TemplateModel): SheetDraft {
  return {
    cells: model.cells,
    merges: packMerges(model.merges),
    columnWidths: model.columnWidths,
    rowHeights: heightsByRow(model.rowHeights),
    freezeRows: model.freezeRows,
    validations: model.validations,
    borderColour: TEMPLATE_BORDER,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToPagesWide: 1,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      repeatRows: null,
      header: { left: "", center: "", right: "" },
      footer: { left: "", center: "", right: "" },
    },
  };
}

/** A blank workbook holding the standard template of a kind, as .xlsx bytes. */
export async function templateWorkbookBytes(kind: TemplateKind): Promise<Uint8Array> {
  const model = templateModel(kind);
  const pkg = await openPackage(skeletonPackage(await deflatingCodec()), { fileName: `${model.sheetName}.xlsx` });
  return editPackage(pkg, { sheets: [{ name: model.sheetName, draft: templateDraft(model) }], remove: [], now: FIXED_DATE });
}
