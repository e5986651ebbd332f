/**
 * The task pane (and, with mode "page", the browser page's view of a workbook). The host
 * and its capabilities come in as props; every host and engine call is in useBoardSummary.
 */
import * as React from "react";
import { Button, Link, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../hosts/host";
import { BuildPanel } from "./components/BuildPanel";
import { severityCounts } from "../core/summary/context";
import { ErrorBar } from "./components/ErrorBar";
import { Findings } from "./components/Findings";
import { Overview } from "./components/Overview";
import { SettingsForm } from "./components/SettingsForm";
import { TemplatePanel } from "./components/TemplatePanel";
import { useBoardSummary, type BoardSummaryOptions, type ChangeAwareHost } from "./useBoardSummary";
import { useRibbonBuild } from "./ribbon-build";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    "& h1": { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
    "& h2": {
      fontSize: tokens.fontSizeBase400,
      fontWeight: tokens.fontWeightSemibold,
      margin: `0 0 ${tokens.spacingVerticalS} 0`,
    },
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  // Settings, then Build: side by side where there is room (the page), one under the other in the pane.
  settingsAndBuild: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))",
    alignItems: "start",
    gap: tokens.spacingHorizontalXXL,
  },
  status: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  host: WorkbookHost | null;
  mode?: "excel" | "page";
  /** For the page and tests: another engine, clock or debounce. */
  options?: BoardSummaryOptions;
  /** Shown beside the build button (the page's download). */
  buildExtra?: React.ReactNode;
}

export function App({ host, mode = "excel", options, buildExtra }: AppProps) {
  if (!host) return <NoWorkbook mode={mode} />;
  return <Pane host={host} mode={mode} options={options} buildExtra={buildExtra} />;
}

function Pane({ host, mode, options, buildExtra }: Omit<AppProps, "host" | "mode"> & { host: ChangeAwareHost; mode: "excel" | "page" }) {
  const s = useStyles();
  // The page has no Excel grid to jump to, whatever the host offers.
  const bs = useBoardSummary(host, { ...options, canNavigate: mode === "excel" });
  // The ribbon's Build summary runs here, with this pane's progress and result.
  useRibbonBuild(bs.buildSummaries, mode === "excel");
  const { analysis, errors } = bs;
  const busy = bs.building || bs.savingSettings;
  const goToSheet = (sheet: string) => void bs.goToCell(sheet, "A1");
  // Settings typed and not saved: Build waits, so it never uses settings other than those shown.
  const [settingsDirty, setSettingsDirty] = React.useState(false);

  return (
    <main className={s.root} aria-busy={bs.checking || busy}>
      {/* The page has its own title above (one title a page), and its file never changes underneath it. */}
      {mode === "excel" && (
        <header className={s.header}>
          <h1>Board Summary</h1>
          <Button size="small" onClick={() => void bs.check()} disabledFocusable={bs.checking || busy}>
            Check again
          </Button>
        </header>
      )}
      <p className={s.status} role="status" aria-live="polite">
        {bs.checking
          ? "Checking the workbook..."
          : bs.checkedAt
            ? `Checked at ${bs.checkedAt.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}.`
            : ""}
      </p>

      {errors.check && (
        <ErrorBar title="The workbook could not be checked" message={errors.check} onDismiss={() => bs.dismissError("check")} />
      )}
      {errors.watch && (
        <ErrorBar title="Changes are not being watched" message={errors.watch} onDismiss={() => bs.dismissError("watch")} />
      )}
      {errors.navigate && (
        <ErrorBar title="Could not go to that cell" message={errors.navigate} onDismiss={() => bs.dismissError("navigate")} />
      )}
      {analysis?.notes.map((n) => <ErrorNote key={n} text={n} />)}

      {!analysis && bs.checking && <Spinner size="small" label="Reading the workbook..." />}

      {analysis && <Overview analysis={analysis} />}

      <div className={s.settingsAndBuild}>
        {analysis && (
          <div>
            <SettingsForm settings={analysis.settings} saving={bs.savingSettings} onSave={bs.saveSettings} onDirtyChange={setSettingsDirty} />
            {errors.settings && (
              <ErrorBar title="The settings were not saved" message={errors.settings} onDismiss={() => bs.dismissError("settings")} />
            )}
          </div>
        )}
        <div>
          <BuildPanel
            building={bs.building}
            disabled={busy}
            progress={bs.progress}
            result={bs.buildResult}
            canGoToCell={bs.canGoToCell}
            onBuild={() => void bs.buildSummaries()}
            onGoToSheet={goToSheet}
            blockedReason={settingsDirty ? UNSAVED_SETTINGS : null}
            counts={analysis ? severityCounts(analysis) : undefined}
          >
            {buildExtra}
          </BuildPanel>
          {errors.build && (
            <ErrorBar title="The summary sheets were not built" message={errors.build} onDismiss={() => bs.dismissError("build")} />
          )}
        </div>
      </div>

      {analysis && (
        <Findings
          findings={analysis.findings}
          stats={analysis.stats}
          canGoToCell={bs.canGoToCell}
          onGoToCell={(sheet, cell) => void bs.goToCell(sheet, cell)}
          cellText={bs.cellText}
        />
      )}

      {bs.canInsertTemplate && (
        <div>
          <TemplatePanel disabled={busy} canGoToCell={bs.canGoToCell} onInsert={bs.insertTemplate} onGoToSheet={goToSheet} />
          {errors.template && (
            <ErrorBar title="The template sheet was not added" message={errors.template} onDismiss={() => bs.dismissError("template")} />
          )}
        </div>
      )}
    </main>
  );
}

const UNSAVED_SETTINGS =
  "Save or undo the settings you changed first: the summary sheets are built with the saved settings, so they match what the form shows.";

/** A note about the run itself (e.g. saved settings that could not be read). */
function ErrorNote({ text }: { text: string }) {
  return <ErrorBar intent="warning" title="Note" message={text} />;
}

/** Without a workbook: in Excel's absence, say plainly where this runs and what else does the same. */
function NoWorkbook({ mode }: { mode: "excel" | "page" }) {
  const s = useStyles();
  return (
    <main className={s.root}>
      {mode === "excel" && <h1>Board Summary</h1>}
      {mode === "excel" ? (
        <>
          <p>
            Board Summary runs inside Excel. Open a workbook in Excel (desktop, Mac or Excel on the web) and start Board
            Summary from the Home tab to check it.
          </p>
          <p>
            If your Excel cannot load add-ins,{" "}
            {/* The page is served beside this pane (dist/index.html); the command line's instructions are on it. */}
            <Link href="index.html" target="_blank" rel="noopener">
              the Board Summary page in your web browser
            </Link>
            , or{" "}
            <Link href="index.html#command-line" target="_blank" rel="noopener">
              the board-summary command line
            </Link>
            , does the same checks and builds the same summary sheets from an .xlsx file.
          </p>
        </>
      ) : (
        <p>Choose an Excel workbook (.xlsx) to check it and build its summary sheets.</p>
      )}
    </main>
  );
}
