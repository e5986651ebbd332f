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
