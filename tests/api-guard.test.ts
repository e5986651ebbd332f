// The Office.js host must run on the manifest's declared ExcelApi set: every Excel member
// it uses is checked against the `[Api set: …]` notes in @types/office-js.
import * as fs from "fs";
import * as path from "path";
import {
  BASE_MEMBERS,
  DTS_PATH,
  GUARDED_MEMBERS,
  USED_MEMBERS,
  compareVersions,
  readApiSets,
} from "../scripts/api-guard";

const root = path.join(__dirname, "..");
const hostDir = path.join(root, "src/hosts/excel");
const source = fs
  .readdirSync(hostDir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => fs.readFileSync(path.join(hostDir, f), "utf8"))
  .join("\n")
  // Comments mention members without using them.
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\/\/.*$/gm, "");
const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"))![1];
const index = readApiSets(DTS_PATH);

/** Member names reached with `.name` in the host's source. */
const accessed = new Set([...source.matchAll(/\.([A-Za-z_]\w*)\b/g)].map((m) => m[1]));
/** Keys of object literals in the host's source (a validation rule is passed as one). */
const literalKeys = new Set([...source.matchAll(/[{,]\s*([A-Za-z_]\w*)\s*:/g)].map((m) => m[1]));

describe("the API guard", () => {
  it("reads requirement sets from the type definitions", () => {
    // Known fixed points, so a parsing slip cannot pass everything.
    expect(index.get("Worksheet.getRange")).toBe("1.1");
    expect(index.get("Range.getMergedAreasOrNullObject")).toBe("1.13");
    expect(index.get("Application.suspendScreenUpdatingUntilNextSync")).toBe("1.9");
    expect(index.get("Application.calculationMode")).toBe("1.8"); // "1.1 for get, 1.8 for set"
    expect(index.get("Worksheet.pageLayout")).toBe("1.9");
    expect(index.get("Range.dataValidation")).toBe("1.8");
    // Interfaces of plain objects are read too.
    expect(index.get("DataValidationRule.list")).toBe("1.8");
    expect(index.get("ListDataValidation.source")).toBe("1.8");
    expect(index.get("WorksheetCollection.onChanged")).toBe("1.9");
    expect(index.get("WorksheetCollection.onAdded")).toBe("1.7");
    expect(index.get("WorksheetCollection.onNameChanged")).toBe("1.17");
    expect(index.get("RangeFormat.rowHeight")).toBe("1.2");
    expect(index.get("Worksheet.getRanges")).toBe("1.9");
    expect(index.get("RangeAreas.format")).toBe("1.9");
    expect(compareVersions("1.13", "1.9")).toBeGreaterThan(0);
  });

  it("the manifest declares ExcelApi 1.9", () => {
    expect(declared).toBe("1.9");
  });

  it.each(USED_MEMBERS.map((m) => [m]))("%s is used by the host and exists in the type definitions", (member) => {
    const [cls, name] = member.split(".");
    expect(accessed.has(name) || literalKeys.has(name)).toBe(true);
    expect(index.has(member) || BASE_MEMBERS.has(name)).toBe(true);
    void cls;
  });

  it.each(USED_MEMBERS.map((m) => [m]))("%s is no newer than the declared set, or is guarded", (member) => {
    const version = index.get(member);
    if (version === undefined) return; // base members have no set (checked above)
    expect(version).not.toMatch(/only/);
    if (compareVersions(version, declared) > 0) {
      expect(GUARDED_MEMBERS[member]).toBe(version);
      expect(source).toContain(`isSetSupported("ExcelApi", "${version}")`);
    }
  });

  it("every Excel member name in the host's source is in the list", () => {
    const listed = new Set(USED_MEMBERS.map((m) => m.split(".")[1]));
    const excelNames = new Set([...index.keys()].map((k) => k.split(".")[1]));
    // Names that are also Excel members but are used here on plain objects and arrays.
    const plain = new Set(["push", "map", "filter", "forEach", "length", "set", "get", "has", "add", "delete", "split", "join", "slice", "sort", "name", "id", "message", "code", "type", "style", "format", "text", "values", "address", "width", "top", "left", "bottom", "right", "row", "col", "content", "color", "size", "fill", "bold", "italic", "formula", "value", "visibility", "protected", "columns", "columnWidths", "merges", "tables", "cells", "print", "orientation", "footer", "header", "freezeRows", "tabColor", "marker", "models", "replace", "notes", "settings", "underline", "wrap", "border", "min", "max", "trim", "round", "rows", "sheet", "styles", "points", "error", "date", "now", "height", "remove", "areas", "options", "group", "find", "ranges", "layout"]);
    const unlisted = [...accessed].filter((n) => excelNames.has(n) && !listed.has(n) && !plain.has(n));
    expect(unlisted).toEqual([]);
  });

  it("a use newer than 1.9 without a guard would be caught", () => {
    // The rule above, fed a real ExcelApi 1.13 member as if it were used without a guard.
    const needsGuard = (member: string, guards: Record<string, string>) => {
      const v = index.get(member)!;
      return compareVersions(v, declared) > 0 && guards[member] !== v;
    };
    expect(needsGuard("Range.getMergedAreasOrNullObject", {})).toBe(true);
    expect(needsGuard("Range.getMergedAreasOrNullObject", GUARDED_MEMBERS)).toBe(false);
    // getRanges (RangeAreas) is in the declared set itself, so it needs no guard.
    expect(needsGuard("Worksheet.getRanges", {})).toBe(false);
  });
});
