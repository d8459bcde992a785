import type { z } from "zod";
import { toFieldErrors } from "./issues";

/**
 * How the REST API reads a request body into items and words its per-item problems. Pure.
 */

/** One machine-readable problem of a request: the item (0 for a single object), its field, what to do. */
export interface ItemError {
  index: number;
  path: string;
  message: string;
}

export type ItemsResult<T> =
  { ok: true; items: T[]; single: boolean } | { ok: false; errors: ItemError[]; message: string };

/**
 * Validates a body that is one object or an array of 1–`max` objects with `schema`, item by item,
 * so the answer names every bad field of every bad item at once (not only the first). `what` is the
 * plural noun for messages ("feedback items").
 */
export function readItems<S extends z.ZodType>(
  body: unknown,
  schema: S,
  max: number,
  what: string,
): ItemsResult<z.output<S>> {
  const single = !Array.isArray(body);
  const raw: unknown[] = Array.isArray(body) ? body : [body];
  if (raw.length === 0) return { ok: false, errors: [], message: `Send at least one of the ${what}.` };
  if (raw.length > max) {
    return {
      ok: false,
      errors: [],
      message: `Send at most ${max} ${what} per request (got ${raw.length}); split the batch.`,
    };
  }
  const items: z.output<S>[] = [];
  const errors: ItemError[] = [];
  raw.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else for (const error of toFieldErrors(parsed.error)) errors.push({ index, ...error });
  });
  if (errors.length > 0) return { ok: false, errors, message: invalidMessage(errors, raw.length, what) };
  return { ok: true, items, single };
}

/** "2 of 50 feedback items are invalid; nothing was written. Fix them and send the request again." */
export function invalidMessage(errors: readonly ItemError[], total: number, what: string): string {
  const bad = new Set(errors.map((error) => error.index)).size;
  return `${bad} of ${total} ${what} ${bad === 1 ? "is" : "are"} invalid; nothing was written. Fix ${bad === 1 ? "it" : "them"} and send the request again.`;
}

/**
 * Errors for items whose key repeats an earlier item's in the same request (one write per key and
 * request: which of two versions should win is the sender's call, not ours).
 */
export function duplicateKeyErrors<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  path: string,
  describe: (item: T) => string,
): ItemError[] {
  const first = new Map<string, number>();
  const errors: ItemError[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else
      errors.push({
        index,
        path,
        message: `${describe(item)} is also item ${earlier} of this request; send each once.`,
      });
  });
  return errors;
}
