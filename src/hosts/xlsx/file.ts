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
 * and nothing is left at `file` that was not there before. `bytes` may come in pieces, one
 * after another (a built workbook's zip, zip-write.ts ZipPieces), written as they are.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array | readonly Uint8Array[]): Promise<void> {
  const tmp = path.join(path.dirname(file), `${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await fs.promises.open(tmp, "w");
    try {
      if (bytes instanceof Uint8Array) await handle.writeFile(bytes);
      else await writePieces(handle, bytes);
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

/**
 * Most pieces handed to one writev: the system takes at most IOV_MAX (1,024 on Linux) in one
 * call, and libuv splits a longer list itself, but a list this long stays a modest array.
 */
const PIECES_A_WRITE = 1024;

/** The pieces written in order, a few hundred a call; a short write carries on from where it stopped. */
async function writePieces(handle: fs.promises.FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  let batch: Uint8Array[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i].length > 0) batch.push(pieces[i]);
    if (batch.length < PIECES_A_WRITE && i < pieces.length - 1) continue;
    while (batch.length > 0) {
      let { bytesWritten } = await handle.writev(batch);
      // What was not written (a short write): the rest of the batch, from the byte it stopped at.
      let k = 0;
      while (k < batch.length && bytesWritten >= batch[k].length) bytesWritten -= batch[k++].length;
      batch = batch.slice(k);
      if (batch.length > 0 && bytesWritten > 0) batch[0] = batch[0].subarray(bytesWritten);
    }
  }
}
