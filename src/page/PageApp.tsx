/**
 * The browser page: pick or drop an .xlsx file, then the task pane's own App (mode "page")
 * checks it and builds its summary sheets; the built workbook is offered as a download.
 * The file is read in this page (a worker) and never leaves the computer.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { useBuiltWorkbook, type Built } from "./built-workbook";
import { downloadBytes, fileSize, summaryFileName } from "./download";
import { FilePicker } from "./FilePicker";
import { usePageDrop, useOpenWorkbook, type OpenWorkbook } from "./open-workbook";

const useStyles = makeStyles({
  page: {
    boxSizing: "border-box",
    maxWidth: "60rem",
    margin: "0 auto",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  banner: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  brand: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  /** Read out by screen readers, not shown: the visible page already says the same. */
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export function PageApp({ openWorkbook }: { openWorkbook: OpenWorkbook }) {
  const s = useStyles();
  const { state, error, note, announce, setAnnounce, openFiles } = useOpenWorkbook(openWorkbook);
  const host = state.kind === "open" ? state.host : null;
  const { built, downloadRef } = useBuiltWorkbook(host, setAnnounce);
  usePageDrop(openFiles, state.kind !== "opening");

  const opening = state.kind === "opening";
  const outName = host ? summaryFileName(host.fileName) : "";

  return (
    <div className={s.page}>
      <header className={s.banner}>
        <p className={s.brand}>Board Summary for Excel workbooks</p>
        <p className={s.muted}>
          Checks recovery-action and directions sheets against the standard templates and builds the summary sheets. Your
          workbook stays on this computer: it is read and written in this page, and nothing is uploaded.
        </p>
        <section aria-label="Workbook file" className={s.file}>
          {host && state.kind === "open" && (
            <p className={s.text} data-testid="open-file">
              Open: <strong>{host.fileName}</strong> ({fileSize(state.size)})
            </p>
          )}
          <FilePicker
            onFiles={(f) => void openFiles(f)}
            disabled={opening}
            large={!host}
            label={host ? "Open another workbook" : "Choose a workbook"}
          />
          {opening && (
            <Spinner
              size="small"
              labelPosition="after"
              label={`Opening ${state.fileName} (${fileSize(state.size)})${state.step ? `: ${state.step}` : ""}...`}
            />
          )}
          {error && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{error.title}</MessageBarTitle>
                {error.message}
              </MessageBarBody>
            </MessageBar>
          )}
          {note && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          )}
        </section>
        <div role="status" aria-live="polite" className={s.srOnly}>
          {announce}
        </div>
      </header>
      <App
        key={state.kind === "open" ? state.key : 0}
        host={host}
        mode="page"
        options={host ? { engine: host.engine } : undefined}
        buildExtra={host && <DownloadPart built={built} outName={outName} buttonRef={downloadRef} />}
      />
    </div>
  );
}

/** Beside the build button: the download once built, else what to do to get one. */
function DownloadPart({ built, outName, buttonRef }: { built: Built | null; outName: string; buttonRef: React.Ref<HTMLButtonElement> }) {
  const s = useStyles();
  if (!built) return <span className={s.muted}>Then download {outName}.</span>;
  if (built.stale) {
    return <span className={s.muted}>The settings changed after the summary sheets were built: build them again to download.</span>;
  }
  return (
    <>
      <Button ref={buttonRef} onClick={() => downloadBytes(built.bytes, outName)}>
        {`Download ${outName}`}
      </Button>
      <span className={s.muted}>
        Your workbook with its summary sheets; the file you opened is not changed.
      </span>
    </>
  );
}
