import type { Db } from "@/db";
import { ROLES, type Role } from "../../domain/enums";
import { createUser, createWorkspace } from "@/db/factories";
import { resolveMembership } from "../../services/memberships";
import { createCaller } from "../root";
import type { Context } from "../trpc";

/** A workspace with one user per role: the usual fixture of a router test. */
export async function createRoleFixture(db: Db, name?: string) {
  const workspace = await createWorkspace(db, name ? { name } : {});
  const usersByRole = {} as Record<Role, { id: number; email: string; name: string }>;
  for (const role of ROLES) usersByRole[role] = await createUser(db, workspace.id, role);
  return { workspace, users: usersByRole };
}

/** The context a signed-in request of `user` in `workspaceId` gets (membership from the database). */
export async function contextFor(db: Db, user: { id: number; email: string; name: string } | null, workspaceId?: number): Promise<Context> {
  if (!user) return { db, user: null, membership: null };
  const membership = await resolveMembership(db, user.id, workspaceId);
  return { db, user: { id: user.id, email: user.email, name: user.name }, membership };
}

export async function callerFor(db: Db, user: { id: number; email: string; name: string } | null, workspaceId?: number) {
  return createCaller(await contextFor(db, user, workspaceId));
}

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Call a procedure by its dotted path ("workspace.update"), as the permission table names it. */
export function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  if (typeof target !== "function") throw new Error(`No procedure at ${path}`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}
