/** What a failed tRPC call carries that the inbox shows (see server/api/trpc.ts's error formatter). */
interface ClientErrorShape {
  message?: string;
  data?: {
    code?: string;
    zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
  } | null;
}

export interface DescribedError {
  message: string;
  /** Someone changed the item since it was loaded: offer to reload. */
  conflict: boolean;
  notFound: boolean;
}

/**
 * The sentence to show for a failed query or mutation: the server's own message (it says what to do),
 * the first input problem for a validation error, `fallback` for anything without one.
 */
export function describeError(error: unknown, fallback: string): DescribedError {
  const shape = (error ?? {}) as ClientErrorShape;
  const code = shape.data?.code;
  const zod = shape.data?.zodError;
  const fromZod = zod ? (zod.formErrors?.[0] ?? Object.values(zod.fieldErrors ?? {}).flat()[0]) : undefined;
  const message = fromZod ?? (shape.message?.trim() || fallback);
  return { message, conflict: code === "CONFLICT", notFound: code === "NOT_FOUND" };
}
