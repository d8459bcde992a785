import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, parseIsoDate } from "./calendar";
import { isTimeZone, startOfZonedDay, zonedDay } from "./time-zone";

const start = (iso: string, zone: string) => new Date(startOfZonedDay(parseIsoDate(iso), zone)).toISOString();
const hours = (iso: string, zone: string) => {
  const first = parseIsoDate(iso);
  return (startOfZonedDay(first + 1, zone) - startOfZonedDay(first, zone)) / 3_600_000;
};

describe("startOfZonedDay", () => {
  it.each([
    ["UTC", "2026-03-29", "2026-03-29T00:00:00.000Z", 24],
    // CET → CEST at 02:00 on the last Sunday of March; back at 03:00 on the last Sunday of October
    ["Europe/Warsaw", "2026-03-28", "2026-03-27T23:00:00.000Z", 24],
    ["Europe/Warsaw", "2026-03-29", "2026-03-28T23:00:00.000Z", 23],
    ["Europe/Warsaw", "2026-03-30", "2026-03-29T22:00:00.000Z", 24],
    ["Europe/Warsaw", "2026-10-25", "2026-10-24T22:00:00.000Z", 25],
    ["Europe/Warsaw", "2026-10-26", "2026-10-25T23:00:00.000Z", 24],
    // Israel moves on the Friday before the last Sunday of March, and back on the last Sunday of October
    ["Asia/Jerusalem", "2026-03-27", "2026-03-26T22:00:00.000Z", 23],
    ["Asia/Jerusalem", "2026-03-28", "2026-03-27T21:00:00.000Z", 24],
    ["Asia/Jerusalem", "2026-10-25", "2026-10-24T21:00:00.000Z", 25],
    ["Asia/Jerusalem", "2026-10-26", "2026-10-25T22:00:00.000Z", 24],
    // Chile changes at midnight: in September 00:00 does not exist, so the day starts at 01:00
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z", 23],
    // … and in April 23:00–24:00 of Saturday happens twice; Sunday starts after the second one
    ["America/Santiago", "2026-04-04", "2026-04-04T03:00:00.000Z", 25],
    ["America/Santiago", "2026-04-05", "2026-04-05T04:00:00.000Z", 24],
    ["Asia/Kolkata", "2026-01-01", "2025-12-31T18:30:00.000Z", 24],
    ["America/St_Johns", "2026-07-01", "2026-07-01T02:30:00.000Z", 24],
  ])("%s %s starts at %s and lasts %i h", (zone, iso, expected, length) => {
    expect(start(iso, zone)).toBe(expected);
    expect(hours(iso, zone)).toBe(length);
  });

  it("gives a skipped day (Samoa, 30 Dec 2011) no time at all", () => {
    expect(start("2011-12-30", "Pacific/Apia")).toBe("2011-12-30T10:00:00.000Z");
    expect(start("2011-12-31", "Pacific/Apia")).toBe("2011-12-30T10:00:00.000Z");
  });

  const zones = [
    "UTC",
    "Europe/Warsaw",
    "Asia/Jerusalem",
    "America/Santiago",
    "Australia/Lord_Howe",
    "America/New_York",
  ];

  it("is the first instant of the day, in every zone", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: dayNumber(1990, 1, 1), max: dayNumber(2040, 12, 31) }),
        (zone, day) => {
          const instant = startOfZonedDay(day, zone);
          expect(zonedDay(instant, zone)).toBe(day);
          expect(zonedDay(instant - 1, zone)).toBe(day - 1);
          expect(startOfZonedDay(day + 1, zone)).toBeGreaterThan(instant);
        },
      ),
    );
  });
});

describe("zonedDay", () => {
  it.each([
    ["2026-03-28T22:59:59.999Z", "Europe/Warsaw", "2026-03-28"],
    ["2026-03-28T23:00:00.000Z", "Europe/Warsaw", "2026-03-29"],
    ["2026-03-31T21:59:59.999Z", "Europe/Warsaw", "2026-03-31"],
    ["2026-03-31T22:00:00.000Z", "Europe/Warsaw", "2026-04-01"],
    ["2026-03-31T23:59:59.999Z", "UTC", "2026-03-31"],
    ["2026-03-31T10:00:00.000Z", "Pacific/Kiritimati", "2026-04-01"],
    ["2026-03-31T10:00:00.000Z", "Pacific/Pago_Pago", "2026-03-30"],
  ])("%s is %s… in %s", (instant, zone, iso) => {
    expect(zonedDay(new Date(instant), zone)).toBe(parseIsoDate(iso));
  });

  it("rejects an unknown zone with a message that says what to use", () => {
    expect(() => zonedDay(new Date(), "Mars/Olympus")).toThrow(
      'Unknown time zone "Mars/Olympus"; use an IANA name such as Europe/Warsaw.',
    );
  });
});

describe("isTimeZone", () => {
  it.each([
    ["Europe/Warsaw", true],
    ["UTC", true],
    ["Asia/Jerusalem", true],
    ["Mars/Olympus", false],
    ["", false],
  ])("%j → %s", (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
});
