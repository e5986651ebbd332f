/**
 * The pane's other changes to the workbook and its grid: saving settings (then checking
 * with them, so the overview never lags the save), inserting a template sheet, going to a
 * finding's cell. Each failure is kept beside what failed.
 */
import { useCallback, useMemo, useState, type MutableRefObject } from "react";
import type { Settings } from "../../core/settings";
import type { TemplateKind } from "../../core/templates/template-model";
import type { WorkbookHost } from "../../hosts/host";
import { errorText } from "../messages";
import type { ErrorArea } from "./errors";
import type { Jobs } from "./jobs";

export interface EditDeps {
  host: WorkbookHost | null;
  mounted: MutableRefObject<boolean>;
  jobs: Jobs;
  runCheck: (overrides?: Settings) => Promise<void>;
  setError: (area: ErrorArea, message: string | null) => void;
}

export function useSaveSettings({ host, mounted, jobs, runCheck, setError }: EditDeps) {
  const [savingSettings, setSavingSettings] = useState(false);
  const saveSettings = useCallback(
    async (settings: Settings): Promise<boolean> => {
      if (!host) return false;
      setSavingSettings(true);
      try {
        return await jobs.exclusive(async () => {
          await host.saveSettings(settings);
          setError("settings", null);
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
    [host, mounted, jobs, runCheck, setError],
  );
  return { savingSettings, saveSettings };
}

export function useInsertTemplate({ host, jobs, setError }: Pick<EditDeps, "host" | "jobs" | "setError">) {
  const insert = useMemo(() => host?.insertTemplate?.bind(host), [host]);
  const insertTemplate = useCallback(
    async (kind: TemplateKind): Promise<string | null> => {
      if (!insert) return null;
      try {
        return await jobs.exclusive(async () => {
          const name = await insert(kind);
          setError("template", null);
          jobs.recheckAfter();
          return name;
        });
      } catch (err) {
        setError("template", errorText(err, "insert the template sheet"));
        return null;
      }
    },
    [insert, jobs, setError],
  );
  return { canInsertTemplate: insert !== undefined, insertTemplate };
}

export function useGoToCell({ host, setError }: Pick<EditDeps, "host" | "setError">, canNavigate: boolean) {
  const go = useMemo(() => (canNavigate ? host?.goToCell?.bind(host) : undefined), [host, canNavigate]);
  const goToCell = useCallback(
    async (sheet: string, cell: string) => {
      if (!go) return;
      try {
        await go(sheet, cell);
        setError("navigate", null);
      } catch (err) {
        setError("navigate", errorText(err, `go to cell ${cell} on sheet '${sheet}'`));
      }
    },
    [go, setError],
  );
  return { canGoToCell: go !== undefined, goToCell };
}
