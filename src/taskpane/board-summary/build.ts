/**
 * Building the summary sheets: read and check afresh, plan the sheets, write them, with
 * step-by-step progress (reading, checking, writing) and the plan's and host's notes.
 */
import { useCallback, useState, type MutableRefObject } from "react";
import { buildNotes } from "../../core/summary/notes";
import type { Progress, WorkbookHost, WriteResult } from "../../hosts/host";
import type { Checked, EnginePort } from "../checking";
import { errorText } from "../messages";
import type { ErrorArea } from "./errors";
import type { Jobs } from "./jobs";

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

export interface BuildDeps {
  host: WorkbookHost | null;
  engine: MutableRefObject<EnginePort>;
  now: MutableRefObject<() => Date>;
  mounted: MutableRefObject<boolean>;
  jobs: Jobs;
  show: (checked: Checked, at: Date) => void;
  setError: (area: ErrorArea, message: string | null) => void;
}

export function useBuild({ host, engine, now, mounted, jobs, show, setError }: BuildDeps) {
  const [building, setBuilding] = useState(false);
  const [progress, setProgress] = useState<BuildProgress | null>(null);
  const [buildResult, setBuildResult] = useState<BuildResult | null>(null);

  const buildSummaries = useCallback(async () => {
    if (!host || jobs.busy()) return;
    const report = (p: BuildProgress | null) => {
      if (mounted.current) setProgress(p);
    };
    const onProgress = (phase: BuildPhase) => (p: Progress) => {
      report({ phase, detail: p.step, fraction: p.fraction });
    };
    setBuilding(true);
    setBuildResult(null);
    setError("build", null);
    try {
      await jobs.exclusive(async () => {
        report({ phase: "reading" });
        const generatedAt = now.current();
        const fresh = await engine.current.check(
          host,
          { now: generatedAt },
          { onProgress: onProgress("reading"), onChecking: () => { report({ phase: "checking" }); } },
        );
        const plan = await engine.current.summarise(fresh.analysis, generatedAt);
        show(fresh, generatedAt);
        report({ phase: "writing" });
        const written = await host.writeSummaries(plan, onProgress("writing"));
        if (mounted.current) setBuildResult({ ...written, allNotes: buildNotes(plan, written) });
        report({ phase: "done" });
        // The workbook now has new sheets; read it again so the pane matches it.
        jobs.recheckAfter();
      });
    } catch (err) {
      setError("build", errorText(err, "build the summary sheets"));
      report(null);
    } finally {
      if (mounted.current) setBuilding(false);
    }
  }, [host, engine, now, mounted, jobs, show, setError]);

  return { building, progress, buildResult, buildSummaries };
}
