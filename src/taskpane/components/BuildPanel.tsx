/**
 * The primary action: build the summary sheets, with step-by-step progress (reading,
 * checking, writing) and a result that links to the new sheets and gives the host's notes.
 */
import * as React from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { bannerText, type SeverityCounts } from "../../core/summary/summary-page";
import { BUILD_PHASES, type BuildPhase, type BuildProgress, type BuildResult } from "../useBoardSummary";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  current: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  primary: { maxWidth: "100%" },
  blocked: { margin: 0, color: tokens.colorStatusWarningForeground3 },
  notFinal: { fontWeight: tokens.fontWeightSemibold },
});

const PHASE_TEXT: Record<BuildPhase, string> = {
  reading: "Reading the workbook",
  checking: "Checking the sheets",
  writing: "Writing the summary sheets",
};

export interface BuildPanelProps {
  building: boolean;
  disabled: boolean;
  progress: BuildProgress | null;
  result: BuildResult | null;
  canGoToCell: boolean;
  onBuild: () => void;
  onGoToSheet: (sheet: string) => void;
  /** Why Build cannot run now (settings typed and not saved); null where it can. */
  blockedReason?: string | null;
  /**
   * The findings of the check the summaries are (or would be) built from: errors make the
   * figures not final, said here in the words the summary sheets' banner uses
   * (board-pages.md §2), before and after a build.
   */
  counts?: SeverityCounts;
  /** Beside the build button: the page's download. */
  children?: React.ReactNode;
}

export function BuildPanel({ building, disabled, progress, result, canGoToCell, onBuild, onGoToSheet, blockedReason = null, counts, children }: BuildPanelProps) {
  const s = useStyles();
  const reasonId = React.useId();
  const banner = counts ? bannerText(counts) : null;
  const notFinal = banner?.kind === "errors";
  const index = progress ? (progress.phase === "done" ? BUILD_PHASES.length : BUILD_PHASES.indexOf(progress.phase)) : -1;
  const announce =
    progress && progress.phase !== "done"
      ? `Step ${index + 1} of ${BUILD_PHASES.length}: ${PHASE_TEXT[progress.phase]}${progress.detail ? ` (${progress.detail})` : ""}.`
      : "";

  return (
    <section aria-labelledby="build-heading" className={s.panel}>
      <h2 id="build-heading">Summary sheets</h2>
      <p style={{ margin: 0 }}>
        Writes a summary for each kind of sheet the workbook holds (Recovery, Directions, Action Plan, Risk) and Data Checks always. Your own sheets are never changed.
      </p>
      <div className={s.actions}>
        <Button
          appearance="primary"
          className={s.primary}
          onClick={onBuild}
          // Still focusable while blocked, so the keyboard reaches it and hears why.
          disabledFocusable={disabled || building || blockedReason !== null}
          aria-describedby={blockedReason !== null ? reasonId : undefined}
        >
          {building ? "Building summary sheets..." : "Build summary sheets"}
        </Button>
        {children}
      </div>
      {blockedReason !== null && (
        <p id={reasonId} className={s.blocked}>
          {blockedReason}
        </p>
      )}

      {banner && !result && (
        // Before a build: what the summaries will open with.
        <MessageBar intent={notFinal ? "warning" : "info"} layout="multiline" data-testid="not-final">
          <MessageBarBody>{banner.text}</MessageBarBody>
        </MessageBar>
      )}

      {progress && progress.phase !== "done" && (
        <>
          <ol className={s.steps} aria-label="Build progress">
            {BUILD_PHASES.map((p, i) => (
              <li key={p} className={i === index ? s.current : undefined} aria-current={i === index ? "step" : undefined}>
                {PHASE_TEXT[p]}
                {i < index ? " - done" : i === index ? " - in progress" : ""}
              </li>
            ))}
          </ol>
          <ProgressBar
            aria-label="Build progress"
            value={progress.phase === "writing" && progress.fraction !== undefined ? progress.fraction : undefined}
          />
        </>
      )}
      <div role="status" aria-live="polite">
        {announce}
      </div>

      <div aria-live="polite">
        {result && (
          <MessageBar intent={notFinal ? "warning" : "success"} layout="multiline" data-testid="build-result">
            <MessageBarBody>
              <MessageBarTitle>{notFinal ? "Summary sheets built: not final" : "Summary sheets built"}</MessageBarTitle>
              {banner && (
                <p className={notFinal ? s.notFinal : undefined} style={{ margin: 0 }}>
                  {banner.text}
                </p>
              )}
              <ul className={s.list} aria-label="Sheets written">
                {result.written.map((w) =>
                  canGoToCell ? (
                    <li key={w.id}>
                      <Link as="button" onClick={() => onGoToSheet(w.name)}>
                        {w.name}
                      </Link>
                    </li>
                  ) : (
                    <li key={w.id}>{w.name}</li>
                  ),
                )}
              </ul>
              {result.allNotes.length > 0 && (
                <ul className={s.list} aria-label="Notes">
                  {result.allNotes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
