import {
  DEFAULT_SETTINGS,
  mergeSettings,
  parseSettings,
  settingsFromJson,
  settingsToJson,
  todayInLondon,
} from "../../src/core/settings";

describe("settings", () => {
  it("defaults to 90/70, BRAG off, no target, today, no organisation, due soon within 30 days, risk scores 15 and 8", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      greenThreshold: 90,
      amberThreshold: 70,
      brag: false,
      targetPence: null,
      asOf: null,
      organisation: null,
      dueSoonDays: 30,
      riskRed: 15,
      riskAmber: 8,
    });
  });

  it("refuses amber above green with a clear message", () => {
    const r = parseSettings({ greenThreshold: 60, amberThreshold: 70 });
    expect(r).toEqual({ ok: false, message: "Invalid setting: the amber threshold cannot be above the green threshold." });
  });

  it("refuses risk thresholds out of order or off the 1–25 scale, and a bad due-soon window", () => {
    expect(parseSettings({ riskRed: 8, riskAmber: 8 })).toEqual({ ok: false, message: "Invalid setting: the risk amber score must be below the risk red score." });
    expect(parseSettings({ riskRed: 10, riskAmber: 12 }).ok).toBe(false);
    expect(parseSettings({ riskRed: 20, riskAmber: 10 }).ok).toBe(true);
    expect(parseSettings({ riskRed: 26 })).toEqual({ ok: false, message: "Invalid setting: The risk red score must be from 1 to 25." });
    expect(parseSettings({ riskAmber: 0 })).toEqual({ ok: false, message: "Invalid setting: The risk amber score must be from 1 to 25." });
    expect(parseSettings({ riskRed: 15.5 })).toEqual({ ok: false, message: "Invalid setting: The risk red score must be a whole number." });
    expect(parseSettings({ dueSoonDays: -1 })).toEqual({ ok: false, message: "Invalid setting: The due-soon window cannot be negative." });
    expect(parseSettings({ dueSoonDays: 400 })).toEqual({ ok: false, message: "Invalid setting: The due-soon window must be at most 365 days." });
    expect(parseSettings({ dueSoonDays: 0 }).ok).toBe(true);
  });

  it("takes the organisation's name as one line of up to 100 characters, trimmed", () => {
    expect(parseSettings({ organisation: "  Midlothian IJB " })).toMatchObject({ ok: true, settings: { organisation: "Midlothian IJB" } });
    expect(parseSettings({ organisation: "   " })).toEqual({ ok: false, message: "Invalid setting: The organisation's name cannot be blank: leave it unset for none." });
    expect(parseSettings({ organisation: "x".repeat(101) }).ok).toBe(false);
    expect(parseSettings({ organisation: "Two\nlines" }).ok).toBe(false);
  });

  it("reads the new settings from saved JSON that lacks them (a workbook saved before they existed) as their defaults", () => {
    const old = JSON.stringify({ schemaVersion: 1, greenThreshold: 90, amberThreshold: 70, brag: false, targetPence: null, asOf: "2023-09-21" });
    expect(settingsFromJson(old)).toEqual({ settings: { ...DEFAULT_SETTINGS, asOf: "2023-09-21" } });
  });

  it("refuses a negative target and an impossible date", () => {
    const t = parseSettings({ targetPence: -1 });
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.message).toMatch(/savings target cannot be negative/);
    const d = parseSettings({ asOf: "2024-02-30" });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toMatch(/as-at date is not a real calendar date/);
  });

  it("merges overrides over saved settings and checks the result", () => {
    const saved = { ...DEFAULT_SETTINGS, targetPence: 450_000_000 };
    const r = mergeSettings(saved, { greenThreshold: 95, targetPence: undefined });
    expect(r).toEqual({ ok: true, settings: { ...saved, greenThreshold: 95 } });
    expect(mergeSettings(saved, { amberThreshold: 99 }).ok).toBe(false);
  });

  it("round-trips through the JSON saved on the settings sheet", () => {
    const s = { ...DEFAULT_SETTINGS, brag: true, targetPence: 450_000_000, asOf: "2023-09-21", organisation: "Midlothian IJB", dueSoonDays: 14, riskRed: 20, riskAmber: 10 };
    expect(settingsFromJson(settingsToJson(s))).toEqual({ settings: s });
  });

  it("falls back to the defaults, saying why, when the saved settings are damaged", () => {
    expect(settingsFromJson("{not json")).toEqual({
      settings: DEFAULT_SETTINGS,
      problem: "Saved settings ignored: they are not readable JSON.",
    });
    const bad = settingsFromJson(JSON.stringify({ greenThreshold: 50, amberThreshold: 80 }));
    expect(bad.settings).toEqual(DEFAULT_SETTINGS);
    expect(bad.problem).toMatch(/amber threshold cannot be above the green threshold/);
  });

  it("takes today in Europe/London, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(todayInLondon(new Date("2024-06-30T23:30:00Z"))).toBe("2024-07-01");
    // In winter London is on UTC.
    expect(todayInLondon(new Date("2024-12-31T23:30:00Z"))).toBe("2024-12-31");
  });

  it("gives Intl's date in Europe/London at any instant (it asks Intl only near midnight UTC)", () => {
    const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    // Every hour either side of each clock change of 2024, and instants spread over two centuries.
    const instants: number[] = [];
    for (let t = Date.UTC(2024, 2, 30); t < Date.UTC(2024, 2, 32); t += 15 * 60_000) instants.push(t);
    for (let t = Date.UTC(2024, 9, 26); t < Date.UTC(2024, 9, 28); t += 15 * 60_000) instants.push(t);
    for (let i = 0; i < 20_000; i++) instants.push(from + Math.floor(((to - from) * i) / 20_000) + ((i * 7919) % 86_400) * 1000);
    for (const t of instants) expect(todayInLondon(new Date(t))).toBe(intl.format(new Date(t)));
  });
});
