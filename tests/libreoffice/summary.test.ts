/**
 * A real spreadsheet application reads what we write: LibreOffice (headless) opens the
 * sample board pack built by the command line, recalculates it, and its formula totals
 * equal the engine's. How the summaries print is the print test's (tests/print/).
 *
 * Needs `soffice` (Debian: libreoffice-calc) and poppler-utils (`pdfinfo`, `pdftotext`,
 * `pdftoppm`); skipped, saying so, where they are absent.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { BOARD_PACK } from "../helpers/workbooks";
import { runCli } from "../robustness/cli-io";

const TOOLS = ["soffice", "pdfinfo", "pdftotext", "pdftoppm"];
const missing = TOOLS.filter((t) => {
  try {
    execFileSync("which", [t], { stdio: "ignore" });
    return false;
  } catch {
    return true;
  }
});
if (missing.length) {
  // eslint-disable-next-line no-console
  console.warn(`LibreOffice tests skipped: ${missing.join(", ")} not found (install libreoffice-calc and poppler-utils).`);
}
const maybe = missing.length ? describe.skip : describe;

const SUMMARIES = ["Recovery Summary", "Directions Summary", "Data Checks"];

/** Runs soffice with a private profile that recalculates every formula on load. */
function soffice(args: string[], cwd: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  // OOXMLRecalcMode 0 = always recalculate .xlsx formulas on load, whatever the file caches.
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { cwd, stdio: "pipe", timeout: 180_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** A CSV line split into fields (LibreOffice quotes with `"` and doubles quotes inside). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") out.push(cur), (cur = "");
    else cur += ch;
  }
  out.push(cur);
  return out;
}

maybe("LibreOffice reads the built sample board pack", () => {
  let dir: string;
  let built: string;
  let report: {
    recovery: { totalValue: number; count: number };
    directions: { count: number; byRag: Record<string, number>; byTheme: { reported: number }[] };
  };
  let csv: Record<string, string[][]>;
  let cachedResultsDropped = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "board-summary-lo-"));
    built = path.join(dir, "board-pack.summary.xlsx");
    const b = await runCli(["build", BOARD_PACK, "-o", built, "--as-of", "2023-09-21"]);
    if (b.code !== 0) throw new Error(`build failed: ${b.stderr}`);
    report = JSON.parse((await runCli(["check", BOARD_PACK, "--json", "--as-of", "2023-09-21"])).stdout);

    // Drop every cached formula result, so the totals LibreOffice shows are its own.
    const zip = await JSZip.loadAsync(fs.readFileSync(built));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/(<f(?:\s[^>]*)?>[^<]*<\/f>|<f\s[^>]*\/>)<v>[^<]*<\/v>/g, (_m, f: string) => (cachedResultsDropped++, f)));
    }
    const stripped = path.join(dir, "stripped.xlsx");
    fs.writeFileSync(stripped, await zip.generateAsync({ type: "nodebuffer" }));

    soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, "csv"), stripped], dir);
    csv = {};
    for (const s of SUMMARIES) {
      const file = path.join(dir, "csv", `stripped-${s}.csv`);
      csv[s] = fs.readFileSync(file, "utf8").split(/\r?\n/).map(fields);
    }
  }, 300_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("recalculates the Recovery Summary table's totals row to the engine's total value", () => {
    expect(cachedResultsDropped).toBeGreaterThan(0);
    const rows = csv["Recovery Summary"];
    const header = rows.findIndex((r) => r[0] === "Ref" && r.includes("Recovery Value (£)"));
    expect(header).toBeGreaterThan(0);
    const col = rows[header].indexOf("Recovery Value (£)");
    const total = rows.slice(header + 1).find((r) => r[0] === "Total")!;
    expect(Number(total[col])).toBe(report.recovery.totalValue);
    // And the rows above it are the listed actions, which sum to the same figure.
    const listed = rows.slice(header + 1, rows.indexOf(total)).map((r) => Number(r[col]));
    expect(listed.reduce((s, v) => s + v, 0)).toBe(report.recovery.totalValue);
  });

  it("recalculates the Directions Summary's all-themes row to the engine's counts", () => {
    const rows = csv["Directions Summary"];
    const header = rows.find((r) => r.includes("Theme") && r.includes("Reported"))!;
    const all = rows.find((r) => r.some((c) => /^all themes$/i.test(c)))!;
    const at = (name: string) => all[header.indexOf(name)];
    expect(Number(at("Directions"))).toBe(report.directions.count);
    expect(Number(at("Reported"))).toBe(report.directions.byTheme.reduce((s, t) => s + t.reported, 0));
    // The counts by RAG, in words, zeros left out: "3 Red · 2 Amber · 3 Green · 13 Grey".
    const words = (["red", "amber", "green", "blue", "grey"] as const)
      .filter((r) => report.directions.byRag[r] > 0)
      .map((r) => `${report.directions.byRag[r]} ${r[0].toUpperCase()}${r.slice(1)}`)
      .join(" · ");
    expect(at("RAG")).toBe(words);
  });
});
