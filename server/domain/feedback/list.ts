import { z } from "zod";
import { checkFeedbackFilters, feedbackFilterFields } from "./filters";

/**
 * Keyset cursor of the feedback list: the last row's `receivedAt` as an exact UTC timestamp with
 * microseconds (a JS Date keeps only milliseconds, which would skip rows that share one) and its id,
 * e.g. `2024-05-01T09:30:00.123456Z~42`. Opaque to the client.
 */
const FEEDBACK_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([1-9]\d{0,9})$/;

export interface FeedbackCursor {
  receivedAt: string;
  id: number;
}

export function encodeFeedbackCursor(cursor: FeedbackCursor): string {
  return `${cursor.receivedAt}~${cursor.id}`;
}

/** The cursor's parts, or null when the string is not a cursor this list produced. */
export function decodeFeedbackCursor(value: string): FeedbackCursor | null {
  const match = FEEDBACK_CURSOR.exec(value);
  if (!match) return null;
  return { receivedAt: match[1]!, id: Number(match[2]) };
}

/** One page of the inbox: the filters of ./filters.ts plus the keyset cursor and the page size. */
export const listFeedbackInput = z
  .object({
    cursor: z
      .string()
      .refine((value) => decodeFeedbackCursor(value) !== null, "Invalid cursor; reload the list.")
      .nullish(),
    limit: z.number().int().min(1).max(100).default(50),
    ...feedbackFilterFields,
  })
  .superRefine(checkFeedbackFilters);
export type ListFeedbackInput = z.infer<typeof listFeedbackInput>;
