/**
 * Decompression bombs: a package of well under 1 MB whose sheet unzips to 700 MB ends in one
 * clear line, on the command line (node's zlib) and through the page's host (fflate), with
 * memory bounded by the limit on what is inflated, not by the bomb.
 */
import * as fs from "fs";
import * as path from "path";
import { HostError } from "../../../src/hosts/host";
import { MAX_PART_BYTES } from "../../../src/hosts/xlsx/package";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { tempDir } from "../../helpers/workbooks";
import { runCli } from "../../robustness/cli-io";
import { bombPackage } from "./packages";

const MB = 1024 * 1024;
let dir: string;
let bomb: Uint8Array;
let liar: Uint8Array;
let spaces: Uint8Array;

beforeAll(async () => {
  dir = tempDir("board-summary-bomb-");
  bomb = await bombPackage(700 * MB);
  // The same, declaring 20 KB: only counting what is inflated stops it.
  liar = await bombPackage(700 * MB, "<row/>", 20_000);
  spaces = await bombPackage(300 * MB, " ".repeat(1024), 20_000);
  fs.writeFileSync(path.join(dir, "bomb.xlsx"), bomb);
  fs.writeFileSync(path.join(dir, "liar.xlsx"), liar);
  fs.writeFileSync(path.join(dir, "spaces.xlsx"), spaces);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const RATIO_LINE = (file: string) =>
  `board-summary: ${file} was not read: its part xl/worksheets/sheet1.xml unzips to more than 250 times its packed size, which no workbook's data does (a file like this is damaged or a "zip bomb", not a board paper).`;
const LIMIT_LINE = /^board-summary: bomb\.xlsx was not read: its part xl\/worksheets\/sheet1\.xml unzips to more than 256 MB, more than Board Summary reads from one part \(a file like this is damaged or a "zip bomb", not a board paper\)\.$/;

it("the bomb is what it says: about 1 MB, unzipping to 700 MB", () => {
  expect(bomb.length).toBeLessThan(2 * MB);
  expect(MAX_PART_BYTES).toBe(256 * MB);
});

it("check on the command line: a part declaring more than the limit is refused at once", async () => {
  const r = await runCli(["check", path.join(dir, "bomb.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(LIMIT_LINE);
});

it("check on the command line: a part lying about its size is stopped by counting (its packing ratio), in seconds, memory bounded", async () => {
  const before = process.memoryUsage().rss;
  const started = Date.now();
  const r = await runCli(["check", path.join(dir, "liar.xlsx")]);
  const grown = process.memoryUsage().rss - before;
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr.trimEnd()).toBe(RATIO_LINE("liar.xlsx"));
  // Streamed: nothing like the 700 MB (or the 1.5 GB the old reader took) is ever held.
  expect(grown).toBeLessThan(300 * MB);
  // It stops a few MB in: the ratio is checked from 8 MB on.
  expect(Date.now() - started).toBeLessThan(10_000);
}, 60_000);

it("a sheet of whitespace stops at the token bound or the ratio, long before the part limit", async () => {
  const r = await runCli(["check", path.join(dir, "spaces.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd()).toBe(RATIO_LINE("spaces.xlsx"));
}, 60_000);

it("the page's host (fflate, as in the browser worker) refuses it with the same line", async () => {
  const before = process.memoryUsage().rss;
  const host = new XlsxHost(liar, "bomb.xlsx");
  const error = await host.readSnapshot().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  expect(`board-summary: ${(error as Error).message}`).toBe(RATIO_LINE("bomb.xlsx"));
  expect(process.memoryUsage().rss - before).toBeLessThan(300 * MB);
}, 60_000);
