/**
 * An .xlsx file's bytes opened for the hosts: the package (for writing by addition) and
 * the engine's snapshot of its cells (read.ts), from one opening of the zip. Browser-safe;
 * the command line hands in node's zlib as the inflater.
 */
import type { AnyWorkbookSnapshot } from "../../core/snapshot";
import type { ProgressListener } from "../host";
import { openPackage, type Inflater, type WorkbookPackage } from "./package";
import { readSnapshot } from "./read";

export interface OpenWorkbook {
  fileName: string;
  pkg: WorkbookPackage;
  /** A large sheet's cells packed (core/packed-cells.ts, sheet.ts PACK_FROM): objects made only for the cells the engine reads. */
  snapshot: AnyWorkbookSnapshot;
}

export interface OpenWorkbookOptions {
  inflater?: Inflater;
  onProgress?: ProgressListener;
}

/** Opens a workbook's bytes; throws HostError with one clear line for a file that cannot be read. */
export async function openWorkbook(bytes: Uint8Array, fileName: string, options: OpenWorkbookOptions = {}): Promise<OpenWorkbook> {
  const pkg = await openPackage(bytes, { fileName, inflater: options.inflater });
  return { fileName, pkg, snapshot: await readSnapshot(pkg, options.onProgress) };
}
