/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { SettingsForm } from "../../src/taskpane/components/SettingsForm";
import { formDiffers, formFromSettings, readSettingsForm, type SettingsFormValues } from "../../src/taskpane/settings-form";

const base: SettingsFormValues = { green: "90", amber: "70", brag: false, target: "", asOf: "", organisation: "" };
const read = (patch: Partial<SettingsFormValues>) => readSettingsForm({ ...base, ...patch });

describe("readSettingsForm", () => {
  it("reads the organisation trimmed, blank as none, and refuses one too long on its own field", () => {
    expect(read({ organisation: "  Midlothian IJB " })).toEqual({ ok: true, settings: expect.objectContaining({ organisation: "Midlothian IJB" }) });
    expect(read({ organisation: "   " })).toEqual({ ok: true, settings: expect.objectContaining({ organisation: null }) });
    const r = read({ organisation: "x".repeat(101) });
    expect(r).toMatchObject({ ok: false, field: "organisation" });
    if (!r.ok) expect(r.message).toMatch(/organisation's name must be at most 100 characters/);
    expect(formDiffers({ ...base, organisation: "Midlothian IJB" }, DEFAULT_SETTINGS)).toBe(true);
    expect(formFromSettings({ ...DEFAULT_SETTINGS, organisation: "Midlothian IJB" }).organisation).toBe("Midlothian IJB");
  });

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

describe("formFromSettings", () => {
  it("shows settings in UK formats and reads back to the same settings", () => {
    const s = { ...DEFAULT_SETTINGS, targetPence: 450_000_050, asOf: "2024-03-31", brag: true };
    const v = formFromSettings(s);
    expect(v.target).toBe("£4,500,000.50");
    expect(v.asOf).toBe("31/03/2024");
    expect(readSettingsForm(v)).toEqual({ ok: true, settings: s });
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
    expect(boxes).toHaveLength(5);
    for (const box of boxes) {
      // The Input's root (the styled wrapper round the <input>) is what the field lays out.
      const root = box.parentElement!;
      expect(root).toHaveClass("fui-Input");
      expect({ field: box.id, minWidth: getComputedStyle(root).minWidth }).toEqual({ field: box.id, minWidth: expect.stringMatching(/^0(px)?$/) });
    }
  });
});
