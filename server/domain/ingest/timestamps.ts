/**
 * Timestamps of ingested data as exact strings. A JavaScript Date keeps milliseconds only, while
 * PostgreSQL keeps microseconds, so instants travel as canonical UTC strings
 * (`2017-08-30T11:55:08.970352Z`) computed with integer arithmetic, never through a Date.
 */

/** The parts of a wall-clock reading: month 1–12, fraction as its decimal digits ("" for none). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DAY_MS = 86_400_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, Gregorian leap years (arithmetic: it runs twice per imported timestamp). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`There is no month ${month}.`);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * A problem with the wall-clock parts, or null when they name a real reading: month 1–12, a day
 * that exists in that month (no 30 February), hour 0–23, minute 0–59, second 0–59 (leap seconds
 * are not representable in PostgreSQL either).
 */
export function wallClockProblem(clock: WallClock): string | null {
  if (clock.year < 1 || clock.year > 9999) return "the year must be between 0001 and 9999";
  if (clock.month < 1 || clock.month > 12) return `there is no month ${clock.month}`;
  if (clock.day < 1 || clock.day > daysInMonth(clock.year, clock.month)) {
    return `day ${clock.day} does not exist in ${clock.year}-${String(clock.month).padStart(2, "0")}`;
  }
  if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) return "the time of day is out of range";
  return null;
}

/** Offset text ("Z", "+02", "-0800", "+05:30") in minutes east of UTC, or null when out of range. */
export function parseOffset(text: string): number | null {
  if (text.toUpperCase() === "Z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? "0");
  if (hours > 18 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Canonical UTC form of a wall-clock reading at `offsetMinutes` east of UTC:
 * `YYYY-MM-DDTHH:MM:SS[.f]Z`, the fraction kept to 6 digits (microseconds, PostgreSQL's precision;
 * further digits are dropped, not rounded) with trailing zeros removed. Throws RangeError when the
 * shifted instant leaves years 0001–9999.
 */
export function toCanonicalUtc(clock: WallClock, offsetMinutes: number): string {
  return canonicalFromMs(wallClockMs(clock) - offsetMinutes * 60_000, clock.fraction);
}

/** The reading's whole seconds as if it were UTC, in ms (setUTCFullYear: Date.UTC maps 0–99 to 19xx). */
function wallClockMs(clock: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return date.getTime();
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `ms` (whole seconds) plus a fraction's digits as canonical UTC text; see toCanonicalUtc. */
export function canonicalFromMs(ms: number, fraction = ""): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(ms) || year < 1 || year > 9999) throw new RangeError("The instant is outside years 0001–9999.");
  const digits = fraction === "" ? "" : fraction.slice(0, 6).replace(/0+$/, "");
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `${digits ? `.${digits}` : ""}Z`
  );
}

/**
 * Reads an ISO 8601 timestamp that carries its offset (`2018-01-18T18:17:02Z`,
 * `2016-01-01T21:56:31.182613+00:00`, `2015-02-24T11:35:52-0800`) into canonical UTC text (see
 * toCanonicalUtc). Seconds are optional; a time without an offset is rejected because it names no
 * instant. Returns `{ error }` with a message saying what to send instead.
 */
export function parseIsoTimestamp(value: string): { value: string } | { error: string } {
  const match = ISO_WITH_OFFSET.exec(value.trim());
  if (!match) {
    return {
      error: `${JSON.stringify(value.slice(0, 40))} is not an ISO 8601 timestamp with an offset; send e.g. "2024-05-01T09:30:00Z" or "2024-05-01T11:30:00+02:00".`,
    };
  }
  const clock: WallClock = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? "0"),
    fraction: match[7] ?? "",
  };
  const problem = wallClockProblem(clock);
  if (problem) return { error: `${JSON.stringify(value)} is not a real time: ${problem}.` };
  const offset = parseOffset(match[8]!);
  if (offset === null) return { error: `${JSON.stringify(value)} has an impossible UTC offset.` };
  try {
    return { value: toCanonicalUtc(clock, offset) };
  } catch {
    return { error: `${JSON.stringify(value)} is outside years 0001–9999 in UTC.` };
  }
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows `timeZone` as an IANA name (Intl carries the IANA database). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    zoneFormatters.set(timeZone, format);
  }
  return format;
}

/** Offset of `timeZone` from UTC at the whole-second instant `ms`, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
  const local = new Date(0);
  local.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  local.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return local.getTime() - ms;
}

/**
 * The canonical UTC text of a local wall-clock reading in the IANA `timeZone`, using the runtime's
 * time-zone data through Intl. A reading that happens twice (clocks turned back) resolves to the
 * earlier instant; one that never happens (clocks turned forward) returns `{ error }`, as does an
 * unknown zone. Assumes at most one offset change within a day of the reading (true of IANA data).
 */
export function zonedToCanonicalUtc(clock: WallClock, timeZone: string): { value: string } | { error: string } {
  if (!isKnownTimeZone(timeZone)) {
    return { error: `Unknown time zone "${timeZone}"; choose an IANA name such as Europe/Warsaw or UTC.` };
  }
  const wall = wallClockMs(clock);
  const offsets = new Set([offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)]);
  const instants = [...offsets].map((offset) => wall - offset).filter((ms) => ms + offsetAt(ms, timeZone) === wall);
  if (instants.length === 0) {
    return { error: `This local time does not exist in ${timeZone} (the clocks moved forward past it).` };
  }
  try {
    return { value: canonicalFromMs(Math.min(...instants), clock.fraction) };
  } catch {
    return { error: "The time is outside years 0001–9999 in UTC." };
  }
}
