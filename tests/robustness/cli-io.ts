/** The command line run in-process with its output captured, for the robustness tests. */
import * as fs from "fs";
import * as path from "path";
import { main, type Io } from "../../src/cli/main";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export const FIXTURES = path.join(__dirname, "..", "fixtures", "bad");
export const NOW = new Date("2023-09-21T12:00:00Z");

export async function runCli(argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    progress: () => undefined,
    now: () => NOW,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Files in a folder, for "nothing else was left behind". */
export const listing = (dir: string): string[] => fs.readdirSync(dir).sort();
