/**
 * The Office.js host on the fake Excel (tests/fakes/excel): each pack put into a fake
 * workbook as the add-in would find it, then checked and built; counts the syncs and the
 * largest request. `ts-node bench/office.ts NAME FILE [NAME FILE ...]` prints JSON.
 */
import * as fs from "fs";
import * as path from "path";
import { analyse, summarise } from "../src/core/engine";
import { a1 } from "../src/core/grid";
import { objectSnapshot, type WorkbookSnapshot } from "../src/core/snapshot";
import { ExcelHost } from "../src/hosts/excel";
import { nodeInflater } from "../src/hosts/xlsx/node-inflate";
import { openWorkbook } from "../src/hosts/xlsx/open";
import { FakeExcel, type CellInit } from "../tests/fakes/excel/fake-excel";

const NOW = new Date("2023-09-21T12:00:00Z");

/** The pack in a fake Excel, as the add-in would find it. */
function fakeExcelOf(snapshot: WorkbookSnapshot): FakeExcel {
  const fake = new FakeExcel({ apiVersion: "1.13" });
  for (const s of snapshot.sheets) {
    const cells: Record<string, CellInit> = {};
    for (const c of s.cells) {
      cells[a1(c.row, c.col)] = {
        value: c.value,
        ...(c.format ? { numberFormat: c.format } : {}),
        ...(c.error ? { error: c.error } : {}),
        ...(c.formula ? { formula: c.formula } : {}),
      };
    }
    const visibility = s.visibility === "veryHidden" ? "VeryHidden" : s.visibility === "hidden" ? "Hidden" : "Visible";
    fake.addSheet(s.name, cells, { visibility, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) });
  }
  return fake;
}

async function office(name: string, file: string) {
  const opened = await openWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file), { inflater: nodeInflater });
  const fake = fakeExcelOf(objectSnapshot(opened.snapshot));
  const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported, token: () => "BENCH" });
  const before = fake.syncs.length;
  const snapshot = await host.readSnapshot();
  const checkSyncs = fake.syncs.length - before;
  const plan = summarise(analyse(snapshot, { now: NOW }), NOW);
  await host.writeSummaries(plan);
  const buildSyncs = fake.syncs.length - before;
  let maxRequestBytes = 0;
  for (const s of fake.syncs) maxRequestBytes = Math.max(maxRequestBytes, s.requestBytes);
  return { name, checkSyncs, buildSyncs, maxRequestBytes };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const out = [];
  for (let i = 0; i + 1 < argv.length; i += 2) out.push(await office(argv[i], argv[i + 1]));
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`office: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
