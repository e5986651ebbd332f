/**
 * What every part of the Office.js host shares: how to run a batch (Excel.run, or a fake of
 * it), which requirement sets this Excel has, the payload budget, and whether the host is
 * writing (so change events of its own making are ignored).
 */
import { isCellEditMode } from "./errors";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Excel.run, or a fake of it in tests: `run(batch)` or `run(options, batch)`. */
export interface ExcelRun {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
}

export interface SessionOptions {
  run: ExcelRun;
  isSetSupported: (name: string, version: string) => boolean;
  /** Bytes queued or read before a sync (Excel on the web refuses over 5 MB). */
  payloadBudget: number;
  token: () => string;
  eventQuietMs: number;
  now: () => number;
  /** Waits (for the cell-edit retry where Excel cannot delay a batch itself). */
  wait: (ms: number) => Promise<void>;
  /** How long to keep retrying while the user edits a cell, where Excel cannot wait (ExcelApi below 1.11). */
  cellEditPatienceMs: number;
}

/** Sheets of an interrupted build start with this, then a space and the build's token. */
export const TEMP_PREFIX = "~BS";

/** A build's token: when it started (base 36 milliseconds, 8 characters) and 4 random characters. */
export function buildToken(now: number): string {
  return `${now.toString(36).padStart(8, "0").slice(-8)}${Math.random().toString(36).slice(2, 6).padEnd(4, "0")}`.toUpperCase();
}

/** How long a build may run before its temporary sheets count as left over. */
const BUILD_MAX_MS = 10 * 60 * 1000;

/**
 * True for a very hidden `~BS` sheet left by a build that is over: its token's time is more
 * than ten minutes ago, or not a time at all. A build in progress elsewhere (the ribbon's
 * build without a shared runtime, beside an open pane) keeps its sheets.
 */
export function isStaleTemp(name: string, now: number): boolean {
  const m = /^~BS ([0-9A-Z]+)( |$)/i.exec(name);
  if (!m?.[1] || m[1].length < 12) return true;
  const started = parseInt(m[1].slice(0, 8), 36);
  return !Number.isFinite(started) || now - started > BUILD_MAX_MS || started - now > BUILD_MAX_MS;
}

export class Session {
  /** Writes under way, and the time until which change events are still our own. */
  private writes = 0;
  private quietUntil = 0;

  constructor(readonly options: SessionOptions) {}

  isSetSupported(version: string): boolean {
    return this.options.isSetSupported("ExcelApi", version);
  }

  /**
   * Runs a batch. Where Excel has RunOptions.delayForCellEdit (ExcelApi 1.11) the batch
   * waits for the user to leave a cell they are typing in, instead of failing
   * ("Delay execution while cell is being edited", learn.microsoft.com). Older Excel
   * fails such a batch with InvalidOperationInCellEditMode: it is tried again every
   * second for `cellEditPatienceMs`, the `onWaiting` callback told, before the plain
   * message is shown. Only a batch that failed at its first sync is retried (nothing of
   * it was applied).
   */
  async batch<T>(job: Batch<T>, onWaiting?: () => void): Promise<T> {
    const { run } = this.options;
    if (this.options.isSetSupported("ExcelApi", "1.11")) return run({ delayForCellEdit: true }, job);
    const deadline = this.options.now() + this.options.cellEditPatienceMs;
    for (;;) {
      const progress = { synced: false };
      try {
        return await run(async (context) => {
          const sync = context.sync.bind(context);
          context.sync = async <U>(passThrough?: U) => {
            const r = await sync(passThrough);
            progress.synced = true;
            return r;
          };
          return job(context);
        });
      } catch (e) {
        if (!isCellEditMode(e) || progress.synced || this.options.now() >= deadline) throw e;
        onWaiting?.();
        await this.options.wait(1000);
      }
    }
  }

  /** Runs a job that changes the workbook, with change events ignored while it runs and just after. */
  async writing<T>(job: () => Promise<T>): Promise<T> {
    this.writes++;
    try {
      return await job();
    } finally {
      this.writes--;
      this.quietUntil = this.options.now() + this.options.eventQuietMs;
    }
  }

  /** True while change events are our own. */
  quiet(): boolean {
    return this.writes > 0 || this.options.now() < this.quietUntil;
  }
}
