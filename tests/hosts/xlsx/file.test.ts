import * as fs from "fs";
import * as path from "path";
import { HostError } from "../../../src/hosts/host";
import { readWorkbookFile, writeFileAtomic } from "../../../src/hosts/xlsx/file";
import { tempDir } from "../../helpers/workbooks";

describe("readWorkbookFile", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a file's bytes", async () => {
    const file = path.join(dir, "a.xlsx");
    fs.writeFileSync(file, Buffer.from([1, 2, 3]));
    expect([...(await readWorkbookFile(file))]).toEqual([1, 2, 3]);
  });

  it("says when the file is missing", async () => {
    const file = path.join(dir, "missing.xlsx");
    await expect(readWorkbookFile(file)).rejects.toThrow(new HostError(`${file} was not found: check the name and folder.`));
  });

  it("says when the path is a folder", async () => {
    await expect(readWorkbookFile(dir)).rejects.toThrow(new HostError(`${dir} is a folder, not a workbook file.`));
  });

  // Root reads anything, so the case can only be shown as an ordinary user.
  const asRoot = process.getuid?.() === 0;
  (asRoot ? it.skip : it)("says when permission is denied", async () => {
    const file = path.join(dir, "locked.xlsx");
    fs.writeFileSync(file, "x");
    fs.chmodSync(file, 0o000);
    await expect(readWorkbookFile(file)).rejects.toThrow(new HostError(`${file} cannot be read: permission denied.`));
  });
});

describe("writeFileAtomic", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the bytes, replacing an older file, and leaves no temporary file", async () => {
    const file = path.join(dir, "out.xlsx");
    fs.writeFileSync(file, "old");
    await writeFileAtomic(file, new TextEncoder().encode("new contents"));
    expect(fs.readFileSync(file, "utf8")).toBe("new contents");
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("on failure removes its temporary file and leaves nothing at the path", async () => {
    // The target is a folder that is not empty, so the rename fails after the temp is written.
    const target = path.join(dir, "out.xlsx");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "keep"), "x");
    await expect(writeFileAtomic(target, new Uint8Array([1, 2]))).rejects.toThrow(HostError);
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
    expect(fs.readdirSync(target)).toEqual(["keep"]);
  });

  it("says when the folder does not exist", async () => {
    const file = path.join(dir, "nope", "out.xlsx");
    await expect(writeFileAtomic(file, new Uint8Array([1]))).rejects.toThrow(
      new HostError(`Cannot write ${file}: the folder ${path.dirname(file)} does not exist.`),
    );
  });
});

describe("writeFileAtomic with the bytes in pieces", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Pieces of random lengths (some empty), more of them than one writev takes. */
  function pieces(count: number): Uint8Array[] {
    let x = 12345;
    const out: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      const piece = new Uint8Array(x % 7 === 0 ? 0 : 1 + (x % 97));
      for (let j = 0; j < piece.length; j++) piece[j] = (i + j) & 0xff;
      out.push(piece);
    }
    return out;
  }

  it("writes the pieces one after another, however many", async () => {
    const file = path.join(dir, "out.xlsx");
    const all = pieces(2500);
    await writeFileAtomic(file, all);
    expect(fs.readFileSync(file).equals(Buffer.concat(all))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("carries on after a short write from the byte it stopped at", async () => {
    const file = path.join(dir, "out.xlsx");
    const all = pieces(3000);
    const open = fs.promises.open;
    // A file system that takes at most 1,000 bytes a call, stopping inside a piece.
    jest.spyOn(fs.promises, "open").mockImplementation(async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      const writev = handle.writev.bind(handle);
      handle.writev = (async (buffers: NodeJS.ArrayBufferView[]) => {
        const some: Uint8Array[] = [];
        let room = 1000;
        for (const b of buffers as Uint8Array[]) {
          if (room === 0) break;
          const part = b.subarray(0, Math.min(b.length, room));
          some.push(part);
          room -= part.length;
        }
        return writev(some);
      }) as typeof handle.writev;
      return handle;
    });
    await writeFileAtomic(file, all);
    expect(fs.readFileSync(file).equals(Buffer.concat(all))).toBe(true);
  });

  it("writes no pieces as an empty file", async () => {
    const file = path.join(dir, "out.xlsx");
    await writeFileAtomic(file, []);
    expect(fs.readFileSync(file).length).toBe(0);
  });
});
