// Issue 10, point 8: the conventions of Office add-in projects, and office.js served as
// Microsoft still supports (from its CDN; the npm copy only on request, for offline work).
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../../webpack.config.js") as {
  (env: Record<string, string>, argv: { mode: string }): Promise<{ plugins: { userOptions?: { filename?: string; templateContent?: () => string } }[] }>;
  OFFICE_JS_CDN: string;
};

async function pane(env: Record<string, string>, mode: string): Promise<string> {
  const config = await webpackConfig(env, { mode });
  const plugin = config.plugins.find((p) => p.userOptions?.filename === "taskpane.html");
  return plugin?.userOptions?.templateContent?.() ?? "";
}

describe("development scripts", () => {
  it("has start, stop, watch, build and build:dev", () => {
    expect(pkg.scripts).toMatchObject({
      start: "node scripts/start.js",
      stop: "node scripts/stop.js",
      watch: "webpack --mode development --watch",
      "build:dev": "webpack --mode development",
      build: "webpack --mode production",
    });
    expect(fs.existsSync(path.join(root, "scripts/stop.js"))).toBe(true);
  });

  it("loads office.js from Microsoft's CDN in development and production alike", async () => {
    expect(webpackConfig.OFFICE_JS_CDN).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(await pane({}, "development")).toContain(webpackConfig.OFFICE_JS_CDN);
    expect(await pane({}, "production")).toContain(webpackConfig.OFFICE_JS_CDN);
    // The npm package's copy only when asked for, for work offline or behind a firewall.
    expect(await pane({ officejs: "local" }, "development")).toContain("/office-js/office.js");
    expect(await pane({ officejs: "local" }, "production")).toContain(webpackConfig.OFFICE_JS_CDN);
  });
});
