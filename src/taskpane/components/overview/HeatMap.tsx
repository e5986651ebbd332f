/**
 * A risk heat map as a table (action-plans-and-risks.md §11, Totals): impact up the side,
 * likelihood along the bottom, as NHS registers draw it. Every cell holds its count (0 too)
 * on its band's colour, and says its band in words to a screen reader; a key under the
 * grid says in words which colour is which band, so colour is never the only sign.
 * Each count cell names its headers (`headers`), since the likelihood headers sit below it.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import type { Rag } from "../../../core/records";
import { RAG_WORDS } from "../../../core/words";

const useStyles = makeStyles({
  table: {
    borderCollapse: "separate",
    borderSpacing: tokens.spacingHorizontalXXS,
    fontVariantNumeric: "tabular-nums",
    ...typographyStyles.body1,
  },
  caption: { ...typographyStyles.body1Strong, textAlign: "left", paddingBottom: tokens.spacingVerticalXS },
  rowHeader: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "right",
    paddingRight: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
  },
  colHeader: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, textAlign: "center" },
  axis: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, textAlign: "center" },
  cell: {
    minWidth: "2rem",
    height: "1.75rem",
    textAlign: "center",
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusSmall,
  },
  some: { fontWeight: tokens.fontWeightBold },
  red: { backgroundColor: tokens.colorStatusDangerBackground2 },
  // Marigold, not the warning status's peach, which is too near the red's pink to tell apart.
  amber: { backgroundColor: tokens.colorPaletteMarigoldBackground2 },
  green: { backgroundColor: tokens.colorStatusSuccessBackground2 },
  blue: { backgroundColor: tokens.colorBrandBackground2 },
  grey: { backgroundColor: tokens.colorNeutralBackground4 },
  key: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    listStyleType: "none",
    padding: 0,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  // One band's words never break across lines.
  keyItem: { whiteSpace: "nowrap" },
  swatch: {
    display: "inline-block",
    width: "0.75em",
    height: "0.75em",
    marginRight: tokens.spacingHorizontalXXS,
    verticalAlign: "baseline",
    borderRadius: tokens.borderRadiusSmall,
  },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface HeatMapProps {
  caption: string;
  /** Counts, rows top (highest impact) down, columns likelihood lowest first. */
  grid: number[][];
  /** Each cell's band. */
  bands: Rag[][];
  /** The impact of each row, top down, and the likelihood of each column, as the headers write them. */
  impacts: string[];
  likelihoods: string[];
  /** Each band that occurs in the grid, in words: "score 15 or more". */
  legend: Partial<Record<Rag, string>>;
}

export function HeatMap({ caption, grid, bands, impacts, likelihoods, legend }: HeatMapProps) {
  const s = useStyles();
  const id = React.useId();
  const rowId = (r: number) => `${id}-impact-${r}`;
  const colId = (c: number) => `${id}-likelihood-${c}`;
  const keyed = (Object.keys(legend) as Rag[]).filter((g) => bands.some((row) => row.includes(g)));
  return (
    <div>
      <table className={s.table}>
        <caption className={s.caption}>{caption}</caption>
        <tbody>
          {grid.map((row, r) => (
            <tr key={impacts[r]}>
              <th scope="row" id={rowId(r)} className={s.rowHeader}>
                Impact {impacts[r]}
              </th>
              {row.map((n, c) => (
                <td
                  key={likelihoods[c]}
                  headers={`${rowId(r)} ${colId(c)}`}
                  className={mergeClasses(s.cell, s[bands[r][c]], n > 0 && s.some)}
                  data-band={bands[r][c]}
                >
                  {n}
                  <span className={s.srOnly}> {n === 1 ? "risk" : "risks"}, {RAG_WORDS[bands[r][c]]}</span>
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <td />
            {likelihoods.map((l, c) => (
              <th key={l} scope="col" id={colId(c)} className={s.colHeader}>
                <span className={s.srOnly}>Likelihood </span>
                {l}
              </th>
            ))}
          </tr>
          <tr>
            <td />
            <td colSpan={likelihoods.length} className={s.axis} aria-hidden="true">
              Likelihood
            </td>
          </tr>
        </tbody>
      </table>
      <ul className={s.key} aria-label={`Key: ${caption}`}>
        {keyed.map((g) => (
          <li key={g} className={s.keyItem}>
            <span className={mergeClasses(s.swatch, s[g])} aria-hidden="true" />
            {RAG_WORDS[g]}: {legend[g]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The number of risks a grid holds. */
export function gridTotal(grid: readonly (readonly number[])[]): number {
  return grid.reduce((n, row) => row.reduce((m, x) => m + x, n), 0);
}

/** The 5 × 5 grid's key, from the risk score thresholds in force. */
export function key5(riskRed: number, riskAmber: number): Partial<Record<Rag, string>> {
  return {
    red: `score ${riskRed} or more`,
    amber: riskAmber === riskRed - 1 ? `score ${riskAmber}` : `score ${riskAmber} to ${riskRed - 1}`,
    green: riskAmber === 2 ? "score 1" : `score 1 to ${riskAmber - 1}`,
  };
}

/** The 3 × 3 grid's key (§11 rule 2: 6–9 high, 3–4 medium, 1–2 low). */
export const KEY3: Partial<Record<Rag, string>> = { red: "high (6 to 9)", amber: "medium (3 or 4)", green: "low (1 or 2)" };
