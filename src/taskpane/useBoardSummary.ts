/**
 * Every call to the host and the engine the pane makes, in one hook (the Script Lab
 * pattern): components get state and actions, never the host itself. The same hook
 * serves Excel and the browser page; what a host can do (goToCell, insertTemplate) is
 * reported as capabilities.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Analysis } from "../core/analysis";
import type { Settings } from "../core/settings";
import { buildNotes } from "../core/summary/notes";
import type { Progress, WorkbookHost, WriteResult } from "../hosts/host";
import { localEngine, type CellTexts, type EnginePort } from "./checking";
import type { TemplateKind } from "../core/templates/template-model";
import { errorText } from "./messages";

/**
 * A host that can say when the workbook changed (Excel: worksheet added/changed events).
 * Optional and additive: a host without it is rechecked only when the user asks.
 */
export type ChangeAwareHost = WorkbookHost & {
  /** `onProblem` is told, in words to show, when the host cannot watch for changes. */
  onChanged?(listener: () => void, onProblem?: (message: string) => void): () => void;
};

export type { EnginePort } from "./checking";

export const BUILD_PHASES = ["reading", "checking", "writing"] as const;
export type BuildPhase = (typeof BUILD_PHASES)[number];

export interface BuildProgress {
  phase: BuildPhase | "done";
  /** The host's own words for the current step, where it gave them. */
  detail?: string;
  fraction?: number;
}

export interface BuildResult extends WriteResult {
  /** The plan's notes and the host's, without repeats. */
  allNotes: string[];
}

/** Where an error belongs, so it is shown beside what failed. */
export type ErrorArea = "check" | "settings" | "build" | "template" | "navigate" | "watch";

export interface BoardSummaryOptions {
  /** Where the engine runs: here by default; the page's worker supplies its own. */
  engine?: EnginePort;
  /** The clock (as-at "today" and "generated at"). */
  now?: () => Date;
  /** Quiet time before a change-triggered recheck runs. */
  debounceMs?: number;
}

export interface BoardSummary {
  analysis: Analysis | null;
  checking: boolean;
  /** When the last check finished. */
  checkedAt: Date | null;
  building: boolean;
  progress: BuildProgress | null;
  buildResult: BuildResult | null;
  savingSettings: boolean;
  errors: Partial<Record<ErrorArea, string>>;
  dismissError(area: ErrorArea): void;
  canGoToCell: boolean;
  canInsertTemplate: boolean;
  /** Reads and checks now. */
  check(): Promise<void>;
  /** Asks for a check after a quiet spell (call on every change; bursts make one check). */
  recheck(): void;
  /** Saves settings in the workbook; false (with errors.settings) where it failed. */
  saveSettings(settings: Settings): Promise<boolean>;
  buildSummaries(): Promise<void>;
  /** The new sheet's name, or null where it failed. */
  insertTemplate(kind: TemplateKind): Promise<string | null>;
  goToCell(sheet: string, cell: string): Promise<void>;
  /** What a finding's cell shows, from the last check ("" for blank); null where it is not known. */
  cellText(sheet: string, cell: string): string | null;
}

export function useBoardSummary(
  host: ChangeAwareHost | null,
  { engine = localEngine, now = () => new Date(), debounceMs = 600 }: BoardSummaryOptions = {},
  canNavigate = true,
): BoardSummary {
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [cells, setCells] = useState<CellTexts>({});
  const [checking, setChecking] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [building, setBuilding] = useState(false);
  const [progress, setProgress] = useState<BuildProgress | null>(null);
  const [buildResult, setBuildResult] = useState<BuildResult | null>(null);
  const [savingSettings, setSavingSettings] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<ErrorArea, string>>>({});

  // Refs so async work sees the latest values and never updates an unmounted pane.
  const mounted = useRef(true);
  const checkSeq = useRef(0);
  const busy = useRef(0);
  const pendingRecheck = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const engineRef = useRef(engine);
  engineRef.current = engine;
  const nowRef = useRef(now);
  nowRef.current = now;

  const setError = useCallback((area: ErrorArea, message: string | null) => {
    if (!mounted.current) return;
    setErrors((e) => {
      const next = { ...e };
      if (message === null) delete next[area];
      else next[area] = message;
      return next;
    });
  }, []);

  /** Reads and analyses; only the latest of overlapping checks is shown. */
  const runCheck = useCallback(
    async (overrides?: Partial<Settings>) => {
      if (!host) return;
      const seq = ++checkSeq.current;
      setChecking(true);
      try {
        const result = await engineRef.current.check(host, { now: nowRef.current(), ...(overrides ? { overrides } : {}) });
        if (!mounted.current || seq !== checkSeq.current) return;
        setCells(result.cells);
        setAnalysis(result.analysis);
        setCheckedAt(nowRef.current());
        setError("check", null);
      } catch (err) {
        // The last good analysis stays on screen; the error says why it is not fresh.
        if (mounted.current && seq === checkSeq.current) setError("check", errorText(err, "check the workbook"));
      } finally {
        if (mounted.current && seq === checkSeq.current) setChecking(false);
      }
    },
    [host, setError],
  );

  /** Runs a job that changes the workbook; change-triggered rechecks wait until it ends. */
  const exclusive = useCallback(
    async <T>(job: () => Promise<T>): Promise<T> => {
      busy.current++;
      try {
        return await job();
      } finally {
        busy.current--;
        if (busy.current === 0 && pendingRecheck.current && mounted.current) {
          pendingRecheck.current = false;
          void runCheck();
        }
      }
    },
    [runCheck],
  );

  const recheck = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (busy.current > 0) pendingRecheck.current = true;
      else void runCheck();
    }, debounceMs);
  }, [runCheck, debounceMs]);

  // Check on open, and subscribe to the host's change events where it has them.
  useEffect(() => {
    mounted.current = true;
    if (!host) return;
    void runCheck();
    const unsubscribe = host.onChanged?.(
      () => recheck(),
      (message) => setError("watch", message),
    );
    return () => {
      unsubscribe?.();
    };
  }, [host, runCheck, recheck, setError]);

  useEffect(
    () => () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const saveSettings = useCallback(
    async (settings: Settings): Promise<boolean> => {
      if (!host) return false;
      setSavingSettings(true);
      try {
        return await exclusive(async () => {
          await host.saveSettings(settings);
          setError("settings", null);
          // Checked with the saved values, so the overview never lags the save.
          await runCheck(settings);
          return true;
        });
      } catch (err) {
        setError("settings", errorText(err, "save the settings"));
        return false;
      } finally {
        if (mounted.current) setSavingSettings(false);
      }
    },
    [host, exclusive, runCheck, setError],
  );

  const buildSummaries = useCallback(async () => {
    if (!host || busy.current > 0) return;
    setBuilding(true);
    setBuildResult(null);
    setError("build", null);
    const onProgress = (phase: BuildPhase) => (p: Progress) => {
      if (mounted.current) setProgress({ phase, detail: p.step, fraction: p.fraction });
    };
    try {
      await exclusive(async () => {
        setProgress({ phase: "reading" });
        const generatedAt = nowRef.current();
        const fresh = await engineRef.current.check(
          host,
          { now: generatedAt },
          { onProgress: onProgress("reading"), onChecking: () => void (mounted.current && setProgress({ phase: "checking" })) },
        );
        const plan = await engineRef.current.summarise(fresh.analysis, generatedAt);
        if (mounted.current) {
          setCells(fresh.cells);
          setAnalysis(fresh.analysis);
          setCheckedAt(generatedAt);
        }
        setProgress({ phase: "writing" });
        const written = await host.writeSummaries(plan, onProgress("writing"));
        const allNotes = buildNotes(plan, written);
        if (mounted.current) {
          setBuildResult({ ...written, allNotes });
          setProgress({ phase: "done" });
        }
        // The workbook now has new sheets; read it again so the pane matches it.
        pendingRecheck.current = true;
      });
    } catch (err) {
      setError("build", errorText(err, "build the summary sheets"));
      if (mounted.current) setProgress(null);
    } finally {
      if (mounted.current) setBuilding(false);
    }
  }, [host, exclusive, setError]);

  const canInsertTemplate = Boolean(host?.insertTemplate);
  const insertTemplate = useCallback(
    async (kind: TemplateKind): Promise<string | null> => {
      if (!host?.insertTemplate) return null;
      try {
        return await exclusive(async () => {
          const name = await host.insertTemplate!(kind);
          setError("template", null);
          pendingRecheck.current = true;
          return name;
        });
      } catch (err) {
        setError("template", errorText(err, "insert the template sheet"));
        return null;
      }
    },
    [host, exclusive, setError],
  );

  const canGoToCell = canNavigate && Boolean(host?.goToCell);
  const goToCell = useCallback(
    async (sheet: string, cell: string) => {
      if (!host?.goToCell || !canNavigate) return;
      try {
        await host.goToCell(sheet, cell);
        setError("navigate", null);
      } catch (err) {
        setError("navigate", errorText(err, `go to cell ${cell} on sheet '${sheet}'`));
      }
    },
    [host, canNavigate, setError],
  );

  // Own properties only: a sheet may be called "constructor".
  const cellText = useCallback(
    (sheet: string, cell: string): string | null => (own(cells, sheet) && own(cells[sheet], cell) ? cells[sheet][cell] : null),
    [cells],
  );

  const dismissError = useCallback((area: ErrorArea) => setError(area, null), [setError]);
  const check = useCallback(() => runCheck(), [runCheck]);

  return {
    analysis,
    checking,
    checkedAt,
    building,
    progress,
    buildResult,
    savingSettings,
    errors,
    dismissError,
    canGoToCell,
    canInsertTemplate,
    check,
    recheck,
    saveSettings,
    buildSummaries,
    insertTemplate,
    goToCell,
    cellText,
  };
}

function own(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
