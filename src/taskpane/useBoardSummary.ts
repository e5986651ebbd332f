/**
 * Every call to the host and the engine the pane makes, in one hook (the Script Lab
 * pattern): components get state and actions, never the host itself. The same hook
 * serves Excel and the browser page; what a host can do (goToCell, insertTemplate) is
 * reported as capabilities. Each responsibility is a hook of its own in board-summary/:
 * checking (check.ts), one workbook job at a time and debounced rechecks (jobs.ts),
 * building (build.ts), settings, templates and navigation (workbook-edits.ts), errors.
 */
import { useCallback, useEffect } from "react";
import type { Analysis } from "../core/analysis";
import type { Settings } from "../core/settings";
import type { TemplateKind } from "../core/templates/template-model";
import type { WorkbookHost } from "../hosts/host";
import { useBuild, type BuildProgress, type BuildResult } from "./board-summary/build";
import { useCheck } from "./board-summary/check";
import { useErrors, type ErrorArea } from "./board-summary/errors";
import { useJobs } from "./board-summary/jobs";
import { useLatest, useMounted } from "./board-summary/mounted";
import { useGoToCell, useInsertTemplate, useSaveSettings } from "./board-summary/workbook-edits";
import { localEngine, type EnginePort } from "./checking";

export { BUILD_PHASES, type BuildPhase, type BuildProgress, type BuildResult } from "./board-summary/build";

/**
 * A host that can say when the workbook changed (Excel: worksheet added/changed events).
 * Optional and additive: a host without it is rechecked only when the user asks.
 */
export type ChangeAwareHost = WorkbookHost & {
  /** `onProblem` is told, in words to show, when the host cannot watch for changes. */
  onChanged?(listener: () => void, onProblem?: (message: string) => void): () => void;
};

export interface BoardSummaryOptions {
  /** Where the engine runs: here by default; the page's worker supplies its own. */
  engine?: EnginePort;
  /** The clock (as-at "today" and "generated at"). */
  now?: () => Date;
  /** Quiet time before a change-triggered recheck runs. */
  debounceMs?: number;
  /** False where there is no grid to go to (the page), whatever the host offers. */
  canNavigate?: boolean;
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
  dismissError: (area: ErrorArea) => void;
  canGoToCell: boolean;
  canInsertTemplate: boolean;
  /** Reads and checks now. */
  check: () => Promise<void>;
  /** Asks for a check after a quiet spell (call on every change; bursts make one check). */
  recheck: () => void;
  /** Saves settings in the workbook; false (with errors.settings) where it failed. */
  saveSettings: (settings: Settings) => Promise<boolean>;
  buildSummaries: () => Promise<void>;
  /** The new sheet's name, or null where it failed. */
  insertTemplate: (kind: TemplateKind) => Promise<string | null>;
  goToCell: (sheet: string, cell: string) => Promise<void>;
  /** What a finding's cell shows, from the last check ("" for blank); null where it is not known. */
  cellText: (sheet: string, cell: string) => string | null;
}

const defaultNow = () => new Date();

export function useBoardSummary(
  host: ChangeAwareHost | null,
  { engine = localEngine, now = defaultNow, debounceMs = 600, canNavigate = true }: BoardSummaryOptions = {},
): BoardSummary {
  const mounted = useMounted();
  const engineRef = useLatest(engine);
  const nowRef = useLatest(now);
  const { errors, setError } = useErrors(mounted);
  const checked = useCheck({ host, engine: engineRef, now: nowRef, mounted, setError });
  const { runCheck, cells } = checked;
  const check = useCallback(() => runCheck(), [runCheck]);
  const jobs = useJobs(check, debounceMs, mounted);
  const build = useBuild({ host, engine: engineRef, now: nowRef, mounted, jobs, show: checked.show, setError });
  const settings = useSaveSettings({ host, mounted, jobs, runCheck, setError });
  const template = useInsertTemplate({ host, jobs, setError });
  const navigation = useGoToCell({ host, setError }, canNavigate);

  // Check on open, and subscribe to the host's change events where it has them.
  const { recheck } = jobs;
  useEffect(() => {
    if (!host) return;
    void check();
    const unsubscribe = host.onChanged?.(
      () => {
        recheck();
      },
      (message) => {
        setError("watch", message);
      },
    );
    return () => {
      unsubscribe?.();
    };
  }, [host, check, recheck, setError]);

  // Own properties only: a sheet may be called "constructor".
  const cellText = useCallback(
    (sheet: string, cell: string): string | null => (own(cells, sheet) && own(cells[sheet], cell) ? cells[sheet][cell] : null),
    [cells],
  );
  const dismissError = useCallback((area: ErrorArea) => {
    setError(area, null);
  }, [setError]);

  return {
    analysis: checked.analysis,
    checking: checked.checking,
    checkedAt: checked.checkedAt,
    ...build,
    ...settings,
    ...template,
    ...navigation,
    errors,
    dismissError,
    check,
    recheck,
    cellText,
  };
}

function own(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}
