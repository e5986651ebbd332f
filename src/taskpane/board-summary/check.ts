/**
 * Reading and checking the workbook: the analysis on screen, when it was checked, and what
 * the findings' cells show. Only the latest of overlapping checks is shown; a failed check
 * keeps the last good analysis on screen, with the error saying why it is not fresh.
 */
import { useCallback, useRef, useState, type MutableRefObject } from "react";
import type { Analysis } from "../../core/analysis";
import type { Settings } from "../../core/settings";
import type { WorkbookHost } from "../../hosts/host";
import type { CellTexts, Checked, EnginePort } from "../checking";
import { errorText } from "../messages";
import type { ErrorArea } from "./errors";

export interface CheckState {
  analysis: Analysis | null;
  cells: CellTexts;
  checking: boolean;
  checkedAt: Date | null;
  /** Reads and analyses now, optionally with unsaved settings. */
  runCheck: (overrides?: Settings) => Promise<void>;
  /** Shows a check made elsewhere (a build reads and checks afresh). */
  show: (checked: Checked, at: Date) => void;
}

export interface CheckDeps {
  host: WorkbookHost | null;
  engine: MutableRefObject<EnginePort>;
  now: MutableRefObject<() => Date>;
  mounted: MutableRefObject<boolean>;
  setError: (area: ErrorArea, message: string | null) => void;
}

export function useCheck({ host, engine, now, mounted, setError }: CheckDeps): CheckState {
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [cells, setCells] = useState<CellTexts>({});
  const [checking, setChecking] = useState(false);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const seq = useRef(0);

  const show = useCallback(
    (checked: Checked, at: Date) => {
      if (!mounted.current) return;
      setCells(checked.cells);
      setAnalysis(checked.analysis);
      setCheckedAt(at);
    },
    [mounted],
  );

  const runCheck = useCallback(
    async (overrides?: Settings) => {
      if (!host) return;
      const mine = ++seq.current;
      const isLatest = () => mounted.current && mine === seq.current;
      setChecking(true);
      try {
        const result = await engine.current.check(host, { now: now.current(), ...(overrides ? { overrides } : {}) });
        if (!isLatest()) return;
        show(result, now.current());
        setError("check", null);
      } catch (err) {
        if (isLatest()) setError("check", errorText(err, "check the workbook"));
      } finally {
        if (isLatest()) setChecking(false);
      }
    },
    [host, engine, now, mounted, seq, show, setError],
  );

  return { analysis, cells, checking, checkedAt, runCheck, show };
}
