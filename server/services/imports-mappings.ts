import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { importMappings } from "@/db/schema";
import { columnMappingInput, type ImportEntity } from "../domain/ingest/mapping";
import { AppError, notFound } from "../errors";
import { recordAudit } from "./audit";
import type { ImportActor } from "./imports";

/** A workspace's saved mappings for one entity, by name. */
export function listSavedMappings(db: Db, workspaceId: number, entity: ImportEntity) {
  return db
    .select({
      id: importMappings.id,
      name: importMappings.name,
      mapping: importMappings.mapping,
      updatedAt: importMappings.updatedAt,
    })
    .from(importMappings)
    .where(and(eq(importMappings.workspaceId, workspaceId), eq(importMappings.entity, entity)))
    .orderBy(asc(importMappings.name));
}

/**
 * Saves a mapping under a name for its entity (checked as an import would check it); a mapping of
 * that name is replaced. Returns its id.
 */
export async function saveMapping(
  db: Db,
  actor: ImportActor,
  input: { name: string; mapping: unknown },
): Promise<{ id: number }> {
  const parsed = columnMappingInput.safeParse(input.mapping);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues.map((issue) => issue.message).join(" "));
  const mapping = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(importMappings)
      .values({
        workspaceId: actor.workspaceId,
        entity: mapping.entity,
        name: input.name,
        mapping,
        createdBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: [importMappings.workspaceId, importMappings.entity, importMappings.name],
        set: { mapping, createdBy: actor.userId, updatedAt: sql`now()` },
      })
      .returning({ id: importMappings.id });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "import_mapping.save",
      entityType: "import_mapping",
      entityId: row!.id,
      after: { name: input.name, mapping },
    });
    return { id: row!.id };
  });
}

/** Deletes a saved mapping of the workspace. */
export async function removeMapping(db: Db, actor: ImportActor, id: number): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(importMappings)
      .where(and(eq(importMappings.id, id), eq(importMappings.workspaceId, actor.workspaceId)))
      .returning();
    if (!row) throw notFound("Saved mapping", id);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "import_mapping.remove",
      entityType: "import_mapping",
      entityId: id,
      before: { name: row.name, entity: row.entity, mapping: row.mapping },
    });
    return { id };
  });
}
