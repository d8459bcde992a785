import { z } from "zod";

const MAX_ID = 2_147_483_647;
const id = z.number().int().positive().max(MAX_ID);

/**
 * customers.list: `search` finds customers whose external id or email starts with it, or whose name
 * or a word of it does (case-insensitive, `%` and `_` literal); `segmentId` keeps one segment's
 * customers (null: those without a segment). Newest first, keyset on id.
 */
export const listCustomersInput = z.object({
  search: z.string().trim().max(100).optional(),
  segmentId: id.nullable().optional(),
  cursor: id.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListCustomersInput = z.infer<typeof listCustomersInput>;

/** `term` with the LIKE wildcards `%`, `_` and the escape character `\` taken literally. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A LIKE/ILIKE pattern matching text that starts with `term` (wildcards in it taken literally). */
export function prefixPattern(term: string): string {
  return `${escapeLike(term)}%`;
}

/** A LIKE/ILIKE pattern matching a word after a space that starts with `term`: a surname. */
export function wordPrefixPattern(term: string): string {
  return `% ${escapeLike(term)}%`;
}

export const TIMELINE_KINDS = ["feedback", "order", "action"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Where a timeline page starts: after the entry (at, kind, id) last shown, newest first. */
export const timelineCursorInput = z.object({
  at: z.date(),
  kind: z.enum(TIMELINE_KINDS),
  id,
});
export type TimelineCursor = z.infer<typeof timelineCursorInput>;

/** customers.byId: the customer and one page of their timeline (`cursor` from the previous page). */
export const customerByIdInput = z.object({
  id,
  cursor: timelineCursorInput.nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type CustomerByIdInput = z.infer<typeof customerByIdInput>;

export const eraseCustomerInput = z.object({ id });

/** What erasure leaves in place of a comment's body (the column may not be empty). */
export const ERASED_TEXT = "[erased]";
