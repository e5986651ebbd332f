/**
 * Reading a built package's parts in tests: each part's text, a sheet's part found by its
 * name through the workbook's relationships (any prefix, any folder), the tab order.
 */
import { strFromU8, unzipSync } from "fflate";
import { openPackage } from "../../src/hosts/xlsx/package";

/** Every part's text, by name (folders left out). */
export function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (!name.endsWith("/")) out[name] = strFromU8(data);
  return out;
}

export const unescapeXml = (s: string) =>
  s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const sheetTags = (wb: string) => [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);

/** The text of a sheet's part, by the sheet's name. */
export async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const pkg = await openPackage(bytes);
  const wb = await pkg.text(pkg.workbookPart);
  const tag = sheetTags(wb).find((t) => unescapeXml(/\bname="([^"]*)"/.exec(t)![1]) === name);
  if (!tag) throw new Error(`no sheet ${name}`);
  const rid = /\b\w+:id="([^"]+)"/.exec(tag)![1];
  const rel = (await pkg.relationships(pkg.workbookPart)).find((r) => r.id === rid)!;
  return pkg.text(rel.target);
}

/** Sheets in tab order as `name#sheetId`, with `:hidden` or `:veryHidden` where not visible. */
export async function sheetList(bytes: Uint8Array): Promise<string[]> {
  const pkg = await openPackage(bytes);
  const wb = await pkg.text(pkg.workbookPart);
  return sheetTags(wb).map((t) => {
    const state = /\bstate="(\w+)"/.exec(t)?.[1] ?? "visible";
    return `${unescapeXml(/\bname="([^"]*)"/.exec(t)![1])}#${/\bsheetId="(\d+)"/.exec(t)![1]}${state === "visible" ? "" : `:${state}`}`;
  });
}
