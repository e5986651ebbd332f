/**
 * The text of two more public board papers, for the samples (scripts/make-samples.ts):
 * - seed 003: Castle Point and Rochford CCG and Southend CCG, Organisational Development
 *   Strategy and Action Plan 2018-21 (version 4.0, ratified by the CCG Governing Body,
 *   January 2020), section 6 (actions 6.1 to 6.47) and section 7 (7.1 to 7.5), row by row
 *   as the paper lays them out, every goal, action, SRO, lead, date, measure and progress
 *   word as written;
 * - seed 004: North Lanarkshire Integration Joint Board, Integrated Service Review Board
 *   Programme Plan (report of 7 February 2018, appendix 1): the phase 1 to 3 action plans
 *   and the five initial risks with their mitigations.
 * Nothing here reads the papers themselves (examples/README.md names them).
 */

/** A row of an action plan, in the paper's order. */
export type PlanRow =
  /** A one-cell line above a header (a section's name, `Aim: …`, `Lead: …`). */
  | { kind: "text"; text: string }
  | { kind: "header" }
  /** A section heading below a header (`Governing Body`). */
  | { kind: "heading"; text: string }
  /** A blank row (the paper's page breaks). */
  | { kind: "blank" }
  /** A line that wrapped over a page break into the goal column (`for staff (NEW)`). */
  | { kind: "continuation"; text: string }
  | { kind: "action"; goal?: string; action: string; sro: string; lead: string; due: string; measure?: string; progress?: string };

export const OD_PLAN_ORGANISATION = "Castle Point and Rochford CCG and Southend CCG";
export const OD_PLAN_TITLE = "Organisational Development Strategy and Action Plan 2018-21";
export const OD_PLAN_HEADER = ["OD Goal", "Action to deliver", "SRO", "OP Lead", "By When", "Measure/Evidence", "Progress", "RAG"] as const;

/**
 * Sections 6 and 7 of the action plan. The paper's text layer shifts 6.42 one column to the
 * left (its action in the goal column); it is laid out in its own columns here.
 */
export const OD_PLAN_ROWS: PlanRow[] = [
  { kind: "text", text: "6. Organisational Development Domains" },
  { kind: "text", text: "Leadership, Structure and Behaviours" },
  { kind: "text", text: "Aim: To reset the CCGs leadership, management structures and organisational behaviours / culture." },
  { kind: "text", text: "Lead: Accountable Officer" },
  { kind: "header" },
  { kind: "heading", text: "Governing Body" },
  { kind: "action", goal: "High performing and effective Governing Body", action: "6.1 Commission external OD resource to develop a robust training programme for the CCGs' Executive team, Governing Body members and staff where necessary.", sro: "AO/DSP", lead: "ADA", due: "Dec 2018", measure: "Skills and competencies in place across the Executive Team to effectively contribute at an Executive level.", progress: "Completed" },
  { kind: "action", action: "6.2 Establish a joint management structure across the two CCGs, ensuring that the Governance and performance portfolio is moved from CFO to the Director of Strategy and Planning", sro: "AO", lead: "ADA", due: "Oct 2018", measure: "Revised structure in place", progress: "Completed" },
  { kind: "action", action: "6.3 Induction programme in place for all new GB members.", sro: "AO/DSP", lead: "ADA", due: "Oct 2018", progress: "Completed" },
  { kind: "action", action: "6.4 Personal Development Plan in place for each GB member.", sro: "AO/DSP", lead: "ADA", due: "Oct 2018", progress: "Completed" },
  { kind: "action", action: "6.5 Ensure all GB members have an annual appraisal and review PDP.", sro: "AO", lead: "ADA", due: "Nov 2018", progress: "Completed" },
  { kind: "action", goal: "Robust succession plan for GP GB members to ensure pipeline of future clinical leaders", action: "6.6 Review of GP GB portfolios to focus on delivery of clinical transformation.", sro: "AO/ DIP (CPR)", lead: "ID", due: "Oct 2018", progress: "Completed" },
  { kind: "action", action: "6.7 Review of 2018/19 clinical lead allocation.", sro: "AO/ DIP (CPR)", lead: "ID", due: "Oct 2018", progress: "Completed" },
  { kind: "action", action: "6.8 Develop CCG and primary care leaders through use of national schemes.", sro: "AO/ DIP (CPR)", lead: "ADA", due: "Mar 2019", progress: "Completed - ongoing" },
  { kind: "blank" },
  { kind: "header" },
  { kind: "heading", text: "Member Practices" },
  { kind: "action", goal: "Support clinical leadership development", action: "6.9 Develop clinical leaders in primary care through national leadership schemes such as General Practice Improvement Leaders.", sro: "DIP (CPR)", lead: "ADA", due: "Jan 2019", measure: "Training needs identified and training offered", progress: "Completed and ongoing" },
  { kind: "action", goal: "Primary Care Workforce Development", action: "6.10 Chief Nurse to represent CCGs at monthly Clinical Education Practice Network meeting (CEPN).", sro: "CN", lead: "CETO", due: "Apr 2018", measure: "Chief Nurse attends monthly CEPN meetings", progress: "Completed and ongoing" },
  { kind: "action", action: "6.11 CCGs to provide senior nursing leadership to the development of infrastructure to support practice nurse professional development.", sro: "CN", lead: "PCNL", due: "Apr 2018", measure: "Practice nurse development sessions provided at monthly Time To Learn by Chief Nurse", progress: "Completed and ongoing" },
  { kind: "action", action: "6.12 CCGs to support the co-ordination of the monthly Time To Learn programme.", sro: "Chair", lead: "CN", due: "Apr 2018", measure: "Continued co-ordination of the monthly TTL programme", progress: "Completed and ongoing" },
  { kind: "heading", text: "CCG Staff" },
  { kind: "action", goal: "To support CCG staff in their roles", action: "6.13 Ensure that all staff are aware of the CCGs vision and values and key priorities.", sro: "AO/DSP", lead: "ADA", due: "July 2018", measure: "CCGs' vision and values reviewed and communicated to staff", progress: "Completed and ongoing" },
  { kind: "action", action: "6.14 Ensure monthly 1-1s for all staff.", sro: "AO", lead: "Exec", due: "Nov 2018", measure: "100% staff receiving 1-1s at least monthly", progress: "Completed and ongoing" },
  { kind: "action", action: "6.15 Ensure regular team meetings (Quarterly)", sro: "AO", lead: "Exec", due: "Nov 2018", measure: "100% of team meetings held at least quarterly", progress: "Completed and ongoing" },
  { kind: "action", action: "6.16 Annual appraisal undertaken for 2018/19 and PDP development plan in place.", sro: "AO", lead: "ADA", due: "Nov 2018", measure: "100% of appraisals undertaken and PDPs in place", progress: "Completed and ongoing" },
  { kind: "action", action: "6.17 Appraiser and appraise training offered to all staff.", sro: "AO", lead: "ADA", due: "Nov 2018", measure: "Relevant training attended by staff", progress: "Completed and ongoing" },
  { kind: "action", action: "6.18 To review the results of the CCGs' Staff Survey and implement action plan.", sro: "AO/DSP", lead: "ADA", due: "May 2019", measure: "Staff Survey action plan implemented and improvement 2017/18 results achieved", progress: "Completed and ongoing" },
  { kind: "blank" },
  { kind: "header" },
  { kind: "action", goal: "To complete recruitment to all current vacancies", action: "6.19 Recruitment tracker monitored on a weekly basis.", sro: "AO/DSP", lead: "ADA", due: "May 2018", measure: "Recruitment tracker reviewed and queries raised with HR.", progress: "Completed and ongoing" },
  { kind: "action", action: "6.20 Implement Trac recruitment system across both CCGs (NEW)", sro: "DSP", lead: "ADA", due: "Mar 2020" },
  { kind: "action", goal: "Improve core line management skills", action: "6.21 Agreed set of core line management skills identified and training offered to all line managers.", sro: "AO/DSP", lead: "ADA", due: "Mar 2019", measure: "Improvement on 2017/18 staff survey scores.", progress: "Completed and ongoing" },
  { kind: "action", goal: "Workforce development and resilience", action: "6.22 Invest in staff e.g. annual staff awards schemes, access to wellbeing activities and staff away days.", sro: "AO/DSP", lead: "ADA", due: "Sept 2018", measure: "Programme of Executive / staff development sessions scheduled throughout the year", progress: "Completed and ongoing" },
  { kind: "action", action: "6.23 Effective two way communication with staff and views of staff sought on a regular basis.", sro: "AO", lead: "Exec", due: "Nov 2018", measure: "Staff communication plan in place that includes feedback from staff conversations and key organisational updates", progress: "Completed and ongoing" },
  { kind: "action", action: "6.24 Embed a coaching and mentoring culture across the CCGs.", sro: "AO/DSP", lead: "ADA", due: "Sept 2018", measure: "100% staff requested a coach / mentor supported by the CCGs to establish this arrangement", progress: "Completed and ongoing" },
  { kind: "action", action: "6.25 Review Staff Involvement Group and ensure that members provide input into training and development of all staff.", sro: "AO/DSP", lead: "ADA", due: "Dec 2019", measure: "Joint Staff Involvement Group in place and meeting", progress: "Completed and ongoing" },
  { kind: "action", action: "6.26 Appoint ten 'Speak Up Champions' across the CCGs for all staff groups (NEW)", sro: "DSP", lead: "ADO", due: "Jan 2020", measure: "10 speak up champions in place", progress: "In progress – applications received" },
  { kind: "action", action: "6.27 Appointment of Mental Health First Aider (NEW)", sro: "DSP", lead: "ETO", due: "Mar 2020", measure: "Mental Health First Aiders in place" },
  { kind: "action", action: "6.28 Develop pool of mentors across the CCGs (NEW)", sro: "DSP", lead: "ADA", due: "Mar 2020", measure: "Additional mentors in place and aligned to staff.", progress: "In progress" },
  { kind: "action", action: "6.29 Source formal coaching training for staff undertaking a mentorship role (NEW)", sro: "DSP", lead: "ETO", due: "Mar 2020", measure: "Training provided where necessary.", progress: "In progress" },
  { kind: "action", action: "6.30 Raise awareness re 'Move out' – supporting a healthy workforce sessions", sro: "DSP", lead: "ETO", due: "Mar 2020", measure: "Information circulated.", progress: "In progress" },
  { kind: "blank" },
  { kind: "continuation", text: "for staff (NEW)" },
  { kind: "action", action: "6.31 Provide mindfulness training, getting staff active and general wellbeing (NEW)", sro: "DSP", lead: "ETO", due: "Mar 2020", measure: "Training completed.", progress: "In progress" },
  { kind: "header" },
  { kind: "action", goal: "Workforce development and resilience/supporting staff through the change process", action: "6.32 Reinstate vacancy reports following transfer to ArdenGem (New)", sro: "DSP", lead: "ADA", due: "Dec 2019", measure: "Vacancy/recruitment reports shared with CMT.", progress: "Completed" },
  { kind: "action", action: "6.33 Train internal CCG staff within the Workforce /Education and Training teams to provide Insights training for all staff. (NEW)", sro: "DSP", lead: "ADA", due: "Mar 2020", measure: "Two members of CCG staff trained to cascade training.", progress: "In progress – training booked." },
  { kind: "action", action: "6.34 Align ADs Forum agenda planner, to CEC agenda and Wider Leadership Group to ensure that sufficient work is undertaken to support discussions at the meeting (NEW) .", sro: "DIP (CPR)", lead: "ADIP", due: "Jan 2020", measure: "Forward agenda planners aligned.", progress: "In progress." },
  { kind: "action", action: "6.35 Provide face to face Equality and Diversity training for all staff as part of the mandatory training programme (NEW – previously online)", sro: "DSP", lead: "ADA/E TO", due: "Mar 2020", measure: "Training completed.", progress: "In progress – training provider being sourced." },
  { kind: "action", action: "6.36 Review CCGs' Equality and Diversity Strategy and Action Plan and present to staff at a dedicated session (NEW) .", sro: "DSP", lead: "ADA/E TO", due: "Mar 2020", measure: "Revised strategy in place and staff awareness sessions provided.", progress: "In progress" },
  { kind: "action", action: "6.37 Extend the CCGs' Succession Plan to include all staff (NEW) .", sro: "DSP", lead: "ADA", due: "Mar 2020", measure: "Succession plan reviewed to include all staff groups.", progress: "In progress." },
  { kind: "action", action: "6.38 Present updated talent map to CMT for review (NEW) .", sro: "DSP", lead: "ADA", due: "Jan 2020", measure: "Talent Map completed.", progress: "Completed" },
  { kind: "action", action: "6.39 Arrange CCG away day for all staff (NEW) .", sro: "DSP", lead: "ADA", due: "Feb 2020", measure: "Away Day held.", progress: "Completed" },
  { kind: "action", action: "6.40 Ensure CCGs' apprentices are appropriately supported to receive a wide range of training and development (NEW) .", sro: "DSP", lead: "ADA", due: "Mar 2020", measure: "Apprenticeships completed and support provided to enable candidates secure careers within the NHS.", progress: "In progress." },
  { kind: "action", action: "6.41 Interview training and CV writing skills courses provided for all staff (NEW) .", sro: "DSP", lead: "ADA/E TO", due: "Jun 2020", measure: "Training provided.", progress: "In progress" },
  { kind: "action", action: "6.42 Roll out Prince 2 / Agile training to all relevant staff across the CCGs (NEW)", sro: "DSP", lead: "ETO", due: "Jun 2020", measure: "Training provide.", progress: "In progress" },
  { kind: "blank" },
  { kind: "header" },
  { kind: "heading", text: "Organisational Level" },
  { kind: "action", goal: "Proactive support to GB and staff to develop skills required of high performing commissioners", action: "6.43 Develop and implement talent mapping framework.", sro: "AO/DSP", lead: "ADA", due: "July 2018", measure: "Talent mapping exercise undertaken", progress: "Completed" },
  { kind: "action", action: "6.44 Commission external provider to undertake OD programme with CCG Governing Bodies.", sro: "AO", lead: "MA", due: "Oct 2018", measure: "Programme commissioned", progress: "Completed" },
  { kind: "action", goal: "Build the capacity and capability of the CCGs' workforce to transform local health services", action: "6.45 Undertake a skills audit with support from GGI and PwC.", sro: "AO/DSP", lead: "ADA", due: "Sept 2018", measure: "Skills audit undertaken", progress: "Completed" },
  { kind: "action", goal: "Deliver the CCGs' Communications and Engagement Strategy", action: "6.46 Ensure that the CCGs' GB members and staff have the skills required to effectively engage with our community and stakeholders with support from GGI and PwC.", sro: "AO/DSP", lead: "ADA", due: "Feb 2019", measure: "Positive 360 Stakeholder Survey 2019", progress: "Completed" },
  { kind: "action", goal: "Embed behaviours to accelerate performance and deliver the 5 Year Forward View", action: "6.47 Refresh organisational values, describing the behaviours to help embed values that demonstrate inclusive, effective and compassionate leaders at all levels.", sro: "AO", lead: "Exec", due: "Oct 2018", measure: "Establish open and honest culture", progress: "Completed" },
  { kind: "blank" },
  { kind: "text", text: "7. Financial Management" },
  { kind: "text", text: "Aim: Develop a clearly defined Financial Recovery Plan and ensure appropriate capacity and capability is in place to deliver the plan." },
  { kind: "text", text: "Lead: Chief Finance Officer" },
  { kind: "header" },
  { kind: "action", goal: "A clearly defined FRP should be urgently developed to allow the CCG to map out how and when it can recover to NHS England business rules and identify key risks and mitigations on the road to recovery.", action: "7.1 Review of SOs and SFIs undertaken and training provided to 100% of staff.", sro: "CFO", lead: "DCFO", due: "Oct 2018", measure: "SOs and SFIs reviewed and training provided to 100% of staff.", progress: "Completed" },
  { kind: "action", goal: "Ensure that there are sufficient resources available to support the development of GB member and CCG staff, ensuring that there are appropriate skills across the organisations to undertake the required level of challenge of financial and non financial performance", action: "7.2 Training budget identified for 2018/19.", sro: "CFO", lead: "DCFO", due: "March 2018", measure: "£30k training budget set aside for 2018/19 both CCGs.", progress: "Completed" },
  { kind: "action", action: "7.3 Provide budget holder training in line with CCG Budgetary Control Policy.", sro: "CFO", lead: "DCFO", due: "Sep 2018", measure: "100% of Budget Holders to attend budget holder training session.", progress: "Completed" },
  { kind: "action", action: "7.4 Training plan developed for Finance Team following outcomes of skills audit.", sro: "CFO", lead: "DCFO", due: "Sep 2018", measure: "Training plan in place, supported by appropriate level of funding.", progress: "Completed" },
  { kind: "action", goal: "Robust QIPP identification, delivery and monitoring arrangements in place", action: "7.5 Recommendations from 2017/18 QIPP audit implemented.", sro: "CFO/DSP", lead: "ADQ/ADA", due: "March 2019", measure: "Audit recommendations fully implemented", progress: "Completed" },
];

// ---- seed 004 ---------------------------------------------------------------------------

export const ISRB_ORGANISATION = "North Lanarkshire Integration Joint Board";
export const ISRB_TITLE = "Integrated Service Review Board Programme Plan";
/** The report's date (DATE: 7.2.2018). */
export const ISRB_DATE = "2018-02-07";

/** A phase plan: its header's action text, then workstream headings (bold in the paper) and actions. */
export interface PhasePlan {
  header: string;
  rows: ({ heading: string } | { action: string; due: string; bold?: boolean; italic?: boolean })[];
}

export const ISRB_PHASES: PhasePlan[] = [
  {
    header: "Action plan phase 1 February 2018 – September 2018",
    rows: [
      { heading: "Cross Cutting Work (All care groups)" },
      { action: "Expand the remit of the Addictions, Learning Disability and Mental Health Partnership Board to include Justice services", due: "February 2018" },
      { action: "Establishment of programme structure", due: "February 2018" },
      { action: "Recruitment of support staff", due: "March 2018" },
      { action: "Finance plan", due: "March 2018 (and ongoing)" },
      { action: "HR plan", due: "April 2018" },
      { action: "Communications plan", due: "April 2018" },
      { action: "Workforce plan", due: "June 2018 (and ongoing)" },
      {
        action: "Establishment of principles and standards for:\nFirst Point of Contact\nGeneric Assessment\nOutcomes monitoring\nCase management and co-ordination",
        due: "June 2018",
      },
      { heading: "Roll out of new Home Support Model" },
      { action: "Action plan to be finalised following outputs of Feb 18 IJB meeting", due: "TBC", italic: true },
      { heading: "Roll out of new Rehabilitation Model" },
      { action: "New Home Support referrals to Integrated Rehab Team", due: "December 2017" },
      { action: "Performance metrics to be finalised", due: "January 2018" },
      { action: "Staff in-reach to Strathclyde Ward", due: "February 2018" },
      { action: "Staff to be trained in Quality Improvement approaches", due: "March 2018" },
      { action: "Project Evaluation", due: "March 2018" },
      { heading: "Locality work (All care groups)" },
      { action: "Interim management arrangements", due: "April 2018" },
      { action: "Co-location planning", due: "June 2018" },
      { action: "Local implementation of cross cutting work", due: "July 2018" },
      { heading: "Formation of Long Term Condition and Frailty Teams in localities" },
      { action: "Assignment of staff to teams", due: "June 2018" },
      { action: "Management arrangements", due: "April 2018" },
      { heading: "Implementation of Discharge to Assess (see appendix 2)" },
      { action: "First point of contact", due: "June 2018" },
      { action: "Revised discharge processes", due: "August 2018" },
      { action: "Linkage between hospital and locality teams", due: "August 2018" },
    ],
  },
  {
    header: "Action plan phase 2 April 2018 – March 2019",
    rows: [
      { action: "Formation of Area Wide Service Implementation Groups", due: "April 2018", bold: true },
      { action: "Development of schemes of delegation and escalation", due: "June 2018", bold: true },
      { action: "Migration of services currently hosted in localities to area wide services", due: "December 2018", bold: true },
      { action: "Planning of 24/7 integrated response for Partnership", due: "August 2018", bold: true },
    ],
  },
  {
    header: "Action plan phase 3 April 2018 – March 2019",
    rows: [
      { action: "Formation of integrated locality Add, CJ, LD & MH teams", due: "By March 2019" },
      { action: "Formation of integrated locality C&F teams", due: "By March 2019" },
    ],
  },
];

export const ISRB_RISK_HEADER = ["Risk Description", "Impact H/M/L", "Mitigation Description"] as const;

/** Section 6 of the programme plan: the initial risks, rated on impact alone. */
export const ISRB_RISKS: { risk: string; impact: string; mitigations: string[] }[] = [
  {
    risk: "Ability to maintain service continuity during significant change programme",
    impact: "H",
    mitigations: ["Programme Management Team to support delivery in 2018/19", "Interim structure to provide additional change capacity"],
  },
  {
    risk: "Lack of staff engagement could lead to limited buy-in to new ways of working",
    impact: "H",
    mitigations: ["Communications plan", "OD programme", "Local Implementation Groups to support frontline buy in"],
  },
  {
    risk: "The new model of working is unable to offset increasing demand, leading to additional financial pressures",
    impact: "H",
    mitigations: [
      "Evaluation team to monitor progress of each phase of the programme",
      "Quality Improvement approach",
      "ISRB based on extensive research of models across UK",
    ],
  },
  {
    risk: "Reputational risk during the transition through lack of appropriate communications with service users",
    impact: "M",
    mitigations: [
      "Strategic Planning Group involvement",
      "Partnership Boards to play key role in developments and engagement of key user and carer representatives",
      "Communications plan",
    ],
  },
  {
    risk: "Lack of support from key corporate functions such as HR, IT and Quality Improvement could delay or derail implementation",
    impact: "H",
    mitigations: [
      "Early involvement of corporate leads in all workstreams of the programme",
      "Regular updates to both CMTs on progress and areas of concern",
    ],
  },
];
