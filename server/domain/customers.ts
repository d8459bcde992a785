import { z } from "zod";

export const listCustomersInput = z.object({
  search: z.string().trim().max(100).optional(),
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListCustomersInput = z.infer<typeof listCustomersInput>;

/**
 * A LIKE/ILIKE pattern matching `term` anywhere, with the wildcards `%` and `_` and the escape
 * character `\` taken literally (PostgreSQL's default LIKE escape is the backslash).
 */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export const customerByIdInput = z.object({ id: z.number().int().positive() });
