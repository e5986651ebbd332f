/**
 * Opening a chosen or dropped file: one at a time (a later choice wins over one still
 * opening), its reading steps shown, and a file that cannot be opened explained. The host
 * of the file last opened is disposed of when another is opened or the page goes.
 */
import * as React from "react";
import type { WorkbookHost, ProgressListener, WriteResult } from "../hosts/host";
import type { EnginePort } from "../taskpane/checking";
import { errorText } from "../taskpane/messages";

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

type OpenState =
  | { kind: "empty" }
  | { kind: "opening"; fileName: string; size: number; step?: string }
  | { kind: "open"; host: PageHost; size: number; key: number };

export interface OpenedWorkbook {
  state: OpenState;
  error: { title: string; message: string } | null;
  /** Said when more than one file was given. */
  note: string | null;
  /** For screen readers: what just happened. */
  announce: string;
  setAnnounce: (text: string) => void;
  openFiles: (files: File[]) => Promise<void>;
}

async function readBytes(file: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    throw new Error(
      `${file.name} could not be read from your computer (${e instanceof Error ? e.message : String(e)}). Check that it is still there and not open elsewhere.`,
      { cause: e },
    );
  }
}

export function useOpenWorkbook(openWorkbook: OpenWorkbook): OpenedWorkbook {
  const [state, setState] = React.useState<OpenState>({ kind: "empty" });
  const [error, setError] = React.useState<OpenedWorkbook["error"]>(null);
  const [note, setNote] = React.useState<string | null>(null);
  const [announce, setAnnounce] = React.useState("");
  const hostRef = React.useRef<PageHost | null>(null);
  const openSeq = React.useRef(0);

  const openFiles = React.useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const file = files[0];
      const seq = ++openSeq.current;
      hostRef.current?.dispose();
      hostRef.current = null;
      setError(null);
      setNote(files.length > 1 ? `Only ${file.name} was opened: Board Summary checks one workbook at a time.` : null);
      setState({ kind: "opening", fileName: file.name, size: file.size });
      setAnnounce(`Opening ${file.name}.`);
      try {
        const bytes = await readBytes(file);
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

  React.useEffect(
    () => () => {
      hostRef.current?.dispose();
    },
    [],
  );

  return { state, error, note, announce, setAnnounce, openFiles };
}

/** A workbook dropped anywhere on the page is opened, never navigated to. */
export function usePageDrop(openFiles: (files: File[]) => Promise<void>, accepting: boolean): void {
  React.useEffect(() => {
    const over = (e: DragEvent) => {
      e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
      if (files.length && accepting) void openFiles(files);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [openFiles, accepting]);
}
