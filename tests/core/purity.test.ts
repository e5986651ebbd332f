// The engine must run in every host: src/core imports only zod and itself (read from its
// real import graph), and compiles with no DOM, Node or Office.js globals in scope.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ts from "typescript";
import { importsOf, purityViolations, sourceFiles } from "../helpers/import-graph";

const core = path.join(__dirname, "../../src/core");

/** Type errors compiling these files with ES2022's globals alone (no DOM, Node or Office.js). */
function errorsWithoutHostGlobals(files: string[], root: string): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ["lib.es2022.d.ts"],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(root, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

describe("the engine is pure", () => {
  it("imports only zod and itself", () => {
    expect(purityViolations(core)).toEqual([]);
  });

  it("type-checks with ES2022 alone: no DOM, Node or Office.js globals (document, process, Buffer, Office)", () => {
    expect(errorsWithoutHostGlobals(sourceFiles(core), core)).toEqual([]);
  });
});

describe("the purity check itself", () => {
  let dir: string;
  beforeAll(() => {
    // A planted engine folder with one bad import of each kind, beside a host folder.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "purity-"));
    const engine = path.join(dir, "core");
    fs.mkdirSync(path.join(engine, "readers"), { recursive: true });
    fs.mkdirSync(path.join(dir, "hosts"));
    const write = (rel: string, text: string) => fs.writeFileSync(path.join(dir, rel), text);
    write("core/good.ts", `import { z } from "zod";\nimport type { Cell } from "./snapshot";\nexport * from "./readers/x";\nexport const s = z.string();\n`);
    write("core/node-fs.ts", `import * as fs from "node:fs";\nexport const read = fs.readFileSync;\n`);
    write("core/zip.ts", `import JSZip from "jszip";\nexport const zip = new JSZip();\n`);
    write("core/readers/host.ts", `import { HostError } from "../../hosts/host";\nexport { HostError };\n`);
    write("core/dynamic.ts", `export async function later() {\n  return import("./good");\n}\n`);
    write("core/required.ts", `const path = require("path");\nexport default path;\n`);
    write("core/type-only.ts", `export type Fs = typeof import("fs");\n`);
    write("globals.ts", `export const t = document.title + process.cwd() + Office.HostType.Excel;\n`);
    write("hosts/host.ts", `import * as fs from "fs";\nexport class HostError extends Error {}\nexport const x = fs;\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("finds every import form with the compiler", () => {
    const uses = importsOf(path.join(dir, "core/good.ts")).map((u) => [u.kind, u.specifier]);
    expect(uses).toEqual([
      ["import", "zod"],
      ["import", "./snapshot"],
      ["export", "./readers/x"],
    ]);
  });

  it("fails node:fs, jszip, a host import, a dynamic import, require() and a type-only import of a Node module", () => {
    expect(purityViolations(path.join(dir, "core")).sort()).toEqual(
      [
        "dynamic.ts:2 loads './good' with import()",
        "node-fs.ts:1 imports the package 'node:fs'",
        "readers/host.ts:1 imports '../../hosts/host', outside the engine",
        "required.ts:1 loads 'path' with require()",
        "type-only.ts:1 imports the package 'fs'",
        "zip.ts:1 imports the package 'jszip'",
      ].sort(),
    );
  });

  it("fails a file that uses DOM, Node or Office.js globals", () => {
    const errors = errorsWithoutHostGlobals([path.join(dir, "globals.ts")], dir).join("\n");
    for (const name of ["document", "process", "Office"]) expect(errors).toContain(`Cannot find name '${name}'`);
  });
});
