/**
 * Writes the sample workbooks into examples/ (run: `npx ts-node --transpile-only
 * scripts/make-samples.ts [DIR]`):
 * - board-pack.xlsx: the clean sample (forms, a register, the directions report, settings);
 * - savings-register.xlsx: the 2018/19 register alone, in the paper's own layout;
 * - board-pack-with-errors.xlsx: a pack with deliberate mistakes raising every finding code;
 * - od-action-plan.xlsx: seed 003's OD action plan (actions 6.1 to 7.5), with a few stated RAGs;
 * - programme-plan-and-risks.xlsx: seed 004's phase plans and its five-risk register.
 *
 * Figures and text are copied from public board papers (listed in examples/README.md),
 * so nothing here reads the papers themselves. The builders are exported for tests.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { FindingCode } from "../src/core/findings";
import { templateModel } from "../src/core/templates/template-model";
import { must } from "./must";
import {
  ISRB_DATE,
  ISRB_ORGANISATION,
  ISRB_PHASES,
  ISRB_RISK_HEADER,
  ISRB_RISKS,
  ISRB_TITLE,
  OD_PLAN_HEADER,
  OD_PLAN_ORGANISATION,
  OD_PLAN_ROWS,
  OD_PLAN_TITLE,
  type PhasePlan,
} from "./seed-plans";

// =======================================================================================
// The papers' figures and text: Midlothian HSCP Financial Recovery Actions 2024/25;
// Midlothian IJB Achieving Financial Balance 2018/19 (report of 11 January 2018, table
// 3.6); Midlothian IJB Directions 2023/24 half-year report (21 September 2023, Appendix 1)
// =======================================================================================

// ---- Financial Recovery Actions 2024/25 ------------------------------------------------

export const FRA_2024 = {
  organisation: "Midlothian Health and Social Care",
  paper: "Financial Recovery Actions 2024/25",
  title: "Finance Recovery Action: Planning, Performance, and Programme Funding",
  execLead: "Gill Main, Integration Manager",
  description:
    "Description: A reduction in funding to the Planning Performance and Programme team will initiate Organisational Change in partnership with NHS Lothian, Midlothian Council and Trade Union partners to reduce recurring staff-pay costs by £448K.",
  serviceArea: "Planning, Performance, and Programme",
  value: "£448K",
  riskLevel: "High",
  planDateIso: "2024-03-21",
  version: "v1",
  aims: "No.1 No.2 No.3 No.4 No.5 No.6",
  actions:
    "Commence Organisational Change with NHS Lothian, Midlothian Council and Trade Union partners.\n" +
    "Determine the most effective use of the available resources to meet the needs of Midlothian IJB and HSCP.\n" +
    "Progress and then conclude Organisational Change to realise the total financial recovery value.",
  dependencies:
    "Collaborative working across organisations and staff groups.\n" +
    "Any ongoing HR processes.\n" +
    "NHS Lothian and Midlothian Council terms and conditions of employment.",
  risks:
    "The time between commencing and concluding organisational change will result in a limited return on the savings target in 24/25.\n" +
    "The full recovery value will not be realised until organisational change concludes in full.\n" +
    "Organisational change will be required across NHS Lothian and Midlothian Council employed staff groups and impact widely on a range of roles and job descriptions.\n" +
    "Key IJB and HSCP duties are likely to be incomplete or delayed.",
  mitigation:
    "Suspend recruitment to posts which become vacant prior to organisational change commencing.\n" +
    "Close working with the HSPC management team, Partnership colleagues, all staff groups impacted, Employee Relations, and HR.\n" +
    "Request NHS Lothian and Midlothian Council support the HSCP Management Team to create the conditions for Organisational Change to commence.\n" +
    "Reduce the scope and depth of support to the IJB and HSCP.\n" +
    "Reallocate tasks that require skills and competencies that are not unique to strategic planning, analysis, or project management professionals.",
  timeframe: "Unknown",
  triangulation: [
    {
      name: "Population Need",
      evidence:
        "Progress towards an agreed timeline and achievement of key milestones.\niMatter reports and Staff Stress Risk Assessments.\nOrganisational Change documentation.",
      success:
        "Organisational Change is underway and being progressed appropriately and in a timely manner.\n" +
        "Staff remain well, at work and productive throughout the Organisational Change process.\n" +
        "There is strong evidence of collaborative working, shared decision making and shared responsibility for outcomes across the HSCP Management Team.",
      corrective:
        "Organisational Change has not commenced.\n" +
        "iMatter engagement index or PDr/MPM completion decreases, and/or staff absence, stress at work or attrition increase.\n" +
        "Progress cannot be made in advancing Organisational Change.",
      frequency: "Quarterly",
    },
    {
      name: "Finance",
      evidence: "Monthly Service Finance Reports.",
      success:
        "The total financial recovery value has been achieved through Organisational Change\n" +
        "Agreed targets towards the total financial recovery value are met at key milestones.",
      corrective:
        "No progress has been made towards achieving the total financial recovery value.\n" +
        "Limited progress has been made towards achieving the total financial recovery value and key milestones have not been met.",
      frequency: "Quarterly",
    },
    {
      name: "Outcomes",
      evidence: "OutNav: IJB Strategic Commissioning Map.",
      success:
        "The OutNav Heatmap will shows a maintained or improved position in both our progress and our confidence in the strength of our evidence.\n" +
        "The OutNav Heatmap clearly demonstrates the contribution the service make to the 6 strategic aims continues to indicate progress and a high confidence in the strength of the evidence.",
      corrective:
        "The IJB is not satisfied the statutory governance of the IJB is being conducted appropriately or in a timely manner.\n" +
        "The IJB is not satisfied the business of the IJB is being conducted appropriately or in a timely manner.\n" +
        "The IJB is not satisfied that strategic planning activity and reporting is being conducted appropriately or in a timely manner.",
      frequency: "Quarterly",
    },
  ],
} as const;

/** The guidance row of the plan table: the form's own questions, each ending in `?`. */
export const PLAN_GUIDANCE = [
  "Which Strategic Aims are impacted by this recovery action?",
  "What are the high-level actions that you are going to take?",
  "What are the factors that influence this work that are out with your control?",
  "What are the main risks?",
  "How are you mitigating these risks?",
] as const;

export const TRIANGULATION_GUIDANCE = [
  "The areas of our triangulated approach to monitoring impact",
  "What data/information source(s) are you using to monitor change over time?",
  "What would indicate the recovery action is being successfully managed?",
  "What would indicate corrective or additional support is required to deliver this recovery action?",
  "How frequently will you report on progress?",
] as const;

// ---- Achieving Financial Balance 2018/19 ----------------------------------------------

export interface RegisterLine {
  ref: string;
  serviceArea: string;
  /** The Analysis of Issue as the paper wraps it: one entry per printed line. */
  analysis: string[];
  pounds: number;
}

/** Table 3.6, in the paper's order; refs are ours (the paper has none). */
export const REGISTER_2018: RegisterLine[] = [
  { ref: "AFB-01", serviceArea: "Reablement Service", analysis: ["Significant time spent on travel", "resulting in reduced productivity"], pounds: 277_000 },
  { ref: "AFB-02", serviceArea: "Prescribing", analysis: ["Costs are £6 per patient higher", "than Scottish average"], pounds: 940_000 },
  { ref: "AFB-03", serviceArea: "Homecare/Care at Home", analysis: ["External providers not delivering to", "the full contract"], pounds: 900_000 },
  { ref: "AFB-04", serviceArea: "Learning Disability Services", analysis: ["Reviews and assessments outwith", "recommended review period"], pounds: 200_000 },
  { ref: "AFB-05", serviceArea: "Bank & Agency (NHS)", analysis: ["Ongoing use of bank staff beyond", "vacancy coverage"], pounds: 75_000 },
  { ref: "AFB-06", serviceArea: "Agency & Standby (MLC)", analysis: ["Usage has reduced but still scope for further improvement"], pounds: 75_000 },
  { ref: "AFB-07", serviceArea: "Mental Health", analysis: ["Opportunity to move beyond bed-based model of care"], pounds: 50_000 },
  {
    ref: "AFB-08",
    serviceArea: "Acute Services",
    analysis: ["Redesign services to reflect shift in the balance of care\n- Frailty\n- Diabetes\n- Respiratory\n- End of life care"],
    pounds: 540_000,
  },
  { ref: "AFB-09", serviceArea: "Charging for Services", analysis: ["Scope to introduce charging to bring in to line with other areas"], pounds: 300_000 },
  { ref: "AFB-10", serviceArea: "Operational Management", analysis: ["Review and reduction of travel, non-pay and other costs"], pounds: 50_000 },
  { ref: "AFB-11", serviceArea: "Service Delivery", analysis: ["Service reviews to reflect changing models of care"], pounds: 80_000 },
];

/** The paper's stated total and the gap it was set against. */
export const REGISTER_2018_TOTAL = 3_487_000;
export const GAP_2018_TARGET = 4_500_000;
/** The register's page break falls before this line (the header is repeated there). */
export const REGISTER_2018_PAGE_BREAK_BEFORE = "Mental Health";
/** A blank line falls before this one in the paper. */
export const REGISTER_2018_BLANK_BEFORE = "Agency & Standby (MLC)";

// ---- Directions 2023/24, half-year report ---------------------------------------------

export interface DirectionRow {
  /** Empty for a continuation row. */
  no: string;
  direction: string;
  measures: string[];
  /** Percent (92) or narrative text; null when blank. */
  progress: number | string | null;
  source: string;
}

export interface DirectionBlock {
  /** Null for the block with a header but no theme heading (9.x). */
  theme: string | null;
  outcome: string | null;
  measureHeader: string;
  sourceHeader: string;
  rows: DirectionRow[];
}

const SERVICE_PLANS = "HSCP Service Plans (Governance provided by HSCP Finance & Performance)";

export const DIRECTIONS_2023: DirectionBlock[] = [
  {
    theme: "Health & Wellbeing",
    outcome: "People are able to look after and improve their health and wellbeing and live in good health for longer.",
    measureHeader: "Measure",
    sourceHeader: "Source",
    rows: [
      {
        no: "1.1",
        direction:
          "All services delegated to Midlothian IJB must demonstrate through service planning and reporting how they have increased collaborative and integrated working that improves population health and wellbeing, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports collaborative and integrated working to improve population health.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% Service Reports includes evidence of collaborative and integrated working to improve population health.",
        ],
        progress: 92,
        source: SERVICE_PLANS,
      },
      {
        no: "1.2",
        direction:
          "To support proactive population approaches to health, wellbeing and wellness, services should ensure service planning demonstrates reduced medicalisation of non-medical issues, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports reduced medicalisation of non-medical issues.",
        ],
        progress: null,
        source: "",
      },
    ],
  },
  {
    theme: "Living in the Community",
    outcome: "People are able to live, as much as possible, independently and at home or in a homely setting in their community.",
    measureHeader: "Measure and metric",
    sourceHeader: "Source",
    rows: [
      {
        no: "2.1",
        direction:
          "All services delegated to Midlothian IJB must evidence the connection with communities, partners, and use of technology to improve self management and self monitoring, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% Service Reports includes evidence of connection with communities, partners, and use of technology to improve self management and self monitoring.",
        ],
        progress: null,
        source: "",
      },
      {
        no: "2.2",
        direction: "All services delegated to Midlothian IJB must ensure service planning describes a clear process to ensure fair access, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance of progress towards actions as detailed in the Midlothian IJB Mainstreaming Equalities Report & Action Plan 2023-25.",
        ],
        progress: null,
        source: "",
      },
    ],
  },
  {
    theme: "Positive Experiences & Dignity",
    outcome:
      "People who use health & social care services have positive experiences of those services, and have their dignity respected",
    measureHeader: "Measure and metric",
    sourceHeader: "Source",
    rows: [
      {
        no: "3.1",
        direction:
          "All services delegated to Midlothian IJB will contribute to the IJBs ability to describe activity, experience and outcomes. Services use and develop outcome mapping, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports the measurement of activity, experience and outcome.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% Service Reports includes evidence of the development and use of outcome mapping.",
        ],
        progress: 92,
        source: SERVICE_PLANS,
      },
      {
        no: "3.2",
        direction:
          "All relevant services delegated to Midlothian IJB must develop and demonstrate an increase in the effective and proactive outreach to people living with frailty, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans supports support proactive outreach to people living with frailty.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports includes evidence of evidence of proactive outreach to people living with frailty.",
        ],
        progress: 69,
        source: SERVICE_PLANS,
      },
      {
        no: "3.3",
        direction:
          "All services delegated to Midlothian IJB should review practices and further develop person-centred approaches to support recovery including The Midway and Good Conversations Approach, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of Service Reports includes evidence of review of practices and further developments in person-centred approaches to support recovery including The Midway and Good Conversations Approach.",
        ],
        progress: null,
        source: "",
      },
    ],
  },
  {
    theme: "Quality of Life",
    outcome: "Health & social care services help to maintain or improve the quality of life of people who use those.",
    measureHeader: "Measure and metric",
    sourceHeader: "Source",
    rows: [
      {
        no: "4.1",
        direction:
          "NHS Lothian and Midlothian Council must ensure accessible feedback mechanisms for all people and communities by January 2024 in order to develop innovative, integrated service offers and supports.",
        measures: [
          "By January 2024, all NHS Lothian feedback mechanisms meet accessibility legislative requirements.",
          "By January 2024, all Midlothian Council feedback mechanisms meet accessibility legislative requirements",
        ],
        progress: null,
        source: "",
      },
      {
        no: "4.2",
        direction:
          "In order to maximise opportunities to improve personal outcomes, all services delegated to Midlothian IJB should ensure that the principles of self management are embedded in service delivery design, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of Service Plans supports the principles of self management being embedded in service delivery design.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of Service Reports includes evidence of the principles of self management being embedded in service delivery design.",
        ],
        progress: 62,
        source: SERVICE_PLANS,
      },
      {
        no: "4.3",
        direction:
          "All relevant services delegated to Midlothian IJB should evidence how they are sharing information about Self Directed Support (SDS) options, and recording changes in uptake, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support sharing information about Self Directed Support (SDS) options.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of sharing information about Self Directed Support (SDS) options.",
        ],
        progress: 75,
        source: SERVICE_PLANS,
      },
      {
        // The paper runs 4.3's measures over a page break: more measures, no progress.
        no: "",
        direction: "",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of changes in uptake of Self Directed Support (SDS) options.",
        ],
        progress: null,
        source: "",
      },
    ],
  },
  {
    theme: "Health Inequalities",
    outcome: "Health & social care services contribute to reducing health inequalities.",
    measureHeader: "Measure",
    sourceHeader: "Source",
    rows: [
      {
        no: "5.1",
        direction:
          "NHS Lothian and Midlothian Council must ensure that data can be disaggregated by HSCP area in order to support the equitable provision of service offers and support across our communities, minimise disadvantage where possible, meet different needs, and encourage participation. This should include ensuring\n" +
          "• systems and data have the capabilities to collect and filter data appropriately by HSCP area and by protected characteristics\n" +
          "• health and social care workforce are suitably trained and skilled to gather and input this data, and\n" +
          "• data quality assurance, by January 2025.",
        measures: [
          "By January 2025, HSCPs have timely, credible, disaggregated data to support the equitable provision of service offers and support across our communities, minimise disadvantage where possible, meet different needs, and encourage participation.",
          "By January 2025, Midlothian HSCP will provide assurance that 100% of the appropriate health and social care workforce are suitably trained and skilled to gather and input this data.",
          "By January 2025, Midlothian HSCP will provide assurance that 100% of services have data quality assurance processes and structures in place.",
        ],
        progress: null,
        source: "",
      },
      {
        no: "5.2",
        direction:
          "NHS Lothian and Midlothian Council must explore opportunities for integrated system-wide digital solutions and create an action plan of jointly agreed priorities by January 2024.",
        measures: [
          "By January 2024, a Joint Plan will be in place that describes the priority actions agreed between NHS Lothian and Midlothian Council. This should include, but not be limited to:\n" +
            "    ○ Timeline, Allocation of tasks, Integrated Impact Assessment, Stakeholder Engagement, Governance structures (HSCP, NHS Lothian eHealth, Midlothian Digital Services).",
        ],
        progress: null,
        source: "",
      },
    ],
  },
  {
    theme: "Support for Carers",
    outcome: "People who provide unpaid care are supported to look after their health and wellbeing.",
    measureHeader: "Measure and metric",
    sourceHeader: "Source?",
    rows: [
      {
        no: "6.1",
        direction:
          "All services delegated to Midlothian IJB that aim to move care from hospital to home should ensure service planning considers the impact of this on unpaid carers, and evidence appropriate supportive actions, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support consideration of the impact on unpaid carers of the movement of care from hospital to home.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans includes evidence of planned appropriate supportive actions.",
        ],
        progress: 89,
        source: SERVICE_PLANS,
      },
      {
        no: "6.2",
        direction:
          "Explore and define the demand for and the benefit of a Midlothian Care and Support Co-operative in order to provide a platform that facilitates brokerage of personalised support for carers, identifies local assets, and enhances local economic value by January 2024.",
        measures: ["By January 2024, a Midlothian Care and Support Co-operative will be established."],
        progress: null,
        source: "",
      },
    ],
  },
  {
    theme: "Safe from Harm",
    outcome: "People using health & social care services are safe from harm.",
    measureHeader: "Measure",
    sourceHeader: "Source",
    rows: [
      {
        no: "7.1",
        direction:
          "All relevant services delegated to Midlothian IJB must explore and evaluate the benefits and risks of adopting a 'request for assistance' approach as an alternative to a traditional referral pathways, by January 2024.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support exploration and evaluation of the benefits and risks of adopting a 'request for assistance' approach as an alternative to a traditional referral pathways.",
        ],
        progress: 62,
        source: SERVICE_PLANS,
      },
      {
        no: "7.2",
        direction:
          "Where there is a statutory responsibility to manage harmful behaviours, all services must communicate the impact of action taken to maximise people's safety in our communities, by January 2024.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of the impact of action taken to maximise people's safety in our communities.",
        ],
        progress: null,
        source: "",
      },
      {
        no: "7.3",
        direction:
          "Services should improve the people who use substances' understanding of their rights and responsibilities in relation to supported self assessment and risk management, by January 2024. Services should evaluate the relationship between this work and any reduction in harm or improvements in personal outcomes.",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support improvements in the people who use substances' understanding of their rights and responsibilities in relation to supported self assessment and risk management.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence improvements to the people who use substances' understanding of their rights and responsibilities in relation to supported self assessment and risk management.",
        ],
        progress: 100,
        source: SERVICE_PLANS,
      },
      {
        // 7.3 continues: more measures with their own progress and source.
        no: "",
        direction: "",
        measures: [
          "By July 2023, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Plans support evaluation of the relationship between this work and any reduction in harm or improvements in personal outcomes.",
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of the evaluation of the relationship between this work and any reduction in harm or improvements in personal outcomes.",
        ],
        progress: 100,
        source: SERVICE_PLANS,
      },
    ],
  },
  {
    theme: "Workforce",
    outcome:
      "Staff are engaged with their work and are supported to continuously improve the information, support, care and treatment they provide.",
    measureHeader: "Measure",
    sourceHeader: "Source",
    rows: [
      {
        no: "8.1",
        direction:
          "NHS Lothian and Midlothian Council should work in collaboration with Midlothian HSCP to support the delivery of the integrated Midlothian HSCP Staff Engagement Plan 2023-24.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the HSCP Staff report increased levels of engagement with their work.",
          "By January 2024, Midlothian HSCP will provide assurance that the HSCP Staff report increased confidence in their abilities to continuously improve the information, support, care and treatment they provide.",
        ],
        progress: null,
        source: "",
      },
      {
        no: "8.2",
        direction:
          "NHS Lothian and Midlothian Council should work in collaboration with Midlothian HSCP to support the delivery of the Midlothian HSCP Integrated Workforce Plan 2022-25.",
        measures: [
          "Midlothian HSCP will provide assurance on the progress towards the objectives of the Midlothian HSCP Integrated Workforce Plan 2022-25 actions delivered.",
        ],
        progress: null,
        source: "",
      },
    ],
  },
  {
    // The paper gives the 9.x directions a header but no theme heading.
    theme: null,
    outcome: null,
    measureHeader: "Measure",
    sourceHeader: "Source",
    rows: [
      {
        no: "9.1",
        direction:
          "Maximise opportunities to work collaboratively across Lothian to design an approach and methodology to better understand and evidence the use of the set aside budget and associated services by HSCP area. This should include mechanism to better understand the impact of community prevention and early intervention activity across the whole system.",
        measures: [
          "HSCPs are provided with consistent, clear information relating to the use of the set aside budget and associated services.",
          "HSCPs can provide consistent, clear information to demonstrate the impact of community prevention and early intervention activity across the whole system.",
        ],
        progress: "This requires engagement at whole system level.",
        source:
          "Audit of *agreed key meeting documentation, including but not limited to:\nMinutes\nPapers\nAction Plans\nAction Trackers",
      },
      {
        no: "9.2",
        direction:
          "All services delegated to Midlothian IJB must be able to demonstrate Best Value with evidence based data and meet cost efficiency targets in 2023-24, 2024-25, and 2025-26.",
        measures: [
          "By January 2024, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of Best Value.",
          "By year-end 2023-24, 2024-25, and 2025-26, Midlothian HSCP will provide assurance that the content of 100% of relevant Service Reports include evidence of meeting annual cost efficiency targets.",
        ],
        progress: null,
        source: "",
      },
    ],
  },
];

/** The date of the IJB meeting that received the half-year report: the samples' as-at date. */
export const DIRECTIONS_AS_OF = "2023-09-21";

// =======================================================================================
// Building the workbooks
// =======================================================================================

/** Fixed metadata so the same script gives the same workbook content on every run. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));
const CREATOR = "Board Summary sample builder";

const MONEY_FORMAT = "£#,##0";
const PERCENT_FORMAT = "0%";
const DATE_FORMAT = "dd/mm/yyyy";

type Raw = ExcelJS.CellValue;

interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrap?: boolean;
  numFmt?: string;
  fill?: string;
  border?: boolean;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8C8C8C" } };

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** A real date cell (UTC midnight, so the serial is a whole day). */
function date(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function put(ws: ExcelJS.Worksheet, address: string, value: Raw | undefined, look: Look = {}): void {
  const cell = ws.getCell(address);
  if (value !== undefined && value !== null && value !== "") cell.value = value;
  if (value instanceof Date && !look.numFmt) cell.numFmt = DATE_FORMAT;
  if (look.numFmt) cell.numFmt = look.numFmt;
  if (look.bold || look.italic || look.size) {
    cell.font = { ...(look.bold ? { bold: true } : {}), ...(look.italic ? { italic: true } : {}), ...(look.size ? { size: look.size } : {}) };
  }
  cell.alignment = { vertical: "top", ...(look.wrap === false ? {} : { wrapText: true }) };
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${look.fill}` } };
  if (look.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

function widths(ws: ExcelJS.Worksheet, list: number[]): void {
  list.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

const HEAD: Look = { bold: true, fill: "D9E1F2", border: true };
const GUIDE: Look = { italic: true, border: true };
const BOX: Look = { border: true };

// ---- the recovery-action form --------------------------------------------------------

interface PlanTable {
  aims: Raw;
  actions: Raw;
  dependencies: Raw;
  risks: Raw;
  mitigation: Raw;
  timeframe: Raw;
  /** `merged`: `Risk Mitigation` over two columns, as the seed; `split`: `Risks` | `Mitigation`. */
  riskHeaders: "merged" | "split";
}

interface TriangulationRow {
  name: string;
  evidence: string;
  success: string;
  corrective: string;
  frequency: Raw;
}

/** The plan table at `row` (header, guidance, content) in columns A–F, as seed 000. */
function writePlanTable(ws: ExcelJS.Worksheet, row: number, p: PlanTable): void {
  const headers = ["Strategic Aims", "Actions", "Dependencies", p.riskHeaders === "merged" ? "Risk Mitigation" : "Risks", p.riskHeaders === "merged" ? "" : "Mitigation", "Delivery Timeframe"];
  headers.forEach((h, i) => put(ws, `${"ABCDEF"[i]}${row}`, h, HEAD));
  if (p.riskHeaders === "merged") ws.mergeCells(`D${row}:E${row}`);
  [...PLAN_GUIDANCE, ""].forEach((g, i) => put(ws, `${"ABCDEF"[i]}${row + 1}`, g, GUIDE));
  [p.aims, p.actions, p.dependencies, p.risks, p.mitigation, p.timeframe].forEach((v, i) => put(ws, `${"ABCDEF"[i]}${row + 2}`, v, BOX));
}

/** The triangulation table at `row`: header, guidance, then one row per area. */
function writeTriangulation(ws: ExcelJS.Worksheet, row: number, rows: readonly TriangulationRow[]): void {
  put(ws, `A${row}`, "Triangulation", HEAD);
  put(ws, `B${row}`, "", HEAD);
  put(ws, `C${row}`, "Evidence and Data Sources", HEAD);
  put(ws, `D${row}`, "Tolerance", HEAD);
  put(ws, `E${row}`, "", HEAD);
  put(ws, `F${row}`, "Reporting Frequency", HEAD);
  ws.mergeCells(`A${row}:B${row}`);
  ws.mergeCells(`D${row}:E${row}`);
  const [g0, g1, g2, g3, g4] = TRIANGULATION_GUIDANCE;
  put(ws, `A${row + 1}`, g0, GUIDE);
  put(ws, `B${row + 1}`, "", GUIDE);
  ws.mergeCells(`A${row + 1}:B${row + 1}`);
  put(ws, `C${row + 1}`, g1, GUIDE);
  put(ws, `D${row + 1}`, g2, GUIDE);
  put(ws, `E${row + 1}`, g3, GUIDE);
  put(ws, `F${row + 1}`, g4, GUIDE);
  rows.forEach((t, i) => {
    const r = row + 2 + i;
    put(ws, `A${r}`, "", BOX);
    put(ws, `B${r}`, t.name, { ...BOX, bold: true });
    put(ws, `C${r}`, t.evidence, BOX);
    put(ws, `D${r}`, t.success, BOX);
    put(ws, `E${r}`, t.corrective, BOX);
    put(ws, `F${r}`, t.frequency, BOX);
  });
}

interface FormSpec {
  sheet: string;
  state?: "visible" | "hidden";
  heading: readonly [string, string];
  /** The whole title cell, e.g. `Finance Recovery Action: …`. */
  title: string;
  ref?: Raw;
  execLead: Raw;
  /** The whole description cell, `Description: …`. */
  description: string;
  serviceArea: Raw;
  value: Raw;
  valueFormat?: string;
  forecast?: Raw;
  achieved?: Raw;
  riskLevel: Raw;
  planDate: Raw;
  version: Raw;
  plan: PlanTable;
  triangulation: readonly TriangulationRow[];
}

/**
 * The standard form as seed 000 lays it out: fields in rows 3–7 (labels in B and D,
 * values to their right), the plan table at row 9 (content row 11), the triangulation
 * table at row 13 (areas from row 15). `Ref` sits at D3/E3, `Forecast Saving` at D5/E5,
 * `Achieved to Date` at B7/C7 when given.
 */
function writeStandardForm(wb: ExcelJS.Workbook, f: FormSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(f.sheet, { state: f.state ?? "visible", pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  widths(ws, [48, 30, 34, 34, 34, 20]);
  put(ws, "A1", f.heading[0], { bold: true, size: 14, wrap: false });
  put(ws, "A2", f.heading[1], { bold: true, size: 12, wrap: false });
  put(ws, "A3", f.title, { bold: true });
  put(ws, "B3", "Exec Lead(s):", { bold: true });
  put(ws, "C3", f.execLead);
  if (f.ref !== undefined) {
    put(ws, "D3", "Ref", { bold: true });
    put(ws, "E3", f.ref);
  }
  put(ws, "A4", f.description, { italic: true });
  put(ws, "B4", "Lead Service Area(s):", { bold: true });
  put(ws, "C4", f.serviceArea);
  put(ws, "B5", "Financial Recovery Value", { bold: true });
  put(ws, "C5", f.value, f.valueFormat ? { numFmt: f.valueFormat } : {});
  if (f.forecast !== undefined) {
    put(ws, "D5", "Forecast Saving", { bold: true });
    put(ws, "E5", f.forecast);
  }
  put(ws, "B6", "Risk Level (of not delivering the financial saving)", { bold: true });
  put(ws, "C6", f.riskLevel);
  put(ws, "D6", "Plan Date", { bold: true });
  put(ws, "E6", f.planDate);
  if (f.achieved !== undefined) {
    put(ws, "B7", "Achieved to Date", { bold: true });
    put(ws, "C7", f.achieved);
  }
  put(ws, "D7", "Version", { bold: true });
  put(ws, "E7", f.version);
  writePlanTable(ws, 9, f.plan);
  ws.getRow(4).height = 90;
  ws.getRow(11).height = 200;
  writeTriangulation(ws, 13, f.triangulation);
  return ws;
}

const FRA_FORM: FormSpec = {
  sheet: "FRA-01 Planning",
  heading: [FRA_2024.organisation, FRA_2024.paper],
  title: FRA_2024.title,
  execLead: FRA_2024.execLead,
  description: FRA_2024.description,
  serviceArea: FRA_2024.serviceArea,
  value: FRA_2024.value,
  riskLevel: FRA_2024.riskLevel,
  planDate: date(FRA_2024.planDateIso),
  version: FRA_2024.version,
  plan: {
    aims: FRA_2024.aims,
    actions: FRA_2024.actions,
    dependencies: FRA_2024.dependencies,
    risks: FRA_2024.risks,
    mitigation: FRA_2024.mitigation,
    timeframe: FRA_2024.timeframe,
    riskHeaders: "merged",
  },
  triangulation: FRA_2024.triangulation,
};

const AFB_HEADING = ["Midlothian Integration Joint Board", "Achieving Financial Balance 2018/19: Recovery Actions"] as const;

/** Triangulation rows for the 2018/19 actions: the same three areas, the service's own evidence. */
function afbTriangulation(service: string, frequencies: [Raw, Raw, Raw]): TriangulationRow[] {
  return [
    {
      name: "Population Need",
      evidence: `${service} activity and waiting list reports.`,
      success: "Demand is met within the reduced budget with no rise in waiting times.",
      corrective: "Waiting times or unmet need rise for two reporting periods in a row.",
      frequency: frequencies[0],
    },
    {
      name: "Finance",
      evidence: "Monthly Service Finance Reports.",
      success: "Spend is on course to deliver the proposed saving by year end.",
      corrective: "The forecast saving falls below three quarters of the proposed saving.",
      frequency: frequencies[1],
    },
    {
      name: "Outcomes",
      evidence: "Service user feedback and the IJB performance report.",
      success: "Outcomes for people using the service are maintained or improved.",
      corrective: "Complaints or adverse outcomes increase.",
      frequency: frequencies[2],
    },
  ];
}

const line = (ref: string): RegisterLine => must(REGISTER_2018.find((l) => l.ref === ref), `register line ${ref}`);
const analysisOf = (ref: string): string => line(ref).analysis.join(" ");

/**
 * AFB-01, Reablement: every label shares its cell with its value after a colon, down
 * column A (a layout the spec allows).
 */
function writeReablementForm(wb: ExcelJS.Workbook): void {
  const l = line("AFB-01");
  const ws = wb.addWorksheet("AFB-01 Reablement");
  widths(ws, [48, 36, 34, 34, 34, 20]);
  put(ws, "A1", AFB_HEADING[0], { bold: true, size: 14, wrap: false });
  put(ws, "A2", AFB_HEADING[1], { bold: true, size: 12, wrap: false });
  const fields: [string, string][] = [
    ["A3", "Financial Recovery Action: Reablement Service productivity"],
    ["A4", `Ref: ${l.ref}`],
    ["A5", "Exec Lead(s): Head of Older People's Services"],
    ["A6", `Description: ${analysisOf(l.ref)}. Re-plan reablement rounds by locality to cut travel time and release staff hours for visits.`],
    ["A7", `Lead Service Area(s): ${l.serviceArea}`],
    ["A8", "Financial Recovery Value: £277,000"],
    ["A9", "Risk Level: Medium"],
    ["A10", "Plan Date: 08/03/2018"],
    ["A11", "Version: v1.1"],
  ];
  for (const [addr, text] of fields) put(ws, addr, text, { bold: addr === "A3" });
  writePlanTable(ws, 13, {
    aims: "No.2, No.4",
    actions:
      "Map reablement visits by locality and re-plan rounds to cut travel time.\nIntroduce electronic scheduling so staff start and finish rounds in their own locality.",
    dependencies: "Scheduling software being available in time.\nAgreement with staff side on changes to rounds.",
    risks: "Rounds are not re-planned before the start of 2018/19, so travel time stays high.",
    mitigation: "Start in the two largest localities and extend once travel time falls.",
    timeframe: "March 2019",
    riskHeaders: "split",
  });
  writeTriangulation(ws, 17, afbTriangulation(l.serviceArea, ["Monthly", "Monthly", "Quarterly"]));
}

/**
 * AFB-02, Prescribing: each value directly below its label, down column A (the other
 * layout the spec allows); the value is a number cell, the plan date a date cell.
 */
function writePrescribingForm(wb: ExcelJS.Workbook): void {
  const l = line("AFB-02");
  const ws = wb.addWorksheet("AFB-02 Prescribing");
  widths(ws, [48, 36, 34, 34, 34, 20]);
  put(ws, "A1", AFB_HEADING[0], { bold: true, size: 14, wrap: false });
  put(ws, "A2", AFB_HEADING[1], { bold: true, size: 12, wrap: false });
  put(ws, "A3", "Finance Recovery Action: Prescribing", { bold: true });
  const pairs: [string, Raw, Look?][] = [
    ["Ref", l.ref],
    ["Exec Lead(s)", "Clinical Director, Midlothian HSCP"],
    ["Description", `${analysisOf(l.ref)}. Work with GP practices and the prescribing support team to bring costs towards the Scottish average.`],
    ["Lead Service Area(s)", l.serviceArea],
    ["Financial Recovery Value", l.pounds, { numFmt: MONEY_FORMAT }],
    ["Risk Level (of not delivering the financial saving)", "High"],
    ["Plan Date", date("2018-03-08")],
    ["Version", "1.0"],
  ];
  let row = 5;
  for (const [label, value, look] of pairs) {
    put(ws, `A${row}`, label, { bold: true });
    put(ws, `A${row + 1}`, value, look ?? {});
    row += 2;
  }
  // Labels at A5…A19, values at A6…A20.
  writePlanTable(ws, 22, {
    aims: "No 1\nNo 3",
    actions:
      "Review prescribing data with each GP practice against the Scottish average.\nSwitch to formulary choices where clinically appropriate.\nReduce waste from repeat prescriptions.",
    dependencies: "GP practice engagement.\nNational drug prices and supply.",
    risks: "Drug price rises outwith our control offset the saving.",
    mitigation: "Report the saving net of national price changes so the effect of our own actions stays visible.",
    timeframe: "2018/19",
    riskHeaders: "merged",
  });
  writeTriangulation(ws, 26, afbTriangulation(l.serviceArea, ["Monthly", "Monthly", "Six-monthly"]));
}

const CARE_AT_HOME_FORM: FormSpec = {
  sheet: "Care at Home",
  // A hidden form sheet: hidden sheets are read like any other.
  state: "hidden",
  heading: AFB_HEADING,
  title: "Finance Recovery Action: Care at Home contract delivery",
  ref: "AFB-03",
  execLead: "Head of Adult Services",
  description: `Description: External providers not delivering to the full contract. Review each contract's delivered hours and recover or re-let the hours not delivered.`,
  serviceArea: "Homecare/Care at Home",
  value: "£0.9m",
  riskLevel: "High",
  planDate: date("2018-03-08"),
  version: "v2",
  plan: {
    aims: "No.3 No.5",
    actions: "Compare contracted and delivered hours for every external provider.\nRecover payment for hours not delivered.\nRe-let hours that a provider cannot deliver.",
    dependencies: "Provider capacity in the local care market.\nRecruitment of care staff by providers.",
    risks: "Providers withdraw from the market.",
    mitigation: "Keep an in-house reserve team to pick up hours at short notice.",
    timeframe: "September 2018",
    riskHeaders: "merged",
  },
  triangulation: afbTriangulation("Care at Home", ["Monthly", "Monthly", "Quarterly"]),
};

const LEARNING_DISABILITY_FORM: FormSpec = {
  sheet: "AFB-04 Learning Disability",
  heading: AFB_HEADING,
  title: "Financial Recovery Action: Learning disability reviews",
  ref: "AFB-04",
  execLead: "Allister Short, Chief Officer",
  description: `Description: Reviews and assessments outwith recommended review period. Bring every review within the recommended period and match support to assessed need.`,
  serviceArea: "Learning Disability Services",
  value: 200_000,
  valueFormat: MONEY_FORMAT,
  forecast: "£180,000",
  riskLevel: "Low",
  planDate: "22 March 2018",
  version: "v1",
  plan: {
    aims: "1 3 5",
    actions: "Schedule every overdue review by June 2018.\nAgree support packages that match assessed need.",
    dependencies: "Social work capacity to complete reviews.",
    risks: "Reviews find unmet need that raises costs.",
    mitigation: "Report unmet need to the IJB separately from the saving.",
    timeframe: "December 2018",
    riskHeaders: "merged",
  },
  triangulation: afbTriangulation("Learning disability", ["Quarterly", "Bi-monthly", "Half-yearly"]),
};

// ---- the savings register ------------------------------------------------------------

interface RegisterOptions {
  withRef: boolean;
  /** Row of the header; rows above hold the titles. */
  headerRow: number;
  titles: string[];
}

/**
 * Seed 001's table: wrapped descriptions on a second row, a blank row, the header again
 * after the page break, and the stated total on a row holding only the amount.
 * Returns the address of the stated total.
 */
function writeRegister(ws: ExcelJS.Worksheet, o: RegisterOptions): string {
  const cols = o.withRef ? ["Ref", "Service Area", "Analysis of Issue", "Proposed Saving"] : ["Service Area", "Analysis of Issue", "Proposed Saving"];
  widths(ws, o.withRef ? [10, 30, 52, 18] : [30, 52, 18]);
  const L = (i: number) => String.fromCharCode(65 + i);
  const moneyCol = L(cols.length - 1);
  o.titles.forEach((t, i) => put(ws, `A${i + 1}`, t, { bold: i === 0, size: i === 0 ? 14 : undefined, wrap: false }));
  const header = (row: number) => cols.forEach((c, i) => put(ws, `${L(i)}${row}`, c, HEAD));
  header(o.headerRow);
  let row = o.headerRow + 1;
  for (const item of REGISTER_2018) {
    if (item.serviceArea === REGISTER_2018_BLANK_BEFORE) row += 1;
    if (item.serviceArea === REGISTER_2018_PAGE_BREAK_BEFORE) {
      ws.getRow(row - 1).addPageBreak();
      header(row);
      row += 1;
    }
    const values: Raw[] = o.withRef ? [item.ref, item.serviceArea, item.analysis[0]] : [item.serviceArea, item.analysis[0]];
    values.forEach((v, i) => put(ws, `${L(i)}${row}`, v));
    put(ws, `${moneyCol}${row}`, item.pounds, { numFmt: MONEY_FORMAT });
    row += 1;
    for (const more of item.analysis.slice(1)) {
      put(ws, `${L(o.withRef ? 2 : 1)}${row}`, more);
      row += 1;
    }
  }
  const total = `${moneyCol}${row}`;
  put(ws, total, REGISTER_2018_TOTAL, { numFmt: MONEY_FORMAT, bold: true });
  return total;
}

// ---- the directions report -----------------------------------------------------------

/** Measures as the paper prints them: one `•` bullet per line in one cell. */
const bullets = (measures: readonly string[]): string => measures.map((m) => `• ${m}`).join("\n");

interface DirectionsOptions {
  titles: string[];
  blocks: readonly DirectionBlock[];
}

/**
 * Seed 002's appendix: sheet titles, then per theme its name row, its outcome row and the
 * two-row header (`Performance Measures` over Measure | Progress | Source), then the
 * direction rows. Columns: A No, B Direction, C Measure, D Progress, E Source.
 */
function writeDirections(ws: ExcelJS.Worksheet, o: DirectionsOptions): void {
  widths(ws, [8, 60, 70, 16, 34]);
  o.titles.forEach((t, i) => put(ws, `A${i + 1}`, t, { bold: true, size: i === 0 ? 14 : 12, wrap: false }));
  let row = o.titles.length + 2;
  for (const block of o.blocks) {
    if (block.theme !== null) {
      put(ws, `A${row}`, block.theme, { bold: true, size: 12, wrap: false });
      row += 1;
    }
    if (block.outcome !== null) {
      put(ws, `A${row}`, block.outcome, { italic: true });
      ws.mergeCells(`A${row}:E${row}`);
      row += 1;
    }
    put(ws, `A${row}`, "No", HEAD);
    put(ws, `B${row}`, "Direction", HEAD);
    put(ws, `C${row}`, "Performance Measures", HEAD);
    put(ws, `D${row}`, "", HEAD);
    put(ws, `E${row}`, "", HEAD);
    ws.mergeCells(`C${row}:E${row}`);
    put(ws, `A${row + 1}`, "", HEAD);
    put(ws, `B${row + 1}`, "", HEAD);
    put(ws, `C${row + 1}`, block.measureHeader, HEAD);
    put(ws, `D${row + 1}`, "Progress at half-year 2023/24", HEAD);
    put(ws, `E${row + 1}`, block.sourceHeader, HEAD);
    row += 2;
    for (const d of block.rows) {
      put(ws, `A${row}`, d.no, { ...BOX, numFmt: "@" });
      put(ws, `B${row}`, d.direction, BOX);
      put(ws, `C${row}`, bullets(d.measures), BOX);
      if (typeof d.progress === "number") put(ws, `D${row}`, d.progress / 100, { ...BOX, numFmt: PERCENT_FORMAT });
      else put(ws, `D${row}`, d.progress ?? "", BOX);
      put(ws, `E${row}`, d.source, BOX);
      row += 1;
    }
    row += 1; // a blank row between blocks, as the paper's page breaks
  }
}

// ---- action plans and risk registers ---------------------------------------------------

/** Landscape, one page wide, as a board secretary prints a plan or a register. */
const LANDSCAPE: Partial<ExcelJS.PageSetup> = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

/**
 * Row heights from the wrapped text, so every line shows in applications that do not grow
 * rows on opening (LibreOffice): about 1.15 characters per unit of column width, 15 points a line.
 */
function fitRows(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      // Every cell of these sheets is written by put(), which sets its alignment.
      if (typeof cell.value !== "string" || cell.alignment.wrapText !== true) return;
      const width = ws.getColumn(cell.col).width ?? 10;
      const perLine = Math.max(1, Math.floor(width * 1.15));
      const n = cell.value.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
      lines = Math.max(lines, n);
    });
    if (lines > 1) row.height = 15 * lines;
  });
}

/** A stated RAG written as a word, or shown by a fill colour alone (RRGGBB). */
export type StatedRag = { word: string } | { fill: string };

/**
 * Seed 003's action plan as the paper lays it out: the title, section 6's heading lines, the
 * header repeated per page, section headings in the goal column, each goal written once,
 * 6.30's wrapped line, and section 7 under its own heading, Aim and Lead. Columns: A OD
 * Goal, B Action to deliver, C SRO, D OP Lead, E By When, F Measure/Evidence, G Progress, H RAG.
 * Returns the row of each action, by ref.
 */
function writeOdPlan(ws: ExcelJS.Worksheet, stated: Readonly<Record<string, StatedRag>>): Map<string, number> {
  widths(ws, [34, 56, 12, 11, 11, 36, 26, 9]);
  put(ws, "A1", OD_PLAN_TITLE, { bold: true, size: 14, wrap: false });
  const rows = new Map<string, number>();
  let row = 3;
  for (const r of OD_PLAN_ROWS) {
    switch (r.kind) {
      case "text":
        put(ws, `A${row}`, r.text, { bold: !/^(Aim|Lead):/.test(r.text), wrap: false });
        break;
      case "header":
        OD_PLAN_HEADER.forEach((h, i) => put(ws, `${"ABCDEFGH"[i]}${row}`, h, HEAD));
        break;
      case "heading":
        put(ws, `A${row}`, r.text, { bold: true, border: true });
        break;
      case "continuation":
        put(ws, `A${row}`, r.text, BOX);
        break;
      case "blank":
        break;
      case "action": {
        const ref = r.action.split(" ")[0];
        rows.set(ref, row);
        const cells: (string | undefined)[] = [r.goal, r.action, r.sro, r.lead, r.due, r.measure, r.progress];
        cells.forEach((v, i) => put(ws, `${"ABCDEFG"[i]}${row}`, v, BOX));
        const s = stated[ref] as StatedRag | undefined;
        put(ws, `H${row}`, s && "word" in s ? s.word : undefined, { ...BOX, ...(s && "fill" in s ? { fill: s.fill } : {}) });
        break;
      }
    }
    row += 1;
  }
  return rows;
}

/** Seed 004's phase plans: each phase's header, its workstream headings in bold, its actions. */
function writePhasePlans(ws: ExcelJS.Worksheet, title: string | null, phases: readonly PhasePlan[]): void {
  widths(ws, [90, 26]);
  let row = 1;
  if (title !== null) {
    put(ws, "A1", title, { bold: true, size: 14, wrap: false });
    row = 3;
  }
  for (const phase of phases) {
    put(ws, `A${row}`, phase.header, HEAD);
    put(ws, `B${row}`, "Planned delivery date", HEAD);
    row += 1;
    for (const r of phase.rows) {
      if ("heading" in r) put(ws, `A${row}`, r.heading, { bold: true, border: true });
      else {
        put(ws, `A${row}`, r.action, { ...BOX, bold: r.bold, italic: r.italic });
        put(ws, `B${row}`, r.due, BOX);
      }
      row += 1;
    }
    row += 1;
  }
}

/** Seed 004's initial risks: `Risk Description | Impact H/M/L | Mitigation Description`, mitigations as bullet points. */
function writeIsrbRisks(ws: ExcelJS.Worksheet): void {
  widths(ws, [60, 14, 70]);
  put(ws, "A1", "6. Risk", { bold: true, size: 14, wrap: false });
  ISRB_RISK_HEADER.forEach((h, i) => put(ws, `${"ABC"[i]}3`, h, HEAD));
  ISRB_RISKS.forEach((r, i) => {
    put(ws, `A${4 + i}`, r.risk, BOX);
    put(ws, `B${4 + i}`, r.impact, BOX);
    put(ws, `C${4 + i}`, bullets(r.mitigations), BOX);
  });
}

// ---- settings and notes --------------------------------------------------------------

function writeSettings(wb: ExcelJS.Workbook, json: object): void {
  const ws = wb.addWorksheet("Board Summary Settings", { state: "veryHidden" });
  ws.getCell("A1").value = JSON.stringify(json);
}

const BOARD_SETTINGS = {
  schemaVersion: 1,
  greenThreshold: 90,
  amberThreshold: 70,
  brag: false,
  // The £4.5m gap of the 2018/19 paper, in pence.
  targetPence: GAP_2018_TARGET * 100,
  // The IJB meeting that received the half-year directions report.
  asOf: DIRECTIONS_AS_OF,
};

/**
 * The workbook's bytes. exceljs stamps each zip entry with the time of writing; the
 * entries are re-stamped with a fixed date so the same script gives the same bytes.
 */
async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  zip.forEach((_, entry) => {
    entry.date = FIXED_DATE;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

// ---- a. the clean board pack ---------------------------------------------------------

export async function buildBoardPack(): Promise<Buffer> {
  const wb = newWorkbook();
  writeStandardForm(wb, FRA_FORM);
  writeReablementForm(wb);
  writePrescribingForm(wb);
  writeStandardForm(wb, CARE_AT_HOME_FORM);
  writeStandardForm(wb, LEARNING_DISABILITY_FORM);
  writeRegister(wb.addWorksheet("Savings Register 2018-19"), {
    withRef: true,
    headerRow: 4,
    titles: ["Midlothian IJB: Achieving Financial Balance 2018/19", "High-level areas for transformational change (report of 11 January 2018, table 3.6)"],
  });
  writeDirections(wb.addWorksheet("Directions 2023-24"), {
    titles: ["Midlothian IJB Directions 2023-24", "Half Year Report"],
    blocks: DIRECTIONS_2023,
  });
  const notes = wb.addWorksheet("Notes");
  put(notes, "A1", "Papers for the Midlothian IJB: figures copied from the public board papers listed in examples/README.md.", { wrap: false });
  writeSettings(wb, BOARD_SETTINGS);
  return bytes(wb);
}

// ---- b. the savings register alone ---------------------------------------------------

export async function buildSavingsRegister(): Promise<Buffer> {
  const wb = newWorkbook();
  writeRegister(wb.addWorksheet("Achieving Financial Balance"), {
    withRef: false,
    headerRow: 5,
    titles: [
      "Midlothian Integration Joint Board",
      "Achieving Financial Balance in the IJB",
      "3.6 The table below sets out the high-level areas for transformational change within Midlothian and acute services:",
    ],
  });
  writeSettings(wb, { schemaVersion: 1, greenThreshold: 90, amberThreshold: 70, brag: false, targetPence: GAP_2018_TARGET * 100, asOf: "2018-01-11" });
  return bytes(wb);
}

// ---- d. seed 003's action plan --------------------------------------------------------

/** The end of 2019/20, when most of the plan's new actions fall due. */
export const OD_PLAN_AS_OF = "2020-03-31";

/**
 * The plan's RAG column is empty in the paper; these stated RAGs are ours: words and fill
 * colours alone, one of them (6.26, overdue at 31/03/2020) contradicting the facts.
 */
export const OD_PLAN_STATED: Readonly<Record<string, StatedRag>> = {
  "6.1": { fill: "00B050" },
  "6.26": { word: "Green" },
  "6.29": { fill: "92D050" },
  "6.33": { word: "Green" },
  "6.34": { word: "Red" },
  "6.38": { word: "Complete" },
};

export async function buildOdActionPlan(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("OD Action Plan", { pageSetup: LANDSCAPE });
  writeOdPlan(ws, OD_PLAN_STATED);
  fitRows(ws);
  writeSettings(wb, { schemaVersion: 1, asOf: OD_PLAN_AS_OF, organisation: OD_PLAN_ORGANISATION });
  return bytes(wb);
}

// ---- e. seed 004's programme plan and risks --------------------------------------------

export async function buildProgrammePlanAndRisks(): Promise<Buffer> {
  const wb = newWorkbook();
  const plan = wb.addWorksheet("Programme Plan", { pageSetup: LANDSCAPE });
  writePhasePlans(plan, ISRB_TITLE, ISRB_PHASES);
  fitRows(plan);
  const risks = wb.addWorksheet("Risks", { pageSetup: LANDSCAPE });
  writeIsrbRisks(risks);
  fitRows(risks);
  writeSettings(wb, { schemaVersion: 1, asOf: ISRB_DATE, organisation: ISRB_ORGANISATION });
  return bytes(wb);
}

// ---- c. the board pack with deliberate errors ----------------------------------------

export interface ExpectedFinding {
  code: FindingCode;
  sheet: string;
  cell: string;
}

/**
 * Every finding the errors sample is built to raise, at the cell the spec puts it
 * (standard-templates.md §3–§5, §9): value findings at the value's cell, missing fields
 * at the label's cell, table findings at the table cell named there, a repeated ref at
 * the later one's Ref cell (the spec says only "at the later one").
 */
export const EXPECTED_ERROR_FINDINGS: ExpectedFinding[] = [
  // RA-01 Planning: the seed's form with bad values in the fields.
  { code: "invalid-money", sheet: "RA-01 Planning", cell: "C5" }, // TBC
  { code: "invalid-risk-level", sheet: "RA-01 Planning", cell: "C6" }, // Severe
  { code: "invalid-date", sheet: "RA-01 Planning", cell: "E6" }, // 03/21/2024, US order
  { code: "invalid-version", sheet: "RA-01 Planning", cell: "E7" }, // first draft
  { code: "unknown-timeframe", sheet: "RA-01 Planning", cell: "F11" }, // Unknown, as the seed
  // RA-02 Reablement.
  { code: "negative-value", sheet: "RA-02 Reablement", cell: "C5" }, // (£50,000)
  { code: "invalid-date", sheet: "RA-02 Reablement", cell: "E6" }, // 31/02/2024
  { code: "missing-strategic-aims", sheet: "RA-02 Reablement", cell: "A11" },
  { code: "unknown-timeframe", sheet: "RA-02 Reablement", cell: "F11" }, // TBC
  { code: "missing-triangulation", sheet: "RA-02 Reablement", cell: "A13" }, // no Outcomes row
  { code: "invalid-frequency", sheet: "RA-02 Reablement", cell: "F16" }, // When needed
  // RA-03 Zero.
  { code: "missing-field", sheet: "RA-03 Zero", cell: "B3" }, // Exec Lead(s) empty
  { code: "zero-value", sheet: "RA-03 Zero", cell: "C5" }, // £0
  { code: "missing-field", sheet: "RA-03 Zero", cell: "B11" }, // Actions empty
  // O'Brien's Actions: a sheet name that needs quoting.
  { code: "invalid-money", sheet: "O'Brien's Actions", cell: "C5" }, // £44 8K
  { code: "formula-error", sheet: "O'Brien's Actions", cell: "E6" }, // a formula whose result is #REF!
  // RA-05 Delivered: the same ref as O'Brien's Actions, and more achieved than its value.
  // duplicate-ref sits on the later one's Ref cell: the cell holding the repeated ref.
  { code: "duplicate-ref", sheet: "RA-05 Delivered", cell: "E3" },
  { code: "achieved-exceeds-value", sheet: "RA-05 Delivered", cell: "C7" },
  // Savings Register.
  { code: "duplicate-ref", sheet: "Savings Register", cell: "A8" }, // AFB-04 again
  { code: "missing-field", sheet: "Savings Register", cell: "D10" }, // Mental Health has no saving
  { code: "possible-double-count", sheet: "Savings Register", cell: "D13" }, // = RA-05 Delivered
  { code: "formula-error", sheet: "Savings Register", cell: "D14" }, // #DIV/0!
  { code: "total-mismatch", sheet: "Savings Register", cell: "D15" },
  // Directions.
  { code: "progress-out-of-range", sheet: "Directions", cell: "D7" }, // 120%
  { code: "duplicate-direction", sheet: "Directions", cell: "A8" }, // 1.1 again
  { code: "missing-theme", sheet: "Directions", cell: "A10" }, // a header with no theme heading
  { code: "non-numeric-progress", sheet: "Directions", cell: "D12" }, // On track
  { code: "missing-target-date", sheet: "Directions", cell: "B13" }, // no `by <date>`
  // A user's own sheet.
  // Action Plan (seed 003's actions, dated and marked to raise each finding).
  { code: "rag-mismatch", sheet: "Action Plan", cell: "F5" }, // stated Green, overdue since 31/12/2018
  { code: "missing-due-date", sheet: "Action Plan", cell: "D6" },
  { code: "unknown-due-date", sheet: "Action Plan", cell: "D7" }, // TBC
  { code: "rag-colour-only", sheet: "Action Plan", cell: "F7" }, // a green fill, no word
  { code: "invalid-date", sheet: "Action Plan", cell: "D8" }, // Q3, a quarter without its year
  { code: "unclear-progress", sheet: "Action Plan", cell: "E8" }, // Awaiting sign-off
  { code: "invalid-rag", sheet: "Action Plan", cell: "F8" }, // Purple
  { code: "duplicate-ref", sheet: "Action Plan", cell: "A9" }, // 6.4 again
  { code: "progress-out-of-range", sheet: "Action Plan", cell: "E9" }, // 120%
  { code: "missing-field", sheet: "Action Plan", cell: "B10" }, // a due date and progress, no action
  // Programme Plan (seed 004's phase 1, no progress column).
  { code: "no-progress-column", sheet: "Programme Plan", cell: "A3" },
  { code: "unknown-due-date", sheet: "Programme Plan", cell: "B14" }, // the paper's own TBC
  // Risk Register (seed 004's risks scored on the 5 × 5 matrix).
  { code: "score-mismatch", sheet: "Risk Register", cell: "F4" }, // 4 × 4 written as 12
  { code: "residual-above-current", sheet: "Risk Register", cell: "H4" }, // residual 20 above 16
  { code: "review-overdue", sheet: "Risk Register", cell: "I4" }, // 30/06/2023, before 21/09/2023
  { code: "missing-owner", sheet: "Risk Register", cell: "C5" },
  { code: "missing-mitigation", sheet: "Risk Register", cell: "G5" }, // 5 × 4 = 20, red, no mitigation
  { code: "invalid-rating", sheet: "Risk Register", cell: "D6" }, // Very likely
  { code: "missing-rating", sheet: "Risk Register", cell: "E7" }, // no impact
  { code: "invalid-date", sheet: "Risk Register", cell: "I8" }, // 31/13/2023
  // RA-06 Next: the blank form template, added for an action still to come: not counted.
  { code: "blank-form", sheet: "RA-06 Next", cell: "A3" },
  { code: "unrecognised-sheet", sheet: "Notes", cell: "A1" },
];

const COMPLETE_PLAN: PlanTable = { ...FRA_FORM.plan, timeframe: "March 2025" };

export async function buildBoardPackWithErrors(): Promise<Buffer> {
  const wb = newWorkbook();
  writeStandardForm(wb, {
    ...FRA_FORM,
    sheet: "RA-01 Planning",
    value: "TBC",
    riskLevel: "Severe",
    planDate: "03/21/2024",
    version: "first draft",
  });
  writeStandardForm(wb, {
    ...FRA_FORM,
    sheet: "RA-02 Reablement",
    title: "Finance Recovery Action: Reablement travel",
    execLead: "Head of Older People's Services",
    description: `Description: ${analysisOf("AFB-01")}.`,
    serviceArea: "Reablement Service",
    value: "(£50,000)",
    riskLevel: "Medium",
    planDate: "31/02/2024",
    version: "v2",
    plan: { ...COMPLETE_PLAN, aims: undefined, timeframe: "TBC" },
    // No Outcomes row, and a frequency outside the grammar.
    triangulation: [FRA_2024.triangulation[0], { ...FRA_2024.triangulation[1], frequency: "When needed" }],
  });
  writeStandardForm(wb, {
    ...FRA_FORM,
    sheet: "RA-03 Zero",
    title: "Finance Recovery Action: Mental health beds",
    execLead: undefined,
    description: `Description: ${analysisOf("AFB-07")}.`,
    serviceArea: "Mental Health",
    value: "£0",
    riskLevel: "Low",
    plan: { ...COMPLETE_PLAN, actions: undefined },
  });
  const obrien = writeStandardForm(wb, {
    ...FRA_FORM,
    sheet: "O'Brien's Actions",
    title: "Finance Recovery Action: Programme team restructure",
    ref: "RA-05",
    value: "£44 8K",
    plan: COMPLETE_PLAN,
  });
  // A plan date computed from a cell that has since been deleted: Excel keeps #REF!.
  obrien.getCell("E6").value = { formula: "DATE(2024,3,#REF!)", result: { error: "#REF!" }, date1904: false };
  writeStandardForm(wb, {
    ...FRA_FORM,
    sheet: "RA-05 Delivered",
    title: "Finance Recovery Action: Travel and non-pay costs",
    ref: "RA-05",
    execLead: "Allister Short, Chief Officer",
    description: `Description: ${analysisOf("AFB-10")}.`,
    serviceArea: "Operational Management",
    value: 50_000,
    valueFormat: MONEY_FORMAT,
    achieved: "£60,000",
    riskLevel: "Low",
    plan: COMPLETE_PLAN,
  });

  // The register: one line per row (no wrapped descriptions), so row n is line n − 3.
  const reg = wb.addWorksheet("Savings Register");
  widths(reg, [10, 30, 52, 18]);
  put(reg, "A1", "Achieving Financial Balance 2018/19: proposed savings (draft)", { bold: true, size: 14, wrap: false });
  ["Ref", "Service Area", "Analysis of Issue", "Proposed Saving"].forEach((h, i) => put(reg, `${"ABCD"[i]}3`, h, HEAD));
  const lines: [string, string, Raw][] = [
    ["AFB-01", "Reablement Service", 277_000],
    ["AFB-02", "Prescribing", 904_000], // typed as 904,000 for 940,000
    ["AFB-03", "Homecare/Care at Home", 900_000],
    ["AFB-04", "Learning Disability Services", 200_000],
    ["AFB-04", "Bank & Agency (NHS)", 75_000], // the ref of the line above
    ["AFB-06", "Agency & Standby (MLC)", 75_000],
    ["AFB-07", "Mental Health", undefined], // no saving entered
    ["AFB-08", "Acute Services", 540_000],
    ["AFB-09", "Charging for Services", 300_000],
    ["AFB-10", "Operational Management", 50_000], // the same area and value as RA-05 Delivered
    ["AFB-11", "Service Delivery", { formula: "D12/0", result: { error: "#DIV/0!" }, date1904: false }],
  ];
  lines.forEach(([ref, area, money], i) => {
    const row = 4 + i;
    put(reg, `A${row}`, ref);
    put(reg, `B${row}`, area);
    put(reg, `C${row}`, analysisOf(must(REGISTER_2018.find((l) => l.serviceArea === area), `register line for ${area}`).ref));
    put(reg, `D${row}`, money, { numFmt: MONEY_FORMAT });
  });
  put(reg, "A15", "Total", { bold: true });
  put(reg, "D15", REGISTER_2018_TOTAL, { bold: true, numFmt: MONEY_FORMAT });

  // Directions: rows fixed so the expected cells above can be read off.
  const dir = wb.addWorksheet("Directions");
  widths(dir, [8, 60, 70, 16, 34]);
  const d = (no: string) => must(DIRECTIONS_2023.flatMap((b) => b.rows).find((r) => r.no === no), `direction ${no}`);
  put(dir, "A1", "Directions 2023/24 (draft for checking)", { bold: true, size: 14, wrap: false });
  put(dir, "A2", "Health & Wellbeing", { bold: true, size: 12, wrap: false });
  put(dir, "A3", must(DIRECTIONS_2023[0].outcome, "the first theme's outcome"), { italic: true, wrap: false });
  const header = (row: number) => {
    ["No", "Direction", "Performance Measures"].forEach((h, i) => put(dir, `${"ABC"[i]}${row}`, h, HEAD));
    dir.mergeCells(`C${row}:E${row}`);
    put(dir, `C${row + 1}`, "Measure", HEAD);
    put(dir, `D${row + 1}`, "Progress at half-year 2023/24", HEAD);
    put(dir, `E${row + 1}`, "Source", HEAD);
  };
  const direction = (row: number, no: string, text: string, progress: Raw, progressFormat?: string) => {
    put(dir, `A${row}`, no, { numFmt: "@" });
    put(dir, `B${row}`, text);
    put(dir, `C${row}`, bullets(d(no).measures));
    put(dir, `D${row}`, progress, progressFormat ? { numFmt: progressFormat } : {});
    put(dir, `E${row}`, d(no).source);
  };
  header(4);
  direction(6, "1.1", d("1.1").direction, 0.92, PERCENT_FORMAT);
  direction(7, "1.2", d("1.2").direction, 1.2, PERCENT_FORMAT); // 120%
  direction(8, "1.1", d("1.1").direction, undefined); // the same number twice
  header(10); // no theme heading since 1.x
  direction(12, "2.1", d("2.1").direction, "On track");
  direction(13, "2.2", "All services delegated to Midlothian IJB must ensure service planning describes a clear process to ensure fair access.", undefined);

  // Action Plan: rows fixed so the expected cells above can be read off.
  const plan = wb.addWorksheet("Action Plan");
  widths(plan, [8, 60, 10, 14, 22, 10]);
  put(plan, "A1", "OD Action Plan 2023/24 (draft for checking)", { bold: true, size: 14, wrap: false });
  ["Ref", "Action", "Lead", "Due Date", "Progress", "RAG"].forEach((h, i) => put(plan, `${"ABCDEF"[i]}3`, h, HEAD));
  put(plan, "A4", "Governing Body", { bold: true });
  const seedAction = (ref: string): string => {
    const r = OD_PLAN_ROWS.find((x) => x.kind === "action" && x.action.startsWith(`${ref} `));
    return r && r.kind === "action" ? r.action.slice(ref.length + 1) : ref;
  };
  const planRow = (row: number, ref: Raw, action: Raw, due: Raw, progress: Raw, rag?: StatedRag) => {
    put(plan, `A${row}`, ref, { ...BOX, numFmt: "@" });
    put(plan, `B${row}`, action, BOX);
    put(plan, `C${row}`, "ADA", BOX);
    put(plan, `D${row}`, due, BOX);
    put(plan, `E${row}`, progress, BOX);
    put(plan, `F${row}`, rag && "word" in rag ? rag.word : undefined, { ...BOX, ...(rag && "fill" in rag ? { fill: rag.fill } : {}) });
  };
  planRow(5, "6.1", seedAction("6.1"), "Dec 2018", "In progress", { word: "Green" });
  planRow(6, "6.2", seedAction("6.2"), undefined, "In progress");
  planRow(7, "6.3", seedAction("6.3"), "TBC", "Completed", { fill: "00B050" });
  planRow(8, "6.4", seedAction("6.4"), "Q3", "Awaiting sign-off", { word: "Purple" });
  planRow(9, "6.4", seedAction("6.5"), "Nov 2023", "120%");
  planRow(10, undefined, undefined, "Mar 2024", "In progress");

  // Programme Plan: seed 004's first phase, a schedule with no progress column.
  writePhasePlans(wb.addWorksheet("Programme Plan"), "Programme plan 2018/19 (draft for checking)", ISRB_PHASES.slice(0, 1));

  // Risk Register: seed 004's risks scored on the 5 × 5 matrix, with deliberate mistakes.
  const risks = wb.addWorksheet("Risk Register");
  widths(risks, [8, 50, 22, 11, 9, 11, 48, 14, 13, 9]);
  put(risks, "A1", "Corporate Risk Register (draft for checking)", { bold: true, size: 14, wrap: false });
  const riskHeader = ["Risk ID", "Risk Description", "Risk Owner", "Likelihood", "Impact", "Risk Score", "Mitigation", "Residual Score", "Review Date", "Status"];
  riskHeader.forEach((h, i) => put(risks, `${"ABCDEFGHIJ"[i]}3`, h, HEAD));
  const riskRows: Raw[][] = [
    ["R1", ISRB_RISKS[0].risk, "Chief Officer", 4, 4, 12, bullets(ISRB_RISKS[0].mitigations), 20, "30/06/2023", "Open"],
    ["R2", ISRB_RISKS[1].risk, undefined, 5, 4, 20, undefined, undefined, "31/12/2023", "Open"],
    ["R3", ISRB_RISKS[2].risk, "Chief Finance Officer", "Very likely", 4, undefined, bullets(ISRB_RISKS[2].mitigations), undefined, "31/12/2023", "Open"],
    ["R4", ISRB_RISKS[3].risk, "Head of Communications", 3, undefined, undefined, bullets(ISRB_RISKS[3].mitigations), undefined, "31/12/2023", "Open"],
    ["R5", ISRB_RISKS[4].risk, "Chief Officer", 2, 3, 6, bullets(ISRB_RISKS[4].mitigations), undefined, "31/13/2023", "Closed"],
  ];
  riskRows.forEach((r, i) => r.forEach((v, j) => put(risks, `${"ABCDEFGHIJ"[j]}${4 + i}`, v, BOX)));

  // RA-06 Next: the blank recovery-action template's labels, no field filled in.
  const next = wb.addWorksheet("RA-06 Next");
  for (const c of templateModel("recovery-action").cells) {
    if (c.content.kind === "text" && c.content.text !== "") put(next, `${"ABCDEF"[c.col - 1]}${c.row}`, c.content.text, { bold: c.style?.bold });
  }

  const notes = wb.addWorksheet("Notes");
  put(notes, "A1", "Draft pack for checking: each sheet has deliberate mistakes.", { wrap: false });
  writeSettings(wb, BOARD_SETTINGS);
  return bytes(wb);
}

// ---- writing the files ---------------------------------------------------------------

export const SAMPLE_FILES = {
  "board-pack.xlsx": buildBoardPack,
  "savings-register.xlsx": buildSavingsRegister,
  "board-pack-with-errors.xlsx": buildBoardPackWithErrors,
  "od-action-plan.xlsx": buildOdActionPlan,
  "programme-plan-and-risks.xlsx": buildProgrammePlanAndRisks,
} as const;

/** Writes every sample into `dir` (default: examples/ beside this script). */
export async function writeSamples(dir = path.join(__dirname, "..", "examples")): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, build] of Object.entries(SAMPLE_FILES)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, await build());
    written.push(file);
  }
  return written;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? path.join(__dirname, "..", "examples");
  for (const file of await writeSamples(dir)) console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`Could not write the samples: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
