/**
 * Download links for the blank standard templates, from the page itself: each made in a
 * worker by the command line's template writer, so the page and `board-summary template`
 * give the same workbook.
 */
import * as React from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATE_KINDS, type TemplateKind } from "../core/templates/template-model";
import { TEMPLATE_LABEL, errorText } from "../taskpane/messages";
import type { MakeTemplate } from "./protocol";
import { downloadTemplate, templateFileName } from "./templates";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  text: { margin: `0 0 ${tokens.spacingVerticalS} 0` },
  problem: { margin: `${tokens.spacingVerticalS} 0 0 0`, color: tokens.colorStatusDangerForeground1 },
});

export function BlankTemplates({ makeTemplate }: { makeTemplate: MakeTemplate }) {
  const s = useStyles();
  const [making, setMaking] = React.useState<TemplateKind | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);

  const get = async (kind: TemplateKind) => {
    setMaking(kind);
    setProblem(null);
    try {
      await downloadTemplate(makeTemplate, kind);
    } catch (e) {
      setProblem(errorText(e, `make the ${TEMPLATE_LABEL[kind].toLowerCase()} template`));
    } finally {
      setMaking(null);
    }
  };

  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">Blank templates</h2>
      <p className={s.text}>
        Workbooks laid out on the standard templates, with drop-down lists and checks where values are typed: fill one in,
        then open it here. The same files as <code>board-summary template</code>.
      </p>
      <ul className={s.list}>
        {TEMPLATE_KINDS.map((kind) => (
          <li key={kind}>
            <Link as="button" onClick={() => void get(kind)} disabled={making !== null} aria-busy={making === kind}>
              {`${TEMPLATE_LABEL[kind]} (${templateFileName(kind)})`}
            </Link>
            {making === kind && " Preparing the download..."}
          </li>
        ))}
      </ul>
      {problem && (
        <p className={s.problem} role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
