/**
 * Excel's error codes as plain messages that say what to do. One place: every failure of
 * the Office.js host passes through `describeFailure`.
 *
 * The codes and Microsoft's meaning of each: learn.microsoft.com, "Error handling with the
 * application-specific JavaScript APIs" (tables "Error codes and messages" and
 * "Excel-specific error codes and messages"). Microsoft says the `message` of an error "isn't
 * intended for consumption by end users": so it is never shown, only the code is mapped.
 */
import { HostError } from "../host";

/** The `code` of an OfficeExtension.Error (or anything with one), else undefined. */
function errorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  return typeof e.code === "string" ? e.code : undefined;
}

/** Codes meaning a request or response was too large for Excel (on the web: 5 MB; a read: 5,000,000 cells). */
const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

/** True where the failure means "send less at once": the reader halves its pieces and tries again. */
export function isTooLarge(e: unknown): boolean {
  return TOO_LARGE.has(errorCode(e) ?? "");
}

/** True where the batch failed because the user is typing in a cell. */
export function isCellEditMode(e: unknown): boolean {
  return errorCode(e) === "InvalidOperationInCellEditMode";
}

const AGAIN = "Check the workbook again, then try again.";

/**
 * Each code's message, given what Board Summary was doing (`action`, e.g. "read the
 * workbook"). Codes not listed get the generic message with the code, for support.
 */
const MESSAGES: Partial<Record<string, (action: string) => string>> = {
  AccessDenied: (a) =>
    `Excel refused to ${a}: the workbook or one of its sheets is protected, or the workbook is open read-only. ` +
    "Unprotect it (Review > Unprotect Sheet or Protect Workbook), or save a copy you can edit (File > Save As), then try again.",
  ItemNotFound: (a) => `Excel could not ${a}: a sheet or table it needed has been renamed or deleted meanwhile. ${AGAIN}`,
  ItemAlreadyExists: (a) => `Excel could not ${a}: a sheet or table of the same name was added meanwhile. ${AGAIN}`,
  InvalidArgument: (a) =>
    `Excel could not ${a}: it did not accept something Board Summary sent. ${AGAIN} If it happens again, report it with the names of the workbook's sheets.`,
  InvalidReference: (a) => `Excel could not ${a}: a cell reference was not valid, perhaps because a sheet changed meanwhile. ${AGAIN}`,
  InvalidOperation: (a) => `Excel could not ${a}: the workbook is in a state that does not allow it (a sheet may be hidden, grouped or protected). ${AGAIN}`,
  RequestPayloadSizeLimitExceeded: (a) => tooLarge(a),
  ResponsePayloadSizeLimitExceeded: (a) => tooLarge(a),
  RangeExceedsLimit: (a) => tooLarge(a),
  InvalidOperationInCellEditMode: (a) =>
    `Excel is waiting for you to finish typing in a cell. Press Enter (or Esc), then ${a} again.`,
  EditModeCannotBeEntered: (a) =>
    `Excel could not ${a}: it is busy with a dialog box or another edit. Close any open Excel dialog box, then try again.`,
  InactiveWorkbook: (a) => `Excel could not ${a}: another workbook has the focus. Click into this workbook, then try again.`,
  InsertDeleteConflict: (a) => `Excel could not ${a}: it would have moved cells of a table or other object. ${AGAIN}`,
  MergedRangeConflict: (a) => `Excel could not ${a}: a table would overlap merged cells or another table. ${AGAIN}`,
  FilteredRangeConflict: (a) => `Excel could not ${a}: it conflicts with a filtered range. Clear the filter, then try again.`,
  PivotTableRangeConflict: (a) => `Excel could not ${a}: it conflicts with a PivotTable. ${AGAIN}`,
  FormulaLengthExceedsLimit: (a) => `Excel could not ${a}: a formula was longer than Excel allows. Report it, with the names of the workbook's sheets.`,
  OperationCellsExceedLimit: (a) => tooLarge(a),
  UnsupportedSheet: (a) => `Excel could not ${a}: a chart sheet or macro sheet does not allow it. ${AGAIN}`,
  UnsupportedFeature: (a) => `Excel could not ${a}: the workbook uses a feature this Excel does not support here. Try again in Excel for Windows or Mac.`,
  ApiNotFound: (a) => `This version of Excel cannot ${a}: it lacks a feature Board Summary needs. Update Excel (File > Account > Update Options), then try again.`,
  NotImplemented: (a) => `This version of Excel cannot ${a}: it lacks a feature Board Summary needs. Update Excel, or use Excel for Windows, Mac or the web.`,
  ActivityLimitReached: (a) => `Excel is too busy to ${a} just now. Wait a minute, then try again.`,
  MemoryLimitReached: (a) => `Excel ran out of memory trying to ${a}. Close other workbooks, then try again.`,
  Conflict: (a) => `Excel could not ${a}: someone else changed the workbook at the same time. ${AGAIN}`,
  RequestAborted: (a) => `Excel stopped before it could ${a}: the connection to Excel was lost or the pane was closed. ${AGAIN}`,
  ServiceNotAvailable: (a) => `Excel could not ${a}: the service is not available just now. Wait a minute, then try again.`,
  Unauthenticated: (a) => `Excel could not ${a}: you are no longer signed in. Sign in to Excel again, then try again.`,
  GeneralException: (a) =>
    `Excel reported an internal error while trying to ${a}. Try again; if it keeps happening, save, close and reopen the workbook.`,
};

function tooLarge(action: string): string {
  return (
    `The workbook is too large for Excel to ${action}, even in pieces. Move large data tabs that are not Board Summary ` +
    "templates to another workbook, or check the file with the board-summary command line, then try again."
  );
}

/**
 * A user-facing message for a failure while doing `action`: a HostError's own message, an
 * Excel error code's plain message, or (for a fault of our own, such as a TypeError) a
 * message that says so without showing JavaScript's text.
 */
export function describeFailure(e: unknown, action: string): string {
  if (e instanceof HostError) return e.message;
  const code = errorCode(e);
  if (code !== undefined) {
    const message = MESSAGES[code];
    return message ? message(action) : `Excel could not ${action} (Excel's code: ${code}). Try again; if it keeps happening, save, close and reopen the workbook.`;
  }
  return `Board Summary could not ${action} because of a fault of its own. Try again; if it keeps happening, please report it.`;
}

/** The failure as a HostError with its plain message. */
export function hostError(e: unknown, action: string): HostError {
  return e instanceof HostError ? e : new HostError(describeFailure(e, action));
}
