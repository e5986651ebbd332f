/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { SettingsForm } from "../../src/taskpane/components/SettingsForm";
import { formDiffers, formFromSettings, readSettingsForm, type SettingsFormValues } from "../../src/taskpane/settings-form";

const base: SettingsFormValues = formFromSettings(DEFAULT_SETTINGS);
const read = (patch: Partial<SettingsFormValues>) => readSettingsForm({ ...base, ...patch }, DEFAULT_SETTINGS);

// Every setting away from its default, so a setting reset to its default is seen.
const SAVED: Settings = {
  greenThreshold: 95,
  amberThreshold: 60,
  brag: true,
  targetPence: 450_000_000,
  asOf: "2020-03-31",
  organisation: "Castle Point and Rochford CCG",
  dueSoonDays: 14,
  riskRed: 16,
  riskAmber: 9,
};

describe("readSettingsForm", () => {
  it("reads the target in the money grammar, in whole pence", () => {
    expect(read({ target: "4.5m" })).toEqual({ ok: true, settings: expect.objectContaining({ targetPence: 450_000_000 }) });
    expect(read({ target: "£4,500,000" })).toEqual({ ok: true, settings: expect.objectContaining({ targetPence: 450_000_000 }) });
    expect(read({ target: "  " })).toEqual({ ok: true, settings: expect.objectContaining({ targetPence: null }) });
  });

  it("refuses a target that is not money, on the target field", () => {
    const r = read({ target: "TBC" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe("target");
    expect(r.message).toMatch(/savings target 'TBC' is not an amount of money/);
  });

  it("refuses a negative target with the settings schema's message", () => {
    const r = read({ target: "-£5" });
    expect(r).toMatchObject({ ok: false, field: "target" });
    if (!r.ok) expect(r.message).toMatch(/savings target cannot be negative/);
  });

  it("reads the as-at date day first and refuses US order", () => {
    expect(read({ asOf: "21/03/2024" })).toMatchObject({ ok: true, settings: { asOf: "2024-03-21" } });
    const r = read({ asOf: "03/21/2024" });
    expect(r).toMatchObject({ ok: false, field: "asOf" });
  });

  it("puts 'amber above green' on the amber field", () => {
    const r = read({ green: "60", amber: "70" });
    expect(r).toEqual({
      ok: false,
      field: "amber",
      message: "Invalid setting: the amber threshold cannot be above the green threshold.",
    });
  });

  it("refuses thresholds that are not numbers or out of range", () => {
    expect(read({ green: "ninety" })).toMatchObject({ ok: false, field: "green" });
    expect(read({ green: "" })).toMatchObject({ ok: false, field: "green" });
    expect(read({ green: "120", amber: "70" })).toMatchObject({ ok: false, field: "green" });
    expect(read({ green: "95%", amber: "72.5" })).toMatchObject({ ok: true, settings: { greenThreshold: 95, amberThreshold: 72.5 } });
  });
});

describe("readSettingsForm: action plans, risks and the organisation", () => {
  it("reads the due-soon window as whole days, refusing other text and more than a year on its own field", () => {
    expect(read({ dueSoonDays: " 14 " })).toMatchObject({ ok: true, settings: { dueSoonDays: 14 } });
    expect(read({ dueSoonDays: "0" })).toMatchObject({ ok: true, settings: { dueSoonDays: 0 } });
    expect(read({ dueSoonDays: "two weeks" })).toEqual({
      ok: false,
      field: "dueSoonDays",
      message: "The due-soon window 'two weeks' is not a whole number: enter a whole number of days from 0 to 365, such as 30.",
    });
    expect(read({ dueSoonDays: "7.5" })).toMatchObject({ ok: false, field: "dueSoonDays" });
    expect(read({ dueSoonDays: "" })).toMatchObject({ ok: false, field: "dueSoonDays" });
    // The range is the settings schema's, said as the command line says it.
    expect(read({ dueSoonDays: "400" })).toEqual({
      ok: false,
      field: "dueSoonDays",
      message: "Invalid setting: The due-soon window must be at most 365 days.",
    });
  });

  it("reads the risk scores from 1 to 25, and puts 'amber not below red' on the amber score", () => {
    expect(read({ riskRed: "16", riskAmber: "9" })).toMatchObject({ ok: true, settings: { riskRed: 16, riskAmber: 9 } });
    expect(read({ riskRed: "30" })).toEqual({
      ok: false,
      field: "riskRed",
      message: "The risk red score '30' is not from 1 to 25: enter a whole number from 1 to 25, such as 15.",
    });
    expect(read({ riskAmber: "high" })).toMatchObject({ ok: false, field: "riskAmber" });
    expect(read({ riskRed: "8", riskAmber: "8" })).toEqual({
      ok: false,
      field: "riskAmber",
      message: "Invalid setting: the risk amber score must be below the risk red score.",
    });
  });

  it("reads the organisation trimmed, blank as none, and refuses one too long on its own field", () => {
    expect(read({ organisation: "  Midlothian   IJB " })).toMatchObject({ ok: true, settings: { organisation: "Midlothian IJB" } });
    expect(read({ organisation: "   " })).toMatchObject({ ok: true, settings: { organisation: null } });
    const r = read({ organisation: "x".repeat(101) });
    expect(r).toMatchObject({ ok: false, field: "organisation" });
    if (!r.ok) expect(r.message).toMatch(/organisation's name must be at most 100 characters/);
  });
});

describe("saving never drops a setting", () => {
  const edits: [keyof SettingsFormValues, string | boolean, Partial<Settings>][] = [
    ["green", "96", { greenThreshold: 96 }],
    ["amber", "61", { amberThreshold: 61 }],
    ["brag", false, { brag: false }],
    ["target", "4m", { targetPence: 400_000_000 }],
    ["asOf", "", { asOf: null }],
    ["organisation", "Southend CCG", { organisation: "Southend CCG" }],
    ["dueSoonDays", "30", { dueSoonDays: 30 }],
    ["riskRed", "20", { riskRed: 20 }],
    ["riskAmber", "10", { riskAmber: 10 }],
  ];

  it.each(edits)("changing %s changes that setting alone", (field, value, changed) => {
    const r = readSettingsForm({ ...formFromSettings(SAVED), [field]: value }, SAVED);
    expect(r).toEqual({ ok: true, settings: { ...SAVED, ...changed } });
  });

  it("shows every setting there is", () => {
    expect(Object.keys(SAVED).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    // Read over the defaults: a setting without a field of its own would come back as its default.
    expect(readSettingsForm(formFromSettings(SAVED), DEFAULT_SETTINGS)).toEqual({ ok: true, settings: SAVED });
  });

  it("has a field for every setting, each shown back as saved", () => {
    const v = formFromSettings(SAVED);
    expect(readSettingsForm(v, SAVED)).toEqual({ ok: true, settings: SAVED });
    expect(formDiffers(v, SAVED)).toBe(false);
    // Each field, changed, is seen as a change: none is ignored when saving.
    for (const [field, value] of edits) expect({ field, differs: formDiffers({ ...v, [field]: value }, SAVED) }).toEqual({ field, differs: true });
  });
});

describe("formFromSettings", () => {
  it("shows settings in UK formats and reads back to the same settings", () => {
    const s = { ...DEFAULT_SETTINGS, targetPence: 450_000_050, asOf: "2024-03-31", brag: true };
    const v = formFromSettings(s);
    expect(v.target).toBe("£4,500,000.50");
    expect(v.asOf).toBe("31/03/2024");
    expect(readSettingsForm(v, s)).toEqual({ ok: true, settings: s });
    expect(formDiffers(v, s)).toBe(false);
    expect(formDiffers({ ...v, green: "91" }, s)).toBe(true);
  });
});

describe("SettingsForm at the task pane's width", () => {
  it("lets every text box shrink with its field (Fluent's Input otherwise keeps about 200 px)", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <SettingsForm settings={DEFAULT_SETTINGS} saving={false} onSave={async () => true} />
      </FluentProvider>,
    );
    const boxes = screen.getAllByRole("textbox");
    expect(boxes).toHaveLength(8);
    for (const box of boxes) {
      // The Input's root (the styled wrapper round the <input>) is what the field lays out.
      const root = box.parentElement!;
      expect(root).toHaveClass("fui-Input");
      expect({ field: box.id, minWidth: getComputedStyle(root).minWidth }).toEqual({ field: box.id, minWidth: expect.stringMatching(/^0(px)?$/) });
    }
  });
});
