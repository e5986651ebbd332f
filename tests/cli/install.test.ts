/**
 * An install for running only (`npm ci --omit=dev`, on a server or a shared drive) must
 * give a working `board-summary`: `prepare` compiles the CLI then, so everything it runs
 * and everything the compiled CLI loads must come from `dependencies`, not
 * `devDependencies`. A cheap guard; the real clean-clone install is described in README.md.
 */
import { builtinModules } from "module";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../helpers/workbooks";
import { ensureCliBuilt } from "./spawn";

interface PackageJson {
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;

/** The package that provides a command in node_modules/.bin (tsc → typescript). */
function packageOfBin(command: string): string | null {
  const modules = path.join(ROOT, "node_modules");
  const names = fs.readdirSync(modules).flatMap((n) => (n.startsWith("@") ? fs.readdirSync(path.join(modules, n)).map((m) => `${n}/${m}`) : [n]));
  for (const name of names) {
    const file = path.join(modules, name, "package.json");
    if (!fs.existsSync(file)) continue;
    const bin = (JSON.parse(fs.readFileSync(file, "utf8")) as { bin?: string | Record<string, string> }).bin;
    if (bin && typeof bin === "object" && command in bin) return name;
    if (typeof bin === "string" && name.split("/").pop() === command) return name;
  }
  return null;
}

/** Every command `npm run <script>` runs, following `npm run` inside it. */
function commandsOf(script: string, seen = new Set<string>()): string[] {
  if (seen.has(script)) return [];
  seen.add(script);
  const text = pkg.scripts[script] ?? "";
  return text.split(/&&|\|\||;/).flatMap((part) => {
    const words = part.trim().split(/\s+/);
    if (words[0] === "npm" && words[1] === "run") return commandsOf(words[2], seen);
    return words[0] ? [words[0]] : [];
  });
}

/** The bare package names the compiled CLI requires, following its own files. */
function requiredPackages(entry: string): Set<string> {
  const found = new Set<string>();
  const visited = new Set<string>();
  const visit = (file: string) => {
    if (visited.has(file)) return;
    visited.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/require\("([^"]+)"\)|import\("([^"]+)"\)/g)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith(".")) {
        const target = require.resolve(path.resolve(path.dirname(file), spec));
        if (target.startsWith(path.join(ROOT, "lib"))) visit(target);
        continue;
      }
      const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
      if (!builtinModules.includes(name.replace(/^node:/, ""))) found.add(name);
    }
  };
  visit(entry);
  return found;
}

describe("an install for running only (npm ci --omit=dev)", () => {
  it("prepare runs only tools from dependencies (or node itself)", () => {
    const commands = commandsOf("prepare").filter((c) => c !== "node");
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const provider = packageOfBin(command);
      expect({ command, provider, inDependencies: provider !== null && provider in pkg.dependencies }).toEqual({
        command,
        provider,
        inDependencies: true,
      });
    }
  });

  it("the CLI's compile needs no type package from devDependencies", () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.cli.json"), "utf8")) as { compilerOptions: { types?: string[] } };
    for (const t of config.compilerOptions.types ?? []) expect({ types: `@types/${t}`, inDependencies: `@types/${t}` in pkg.dependencies }).toEqual({ types: `@types/${t}`, inDependencies: true });
  });

  it("the compiled CLI loads only packages from dependencies", () => {
    ensureCliBuilt();
    const bin = path.join(ROOT, pkg.bin["board-summary"]);
    const needed = [...requiredPackages(require.resolve(path.join(ROOT, "lib", "cli", "main.js")))].sort();
    expect(fs.existsSync(bin)).toBe(true);
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.filter((n) => !(n in pkg.dependencies))).toEqual([]);
  }, 120_000);
});
