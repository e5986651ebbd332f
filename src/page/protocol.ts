/**
 * The page's workbook host, split across a Web Worker so reading and writing a large
 * workbook never freezes the page. The worker holds the XlsxHost (src/hosts/xlsx) and runs the
 * engine there too, so only the Analysis (small, plain data) crosses to the page, never the
 * snapshot; the page holds a WorkerHost that implements WorkbookHost by messages, and its
 * `engine` is the pane's EnginePort for that worker. Nothing here touches the DOM, so the
 * two halves can be tested in Node over a MessageChannel.
 */
import type { Analysis } from "../core/analysis";
import type { AnalyseOptions } from "../core/engine";
import type { Settings } from "../core/settings";
import { workbookSnapshotSchema, type WorkbookSnapshot } from "../core/snapshot";
import type { SummaryPlan } from "../core/summary/sheet-model";
import type { TemplateKind } from "../core/templates/template-model";
import { HostError, type Progress, type ProgressListener, type WorkbookHost, type WriteResult } from "../hosts/host";
import { checkSnapshot, localEngine, type CheckEvents, type Checked, type EnginePort } from "../taskpane/checking";

/** What the worker is asked to do. `id` pairs a request with its replies. */
type Request =
  | { id: number; op: "open"; bytes: Uint8Array; fileName: string }
  | { id: number; op: "read" }
  /** Read and analyse in the worker; the reply's value is a Checked. */
  | { id: number; op: "check"; options: AnalyseOptions }
  | { id: number; op: "summarise"; analysis: Analysis; generatedAt: Date }
  | { id: number; op: "write"; plan: SummaryPlan }
  | { id: number; op: "saveSettings"; settings: Settings }
  /** A blank template workbook (no workbook need be open); the reply's value is its bytes. */
  | { id: number; op: "template"; kind: TemplateKind };

/** A request before its id is given. */
type Ask = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

export type Reply =
  /** `checking`: reading is done and the analysis has started. */
  | { id: number; type: "progress"; progress: Progress; checking?: true }
  | { id: number; type: "done"; value?: unknown }
  /** `name`: the error's own (e.g. the engine's SettingsError), so the pane shows its message as it stands. */
  | { id: number; type: "error"; message: string; hostError: boolean; name?: string };

/** The result of a write: the host's WriteResult and the bytes to download. */
interface WriteReply {
  result: WriteResult;
  bytes: Uint8Array;
}

/** What both a Worker (page side), a worker's global scope and a MessagePort offer. */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
}

/** The worker side: the host each request works on, for the file last opened. */
export interface ServedHost extends WorkbookHost {
  readonly summaryBytes: Uint8Array | null;
}

/** Writes a blank template workbook: the command line's own template writer. */
export type MakeTemplate = (kind: TemplateKind) => Promise<Uint8Array>;

/**
 * Answers requests on `port` with a host made by `makeHost` for each file opened, and
 * blank templates made by `makeTemplate`. Requests run one at a time, in order, so a
 * write never overlaps a read.
 */
export function serveWorkbooks(
  port: PortLike,
  makeHost: (bytes: Uint8Array, fileName: string) => ServedHost,
  makeTemplate?: MakeTemplate,
): void {
  let host: ServedHost | null = null;
  let queue: Promise<void> = Promise.resolve();

  const reply = (r: Reply, transfer: Transferable[] = []) => port.postMessage(r, transfer);

  async function handle(req: Request): Promise<void> {
    const progress = (p: Progress) => reply({ id: req.id, type: "progress", progress: p });
    try {
      if (req.op === "open") {
        host = null;
        const opened = makeHost(req.bytes, req.fileName);
        // Read now, so a file that is not a workbook is reported on opening it; the host keeps the result.
        await opened.readSnapshot(progress);
        host = opened;
        reply({ id: req.id, type: "done" });
        return;
      }
      if (req.op === "template") {
        if (!makeTemplate) throw new Error("this worker does not write templates");
        const bytes = await makeTemplate(req.kind);
        reply({ id: req.id, type: "done", value: bytes }, [bytes.buffer as ArrayBuffer]);
        return;
      }
      if (!host) throw new HostError("No workbook is open: choose an .xlsx file first.");
      switch (req.op) {
        case "read":
          reply({ id: req.id, type: "done", value: await host.readSnapshot(progress) });
          return;
        case "check": {
          const snapshot = await host.readSnapshot(progress);
          reply({ id: req.id, type: "progress", progress: { step: CHECKING_STEP }, checking: true });
          reply({ id: req.id, type: "done", value: checkSnapshot(snapshot, req.options) satisfies Checked });
          return;
        }
        case "summarise":
          reply({ id: req.id, type: "done", value: await localEngine.summarise(req.analysis, req.generatedAt) });
          return;
        case "write": {
          const result = await host.writeSummaries(req.plan, progress);
          const bytes = host.summaryBytes;
          if (!bytes) throw new Error("the summary workbook was not made");
          // A copy goes to the page, so the host keeps its own bytes for the next build.
          const copy = bytes.slice();
          reply({ id: req.id, type: "done", value: { result, bytes: copy } satisfies WriteReply }, [copy.buffer]);
          return;
        }
        case "saveSettings":
          await host.saveSettings(req.settings);
          reply({ id: req.id, type: "done" });
          return;
      }
    } catch (e) {
      const hostError = e instanceof HostError || (e instanceof Error && e.name === "HostError");
      reply({ id: req.id, type: "error", message: e instanceof Error ? e.message : String(e), hostError, name: e instanceof Error ? e.name : undefined });
    }
  }

  port.addEventListener("message", (event) => {
    const req = event.data as Request;
    queue = queue.then(() => handle(req));
  });
}

/**
 * Asks the worker at the other end of `port` for a blank template; resolves to its bytes.
 * Its own request, outside any WorkerHost: no workbook need be open.
 */
export function requestTemplate(port: PortLike, kind: TemplateKind): Promise<Uint8Array> {
  // Ids from WorkerHost start at 1; a worker asked for a template serves nothing else.
  const id = 0;
  return new Promise((resolve, reject) => {
    const listener = (event: { data: unknown }) => {
      const reply = event.data as Reply;
      if (reply.id !== id || reply.type === "progress") return;
      port.removeEventListener("message", listener);
      if (reply.type === "done" && reply.value instanceof Uint8Array) resolve(reply.value);
      else reject(new Error(reply.type === "error" ? reply.message : "the template was not made"));
    };
    port.addEventListener("message", listener);
    port.postMessage({ id, op: "template", kind } satisfies Request);
  });
}

/** The step reported as the worker starts the analysis. */
export const CHECKING_STEP = "Checking the sheets";

/** The page side: a WorkbookHost whose work happens in the worker at the other end of `port`. */
export class WorkerHost implements WorkbookHost {
  private nextId = 1;
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; events?: CheckEvents }>();
  private builtListeners = new Set<(bytes: Uint8Array, result: WriteResult) => void>();
  private settingsListeners = new Set<() => void>();
  private readonly listener = (event: { data: unknown }) => this.receive(event.data as Reply);

  constructor(
    private readonly port: PortLike,
    readonly fileName: string,
    private readonly onDispose?: () => void,
  ) {
    port.addEventListener("message", this.listener);
  }

  /**
   * Sends the file to the worker and waits until it has been read; rejects with a
   * HostError saying why where it is not a workbook the page can read.
   */
  static async open(port: PortLike, bytes: Uint8Array, fileName: string, onProgress?: ProgressListener, onDispose?: () => void): Promise<WorkerHost> {
    const host = new WorkerHost(port, fileName, onDispose);
    try {
      // The bytes move to the worker rather than being copied: the page does not need them.
      await host.call({ op: "open", bytes, fileName }, onProgress, [bytes.buffer as ArrayBuffer]);
      return host;
    } catch (e) {
      host.dispose();
      throw e;
    }
  }

  private receive(reply: Reply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === "progress") {
      if (reply.checking) p.events?.onChecking?.();
      else p.events?.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === "done") p.resolve(reply.value);
    else if (reply.hostError) p.reject(new HostError(reply.message));
    else {
      const err = new Error(reply.message);
      if (reply.name) err.name = reply.name;
      p.reject(err);
    }
  }

  private call(req: Ask, onProgress?: ProgressListener | CheckEvents, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.nextId++;
    const events = typeof onProgress === "function" ? { onProgress } : onProgress;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, events });
      this.port.postMessage({ ...req, id }, transfer);
    });
  }

  async readSnapshot(onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    // Checked as it crosses from the worker: parse at the edge, trust inside.
    return workbookSnapshotSchema().parse(await this.call({ op: "read" }, onProgress));
  }

  /**
   * The pane's engine for this workbook: reads and analyses in the worker, so the page's
   * thread gets the Analysis and never the snapshot. (Its `host` argument is this host.)
   */
  readonly engine: EnginePort = {
    check: async (_host, options, events) => (await this.call({ op: "check", options }, events)) as Checked,
    summarise: async (analysis, generatedAt) => (await this.call({ op: "summarise", analysis, generatedAt })) as SummaryPlan,
  };

  async writeSummaries(plan: SummaryPlan, onProgress?: ProgressListener): Promise<WriteResult> {
    const { result, bytes } = (await this.call({ op: "write", plan }, onProgress)) as WriteReply;
    for (const l of this.builtListeners) l(bytes, result);
    return result;
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.call({ op: "saveSettings", settings });
    for (const l of this.settingsListeners) l();
  }

  /** Called with the built workbook's bytes after each build. Returns an unsubscribe. */
  onBuilt(listener: (bytes: Uint8Array, result: WriteResult) => void): () => void {
    this.builtListeners.add(listener);
    return () => this.builtListeners.delete(listener);
  }

  /** Called after settings are saved (the last build no longer matches them). */
  onSettingsSaved(listener: () => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  /** Stops listening, fails whatever is still waiting, and ends the worker (where there is one). */
  dispose(): void {
    this.port.removeEventListener("message", this.listener);
    for (const p of this.pending.values()) p.reject(new HostError(`${this.fileName} was closed.`));
    this.pending.clear();
    this.onDispose?.();
  }
}
