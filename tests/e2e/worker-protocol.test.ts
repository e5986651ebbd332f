/**
 * The page's worker protocol, both halves in Node over a real MessageChannel, with the real
 * XlsxHost: what the page sees through WorkerHost is what XlsxHost gives directly.
 */
import * as fs from "fs";
import * as path from "path";
import { MessageChannel, type MessagePort } from "worker_threads";
import { analysisSchema } from "../../src/core/analysis";
import { analyse, summarise } from "../../src/core/engine";
import { HostError } from "../../src/hosts/host";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { summaryFileName } from "../../src/page/download";
import { CHECKING_STEP, requestTemplate, serveWorkbooks, WorkerHost, type PortLike } from "../../src/page/protocol";
import { templateWorkbookBytes } from "../../src/hosts/xlsx/template";
import { TEMPLATE_KINDS } from "../../src/core/templates/template-model";
import { cellTextsFor } from "../../src/taskpane/checking";

const BOARD_PACK = path.join(__dirname, "..", "..", "examples", "board-pack.xlsx");
const AS_AT = new Date(Date.UTC(2023, 8, 21));

/** Node's MessagePort speaks `on("message", data)`; the protocol speaks the DOM's event form. */
function asPort(p: MessagePort): PortLike {
  const wrapped = new Map<unknown, (data: unknown) => void>();
  return {
    postMessage: (m, transfer) => p.postMessage(m, transfer as never),
    addEventListener: (_t, l) => {
      const w = (data: unknown) => l({ data });
      wrapped.set(l, w);
      p.on("message", w);
    },
    removeEventListener: (_t, l) => {
      const w = wrapped.get(l);
      if (w) p.off("message", w);
    },
  };
}

let ports: MessagePort[] = [];
/** Both ends; `received` is every message the page's end was sent by the worker. */
function channel(): { page: PortLike; worker: PortLike; received: unknown[] } {
  const c = new MessageChannel();
  ports.push(c.port1, c.port2);
  serveWorkbooks(asPort(c.port2), (bytes, name) => new XlsxHost(bytes, name));
  const page = asPort(c.port1);
  const received: unknown[] = [];
  page.addEventListener("message", (e) => received.push(e.data));
  return { page, worker: asPort(c.port2), received };
}

/** True where `value` holds a workbook snapshot anywhere inside it (sheets with cells). */
function holdsSnapshot(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray((value as { cells?: unknown }).cells) && "merges" in value) return true;
  return Object.values(value).some(holdsSnapshot);
}
afterEach(() => {
  for (const p of ports) p.close();
  ports = [];
});

const bytes = () => new Uint8Array(fs.readFileSync(BOARD_PACK));

describe("the page's worker protocol", () => {
  it("reads the same snapshot through the worker as XlsxHost reads directly", async () => {
    const { page } = channel();
    const steps: string[] = [];
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx", (p) => steps.push(p.step));
    expect(steps[0]).toBe("Reading board-pack.xlsx");
    const viaWorker = await host.readSnapshot();
    const direct = await new XlsxHost(bytes(), "board-pack.xlsx").readSnapshot();
    expect(viaWorker).toEqual(direct);
    expect(analyse(viaWorker, { now: AS_AT }).recovery.totals.totalValuePence).toBe(393_500_000);
    host.dispose();
  });

  it("writes the summaries, hands the built workbook to onBuilt, and tells of settings saved", async () => {
    const { page } = channel();
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx");
    const built: Uint8Array[] = [];
    let saved = 0;
    host.onBuilt((b) => built.push(b));
    host.onSettingsSaved(() => saved++);
    const analysis = analyse(await host.readSnapshot(), { now: AS_AT });
    const result = await host.writeSummaries(summarise(analysis, AS_AT));
    expect(result.written.map((w) => w.name)).toEqual(["Recovery Summary", "Directions Summary", "Data Checks"]);
    expect(built).toHaveLength(1);
    // The built bytes are a workbook that reads back with the summary sheets in it.
    const again = await new XlsxHost(built[0], "board-pack.summary.xlsx").readSnapshot();
    expect(again.sheets.map((s) => s.name)).toContain("Recovery Summary");
    // The host in the worker now holds the built workbook, as XlsxHost does.
    expect((await host.readSnapshot()).sheets.map((s) => s.name)).toContain("Data Checks");

    await host.saveSettings({ ...analysis.settings, targetPence: 500_000_000 });
    expect(saved).toBe(1);
    const after = analyse(await host.readSnapshot(), { now: AS_AT });
    expect(after.recovery.totals.gapPence).toBe(106_500_000);
    host.dispose();
  });

  it("rejects a file that is not a workbook with the host's own message, as a HostError", async () => {
    const { page } = channel();
    const text = new TextEncoder().encode("Minutes of the meeting\nItem 1\n");
    const err = await WorkerHost.open(page, text, "minutes.xlsx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as Error).message).toMatch(/^minutes\.xlsx is not an Excel workbook \(\.xlsx\)/);
  });

  it("keeps working after a bad file: the next file opens", async () => {
    const { page } = channel();
    await expect(WorkerHost.open(page, new Uint8Array([1, 2, 3]), "junk.xlsx")).rejects.toBeInstanceOf(HostError);
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx");
    expect((await host.readSnapshot()).sheets.length).toBeGreaterThan(5);
  });

  it("fails what is still waiting when the file is closed", async () => {
    const { page } = channel();
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx");
    const pending = host.readSnapshot();
    host.dispose();
    await expect(pending).rejects.toThrow("board-pack.xlsx was closed.");
  });
});

describe("the engine in the worker", () => {
  it("checks in the worker: the page gets the same Analysis as the engine gives directly, and never the snapshot", async () => {
    const { page, received } = channel();
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx");
    received.length = 0;
    const events: string[] = [];
    const checked = await host.engine.check(host, { now: AS_AT }, {
      onProgress: (p) => events.push(`progress: ${p.step}`),
      onChecking: () => events.push("checking"),
    });

    const snapshot = await new XlsxHost(bytes(), "board-pack.xlsx").readSnapshot();
    const direct = analyse(snapshot, { now: AS_AT });
    expect(checked.analysis).toEqual(direct);
    expect(checked.analysis.recovery.totals.totalValuePence).toBe(393_500_000);
    // Plain data that survives the copy between threads: it still meets the Analysis schema.
    expect(() => analysisSchema().parse(checked.analysis)).not.toThrow();
    expect(checked.cells).toEqual(cellTextsFor(snapshot, direct.findings));
    expect(checked.cells["Directions 2023-24"]["D67"]).toBe("This requires engagement at whole system level.");

    // Reading is reported, then the start of the check, once, after it.
    expect(events[0]).toBe("progress: Reading board-pack.xlsx");
    expect(events.filter((e) => e === "checking")).toHaveLength(1);
    expect(events.at(-1)).toBe("checking");
    expect(events).not.toContain(`progress: ${CHECKING_STEP}`);
    // What crossed to the page: progress and the Analysis, never the sheets' cells.
    expect(received.length).toBeGreaterThan(1);
    expect(received.some(holdsSnapshot)).toBe(false);
    expect(holdsSnapshot({ value: snapshot })).toBe(true); // the probe itself finds one
    host.dispose();
  });

  it("checks with the settings it is given, as the pane does straight after a save", async () => {
    const { page } = channel();
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx");
    const { analysis } = await host.engine.check(host, { now: AS_AT, overrides: { targetPence: 400_000_000 } });
    // £4,000,000 − £3,935,000.
    expect(analysis.recovery.totals.gapPence).toBe(6_500_000);
    host.dispose();
  });

  it("summarises in the worker exactly as the engine does, and the plan writes", async () => {
    const { page } = channel();
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx");
    const { analysis } = await host.engine.check(host, { now: AS_AT });
    const plan = await host.engine.summarise(analysis, AS_AT);
    expect(plan).toEqual(summarise(analysis, AS_AT));
    const result = await host.writeSummaries(plan);
    expect(result.written.map((w) => w.name)).toEqual(["Recovery Summary", "Directions Summary", "Data Checks"]);
    // The next check sees the sheets just written, as recognised summaries.
    const again = await host.engine.check(host, { now: AS_AT });
    expect(again.analysis.sheets.filter((s) => s.summaryId).map((s) => s.name)).toEqual(["Recovery Summary", "Directions Summary", "Data Checks"]);
    host.dispose();
  });

  it("gives a check's failure to the page as an error, and the worker carries on", async () => {
    const { page } = channel();
    const host = await WorkerHost.open(page, bytes(), "board-pack.xlsx");
    // An amber threshold above green cannot be used: the engine says so.
    const err = await host.engine.check(host, { now: AS_AT, overrides: { greenThreshold: 50, amberThreshold: 80 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    // Named as the engine names it, so the pane shows the message as it stands.
    expect((err as Error).name).toBe("SettingsError");
    expect((err as Error).message).toMatch(/amber/i);
    const ok = await host.engine.check(host, { now: AS_AT });
    expect(ok.analysis.recovery.totals.count).toBe(12);
    host.dispose();
  });
});

describe("blank templates through the worker", () => {
  it("gives the command line's own template bytes, with no workbook open", async () => {
    const c = new MessageChannel();
    ports.push(c.port1, c.port2);
    serveWorkbooks(asPort(c.port2), (b, name) => new XlsxHost(b, name), templateWorkbookBytes);
    for (const kind of TEMPLATE_KINDS) {
      const viaWorker = await requestTemplate(asPort(c.port1), kind);
      expect(Buffer.from(viaWorker).equals(Buffer.from(await templateWorkbookBytes(kind)))).toBe(true);
    }
  });

  it("says so where the worker writes no templates", async () => {
    const { page } = channel();
    await expect(requestTemplate(page, "directions")).rejects.toThrow(/does not write templates/);
  });
});

describe("summaryFileName", () => {
  it("names the download as the command line names its output", () => {
    expect(summaryFileName("board-pack.xlsx")).toBe("board-pack.summary.xlsx");
    expect(summaryFileName("Board Pack.XLSX")).toBe("Board Pack.summary.xlsx");
    expect(summaryFileName("pack.v2.xlsx")).toBe("pack.v2.summary.xlsx");
    expect(summaryFileName(".xlsx")).toBe("workbook.summary.xlsx");
  });

  it("keeps an earlier output's name when it is built again, never <name>.summary.summary.xlsx", () => {
    expect(summaryFileName("board-pack.summary.xlsx")).toBe("board-pack.summary.xlsx");
    expect(summaryFileName("Board Pack.Summary.xlsx")).toBe("Board Pack.summary.xlsx");
  });
});
