/**
 * The file system, for the command line only (Node). Everything else in this folder takes
 * and returns bytes, so the browser page can use it.
 */
import * as fs from "fs";
import * as path from "path";
import { HostError } from "../host";

function code(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String(e.code) : undefined;
}

/**
 * Reads a workbook file's bytes, or says plainly why it cannot be read. Synchronously: the
 * command line has nothing else to do meanwhile, and `fs.promises` loads node's promise file
 * system (and its readline and watchers) as every `check` starts.
 */
export function readWorkbookFile(file: string): Promise<Uint8Array> {
  try {
    return Promise.resolve(readWorkbookFileSync(file));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function readWorkbookFileSync(file: string): Uint8Array {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new HostError(`${file} is a folder, not a workbook file.`);
    const buf = fs.readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof HostError) throw e;
    switch (code(e)) {
      case "ENOENT":
        throw new HostError(`${file} was not found: check the name and folder.`);
      case "EACCES":
      case "EPERM":
        throw new HostError(`${file} cannot be read: permission denied.`);
      case "EISDIR":
        throw new HostError(`${file} is a folder, not a workbook file.`);
      case "EBUSY":
        throw new HostError(`${file} is locked by another program (is it open in Excel?); close it and try again.`);
      default:
        throw new HostError(`${file} cannot be read (${e instanceof Error ? e.message.split("\n")[0] : String(e)}).`);
    }
  }
}

/**
 * Writes `bytes` to `file` all or nothing: to `<file>.<pid>.tmp` in the same folder, then a
 * rename, which replaces the target in one step. On failure the temporary file is removed
 * and nothing is left at `file` that was not there before.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await fs.promises.open(tmp, "w");
    try {
      await handle.writeFile(bytes);
      // On disk before the rename, so a crash cannot leave a renamed but empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    switch (code(e)) {
      case "ENOENT":
        throw new HostError(`Cannot write ${file}: the folder ${path.dirname(file)} does not exist.`);
      case "EACCES":
      case "EPERM":
        throw new HostError(`Cannot write ${file}: permission denied.`);
      case "EISDIR":
        throw new HostError(`Cannot write ${file}: it is a folder.`);
      case "EBUSY":
        throw new HostError(`Cannot write ${file}: it is open in another program (is it open in Excel?). Close it and try again.`);
      case "ENOSPC":
        throw new HostError(`Cannot write ${file}: the disk is full.`);
      default:
        throw new HostError(`Cannot write ${file} (${e instanceof Error ? e.message.split("\n")[0] : String(e)}).`);
    }
  }
}
