/**
 * Settings: RAG thresholds, BRAG, the savings target (money text), the as-at date, the
 * organisation printed on the summary pages, the due-soon window for actions and the risk
 * score thresholds, with inline messages. Saved in the workbook so everyone who opens it
 * gets the same answer; saving keeps every saved setting the form does not change.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { Settings } from "../../core/settings";
import { formDiffers, formFromSettings, readSettingsForm, type SettingsField, type SettingsFormValues } from "../settings-form";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  // Side by side where both fit on one line each; stacked in Excel's 320 px task pane, where
  // their labels would otherwise wrap unevenly and leave the two boxes at different heights.
  narrow: { flex: "1 1 160px", minWidth: 0 },
  // Fluent's Input keeps its text box's natural width (about 200 px) as a minimum, so two
  // side by side overflow Excel's 320 px task pane; they shrink with their field instead.
  input: { minWidth: 0, maxWidth: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface SettingsFormProps {
  settings: Settings;
  saving: boolean;
  onSave: (settings: Settings) => Promise<boolean>;
  /** Told whether the form shows settings other than those saved (Build waits for them). */
  onDirtyChange?: (dirty: boolean) => void;
}

export function SettingsForm({ settings, saving, onSave, onDirtyChange }: SettingsFormProps) {
  const s = useStyles();
  const [values, setValues] = React.useState<SettingsFormValues>(() => formFromSettings(settings));
  const [touched, setTouched] = React.useState(false);
  const [status, setStatus] = React.useState("");
  const refs = {
    green: React.useRef<HTMLInputElement>(null),
    amber: React.useRef<HTMLInputElement>(null),
    brag: React.useRef<HTMLInputElement>(null),
    target: React.useRef<HTMLInputElement>(null),
    asOf: React.useRef<HTMLInputElement>(null),
    organisation: React.useRef<HTMLInputElement>(null),
    dueSoonDays: React.useRef<HTMLInputElement>(null),
    riskRed: React.useRef<HTMLInputElement>(null),
    riskAmber: React.useRef<HTMLInputElement>(null),
  } satisfies Record<SettingsField, React.RefObject<HTMLInputElement>>;

  // Saved settings that change underneath (a recheck, a colleague) show unless the user is mid-edit.
  React.useEffect(() => {
    if (!touched) setValues(formFromSettings(settings));
  }, [settings, touched]);

  const result = readSettingsForm(values, settings);
  const dirty = touched && formDiffers(values, settings);
  React.useEffect(() => {
    onDirtyChange?.(dirty);
    return () => onDirtyChange?.(false);
  }, [dirty, onDirtyChange]);
  const problem = touched && !result.ok ? result : null;
  const messageFor = (f: SettingsField) => (problem && problem.field === f ? problem.message : undefined);

  const change = (patch: Partial<SettingsFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setTouched(true);
    setStatus("");
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!result.ok) {
      refs[result.field].current?.focus();
      return;
    }
    if (!formDiffers(values, settings)) {
      setStatus("No changes to save.");
      return;
    }
    const saved = await onSave(result.settings);
    if (saved) {
      setTouched(false);
      setStatus("Settings saved in this workbook.");
    }
    // On failure the typed values stay, so nothing is lost; the error is shown by the pane.
  };

  const undo = () => {
    setValues(formFromSettings(settings));
    setTouched(false);
    setStatus("Changes undone.");
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form className={s.form} onSubmit={(e) => void submit(e)} noValidate aria-label="Settings">
        <div className={s.row}>
          <Field
            className={s.narrow}
            label="Green threshold (%)"
            hint="Directions at or above this progress are Green."
            validationMessage={messageFor("green")}
          >
            <Input className={s.input} ref={refs.green} inputMode="decimal" value={values.green} onChange={(_, d) => change({ green: d.value })} />
          </Field>
          <Field
            className={s.narrow}
            label="Amber threshold (%)"
            hint="At or above this, below green, are Amber."
            validationMessage={messageFor("amber")}
          >
            <Input className={s.input} ref={refs.amber} inputMode="decimal" value={values.amber} onChange={(_, d) => change({ amber: d.value })} />
          </Field>
        </div>
        <Checkbox
          ref={refs.brag}
          checked={values.brag}
          onChange={(_, d) => change({ brag: d.checked === true })}
          label="Show complete items as Blue (BRAG)"
        />
        <Field
          label="Savings target"
          hint="For example 4.5m or £4,500,000. Leave blank for no target."
          validationMessage={messageFor("target")}
        >
          <Input className={s.input} ref={refs.target} value={values.target} onChange={(_, d) => change({ target: d.value })} />
        </Field>
        <Field
          label="As-at date"
          hint="dd/mm/yyyy. Leave blank for today."
          validationMessage={messageFor("asOf")}
        >
          <Input className={s.input} ref={refs.asOf} value={values.asOf} onChange={(_, d) => change({ asOf: d.value })} />
        </Field>
        <Field
          label="Organisation"
          hint="Printed on the summary pages, e.g. Midlothian IJB. Leave blank for none."
          validationMessage={messageFor("organisation")}
        >
          <Input
            className={s.input}
            ref={refs.organisation}
            value={values.organisation}
            onChange={(_, d) => change({ organisation: d.value })}
          />
        </Field>
        <Field
          label="Due soon (days)"
          hint="Actions not complete and due within this many days of the as-at date."
          validationMessage={messageFor("dueSoonDays")}
        >
          <Input
            className={s.input}
            ref={refs.dueSoonDays}
            inputMode="numeric"
            value={values.dueSoonDays}
            onChange={(_, d) => change({ dueSoonDays: d.value })}
          />
        </Field>
        <div className={s.row}>
          <Field
            className={s.narrow}
            label="Risk red score"
            hint="Risks scoring this or more (1 to 25) are Red."
            validationMessage={messageFor("riskRed")}
          >
            <Input className={s.input} ref={refs.riskRed} inputMode="numeric" value={values.riskRed} onChange={(_, d) => change({ riskRed: d.value })} />
          </Field>
          <Field
            className={s.narrow}
            label="Risk amber score"
            hint="Risks scoring this or more, below red, are Amber."
            validationMessage={messageFor("riskAmber")}
          >
            <Input
              className={s.input}
              ref={refs.riskAmber}
              inputMode="numeric"
              value={values.riskAmber}
              onChange={(_, d) => change({ riskAmber: d.value })}
            />
          </Field>
        </div>
        <div className={s.actions}>
          <Button type="submit" disabledFocusable={saving}>
            {saving ? "Saving settings..." : "Save settings"}
          </Button>
          <Button type="button" appearance="subtle" onClick={undo} disabledFocusable={saving || !touched}>
            Undo changes
          </Button>
        </div>
        <p role="status" aria-live="polite">
          {status}
        </p>
      </form>
    </section>
  );
}
