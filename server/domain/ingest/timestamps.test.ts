import { describe, expect, it } from "vitest";
import { canonicalFromMs, daysInMonth, parseIsoTimestamp, zonedToCanonicalUtc, type WallClock } from "./timestamps";

const clock = (text: string): WallClock => {
  const [date = "", time = "00:00:00"] = text.split(" ");
  const [year, month, day] = date.split("-").map(Number);
  const [hms = "", fraction = ""] = time.split(".");
  const [hour, minute, second] = hms.split(":").map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second ?? 0, fraction };
};

describe("parseIsoTimestamp", () => {
  it.each([
    ["2018-01-18T18:17:02Z", "2018-01-18T18:17:02Z"],
    ["2016-01-01T21:56:31.182613+00:00", "2016-01-01T21:56:31.182613Z"],
    ["2015-02-24T11:35:52-0800", "2015-02-24T19:35:52Z"],
    ["2024-03-01T01:30+05:30", "2024-02-29T20:00:00Z"],
    ["2017-08-30T11:55:08.970352000+02", "2017-08-30T09:55:08.970352Z"],
    ["2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00Z"],
    ["0050-06-01T00:00:00Z", "0050-06-01T00:00:00Z"],
  ])("%s → %s", (input, expected) => {
    expect(parseIsoTimestamp(input)).toEqual({ value: expected });
  });

  it.each([
    ["2024-05-01T09:30:00", "with an offset"],
    ["2024-05-01", "with an offset"],
    ["2023-02-29T00:00:00Z", "day 29 does not exist in 2023-02"],
    ["2024-13-01T00:00:00Z", "no month 13"],
    ["2024-01-01T24:00:00Z", "time of day"],
    ["2024-01-01T00:00:00+19:00", "impossible UTC offset"],
    ["yesterday", "not an ISO 8601 timestamp"],
  ])("rejects %s", (input, message) => {
    const result = parseIsoTimestamp(input);
    expect("error" in result && result.error).toContain(message);
  });
});

describe("zonedToCanonicalUtc", () => {
  it("applies the zone's offset at that date (winter and summer)", () => {
    expect(zonedToCanonicalUtc(clock("2024-01-15 12:00:00"), "Europe/Warsaw")).toEqual({
      value: "2024-01-15T11:00:00Z",
    });
    expect(zonedToCanonicalUtc(clock("2024-07-15 12:00:00.123456"), "Europe/Warsaw")).toEqual({
      value: "2024-07-15T10:00:00.123456Z",
    });
    expect(zonedToCanonicalUtc(clock("2015-02-24 11:35:52"), "America/Los_Angeles")).toEqual({
      value: "2015-02-24T19:35:52Z",
    });
    expect(zonedToCanonicalUtc(clock("2017-08-30 11:41:01"), "America/Sao_Paulo")).toEqual({
      value: "2017-08-30T14:41:01Z",
    });
  });

  it("takes the earlier instant of a repeated hour and rejects a skipped one", () => {
    // Europe/Warsaw: 2024-10-27 03:00 CEST → 02:00 CET, so 02:30 happens twice.
    expect(zonedToCanonicalUtc(clock("2024-10-27 02:30:00"), "Europe/Warsaw")).toEqual({
      value: "2024-10-27T00:30:00Z",
    });
    // 2024-03-31 02:00 CET → 03:00 CEST: 02:30 never happens.
    const skipped = zonedToCanonicalUtc(clock("2024-03-31 02:30:00"), "Europe/Warsaw");
    expect("error" in skipped && skipped.error).toContain("does not exist in Europe/Warsaw");
  });

  it("rejects an unknown zone", () => {
    const result = zonedToCanonicalUtc(clock("2024-01-01 00:00:00"), "Mars/Olympus");
    expect("error" in result && result.error).toContain('Unknown time zone "Mars/Olympus"');
  });
});

describe("canonicalFromMs", () => {
  it("keeps up to 6 fraction digits and drops trailing zeros", () => {
    expect(canonicalFromMs(0, "1234567")).toBe("1970-01-01T00:00:00.123456Z");
    expect(canonicalFromMs(0, "500")).toBe("1970-01-01T00:00:00.5Z");
    expect(() => canonicalFromMs(253402300800000)).toThrow(RangeError);
  });
});

describe("daysInMonth", () => {
  it("agrees with the calendar of Date for every month of 1896–2104 and a few far years", () => {
    const years = [1, 4, 100, 400, 1582, 9999, ...Array.from({ length: 209 }, (_, i) => 1896 + i)];
    for (const year of years) {
      for (let month = 1; month <= 12; month++) {
        const date = new Date(0);
        date.setUTCFullYear(year, month, 0);
        expect(daysInMonth(year, month), `${year}-${month}`).toBe(date.getUTCDate());
      }
    }
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2023, 2), daysInMonth(2024, 2)]).toEqual([
      28, 29, 28, 29,
    ]);
  });

  it("refuses a month that does not exist", () => {
    expect(() => daysInMonth(2024, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
  });
});
