import { importProgress, liveImportProgress } from "@/server/services/imports-history";
import { errorResponse, failure, importAccess, importIdOf, sessionUserId } from "../../access";

/**
 * GET /api/imports/<id>/progress: what the progress bar polls. The user who started an import
 * running in this process reads its progress from memory (liveImportProgress): on PGlite the
 * import's transaction holds the database until it commits, and this answer must not wait for
 * it. Everyone else, and every import not running here, goes through the membership check.
 */
export async function GET(_request: Request, context: { params: Promise<{ importId: string }> }): Promise<Response> {
  const importId = await importIdOf(context);
  if (importId === null) return failure(404, "There is no such import.");
  const userId = await sessionUserId();
  if (userId === null) return failure(401, "Sign in to continue.");
  const live = liveImportProgress(importId, userId);
  if (live) return Response.json(live, { headers: { "cache-control": "no-store" } });
  const access = await importAccess();
  if (access instanceof Response) return access;
  try {
    const progress = await importProgress(access.db, access.actor.workspaceId, importId);
    return Response.json(progress, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
