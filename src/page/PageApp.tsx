/**
 * The browser page: pick or drop an .xlsx file (or try the sample board pack), then the
 * task pane's own App (mode "page") checks it and builds its summary sheets; the built
 * workbook is offered as a download. Blank templates and the command line are offered
 * from the page too. The file is read in this page (a worker) and never leaves the computer.
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
  typographyStyles,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { errorText } from "../taskpane/messages";
import { BlankTemplates } from "./BlankTemplates";
import { useBuiltWorkbook, type Built } from "./built-workbook";
import { CommandLineHelp } from "./CommandLineHelp";
import { downloadBytes, fileSize, summaryFileName } from "./download";
import { FilePicker } from "./FilePicker";
import { usePageDrop, useOpenWorkbook, type OpenWorkbook } from "./open-workbook";
import type { MakeTemplate } from "./protocol";

const useStyles = makeStyles({
  page: {
    boxSizing: "border-box",
    maxWidth: "75rem",
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
  title: { ...typographyStyles.title3, margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  start: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  text: { margin: 0 },
  /** Templates and the command line: after the workbook's view, in columns where there is room. */
  more: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))",
    gap: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
    "& h2": { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  },
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

export interface PageAppProps {
  openWorkbook: OpenWorkbook;
  /** Blank templates, made by the command line's template writer (in a worker). */
  makeTemplate: MakeTemplate;
  /** The bundled sample board pack. */
  fetchSample: () => Promise<File>;
}

export function PageApp({ openWorkbook, makeTemplate, fetchSample }: PageAppProps) {
  const s = useStyles();
  const { state, error, note, announce, setAnnounce, openFiles } = useOpenWorkbook(openWorkbook);
  const host = state.kind === "open" ? state.host : null;
  const { built, downloadRef } = useBuiltWorkbook(host, setAnnounce);
  const [sampleProblem, setSampleProblem] = React.useState<string | null>(null);
  usePageDrop(openFiles, state.kind !== "opening");

  const opening = state.kind === "opening";
  const outName = host ? summaryFileName(host.fileName) : "";

  const trySample = async () => {
    setSampleProblem(null);
    try {
      await openFiles([await fetchSample()]);
    } catch (e) {
      setSampleProblem(errorText(e, "open the sample board pack"));
    }
  };

  const more = (
    <>
      <BlankTemplates makeTemplate={makeTemplate} />
      <CommandLineHelp />
    </>
  );

  return (
    <div className={s.page}>
      <header className={s.banner}>
        <h1 className={s.title}>Board Summary</h1>
        <p className={s.muted}>
          Checks recovery actions, directions, action plans and risk registers against the standard templates, and
          builds the summary sheets for the board. Your workbook stays on this computer: it is read and written in this page, and nothing is uploaded.
        </p>
        <section aria-label="Workbook file" className={s.file}>
          {host && state.kind === "open" && (
            <p className={s.text} data-testid="open-file">
              Open: <strong>{host.fileName}</strong> ({fileSize(state.size)})
            </p>
          )}
          <div className={s.start}>
            <FilePicker
              onFiles={(f) => void openFiles(f)}
              disabled={opening}
              large={!host}
              label={host ? "Open another workbook" : "Choose a workbook"}
            />
            {!host && (
              <p className={s.text}>
                <Button onClick={() => void trySample()} disabledFocusable={opening}>
                  Try the sample board pack
                </Button>{" "}
                <span className={s.muted}>(built from Midlothian&apos;s public board papers)</span>
              </p>
            )}
          </div>
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
          {sampleProblem && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>{sampleProblem}</MessageBarBody>
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
      {host ? (
        <>
          <App
            key={state.kind === "open" ? state.key : 0}
            host={host}
            mode="page"
            options={{ engine: host.engine }}
            buildExtra={<DownloadPart built={built} outName={outName} buttonRef={downloadRef} />}
          />
          <aside className={s.more} aria-label="Blank templates and the command line">
            {more}
          </aside>
        </>
      ) : (
        <main className={s.more}>{more}</main>
      )}
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
