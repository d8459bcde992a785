import "server-only";
import { getDatabase, type Db } from "@/db";
import { auth } from "@/server/auth";
import { hasPermission } from "@/server/auth/permissions";
import { getSessionContext } from "@/server/auth/session";
import { APP_ERROR_HTTP_STATUS, AppError } from "@/server/errors";
import type { ImportActor } from "@/server/services/imports";
import { UploadTooLarge } from "@/server/services/imports-uploads";

/**
 * The Settings → Import route handlers' checks, as a tRPC procedure makes them: a session, a
 * membership read from the database, the `imports.run` permission. Answers the refusal as JSON.
 */
export async function importAccess(): Promise<{ db: Db; actor: ImportActor } | Response> {
  const { db } = await getDatabase();
  const { user, membership } = await getSessionContext(db);
  if (!user) return failure(401, "Sign in to continue.");
  if (!membership) return failure(403, "You are not a member of any workspace; ask an admin.");
  if (!hasPermission(membership.role, "imports.run")) {
    return failure(403, `Your role (${membership.role}) does not allow imports.run.`);
  }
  return { db, actor: { workspaceId: membership.workspaceId, userId: user.id } };
}

/** The signed-in user's id from the session token alone (no database), or null. */
export async function sessionUserId(): Promise<number | null> {
  const id = Number((await auth())?.user?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function failure(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/** An AppError as its HTTP status and message; anything else is logged and its message hidden. */
export function errorResponse(error: unknown): Response {
  if (error instanceof UploadTooLarge) return failure(413, error.message);
  if (error instanceof AppError) return failure(APP_ERROR_HTTP_STATUS[error.code], error.message);
  console.error("[imports] route failed:", error);
  return failure(500, "Something went wrong on our side.");
}

/** The `[importId]` segment as a positive integer, or null. */
export async function importIdOf(context: { params: Promise<{ importId: string }> }): Promise<number | null> {
  const id = Number((await context.params).importId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
