import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { imports } from "@/db/schema";
import { analyseFeedback } from "@/db/text-analysis";
import type { ImportEntity } from "../domain/ingest/mapping";
import { AppError, notFound } from "../errors";
import { recordAudit, type Tx } from "./audit";
import { lockWorkspaceIngest, queueWorkspaceWrite } from "./ingest-http";
import type { ImportActor } from "./imports";
import { ENTITY_TABLES, rowsOf } from "./imports-write";

// Children before parents: orders and feedback reference the customers an import may have created.
const UNDO_ORDER: ImportEntity[] = ["order", "feedback", "customer"];

export interface UndoReport {
  importId: number;
  deleted: number;
  restored: number;
}

/**
 * Undoes a finished import in one transaction: restores the records it updated to their values
 * before it (import_changes.before) and deletes the records it inserted, orders and feedback
 * before customers. Refused (CONFLICT) when a later import changed the same records — undo that
 * one first — or when a customer it created is now referenced by other orders or feedback.
 * Restored feedback is analysed again (sentiment and themes follow the restored text).
 */
export async function undoImport(db: Db, actor: ImportActor, importId: number): Promise<UndoReport> {
  const [row] = await db
    .select({ id: imports.id, status: imports.status })
    .from(imports)
    .where(and(eq(imports.id, importId), eq(imports.workspaceId, actor.workspaceId)));
  if (!row) throw notFound("Import", importId);
  if (row.status !== "done") {
    throw new AppError("INVALID_STATE", `Import ${importId} is ${row.status}; only a finished import can be undone.`);
  }
  return queueWorkspaceWrite(db, actor.workspaceId, () =>
    db.transaction(async (tx) => {
      await lockWorkspaceIngest(tx, actor.workspaceId);
      const [current] = await tx
        .select({ status: imports.status })
        .from(imports)
        .where(eq(imports.id, importId))
        .for("update");
      if (current?.status !== "done") throw new AppError("INVALID_STATE", `Import ${importId} was already undone.`);
      const later = await rowsOf<{ importId: number }>(
        tx,
        sql`SELECT DISTINCT l.import_id AS "importId" FROM import_changes c
          JOIN import_changes l ON l.entity = c.entity AND l.row_id = c.row_id AND l.import_id > c.import_id
          JOIN imports i ON i.id = l.import_id AND i.status = 'done'
          WHERE c.import_id = ${importId} ORDER BY 1`,
      );
      if (later.length > 0) {
        throw new AppError(
          "CONFLICT",
          `Import ${importId} cannot be undone: import ${later.map((l) => l.importId).join(", ")} changed the same records later. Undo ${later.length > 1 ? "those" : "that one"} first.`,
        );
      }
      const report: UndoReport = { importId, deleted: 0, restored: 0 };
      for (const entity of UNDO_ORDER) {
        report.restored += await restore(tx, actor.workspaceId, importId, entity);
        report.deleted += await remove(tx, actor.workspaceId, importId, entity);
      }
      await tx.update(imports).set({ status: "undone" }).where(eq(imports.id, importId));
      await recordAudit(tx, {
        workspaceId: actor.workspaceId,
        actorId: actor.userId,
        action: "import.undo",
        entityType: "import",
        entityId: importId,
        after: { deleted: report.deleted, restored: report.restored },
      });
      return report;
    }),
  );
}

async function restore(tx: Tx, workspaceId: number, importId: number, entity: ImportEntity): Promise<number> {
  const { table, restored } = ENTITY_TABLES[entity];
  const columns = sql.join(
    restored.map((column) => sql`${sql.identifier(column)} = r.${sql.identifier(column)}`),
    sql`, `,
  );
  const touched = entity === "feedback" ? sql`, updated_at = now()` : sql``;
  const ids = await rowsOf<{ id: number }>(
    tx,
    sql`UPDATE ${sql.identifier(table)} t SET ${columns}${touched}
      FROM import_changes c, jsonb_populate_record(NULL::${sql.identifier(table)}, c.before) r
      WHERE c.import_id = ${importId} AND c.entity = ${entity} AND c.before IS NOT NULL
        AND t.id = c.row_id AND t.workspace_id = ${workspaceId}
      RETURNING t.id`,
  );
  if (entity === "feedback" && ids.length > 0) await analyseFeedback(tx, workspaceId, { ids: ids.map((r) => r.id) });
  return ids.length;
}

async function remove(tx: Tx, workspaceId: number, importId: number, entity: ImportEntity): Promise<number> {
  const { table } = ENTITY_TABLES[entity];
  const inserted = sql`SELECT row_id FROM import_changes WHERE import_id = ${importId} AND entity = ${entity} AND before IS NULL`;
  if (entity === "customer") {
    const [used] = await rowsOf<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM customers c WHERE c.id IN (${inserted}) AND (
        EXISTS (SELECT 1 FROM feedback f WHERE f.customer_id = c.id) OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id))`,
    );
    if (used && used.n > 0) {
      throw new AppError(
        "CONFLICT",
        `Import ${importId} cannot be undone: ${used.n} customer(s) it created now have orders or feedback from elsewhere; delete those first.`,
      );
    }
  }
  const deleted = await rowsOf<{ id: number }>(
    tx,
    sql`DELETE FROM ${sql.identifier(table)} WHERE workspace_id = ${workspaceId} AND id IN (${inserted}) RETURNING id`,
  );
  return deleted.length;
}
