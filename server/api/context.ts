import "server-only";
import { getDatabase } from "@/db";
import { auth } from "../auth";
import { resolveMembership } from "../services/memberships";
import type { Context } from "./trpc";

/** Build the request context from the Auth.js session; membership and role come from the database. */
export async function createContext(): Promise<Context> {
  const [session, { db }] = await Promise.all([auth(), getDatabase()]);
  const userId = Number(session?.user?.id);
  if (!session || !Number.isInteger(userId) || userId <= 0) return { db, user: null, membership: null };
  const membership = await resolveMembership(db, userId, session.workspaceId);
  const user = { id: userId, email: session.user?.email ?? "", name: session.user?.name ?? "" };
  return { db, user, membership };
}
