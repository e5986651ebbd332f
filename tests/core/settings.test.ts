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
    const s = { ...DEFAULT_SETTINGS, brag: true, targetPence: 450_000_000, asOf: "2023-09-21" };
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
});
