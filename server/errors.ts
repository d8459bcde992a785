/** The domain's one error type; server/api/trpc.ts maps the codes to tRPC codes. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID_STATE" | "INVALID_INPUT";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A record that does not exist, or exists in another workspace: the two look the same. */
export function notFound(entity: string, id: number | string): AppError {
  return new AppError("NOT_FOUND", `${entity} ${id} was not found in this workspace.`);
}
