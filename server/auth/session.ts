import "server-only";
import type { Db } from "@/db";
import { resolveMembership, type WorkspaceMembership } from "../services/memberships";
import { auth } from "./index";
import { readWorkspaceCookie } from "./workspace-cookie";

export interface SessionContext {
  user: { id: number; email: string; name: string } | null;
  membership: WorkspaceMembership | null;
}

/**
 * Who is asking and in which workspace, with what role: the user from the Auth.js session, the
 * workspace from the switcher's cookie, the role from the database (never from the token).
 */
export async function getSessionContext(db: Db): Promise<SessionContext> {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session?.user || !Number.isInteger(userId) || userId <= 0) return { user: null, membership: null };
  const membership = await resolveMembership(db, userId, await readWorkspaceCookie());
  return { user: { id: userId, email: session.user.email ?? "", name: session.user.name ?? "" }, membership };
}
