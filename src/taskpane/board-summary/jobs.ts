/**
 * Jobs that change the workbook (save settings, build, insert a template) run one at a
 * time; a recheck asked for meanwhile (by the host's change events, or by the job itself)
 * waits until the last one ends. Change events are debounced: a burst makes one check.
 */
import { useCallback, useEffect, useMemo, useRef, type MutableRefObject } from "react";

export interface Jobs {
  /** Runs a job that changes the workbook; change-triggered rechecks wait until it ends. */
  exclusive: <T>(job: () => Promise<T>) => Promise<T>;
  /** True while a job runs. */
  busy: () => boolean;
  /** Asks for a check once the running jobs end (the workbook has changed under them). */
  recheckAfter: () => void;
  /** Asks for a check after a quiet spell (call on every change; bursts make one check). */
  recheck: () => void;
}

export function useJobs(runCheck: () => Promise<void>, debounceMs: number, mounted: MutableRefObject<boolean>): Jobs {
  const running = useRef(0);
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const exclusive = useCallback(
    async <T>(job: () => Promise<T>): Promise<T> => {
      running.current++;
      try {
        return await job();
      } finally {
        running.current--;
        if (running.current === 0 && pending.current && mounted.current) {
          pending.current = false;
          void runCheck();
        }
      }
    },
    [runCheck, mounted],
  );

  const recheck = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (running.current > 0) pending.current = true;
      else void runCheck();
    }, debounceMs);
  }, [runCheck, debounceMs]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const busy = useCallback(() => running.current > 0, []);
  const recheckAfter = useCallback(() => {
    pending.current = true;
  }, []);
  return useMemo(() => ({ exclusive, busy, recheckAfter, recheck }), [exclusive, busy, recheckAfter, recheck]);
}
