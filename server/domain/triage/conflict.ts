import { AppError } from "../../errors";

/** What the current row says about its last change. */
export interface CurrentVersion {
  version: number;
  updatedAt: Date;
  /** Display name of whoever made the last change; `null` when unknown (e.g. an import, a deleted user). */
  updatedByName: string | null;
  updatedById?: number | null;
}

export interface ConflictContext {
  /** The user saving now: if they made the last change themselves, the message says "you". */
  viewerId?: number;
  /** IANA time zone the viewer reads times in; default UTC. */
  timeZone?: string;
  /** Today is judged from this instant; default `current.updatedAt` (the time alone is shown). */
  now?: Date;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Optimistic locking: returns when the client saw the current version; otherwise throws CONFLICT
 * naming who changed the item and when, in the viewer's time zone:
 * "Dana Levi changed this item at 14:03; reload to see their change." — "on 3 Jun at 14:03" when not
 * today, "on 3 Jun 2024 at 14:03" when not this year; "Someone else" for an unknown author; "You
 * changed this item … (in another tab or window)" when the viewer made the change.
 * Throws INVALID_INPUT when `seenVersion` is not a whole number ≥ 1 (a client bug, not a conflict),
 * or for an unknown time zone.
 */
export function assertCurrentVersion(
  seenVersion: number,
  current: CurrentVersion,
  context: ConflictContext = {},
): void {
  if (!Number.isInteger(seenVersion) || seenVersion < 1) {
    throw new AppError("INVALID_INPUT", `The item version must be a whole number from 1, got ${seenVersion}.`);
  }
  if (seenVersion === current.version) return;
  const when = describeWhen(current.updatedAt, context.now ?? current.updatedAt, context.timeZone ?? "UTC");
  const byViewer = context.viewerId !== undefined && current.updatedById === context.viewerId;
  const message = byViewer
    ? `You changed this item ${when} in another tab or window; reload to see that change.`
    : `${current.updatedByName?.trim() || "Someone else"} changed this item ${when}; reload to see their change.`;
  throw new AppError("CONFLICT", message);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
  } catch {
    throw new AppError("INVALID_INPUT", `Unknown time zone "${timeZone}"; use an IANA name such as Europe/Warsaw.`);
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  return { year, month, day, hour, minute };
}

function describeWhen(at: Date, now: Date, timeZone: string): string {
  const local = wallClock(at, timeZone);
  const today = wallClock(now, timeZone);
  const time = `at ${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`;
  if (local.year === today.year && local.month === today.month && local.day === today.day) return time;
  const date = `${local.day} ${MONTHS[local.month - 1] ?? ""}`;
  return local.year === today.year ? `on ${date} ${time}` : `on ${date} ${local.year} ${time}`;
}
