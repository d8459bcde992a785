import { AppError } from "../../errors";
import { DAY_MS } from "./calendar";

/**
 * Where calendar days start in an IANA time zone, from the runtime's time zone data through
 * Intl.DateTimeFormat (no library: Node and browsers ship the IANA database with ICU).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new AppError("INVALID_INPUT", `Unknown time zone "${timeZone}"; use an IANA name such as Europe/Warsaw.`);
    }
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the runtime knows `timeZone` as an IANA time zone name ("Europe/Warsaw", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading at `instant` (ms, whole seconds) in `timeZone`, written as if it were UTC. */
function wallClock(instant: number, timeZone: string): number {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) values[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = values;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Warsaw in summer: +7,200,000). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallClock(wholeSecond, timeZone) - wholeSecond;
}

/** The calendar day (day number) that `instant` falls on in `timeZone`. */
export function zonedDay(instant: Date | number, timeZone = "UTC"): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const local = timeZone === "UTC" ? ms : ms + offsetAt(ms, timeZone);
  return Math.floor(local / DAY_MS);
}

/**
 * The first instant (ms) of calendar day `day` in `timeZone`: usually local midnight. When a DST
 * change skips midnight (America/Santiago in September: 00:00 → 01:00) the day starts at the change;
 * when midnight happens twice, at the first. The offsets a day before and after bracket its start,
 * so this assumes at most one offset change within a day of midnight (true of every IANA zone).
 */
export function startOfZonedDay(day: number, timeZone = "UTC"): number {
  const midnight = day * DAY_MS;
  if (timeZone === "UTC") return midnight;
  const byOffsetBefore = midnight - offsetAt(midnight - DAY_MS, timeZone);
  const byOffsetAfter = midnight - offsetAt(midnight + DAY_MS, timeZone);
  const exact = [byOffsetBefore, byOffsetAfter].filter((instant) => instant + offsetAt(instant, timeZone) === midnight);
  if (exact.length > 0) return Math.min(...exact);
  // Midnight was skipped: binary-search the second where the local date turns to `day`.
  let before = Math.min(byOffsetBefore, byOffsetAfter);
  let after = Math.max(byOffsetBefore, byOffsetAfter);
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (zonedDay(middle, timeZone) >= day) after = middle;
    else before = middle;
  }
  return after;
}
