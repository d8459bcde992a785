import type { z } from "zod";

/** One machine-readable problem: the dotted path of the field ("3.score" in a batch) and what to do. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The issues of a failed zod parse as `{ path, message }` per field, in zod's order, for 4xx
 * answers of the REST API (one entry per bad field of each item; the item index leads the path in
 * a batch). An issue on the whole object has the path "".
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
