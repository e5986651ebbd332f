/**
 * The command line, in brief, where the task pane's link outside Excel goes
 * (`index.html#command-line`): the same checks and summary sheets from a terminal.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  code: {
    margin: `${tokens.spacingVerticalS} 0`,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    // Long commands wrap rather than push the page sideways in a narrow window.
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  text: { margin: 0 },
});

export function CommandLineHelp() {
  const s = useStyles();
  return (
    <section id="command-line" aria-labelledby="command-line-heading">
      <h2 id="command-line-heading">The command line</h2>
      <p className={s.text}>
        For batch runs and scripts, <code>board-summary</code> does the same checks and writes the same summary sheets from a
        terminal. In the Board Summary folder, after <code>npm ci</code>:
      </p>
      <pre className={s.code}>
        {[
          "npx board-summary check board-pack.xlsx",
          "npx board-summary check board-pack.xlsx --json",
          "npx board-summary build board-pack.xlsx --as-of 31/03/2024",
          "npx board-summary template recovery-action -o recovery-action.xlsx",
        ].join("\n")}
      </pre>
      <p className={s.text}>
        <code>build</code> writes <code>board-pack.summary.xlsx</code> beside the workbook and never replaces a file it did
        not write (unless you add <code>--force</code>). Put a name with spaces in quotes. Every option:{" "}
        <code>npx board-summary --help</code>, and docs/command-line.md in the project.
      </p>
    </section>
  );
}
