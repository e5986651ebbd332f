/**
 * An .xlsx file's bytes opened for the hosts: the package (for writing by addition) and
 * the engine's snapshot of its cells, read from the same bytes. Browser-safe; the command
 * line hands in node's zlib as the inflater.
 */
import type { WorkbookSnapshot } from "../../core/snapshot";
import { openPackage, type Inflater, type WorkbookPackage } from "./package";
import { loadWorkbook } from "./read";

export interface OpenWorkbook {
  fileName: string;
  pkg: WorkbookPackage;
  snapshot: WorkbookSnapshot;
}

export interface OpenWorkbookOptions {
  inflater?: Inflater;
}

/** Opens a workbook's bytes; throws HostError with one clear line for a file that cannot be read. */
export async function openWorkbook(bytes: Uint8Array, fileName: string, options: OpenWorkbookOptions = {}): Promise<OpenWorkbook> {
  const pkg = await openPackage(bytes, { fileName, inflater: options.inflater });
  const { snapshot } = await loadWorkbook(bytes, fileName, { purpose: "check" });
  return { fileName, pkg, snapshot };
}
