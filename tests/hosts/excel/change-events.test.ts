// Change events: the pane hears about the user's changes, never about the add-in's own
// writes (which would set off a storm of rechecks), and stops hearing when it unsubscribes.
import { ExcelHost } from "../../../src/hosts/excel";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { FakeExcel, type FakeExcelOptions } from "../../fakes/excel/fake-excel";
import { addActionSheet, planFor } from "./plan-fixtures";

/** Lets queued promise work (a fake Excel.run) finish. */
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The host's quiet spell after its own writes, on a clock the test moves by hand. */
const QUIET = 1000;

function setup(options: FakeExcelOptions = {}) {
  // Excel delivers events a little after the sync that made the change.
  const fake = new FakeExcel({ eventDelayMs: 10, ...options });
  const clock = { t: 0 };
  const host = new ExcelHost({
    run: fake.run,
    isSetSupported: fake.isSetSupported,
    token: () => "T0K3N",
    eventQuietMs: QUIET,
    now: () => clock.t,
  });
  addActionSheet(fake, "RA 1", 100000);
  addActionSheet(fake, "RA 2", 200000);
  /** Every raised event handed over, then the clock moved on. */
  const settle = async (ms = 0) => {
    await fake.eventsDelivered();
    clock.t += ms;
  };
  return { fake, host, settle };
}

/** Subscribes and waits until the handlers are registered (one sync). */
async function listen(host: ExcelHost) {
  const calls: number[] = [];
  const stop = host.onChanged(() => calls.push(calls.length));
  await wait(0);
  return { calls, stop };
}

describe("change events", () => {
  it("tells the listener when the user edits a cell or adds a sheet, in one sync", async () => {
    const { fake, host, settle } = setup();
    const { calls, stop } = await listen(host);
    expect(fake.syncs).toHaveLength(1);
    expect(fake.handlerCount("onChanged")).toBe(1);
    expect(fake.handlerCount("onAdded")).toBe(1);
    expect(fake.handlerCount("onDeleted")).toBe(1);
    expect(fake.handlerCount("onFormatChanged")).toBe(1);

    fake.userEdit("RA 1", "C5", 999);
    await settle();
    expect(calls).toHaveLength(1);
    fake.userAddSheet("RA 3");
    await settle();
    expect(calls).toHaveLength(2);
    stop();
  });

  it("stops when unsubscribed: the handlers are removed from Excel", async () => {
    const { fake, host, settle } = setup();
    const { calls, stop } = await listen(host);
    stop();
    await wait(0);
    expect(fake.handlerCount()).toBe(0);
    fake.userEdit("RA 1", "C5", 1);
    await settle();
    expect(calls).toHaveLength(0);
    stop(); // a second call is harmless
  });

  it("unsubscribing before the registration finished still removes the handlers", async () => {
    const { fake, host } = setup();
    const stop = host.onChanged(() => {
      throw new Error("must not be called");
    });
    stop();
    await wait(0);
    expect(fake.handlerCount()).toBe(0);
  });

  it("ignores the add-in's own build, even events that arrive after it finished", async () => {
    const { fake, host, settle } = setup();
    const { calls, stop } = await listen(host);
    const raised = fake.events.length;

    await host.writeSummaries(planFor(["RA 1", "RA 2"]));
    await host.writeSummaries(planFor(["RA 1", "RA 2"], { replace: ["Recovery Summary", "Data Checks"] }));
    await settle();

    // The builds raised plenty of events (cells, formats, sheets added and deleted)…
    const own = fake.events.slice(raised);
    expect(own.length).toBeGreaterThan(20);
    expect(new Set(own.map((e) => e.event))).toEqual(new Set(["onAdded", "onChanged", "onFormatChanged", "onDeleted", "onNameChanged"]));
    expect(fake.delivered).toBeGreaterThan(20);
    // …and none reached the listener.
    expect(calls).toHaveLength(0);

    // Within the quiet spell a change is still taken for ours; once it is over, the user's
    // changes are heard again.
    fake.userEdit("RA 2", "C5", 4);
    await settle(QUIET);
    expect(calls).toHaveLength(0);
    fake.userEdit("RA 2", "C5", 5);
    await settle();
    expect(calls).toHaveLength(1);
    stop();
  });

  it("ignores its own template insertion and settings save", async () => {
    const { fake, host, settle } = setup();
    const { calls, stop } = await listen(host);
    await host.insertTemplate("recovery-action");
    await host.saveSettings(DEFAULT_SETTINGS);
    await settle();
    expect(fake.delivered).toBeGreaterThan(10);
    expect(calls).toHaveLength(0);
    stop();
  });

  it("still ignores its own events when a build fails part way", async () => {
    const { fake, host, settle } = setup();
    const { calls, stop } = await listen(host);
    fake.failOnWrite(15);
    await expect(host.writeSummaries(planFor(["RA 1", "RA 2"]))).rejects.toThrow(/left as it was/);
    await settle();
    expect(fake.delivered).toBeGreaterThan(0);
    expect(calls).toHaveLength(0);
    stop();
  });

  it("hears a sheet renamed only where ExcelApi 1.17 is there, asking before it registers", async () => {
    const old = setup({ apiVersion: "1.9" });
    const settle = old.settle;
    const a = await listen(old.host);
    expect(old.fake.handlerCount("onNameChanged")).toBe(0);
    expect(old.fake.handlerCount("onChanged")).toBe(1);
    old.fake.userRenameSheet("RA 1", "RA one");
    await settle();
    expect(a.calls).toHaveLength(0);
    a.stop();

    const recent = setup({ apiVersion: "1.17" });
    await recent.settle();
    const b = await listen(recent.host);
    expect(recent.fake.handlerCount("onNameChanged")).toBe(1);
    recent.fake.userRenameSheet("RA 1", "RA one");
    await recent.settle();
    expect(b.calls).toHaveLength(1);
    b.stop();
    await wait(0);
    expect(recent.fake.handlerCount()).toBe(0);
  });

  it("where Excel will not register the events, nothing is called and nothing fails", async () => {
    // ExcelApi 1.6: no worksheet collection events at all.
    const { fake, host, settle } = setup({ apiVersion: "1.6" });
    const { calls, stop } = await listen(host);
    expect(fake.handlerCount()).toBe(0);
    fake.userEdit("RA 1", "C5", 3);
    await settle();
    expect(calls).toHaveLength(0);
    expect(() => stop()).not.toThrow();
  });
});
