// Issue 10, point 7: Excel's documented error codes as plain messages that say what to do
// (learn.microsoft.com, "Error handling with the application-specific JavaScript APIs").
import { describeFailure, isTooLarge } from "../../../src/hosts/excel/errors";
import { HostError } from "../../../src/hosts/host";
import { FakeOfficeError } from "../../fakes/excel/fake-excel";

/** Every code in Microsoft's two tables (common and Excel-specific). */
const DOCUMENTED = [
  "AccessDenied", "ActivityLimitReached", "ApiNotAvailable", "ApiNotFound", "BadPassword", "Conflict", "ContentLengthRequired",
  "GeneralException", "InsertDeleteConflict", "InvalidArgument", "InvalidBinding", "InvalidOperation", "InvalidReference",
  "InvalidRequest", "InvalidSelection", "ItemAlreadyExists", "ItemNotFound", "MemoryLimitReached", "NotImplemented",
  "RequestAborted", "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "ServiceNotAvailable",
  "Unauthenticated", "UnsupportedFeature", "UnsupportedOperation", "EmptyChartSeries", "FilteredRangeConflict",
  "FormulaLengthExceedsLimit", "InactiveWorkbook", "InvalidOperationInCellEditMode", "MergedRangeConflict",
  "NonBlankCellOffSheet", "OperationCellsExceedLimit", "PivotTableRangeConflict", "RangeExceedsLimit",
  "RefreshWorkbookLinksBlocked", "UnsupportedSheet", "EditModeCannotBeEntered",
];

const RAW = "RAW-EXCEL-TEXT that users must never see";

describe("Excel's error codes as plain messages", () => {
  it.each(DOCUMENTED.map((c) => [c]))("%s: never Excel's own text, always something to do", (code) => {
    const message = describeFailure(new FakeOfficeError(code, RAW), "write the summary sheets");
    expect(message).not.toContain(RAW);
    expect(message).toMatch(/(try again|Try again|then|Update Excel|Report it|report it)/);
    expect(message.length).toBeLessThan(320);
  });

  it("names what to do for the codes users meet", () => {
    const say = (code: string) => describeFailure(new FakeOfficeError(code, RAW), "read the workbook");
    expect(say("AccessDenied")).toMatch(/protected.*Unprotect it/);
    expect(say("ItemNotFound")).toMatch(/renamed or deleted meanwhile\. Check the workbook again/);
    expect(say("InvalidArgument")).toMatch(/did not accept/);
    for (const c of ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"])
      expect(say(c)).toMatch(/^The workbook is too large for Excel to read the workbook, even in pieces\. Move large data tabs/);
    expect(say("InvalidOperationInCellEditMode")).toBe("Excel is waiting for you to finish typing in a cell. Press Enter (or Esc), then read the workbook again.");
    expect(say("EditModeCannotBeEntered")).toMatch(/Close any open Excel dialog box/);
    expect(say("GeneralException")).toMatch(/internal error.*save, close and reopen/);
    expect(say("SomethingNew")).toBe("Excel could not read the workbook (Excel's code: SomethingNew). Try again; if it keeps happening, save, close and reopen the workbook.");
  });

  it("shows no JavaScript error text for a fault of our own, and keeps a HostError's message", () => {
    expect(describeFailure(new TypeError("Cannot read properties of undefined (reading 'x')"), "read the workbook")).toBe(
      "Board Summary could not read the workbook because of a fault of its own. Try again; if it keeps happening, please report it.",
    );
    expect(describeFailure(new HostError("Said plainly."), "read the workbook")).toBe("Said plainly.");
  });

  it("knows which codes mean 'send less at once'", () => {
    expect(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"].every((c) => isTooLarge(new FakeOfficeError(c, "")))).toBe(true);
    expect(isTooLarge(new FakeOfficeError("GeneralException", ""))).toBe(false);
  });
});
