import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { memberships, users, workspaces } from "@/db/schema";
import type { Role } from "../domain/enums";
import { verifyPassword } from "../auth/password";

export interface WorkspaceMembership {
  workspaceId: number;
  slug: string;
  name: string;
  currency: string;
  role: Role;
}

/** The user for these credentials, or null (unknown email and wrong password look the same). */
export async function authenticate(db: Db, email: string, password: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!user || !(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

const membershipColumns = {
  workspaceId: workspaces.id,
  slug: workspaces.slug,
  name: workspaces.name,
  currency: workspaces.currency,
  role: memberships.role,
};

/** Every workspace the user belongs to, by name: the workspace switcher. */
export function listMemberships(db: Db, userId: number): Promise<WorkspaceMembership[]> {
  return db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
}

/**
 * The membership a request acts under: the requested workspace if the user still belongs to it,
 * else their first workspace (a revoked membership falls back instead of erroring), else null.
 */
export async function resolveMembership(
  db: Db,
  userId: number,
  workspaceId: number | null | undefined,
): Promise<WorkspaceMembership | null> {
  if (workspaceId != null) {
    const [row] = await db
      .select(membershipColumns)
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)));
    if (row) return row;
  }
  const [first] = await listMemberships(db, userId);
  return first ?? null;
}
