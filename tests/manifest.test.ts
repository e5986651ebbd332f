// Checked offline: office-addin-manifest's validate calls a web service (`npm run validate`
// does that, for people with a network), so the manifest is read with the package's own
// readManifestFile and its structure checked here.
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";

const root = path.join(__dirname, "..");
const manifestPath = path.join(root, "manifest.xml");
const xml = fs.readFileSync(manifestPath, "utf8");
// jsdom (installed with jest-environment-jsdom) parses the XML, keeping element order.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as { JSDOM: new () => { window: { DOMParser: typeof DOMParser } } };
const doc = new new JSDOM().window.DOMParser().parseFromString(xml, "application/xml");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as {
  (env: Record<string, string>, argv: { mode: string }): Promise<{ plugins: { userOptions?: { filename?: string } }[] }>;
  rewriteManifest(xml: string, url: string): string;
};

const els = (name: string) => [...doc.getElementsByTagName(name)];
const urls = () => [...xml.matchAll(/DefaultValue="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  });

  it("reads with office-addin-manifest as a Workbook task pane add-in with a fixed id", async () => {
    // In a child node process: the package pulls in an ES-module-only dependency that
    // jest's module loader cannot require.
    const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(${JSON.stringify(manifestPath)})
      .then((m) => process.stdout.write(JSON.stringify(m)), (e) => { console.error(e); process.exit(1); });`;
    const info = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" }));
    expect(info).toMatchObject({
      id: "0427935c-b778-4df5-b7da-b6761c43ebf5",
      officeAppType: "TaskPaneApp",
      hosts: ["Workbook"],
      permissions: "ReadWriteDocument",
      displayName: "Board Summary",
      defaultLocale: "en-GB",
      defaultSettings: { sourceLocation: "https://localhost:3000/taskpane.html" },
    });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("has its top-level elements in the order the schema requires", () => {
    const order = [
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "VersionOverrides",
    ];
    const children = [...doc.documentElement.children].map((e) => e.localName);
    expect(children).toEqual(order);
  });

  it("declares ExcelApi 1.9 as its minimum", () => {
    const sets = els("Set").filter((s) => s.parentElement?.localName === "Sets");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", "1.9"]]);
  });

  it("puts a Board Summary group on the Home tab with Check workbook and Build summary", () => {
    const tab = els("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const controls = [...tab.getElementsByTagName("Control")];
    expect(controls.map((c) => c.getAttribute("id"))).toEqual(["BoardSummary.OpenPane", "BoardSummary.Build"]);
    const actions = controls.map((c) => c.getElementsByTagName("Action")[0].getAttribute("xsi:type"));
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(els("FunctionName")[0].textContent).toBe("buildSummary");
    // The function name must be the one the commands bundle registers.
    expect(fs.readFileSync(path.join(root, "src/commands/commands.ts"), "utf8")).toContain('associate("buildSummary"');
  });

  it("refers only to resources it defines, each id once", () => {
    const defined = [...doc.querySelectorAll("Resources [id]")].map((e) => e.getAttribute("id"));
    expect(new Set(defined).size).toBe(defined.length);
    const used = [...doc.querySelectorAll("[resid]")].map((e) => e.getAttribute("resid"));
    expect(used.filter((r) => !defined.includes(r))).toEqual([]);
    const controlIds = [...doc.querySelectorAll("Group[id], Control[id]")].map((e) => e.getAttribute("id"));
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  it("uses https on localhost:3000 only, for pages the build produces", async () => {
    const all = urls();
    expect(all.length).toBeGreaterThan(5);
    for (const u of all) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    const config = await webpackConfig({}, { mode: "production" });
    const pages = config.plugins.map((p) => p.userOptions?.filename).filter(Boolean);
    const files = all.map((u) => new URL(u).pathname.slice(1)).filter((p) => p.endsWith(".html"));
    for (const f of files) {
      if (f === "help.html") expect(fs.existsSync(path.join(root, "assets/help.html"))).toBe(true);
      else expect(pages).toContain(f);
    }
  });

  it("has icons at 16, 32, 64 and 80 px that exist at those sizes", () => {
    const icons = urls().filter((u) => u.endsWith(".png"));
    const sizes = new Set<number>();
    for (const u of icons) {
      const rel = new URL(u).pathname.slice(1);
      const n = Number(/icon-(\d+)\.png$/.exec(rel)![1]);
      expect(pngSize(path.join(root, rel))).toEqual({ width: n, height: n });
      sizes.add(n);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    // Each bt:Image says the size its file has.
    for (const img of els("bt:Image").filter((e) => e.getAttribute("size"))) {
      const id = img.getAttribute("resid");
      const def = els("bt:Image").find((e) => e.getAttribute("id") === id)!;
      expect(def.getAttribute("DefaultValue")).toContain(`icon-${img.getAttribute("size")}.png`);
    }
  });

  it("can be rewritten for a deployment address, https only", () => {
    const out = webpackConfig.rewriteManifest(xml, "https://boards.example.nhs.uk/board-summary/");
    expect(out).not.toContain("localhost");
    expect(out).toContain('<SourceLocation DefaultValue="https://boards.example.nhs.uk/board-summary/taskpane.html"/>');
    expect(out).toContain("<AppDomain>https://boards.example.nhs.uk</AppDomain>");
    expect(() => webpackConfig.rewriteManifest(xml, "http://boards.example.nhs.uk")).toThrow(/must be an https:\/\/ URL/);
  });
});
