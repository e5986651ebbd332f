/**
 * Seed 002 (Midlothian IJB Directions 2023/24, half-year report, Appendix 1) as the sheet a
 * board secretary would keep: a sheet title, then for each theme a title row, an outcome
 * statement, the two-row header (`No | Direction | Performance Measures` merged over three
 * columns, then `Measure and metric | Progress at half-year 2023/24 | Source`) and the
 * direction rows. The 9.x block has no theme heading, as in the paper. Figures copied from
 * the paper; the page break that split 4.3's second measure is mended.
 */
import type { Cell, Merge, SheetSnapshot } from "../../src/core/snapshot";

export type SeedValue = string | number | Partial<Omit<Cell, "row" | "col">>;

export interface SeedRow {
  /** Measures, one a bullet. */
  measures: string[];
  progress?: SeedValue;
  source?: string;
}

export interface SeedDirection extends SeedRow {
  no: string;
  text: string;
  /** A row below with an empty No (seed 4.3, 7.3). */
  continuation?: SeedRow;
}

export interface SeedTheme {
  title: string | null;
  outcome: string | null;
  measureHeading: string;
  sourceHeading: string;
  directions: SeedDirection[];
}

const PLANS = "HSCP Service Plans (Governance provided by HSCP Finance & Performance)";
const pct = (fraction: number): SeedValue => ({ value: fraction, format: "0%" });

export const SEED_THEMES: SeedTheme[] = [
  {
    title: "Health & Wellbeing",
    outcome: "People are able to look after and improve their health and wellbeing and live in good health for longer.",
    measureHeading: "Measure",
    sourceHeading: "Source",
    directions: [
      {
        no: "1.1",
        text: "All services delegated to Midlothian IJB must demonstrate through service planning and reporting how they have increased collaborative and integrated working that improves population health and wellbeing, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports collaborative and integrated working to improve population health.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% Service Reports includes evidence of collaborative and integrated working to improve population health.",
        ],
        progress: pct(0.92),
        source: PLANS,
      },
      {
        no: "1.2",
        text: "To support proactive population approaches to health, wellbeing and wellness, services should ensure service planning demonstrates reduced medicalisation of non-medical issues, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports reduced medicalisation of non-medical issues.",
        ],
      },
    ],
  },
  {
    title: "Living in the Community",
    outcome: "People are able to live, as much as possible, independently and at home or in a homely setting in their community.",
    measureHeading: "Measure and metric",
    sourceHeading: "Source",
    directions: [
      {
        no: "2.1",
        text: "All services delegated to Midlothian IJB must evidence the connection with communities, partners, and use of technology to improve self management and self monitoring, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% Service Reports includes evidence of connection with communities, partners, and use of technology to improve self management and self monitoring.",
        ],
      },
      {
        no: "2.2",
        text: "All services delegated to Midlothian IJB must ensure service planning describes a clear process to ensure fair access, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance of progress towards actions as detailed in the Midlothian IJB Mainstreaming Equalities Report & Action Plan 2023-25.",
        ],
      },
    ],
  },
  {
    title: "Positive Experiences & Dignity",
    outcome: "People who use health & social care services have positive experiences of those services, and have their dignity respected",
    measureHeading: "Measure and metric",
    sourceHeading: "Source",
    directions: [
      {
        no: "3.1",
        text: "All services delegated to Midlothian IJB will contribute to the IJBs ability to describe activity, experience and outcomes. Services use and develop outcome mapping, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports the measurement of activity, experience and outcome.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% Service Reports includes evidence of the development and use of outcome mapping.",
        ],
        progress: pct(0.92),
        source: PLANS,
      },
      {
        no: "3.2",
        text: "All relevant services delegated to Midlothian IJB must develop and demonstrate an increase in the effective and proactive outreach to people living with frailty, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans supports support proactive outreach to people living with frailty.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports includes evidence of evidence of proactive outreach to people living with frailty.",
        ],
        progress: pct(0.69),
        source: PLANS,
      },
      {
        no: "3.3",
        text: "All services delegated to Midlothian IJB should review practices and further develop person-centred approaches to support recovery including The Midway and Good Conversations Approach, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of Service Reports includes evidence of review of practices and further developments in person-centred approaches to support recovery including The Midway and Good Conversations Approach.",
        ],
      },
    ],
  },
  {
    title: "Quality of Life",
    outcome: "Health & social care services help to maintain or improve the quality of life of people who use those.",
    measureHeading: "Measure and metric",
    sourceHeading: "Source",
    directions: [
      {
        no: "4.1",
        text: "NHS Lothian and Midlothian Council must ensure accessible feedback mechanisms for all people and communities by January 2024 in order to develop innovative, integrated service offers and supports.",
        measures: [
          "By January 2024, all NHS Lothian feedback mechanisms meet accessibility legislative requirements.",
          "By January 2024, all Midlothian Council feedback mechanisms meet accessibility legislative requirements",
        ],
      },
      {
        no: "4.2",
        text: "In order to maximise opportunities to improve personal outcomes, all services delegated to Midlothian IJB should ensure that the principles of self management are embedded in service delivery design, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports the principles of self management being embedded in service delivery design.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of Service Reports includes evidence of the principles of self management being embedded in service delivery design.",
        ],
        // Typed as text, as often happens.
        progress: "62%",
        source: PLANS,
      },
      {
        no: "4.3",
        text: "All relevant services delegated to Midlothian IJB should evidence how they are sharing information about Self Directed Support (SDS) options, and recording changes in uptake, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support sharing information about Self Directed Support (SDS) options.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of sharing information about Self Directed Support (SDS) options.",
        ],
        progress: pct(0.75),
        source: PLANS,
        continuation: {
          measures: [
            "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of changes in uptake of Self Directed Support (SDS) options.",
          ],
        },
      },
    ],
  },
  {
    title: "Health Inequalities",
    outcome: "Health & social care services contribute to reducing health inequalities.",
    measureHeading: "Measure",
    sourceHeading: "Source",
    directions: [
      {
        no: "5.1",
        text:
          "NHS Lothian and Midlothian Council must ensure that data can be disaggregated by HSCP area in order to support the equitable provision of service offers and support across our communities, minimise disadvantage where possible, meet different needs, and encourage participation. This should include ensuring\n" +
          "• systems and data have the capabilities to collect and filter data appropriately by HSCP area and by protected characteristics\n" +
          "• health and social care workforce are suitably trained and skilled to gather and input this data, and\n" +
          "• data quality assurance, by January 2025.",
        measures: [
          "By January 2025, HSCPs have timely, credible, disaggregated data to support the equitable provision of service offers and support across our communities, minimise disadvantage where possible, meet different needs, and encourage participation.",
          "By January 2025, Midlothian HSCP will provide assurance that 100% of the appropriate health and social care workforce are suitably trained and skilled to gather and input this data.",
          "By January 2025, Midlothian HSCP will provide assurance that 100% of services have data quality assurance processes and structures in place.",
        ],
      },
      {
        no: "5.2",
        text: "NHS Lothian and Midlothian Council must explore opportunities for integrated system-wide digital solutions and create an action plan of jointly agreed priorities by January 2024.",
        measures: [
          "By January 2024, a Joint Plan will be in place that describes the priority actions agreed between NHS Lothian and Midlothian Council. This should include, but not be limited to:",
          "○ Timeline, Allocation of tasks, Integrated Impact Assessment, Stakeholder Engagement, Governance structures (HSCP, NHS Lothian eHealth, Midlothian Digital Services).",
        ],
      },
    ],
  },
  {
    title: "Support for Carers",
    outcome: "People who provide unpaid care are supported to look after their health and wellbeing.",
    measureHeading: "Measure and metric",
    sourceHeading: "Source?",
    directions: [
      {
        no: "6.1",
        text: "All services delegated to Midlothian IJB that aim to move care from hospital to home should ensure service planning considers the impact of this on unpaid carers, and evidence appropriate supportive actions, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support consideration of the impact on unpaid carers of the movement of care from hospital to home.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans includes evidence of planned appropriate supportive actions.",
        ],
        progress: pct(0.89),
        source: PLANS,
      },
      {
        no: "6.2",
        text: "Explore and define the demand for and the benefit of a Midlothian Care and Support Co-operative in order to provide a platform that facilitates brokerage of personalised support for carers, identifies local assets, and enhances local economic value by January 2024.",
        measures: ["By January 2024, a Midlothian Care and Support Co-operative will be established."],
      },
    ],
  },
  {
    title: "Safe from Harm",
    outcome: "People using health & social care services are safe from harm.",
    measureHeading: "Measure",
    sourceHeading: "Source",
    directions: [
      {
        no: "7.1",
        text: "All relevant services delegated to Midlothian IJB must explore and evaluate the benefits and risks of adopting a 'request for assistance' approach as an alternative to a traditional referral pathways, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support exploration and evaluation of the benefits and risks of adopting a 'request for assistance' approach as an alternative to a traditional referral pathways.",
        ],
        progress: pct(0.62),
        source: PLANS,
      },
      {
        no: "7.2",
        text: "Where there is a statutory responsibility to manage harmful behaviours, all services must communicate the impact of action taken to maximise people's safety in our communities, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of the impact of action taken to maximise people's safety in our communities.",
        ],
      },
      {
        no: "7.3",
        text: "Services should improve the people who use substances' understanding of their rights and responsibilities in relation to supported self assessment and risk management, by January 2024. Services should evaluate the relationship between this work and any reduction in harm or improvements in personal outcomes.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support improvements in the people who use substances' understanding of their rights and responsibilities in relation to supported self assessment and risk management.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence improvements to the people who use substances' understanding of their rights and responsibilities in relation to supported self assessment and risk management.",
        ],
        progress: pct(1),
        source: PLANS,
        continuation: {
          measures: [
            "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support evaluation of the relationship between this work and any reduction in harm or improvements in personal outcomes.",
            "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of the evaluation of the relationship between this work and any reduction in harm or improvements in personal outcomes.",
          ],
          progress: "100%",
          source: PLANS,
        },
      },
    ],
  },
  {
    title: "Workforce",
    outcome: "Staff are engaged with their work and are supported to continuously improve the information, support, care and treatment they provide.",
    measureHeading: "Measure",
    sourceHeading: "Source",
    directions: [
      {
        no: "8.1",
        text: "NHS Lothian and Midlothian Council should work in collaboration with Midlothian HSCP to support the delivery of the integrated Midlothian HSCP Staff Engagement Plan 2023-24.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the HSCP Staff report increased levels of engagement with their work.",
          "By January 2024, Midlothian HSCP will provide assurance that the HSCP Staff report increased confidence in their abilities to continuously improve the information, support, care and treatment they provide.",
        ],
      },
      {
        no: "8.2",
        text: "NHS Lothian and Midlothian Council should work in collaboration with Midlothian HSCP to support the delivery of the Midlothian HSCP Integrated Workforce Plan 2022-25.",
        measures: [
          "Midlothian HSCP will provide assurance on the progress towards the objectives of the Midlothian HSCP Integrated Workforce Plan 2022-25 actions delivered.",
        ],
      },
    ],
  },
  {
    // The paper gives the 9.x block no theme heading.
    title: null,
    outcome: null,
    measureHeading: "Measure",
    sourceHeading: "Source",
    directions: [
      {
        no: "9.1",
        text: "Maximise opportunities to work collaboratively across Lothian to design an approach and methodology to better understand and evidence the use of the set aside budget and associated services by HSCP area. This should include mechanism to better understand the impact of community prevention and early intervention activity across the whole system.",
        measures: [
          "HSCPs are provided with consistent, clear information relating to the use of the set aside budget and associated services.",
          "HSCPs can provide consistent, clear information to demonstrate the impact of community prevention and early intervention activity across the whole system.",
        ],
        progress: "This requires engagement at whole system level.",
        source: "Audit of *agreed key meeting documentation, including but not limited to: Minutes Papers Action Plans Action Trackers",
      },
      {
        no: "9.2",
        text: "All services delegated to Midlothian IJB must be able to demonstrate Best Value with evidence based data and meet cost efficiency targets in 2023-24, 2024-25, and 2025-26.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of Best Value.",
          "By year-end 2023-24, 2024-25, and 2025-26, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of meeting annual cost efficiency targets.",
        ],
      },
    ],
  },
];

export const SEED_TITLE = "Midlothian IJB Directions 2023-24";
export const SEED_PERIOD_HEADING = "Progress at half-year 2023/24";

export interface SeedSheet {
  sheet: SheetSnapshot;
  /** Each direction's first row, by number. */
  rowOf: Map<string, number>;
  /** The first row of each theme's header, in order. */
  headerRows: number[];
}

/** Columns: A No, B Direction, C Measure, D Progress, E Source. */
export function buildDirectionsSeed(name = "Directions 2023-24"): SeedSheet {
  const cells: Cell[] = [];
  const merges: Merge[] = [];
  const rowOf = new Map<string, number>();
  const headerRows: number[] = [];
  const put = (row: number, col: number, v: SeedValue | undefined): void => {
    if (v === undefined || v === "") return;
    if (typeof v === "object") cells.push({ row, col, value: v.value ?? null, ...v });
    else cells.push({ row, col, value: v });
  };
  const bullets = (ms: string[]): string => ms.map((m) => (m.startsWith("○") ? m : `• ${m}`)).join("\n");
  const across = (row: number): void => void merges.push({ top: row, left: 1, bottom: row, right: 5 });

  put(1, 1, SEED_TITLE);
  across(1);
  let row = 3;
  for (const theme of SEED_THEMES) {
    if (theme.title !== null) {
      put(row, 1, theme.title);
      across(row++);
    }
    if (theme.outcome !== null) {
      put(row, 1, theme.outcome);
      across(row++);
    }
    headerRows.push(row);
    put(row, 1, "No");
    put(row, 2, "Direction");
    put(row, 3, "Performance Measures");
    merges.push({ top: row, left: 1, bottom: row + 1, right: 1 });
    merges.push({ top: row, left: 2, bottom: row + 1, right: 2 });
    merges.push({ top: row, left: 3, bottom: row, right: 5 });
    put(row + 1, 3, theme.measureHeading);
    put(row + 1, 4, SEED_PERIOD_HEADING);
    put(row + 1, 5, theme.sourceHeading);
    row += 2;
    for (const d of theme.directions) {
      rowOf.set(d.no, row);
      put(row, 1, d.no);
      put(row, 2, d.text);
      put(row, 3, bullets(d.measures));
      put(row, 4, d.progress);
      put(row, 5, d.source);
      row++;
      if (d.continuation) {
        put(row, 3, bullets(d.continuation.measures));
        put(row, 4, d.continuation.progress);
        put(row, 5, d.continuation.source);
        row++;
      }
    }
    row++; // a blank row between themes
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { sheet: { name, visibility: "visible", cells, merges }, rowOf, headerRows };
}
