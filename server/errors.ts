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

/** The HTTP status of each code, for route handlers that answer JSON themselves (tRPC maps them in server/api/trpc.ts). */
export const APP_ERROR_HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_STATE: 409,
  INVALID_INPUT: 400,
};

/** A record that does not exist, or exists in another workspace: the two look the same. */
export function notFound(entity: string, id: number | string): AppError {
  return new AppError("NOT_FOUND", `${entity} ${id} was not found in this workspace.`);
}
