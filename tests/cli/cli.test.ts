/**
 * The command line end to end on real files: exit codes, the JSON report (validated by its
 * zod schema), the readable report, build's output file and its failure modes.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, type Io } from "../../src/cli/main";
import { reportSchema } from "../../src/core/report";
import { BOARD_PACK, BOARD_PACK_WITH_ERRORS, ROOT, SAVINGS_REGISTER, tempDir } from "../helpers/workbooks";

function capture(): Io & { out: string; err: string; progressLines: string[] } {
  const io = {
    out: "",
    err: "",
    progressLines: [] as string[],
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    progress: (t: string) => {
      io.progressLines.push(t);
    },
    now: () => new Date("2023-09-21T10:00:00Z"),
  };
  return io;
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("board-summary check", () => {
  it("prints exactly one JSON document that matches the report schema, with the seeds' figures", async () => {
    const io = capture();
    const code = await main(["check", SAVINGS_REGISTER, "--json"], io);
    expect(code).toBe(0);
    const report = reportSchema().parse(JSON.parse(io.out));
    expect(report.workbook).toBe("savings-register.xlsx");
    expect(report.recovery.totalValue).toBe(3_487_000);
    expect(report.recovery.target).toBe(4_500_000);
    expect(report.recovery.gap).toBe(1_013_000);
    expect(report.directions).toMatchObject({ count: 0, period: null, items: [] });
    expect(io.err).toBe("");
  });

  it("says a fault of ours in one plain line, never JavaScript's error text", async () => {
    const io = capture();
    // A fault inside the command (here, writing the report) stands for any bug of ours.
    io.stdout = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'length')");
    };
    const code = await main(["check", SAVINGS_REGISTER, "--json"], io);
    expect(code).toBe(2);
    expect(io.err).toBe(
      "board-summary: an unexpected problem in Board Summary, not in your workbook. Try again; if it happens again, please report it with the workbook.\n",
    );
  });

  it("lets flags override the saved settings for the run", async () => {
    const io = capture();
    await main(["check", SAVINGS_REGISTER, "--json", "--target", "£4m", "--as-of", "2024-01-01"], io);
    const report = reportSchema().parse(JSON.parse(io.out));
    expect(report.asOf).toBe("2024-01-01");
    expect(report.recovery.gap).toBe(513_000);
    expect(report.recovery.coverage).toBe(0.8718);
  });

  it("exits 1 when a finding of severity error exists, and prints findings by sheet", async () => {
    const io = capture();
    const code = await main(["check", BOARD_PACK_WITH_ERRORS], io);
    expect(code).toBe(1);
    expect(io.out).toMatch(/Findings: \d+ errors?,/);
    expect(io.out).toMatch(/invalid-money: /);
  });

  it("prints a readable report of the clean board pack", async () => {
    const io = capture();
    const code = await main(["check", BOARD_PACK], io);
    expect(code).toBe(0);
    expect(io.out).toContain("Board Summary check: board-pack.xlsx");
    expect(io.out).toContain("As at 21/09/2023");
    expect(io.out).toContain("Directions: 21 (progress at half-year 2023/24)");
    expect(io.out).toContain("£3,935,000");
  });

  it.each([
    [["check"], /check needs a workbook/],
    [["check", "missing.xlsx"], /missing\.xlsx/],
    [["check", BOARD_PACK, "--amber", "95"], /amber threshold cannot be above the green threshold/],
  ])("exits 2 with one clear line for %j", async (argv, message) => {
    const io = capture();
    expect(await main(argv as string[], io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(io.out).toBe("");
  });

  it("exits 2 for a file that is not a workbook", async () => {
    const csv = path.join(dir, "budget.xlsx");
    fs.writeFileSync(csv, "Service Area,Saving\nPrescribing,940000\n");
    const io = capture();
    expect(await main(["check", csv], io)).toBe(2);
    expect(io.err).toMatch(/budget\.xlsx/);
    expect(io.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("board-summary build", () => {
  it("writes <name>.summary.xlsx beside the input by default, never touching the input", async () => {
    const input = path.join(dir, "pack.xlsx");
    fs.copyFileSync(BOARD_PACK, input);
    const before = fs.readFileSync(input);
    const io = capture();
    expect(await main(["build", input], io)).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const out = path.join(dir, "pack.summary.xlsx");
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ["Recovery Summary", "Directions Summary", "Data Checks"]) expect(names).toContain(n);
    expect(io.out).toMatch(/Wrote .*pack\.summary\.xlsx/);
  });

  it("--strict exits 1 when errors exist but still writes the summary", async () => {
    const out = path.join(dir, "errors.summary.xlsx");
    const io = capture();
    expect(await main(["build", BOARD_PACK_WITH_ERRORS, "-o", out, "--strict"], io)).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("refuses to overwrite its input", async () => {
    const io = capture();
    expect(await main(["build", BOARD_PACK, "-o", BOARD_PACK], io)).toBe(2);
    expect(io.err).toMatch(/would overwrite the input/);
  });

  it("leaves no file at the output path when the input cannot be read", async () => {
    const bad = path.join(dir, "broken.xlsx");
    fs.writeFileSync(bad, Buffer.from("PK\u0003\u0004 this is not really a zip"));
    const out = path.join(dir, "broken.summary.xlsx");
    const io = capture();
    expect(await main(["build", bad, "-o", out], io)).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("board-summary template", () => {
  it.each(["recovery-action", "recovery-register", "directions"])("writes a blank %s template", async (kind) => {
    const out = path.join(dir, `${kind}.xlsx`);
    const io = capture();
    expect(await main(["template", kind, "-o", out], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });
});

describe("the installed bin", () => {
  const bin = path.join(ROOT, "bin", "board-summary.js");
  const built = fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"));
  (built ? it : it.skip)("runs as npx board-summary would, with the exit status of the command", () => {
    const r = spawnSync(process.execPath, [bin, "check", SAVINGS_REGISTER, "--json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(reportSchema().parse(JSON.parse(r.stdout)).recovery.count).toBe(11);
    const bad = spawnSync(process.execPath, [bin, "check"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^board-summary: /);
  });

  // The bin exits as soon as what it wrote has gone out (not after V8's queued collections):
  // a reader that takes its time still gets every byte, and the status is the command's.
  (built ? it : it.skip)("exits only once a slow reader has had all it wrote, with the command's status", async () => {
    for (const [file, status] of [
      [BOARD_PACK_WITH_ERRORS, 1],
      [SAVINGS_REGISTER, 0],
    ] as const) {
      const args = ["check", file, "--json", "--as-of", "2023-09-21"];
      const io = capture();
      expect(await main(args, io)).toBe(status);
      const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      const chunks: Buffer[] = [];
      // Read a little at a time, pausing between, so the child's writes outrun the reader.
      child.stdout.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 5);
      });
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code).toBe(status);
      expect(Buffer.concat(chunks).toString("utf8")).toBe(io.out);
    }
  });
});
