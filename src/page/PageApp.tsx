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
import type { ProgressListener, WorkbookHost, WriteResult } from "../hosts/host";
import type { EnginePort } from "../taskpane/checking";
import { App } from "../taskpane/App";
import { errorText } from "../taskpane/messages";
import { downloadBytes, fileSize, summaryFileName } from "./download";
import { FilePicker } from "./FilePicker";

/** A host for one opened file, with what the page needs beyond WorkbookHost. */
export interface PageHost extends WorkbookHost {
  readonly fileName: string;
  /** The engine beside the workbook (in the worker), so the page's thread never runs it. */
  readonly engine: EnginePort;
  onBuilt(listener: (bytes: Uint8Array, result: WriteResult) => void): () => void;
  onSettingsSaved(listener: () => void): () => void;
  dispose(): void;
}

/** Opens a file's bytes; rejects with a HostError that says why it cannot be read. */
export type OpenWorkbook = (bytes: Uint8Array, fileName: string, onProgress?: ProgressListener) => Promise<PageHost>;

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

type State =
  | { kind: "empty" }
  | { kind: "opening"; fileName: string; size: number; step?: string }
  | { kind: "open"; host: PageHost; size: number; key: number };

interface Built {
  bytes: Uint8Array;
  /** Settings were saved after this build, so it no longer matches them. */
  stale: boolean;
}

export function PageApp({ openWorkbook }: { openWorkbook: OpenWorkbook }) {
  const s = useStyles();
  const [state, setState] = React.useState<State>({ kind: "empty" });
  const [error, setError] = React.useState<{ title: string; message: string } | null>(null);
  const [note, setNote] = React.useState<string | null>(null);
  const [built, setBuilt] = React.useState<Built | null>(null);
  const [announce, setAnnounce] = React.useState("");
  const downloadRef = React.useRef<HTMLButtonElement>(null);
  const pickerRef = React.useRef<HTMLButtonElement>(null);
  const hostRef = React.useRef<PageHost | null>(null);
  const openSeq = React.useRef(0);
  const focusDownload = React.useRef(false);

  const openFiles = React.useCallback(
    async (files: File[]) => {
      const file = files[0];
      if (!file) return;
      const seq = ++openSeq.current;
      hostRef.current?.dispose();
      hostRef.current = null;
      setError(null);
      setBuilt(null);
      setNote(files.length > 1 ? `Only ${file.name} was opened: Board Summary checks one workbook at a time.` : null);
      setState({ kind: "opening", fileName: file.name, size: file.size });
      setAnnounce(`Opening ${file.name}.`);
      try {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await file.arrayBuffer());
        } catch (e) {
          throw new Error(`${file.name} could not be read from your computer (${e instanceof Error ? e.message : String(e)}). Check that it is still there and not open elsewhere.`);
        }
        const host = await openWorkbook(bytes, file.name, (p) => {
          if (seq === openSeq.current) setState({ kind: "opening", fileName: file.name, size: file.size, step: p.step });
        });
        if (seq !== openSeq.current) {
          host.dispose();
          return;
        }
        hostRef.current = host;
        setState({ kind: "open", host, size: file.size, key: seq });
        setAnnounce(`${file.name} is open.`);
      } catch (e) {
        if (seq !== openSeq.current) return;
        setState({ kind: "empty" });
        setError({ title: `${file.name} could not be opened`, message: errorText(e, `open ${file.name}`) });
        setAnnounce("");
      }
    },
    [openWorkbook],
  );

  // The built workbook, offered as a download; a settings save makes it out of date.
  const host = state.kind === "open" ? state.host : null;
  React.useEffect(() => {
    if (!host) return;
    const offBuilt = host.onBuilt((bytes, result) => {
      focusDownload.current = true;
      setBuilt({ bytes, stale: false });
      setAnnounce(`Summary sheets built. ${summaryFileName(host.fileName)} is ready to download.`);
    });
    const offSaved = host.onSettingsSaved(() => setBuilt((b) => (b ? { ...b, stale: true } : b)));
    return () => {
      offBuilt();
      offSaved();
    };
  }, [host]);

  // The next step after a build is the download: take the keyboard there.
  React.useEffect(() => {
    if (built && focusDownload.current) {
      focusDownload.current = false;
      downloadRef.current?.focus();
    }
  }, [built]);

  // A workbook dropped anywhere on the page is opened, never navigated to.
  React.useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
      if (files.length && state.kind !== "opening") void openFiles(files);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [openFiles, state.kind]);

  React.useEffect(() => () => hostRef.current?.dispose(), []);

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
            buttonRef={pickerRef}
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
