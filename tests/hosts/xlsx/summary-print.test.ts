/**
 * The .xlsx writer renders the summary model's print features (board-pages.md §4, §7, §8):
 * manual page breaks as <rowBreaks>, narrow margins, A4, the header's and footer's sections,
 * Calibri named in every font of ours, tables without banded rows, the marker's column hidden.
 */
import JSZip from "jszip";
import { buildWorkbook } from "../../../scripts/print-summaries";
import { BOARD_PACK } from "../../helpers/workbooks";

async function sheetOf(bytes: Uint8Array, name: string): Promise<{ xml: string; styles: string; tables: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/.*\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
  return { xml: await zip.file(path)!.async("string"), styles: await zip.file("xl/styles.xml")!.async("string"), tables };
}

describe("the .xlsx writer prints a summary as its model says", () => {
  let built: Awaited<ReturnType<typeof buildWorkbook>>;
  beforeAll(async () => {
    built = await buildWorkbook(BOARD_PACK, { organisation: "Smith & Jones IJB" });
  });

  it("writes each manual page break as a <brk> above its row, kept as the user's own", async () => {
    const model = built.plan.models.find((m) => m.id === "recovery-summary")!;
    expect(model.pageBreaks.length).toBeGreaterThan(0);
    const { xml } = await sheetOf(built.bytes, "Recovery Summary");
    const ids = [...xml.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(model.pageBreaks.map((r) => r - 1));
    expect(xml).toMatch(new RegExp(`<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">`));
    // CT_Worksheet's order: headerFooter, then rowBreaks, then tableParts.
    expect(xml.indexOf("<headerFooter")).toBeLessThan(xml.indexOf("<rowBreaks"));
    expect(xml.indexOf("<rowBreaks")).toBeLessThan(xml.indexOf("<tableParts"));
  });

  it("prints A4 landscape, one page wide, with narrow margins and the header and footer by section", async () => {
    const { xml } = await sheetOf(built.bytes, "Recovery Summary");
    expect(xml).toContain('<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    expect(xml).toMatch(/<pageSetup paperSize="9" firstPageNumber="1" orientation="landscape" fitToWidth="1" fitToHeight="0" useFirstPageNumber="1"\/>/);
    const font = "&amp;&quot;Calibri,Regular&quot;&amp;9";
    expect(xml).toContain(`<oddHeader>&amp;L${font}Smith &amp;&amp; Jones IJB · Recovery Summary&amp;R${font}As at 21/09/2023</oddHeader>`);
    expect(xml).toContain(`<oddFooter>&amp;L${font}&amp;F · generated 21/09/2023 10:00&amp;R${font}Page &amp;P of &amp;N</oddFooter>`);
  });

  it("hides the marker's column and draws tables without banded rows", async () => {
    const model = built.plan.models[0];
    const { xml, tables } = await sheetOf(built.bytes, model.name);
    expect(xml).toMatch(new RegExp(`<col min="${model.markerCell.col}" max="${model.markerCell.col}" width="[\\d.]+" hidden="1"/>`));
    const ours = tables.filter((t) => /name="RecoveryActions"/.test(t));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('showRowStripes="0"');
  });

  it("names Calibri in the fonts it adds", async () => {
    const { styles } = await sheetOf(built.bytes, "Recovery Summary");
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    expect(fonts.some((f) => /<sz val="18"\/>/.test(f) && /<name val="Calibri"\/>/.test(f))).toBe(true);
  });
});
