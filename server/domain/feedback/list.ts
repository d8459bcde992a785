import { z } from "zod";
import { checkFeedbackFilters, feedbackFilterFields } from "./filters";

/**
 * Keyset cursor of the feedback list: the last row's sort key (the priority, or the sentiment for
 * "most negative"; none for "newest"), its `receivedAt` as an exact UTC timestamp with
 * microseconds (a JS Date keeps only milliseconds, which would skip rows that share one) and its
 * id, e.g. `2024-05-01T09:30:00.123456Z~42` or `p.high~2024-05-01T09:30:00.123456Z~42`. Opaque to
 * the client.
 */
const FEEDBACK_CURSOR =
  /^(?:(p\.(?:urgent|high|normal|low)|s\.-?\d+(?:\.\d+)?(?:e-?\d+)?)~)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([1-9]\d{0,9})$/;

export interface FeedbackCursor {
  /** "p.<priority>" or "s.<sentiment, 2 for none>"; absent for the newest-first order. */
  key?: string;
  receivedAt: string;
  id: number;
}

export function encodeFeedbackCursor(cursor: FeedbackCursor): string {
  return `${cursor.key ? `${cursor.key}~` : ""}${cursor.receivedAt}~${cursor.id}`;
}

/** The cursor's parts, or null when the string is not a cursor this list produced. */
export function decodeFeedbackCursor(value: string): FeedbackCursor | null {
  const match = FEEDBACK_CURSOR.exec(value);
  if (!match) return null;
  return {
    ...(match[1] ? { key: match[1] } : {}),
    receivedAt: match[2]!,
    id: Number(match[3]),
  };
}

/**
 * Orders of the inbox: newest first; by priority (urgent first), newest first within one; most
 * negative comment first (items without a sentiment last), newest first within one.
 */
export const FEEDBACK_SORTS = ["newest", "priority", "negative"] as const;
export type FeedbackSort = (typeof FEEDBACK_SORTS)[number];

/** One page of the inbox: the filters of ./filters.ts plus the order, keyset cursor and page size. */
export const listFeedbackInput = z
  .object({
    sort: z.enum(FEEDBACK_SORTS, { error: `Sort by ${FEEDBACK_SORTS.join(", ")}.` }).default("newest"),
    cursor: z
      .string()
      .refine((value) => decodeFeedbackCursor(value) !== null, "Invalid cursor; reload the list.")
      .nullish(),
    limit: z.number().int().min(1).max(100).default(50),
    ...feedbackFilterFields,
  })
  .superRefine(checkFeedbackFilters);
export type ListFeedbackInput = z.infer<typeof listFeedbackInput>;
