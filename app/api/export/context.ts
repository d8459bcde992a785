import "server-only";
import { type Engine, getDatabase } from "@/db";
import { getSessionContext } from "@/server/auth/session";
import type { ExportRequestContext } from "@/server/services/export-http";

/** The request's database and engine, and who asks in which workspace (session, cookie, membership). */
export async function exportContext(): Promise<{ ctx: ExportRequestContext; engine: Engine }> {
  const { db, engine } = await getDatabase();
  return { ctx: { db, ...(await getSessionContext(db)) }, engine };
}
