import * as fs from "fs";
import * as path from "path";

// The engine must run in every host: no Office, DOM, file system or exceljs inside src/core.
const FORBIDDEN = [/from "exceljs"/, /from "fs"/, /from "path"/, /require\(/, /\bOffice\./, /\bExcel\./, /\bdocument\./, /\bwindow\./, /from "react/];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("the engine is pure", () => {
  const core = path.join(__dirname, "../../src/core");
  it.each(files(core).map((f) => [path.relative(core, f), f]))("%s uses no host API", (_name, file) => {
    // Comments may name the hosts; only code counts.
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    for (const pattern of FORBIDDEN) expect({ file: _name, hit: pattern.test(text) ? String(pattern) : null }).toEqual({ file: _name, hit: null });
  });
});
