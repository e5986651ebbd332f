/**
 * The one definition of an ISO date (`YYYY-MM-DD`, a day that exists) for every schema:
 * records, settings, the report, sheet and template models.
 */
import { z } from "zod";
import { madeOnce } from "./remembered";
import { ISO_DATE_SHAPE } from "./values/dates";

export const isoDateSchema = madeOnce(() => z.iso.date({
  error: (issue) =>
    typeof issue.input === "string" && ISO_DATE_SHAPE.test(issue.input.trim())
      ? "is not a real calendar date"
      : "must be a date written YYYY-MM-DD",
}));
