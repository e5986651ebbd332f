/**
 * Adds a blank standard-template sheet (where the host can), and offers to go to it.
 */
import * as React from "react";
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATE_KINDS, type TemplateKind } from "../../core/templates/template-model";
import { TEMPLATE_LABEL } from "../messages";

const useStyles = makeStyles({
  buttons: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

export interface TemplatePanelProps {
  disabled: boolean;
  canGoToCell: boolean;
  onInsert: (kind: TemplateKind) => Promise<string | null>;
  onGoToSheet: (sheet: string) => void;
}

export function TemplatePanel({ disabled, canGoToCell, onInsert, onGoToSheet }: TemplatePanelProps) {
  const s = useStyles();
  const [added, setAdded] = React.useState<string | null>(null);
  const [inserting, setInserting] = React.useState<TemplateKind | null>(null);

  const insert = async (kind: TemplateKind) => {
    setInserting(kind);
    setAdded(null);
    const name = await onInsert(kind);
    setInserting(null);
    if (name) setAdded(name);
  };

  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">Insert template sheet</h2>
      <p style={{ marginTop: 0 }}>Adds a blank sheet laid out on the standard template, ready to fill in.</p>
      <div className={s.buttons}>
        {TEMPLATE_KINDS.map((k) => (
          <Button key={k} onClick={() => void insert(k)} disabledFocusable={disabled || inserting !== null}>
            {`Insert ${TEMPLATE_LABEL[k].toLowerCase()}`}
          </Button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {added && (
          <p>
            Added sheet{" "}
            {canGoToCell ? (
              <Link as="button" onClick={() => onGoToSheet(added)}>
                {added}
              </Link>
            ) : (
              <strong>{added}</strong>
            )}
            .
          </p>
        )}
      </div>
    </section>
  );
}
