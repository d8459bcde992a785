import { parseIsoTimestamp, toCanonicalUtc, wallClockProblem, zonedToCanonicalUtc, type WallClock } from "./timestamps";
import type { Parsed } from "./values";

/**
 * Date formats an import can be told a column uses. "iso": YYYY-MM-DD with an optional time
 * ("T" or a space), seconds, a fraction (microseconds) and an offset ("Z", "+00:00", " -0800");
 * "dmy" / "mdy": 31/12/2024 or 12/31/2024 ("/", "-" or "." between parts) with an optional
 * HH:MM[:SS] time; "epoch_seconds" / "epoch_millis": a Unix time.
 */
export const DATE_FORMATS = ["iso", "dmy", "mdy", "epoch_seconds", "epoch_millis"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const EXAMPLES: Record<DateFormat, string> = {
  iso: "2024-12-31 or 2024-12-31 14:05:00+01:00",
  dmy: "31/12/2024 or 31/12/2024 14:05",
  mdy: "12/31/2024 or 12/31/2024 14:05",
  epoch_seconds: "1735653900",
  epoch_millis: "1735653900000",
};

const ISO_LOCAL =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;

/**
 * The instant a cell names, as canonical UTC text (timestamps.ts). A time without an offset is a
 * local time in `timeZone` (IANA, through Intl: DST applied as of that date; a repeated hour takes
 * the earlier instant; a skipped one is an error); a date without a time is local midnight. A
 * cell with an offset keeps it whatever the zone. Errors quote the expected format.
 */
export function parseDateValue(text: string, format: DateFormat, timeZone = "UTC"): Parsed<string> {
  const value = text.trim();
  const wrongFormat = { error: `"${value.slice(0, 40)}" is not a date like ${EXAMPLES[format]}.` };
  if (format === "epoch_seconds" || format === "epoch_millis") {
    if (!/^\d{1,13}(\.\d+)?$/.test(value)) return wrongFormat;
    const [whole = "", fraction = ""] = value.split(".");
    const ms = format === "epoch_seconds" ? Number(whole) * 1000 : Number(whole);
    const digits = format === "epoch_seconds" ? fraction : whole.slice(-3).padStart(3, "0") + fraction;
    const wholeSecondMs = Math.floor(ms / 1000) * 1000;
    try {
      return parseIsoTimestamp(new Date(wholeSecondMs).toISOString().slice(0, 19) + (digits ? `.${digits}` : "") + "Z");
    } catch {
      return wrongFormat;
    }
  }
  let clock: WallClock;
  let offset: string | undefined;
  if (format === "iso") {
    const match = ISO_LOCAL.exec(value);
    if (!match) return wrongFormat;
    clock = wallClock(match[1], match[2], match[3], match.slice(4, 8));
    offset = match[8];
  } else {
    const match = DAY_MONTH.exec(value);
    if (!match) return wrongFormat;
    const [first, second] = [match[1], match[2]];
    clock =
      format === "dmy"
        ? wallClock(match[3], second, first, match.slice(4, 8))
        : wallClock(match[3], first, second, match.slice(4, 8));
  }
  const problem = wallClockProblem(clock);
  if (problem) return { error: `"${value}" is not a real date: ${problem} (expected ${EXAMPLES[format]}).` };
  if (offset !== undefined) {
    const iso = toIsoText(clock, offset);
    return parseIsoTimestamp(iso);
  }
  return timeZone === "UTC" ? { value: toCanonicalUtc(clock, 0) } : zonedToCanonicalUtc(clock, timeZone);
}

function wallClock(year = "", month = "", day = "", time: Array<string | undefined>): WallClock {
  const [hour, minute, second, fraction] = time;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    fraction: fraction ?? "",
  };
}

function toIsoText(clock: WallClock, offset: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return (
    `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}` +
    `${clock.fraction ? `.${clock.fraction}` : ""}${offset}`
  );
}
