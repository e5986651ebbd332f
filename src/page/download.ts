/**
 * Names and saves the built workbook. Saving is a download made in the page from bytes it
 * already holds (a blob: URL): nothing is sent anywhere.
 */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * `board-pack.xlsx` → `board-pack.summary.xlsx`, as the command line names its output; a
 * macro-enabled `.xlsm` stays `.xlsm` (it keeps its macros, and Excel refuses one renamed).
 * An earlier output built again keeps its name (never `board-pack.summary.summary.xlsx`):
 * a download never replaces a file, so the page need not ask whether the file is its own.
 */
export function summaryFileName(fileName: string): string {
  const macros = /\.xlsm$/i.test(fileName);
  const base = fileName.replace(/\.xls[xm]$/i, "").replace(/\.summary$/i, "") || "workbook";
  return `${base}.summary.${macros ? "xlsm" : "xlsx"}`;
}

/** Hands `bytes` to the browser as a download called `fileName`. */
export function downloadBytes(bytes: Uint8Array, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the browser has taken the file; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "2.3 MB", "48 KB": a file's size for a progress line. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
