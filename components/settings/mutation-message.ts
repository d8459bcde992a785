/** The error of a failed tRPC mutation, as the client sees it. */
interface MutationError {
  message: string;
  data?: { zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null } | null;
}

/**
 * What to tell the user about a failed mutation: the first message of an input check (whose
 * `message` is the raw list of issues), otherwise the server's message, which says what to do.
 */
export function mutationMessage(error: MutationError): string {
  const zod = error.data?.zodError;
  if (zod) {
    const first = zod.formErrors[0] ?? Object.values(zod.fieldErrors).flat()[0];
    if (first) return first;
  }
  return error.message;
}
