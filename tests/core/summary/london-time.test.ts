/**
 * The generated time in Europe/London: worked out by the UK's clock-change rule from 1996
 * to 2100 (no time-zone data loaded), held to Intl's own answer (ICU's zone data) at random
 * instants, at every quarter hour around clock changes, and outside the rule's span.
 */
import fc from "fast-check";
import { formatDateTimeUk, intlDateTimeUk } from "../../../src/core/summary/london-time";

const FROM = Date.UTC(1996, 0, 1);
const TO = Date.UTC(2101, 0, 1) - 1;

describe("formatDateTimeUk", () => {
  it("writes day, month, year, hour and minute as the UK reads them, in BST and GMT", () => {
    expect(formatDateTimeUk(new Date("2024-03-21T14:05:59Z"))).toBe("21/03/2024 14:05");
    expect(formatDateTimeUk(new Date("2024-06-30T23:30:00Z"))).toBe("01/07/2024 00:30");
    // The clocks go forward at 01:00 UTC on 31 March 2024, back at 01:00 UTC on 27 October.
    expect(formatDateTimeUk(new Date("2024-03-31T00:59:00Z"))).toBe("31/03/2024 00:59");
    expect(formatDateTimeUk(new Date("2024-03-31T01:00:00Z"))).toBe("31/03/2024 02:00");
    expect(formatDateTimeUk(new Date("2024-10-27T00:59:00Z"))).toBe("27/10/2024 01:59");
    expect(formatDateTimeUk(new Date("2024-10-27T01:00:00Z"))).toBe("27/10/2024 01:00");
  });

  it("is Intl's Europe/London time at any instant from 1996 to 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (t) => formatDateTimeUk(new Date(t)) === intlDateTimeUk(new Date(t))),
      { numRuns: 20_000 },
    );
  });

  it("is Intl's at every quarter hour of the days the clocks change, in random years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1996, max: 2100 }), (year) => {
        for (const month of [2, 9]) {
          // The month's last eight days hold its last Sunday.
          for (let t = Date.UTC(year, month, 24); t < Date.UTC(year, month + 1, 1); t += 15 * 60_000) {
            if (formatDateTimeUk(new Date(t)) !== intlDateTimeUk(new Date(t))) return false;
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("is Intl's outside the rule's span (double summer time, 1968–71's all-year BST, the far future)", () => {
    for (const iso of ["1941-06-01T12:00:00Z", "1970-01-15T12:00:00Z", "1995-10-22T00:30:00Z", "2101-07-01T12:00:00Z", "1900-01-01T00:00:00Z"]) {
      expect(formatDateTimeUk(new Date(iso))).toBe(intlDateTimeUk(new Date(iso)));
    }
    expect(formatDateTimeUk(new Date("1970-01-15T12:00:00Z"))).toBe("15/01/1970 13:00");
  });
});
