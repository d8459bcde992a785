import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { workspaces } from "@/db/schema";
import type { UpdateWorkspaceInput } from "../domain/workspace";
import { notFound } from "../errors";
import { recordAudit } from "./audit";

export interface Actor {
  userId: number;
  workspaceId: number;
}

/** Rename a workspace (its own, never another's) and audit the change. */
export async function updateWorkspace(db: Db, actor: Actor, input: UpdateWorkspaceInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspaceId))
      .for("update");
    if (!before) throw notFound("Workspace", actor.workspaceId);
    const [after] = await tx
      .update(workspaces)
      .set({ name: input.name })
      .where(eq(workspaces.id, actor.workspaceId))
      .returning({ id: workspaces.id, name: workspaces.name });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "workspace.update",
      entityType: "workspace",
      entityId: actor.workspaceId,
      before,
      after: { name: input.name },
    });
    return after!;
  });
}
