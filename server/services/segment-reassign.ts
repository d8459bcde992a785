import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { parseExternalIdsCsv, type ReassignRule, type ReassignSegmentInput } from "../domain/segments";
import { AppError, notFound } from "../errors";
import { recordAudit, type Tx } from "./audit";
import { txRows, type SegmentsActor } from "./segments";

export interface ReassignResult {
  segmentId: number;
  /** Customers the rule or the CSV matched. */
  matched: number;
  /** Of them, moved into the segment now. */
  moved: number;
  /** Of them, already in the segment (left as they were). */
  alreadyThere: number;
  /** CSV ids matching no customer of the workspace, in the file's order; [] for a rule. */
  unknownIds: string[];
}

/** The customers a rule matches, as a condition on `customers c`. */
function ruleCondition(rule: ReassignRule): SQL {
  const parts: SQL[] = [];
  if (rule.region !== undefined) parts.push(sql`c.region = ${rule.region}`);
  if (rule.preferredChannel !== undefined) parts.push(sql`c.preferred_channel = ${rule.preferredChannel}`);
  if (rule.createdBefore !== undefined)
    parts.push(sql`c.created_at < ${rule.createdBefore.toISOString()}::timestamptz`);
  if (rule.createdAfter !== undefined) parts.push(sql`c.created_at > ${rule.createdAfter.toISOString()}::timestamptz`);
  if (rule.currentSegmentId !== undefined) {
    parts.push(
      rule.currentSegmentId === null ? sql`c.segment_id IS NULL` : sql`c.segment_id = ${rule.currentSegmentId}`,
    );
  }
  return sql.join(parts, sql` AND `);
}

async function assertSegment(tx: Tx, workspaceId: number, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  const [row] = await txRows<{ id: number }>(
    tx,
    sql`SELECT id FROM segments WHERE workspace_id = ${workspaceId} AND id = ${id} FOR SHARE`,
  );
  if (!row) throw notFound("Segment", id);
}

/**
 * Move customers into a segment (admins), in one transaction with its audit event: those a rule
 * on their attributes matches, or those a CSV upload names by external id. Customers already in
 * the segment are counted, not rewritten; with a CSV, ids matching no customer are reported, or
 * with `onUnknown: "abort"` cancel the whole move (INVALID_INPUT, nothing changed). The customers
 * triggers move each customer's feedback, orders and headcount between segments in the rollups
 * (migrations 0009, 0013) in the same transaction, so dashboard figures stay exact.
 * The audit event records the rule or the number of ids, and the counts moved from each segment.
 */
export async function reassignCustomers(
  db: Db,
  actor: SegmentsActor,
  input: ReassignSegmentInput,
): Promise<ReassignResult> {
  const { segmentId, by } = input;
  const externalIds = by.kind === "csv" ? parseExternalIdsCsv(by.csv) : null;
  return db.transaction(async (tx) => {
    await assertSegment(tx, actor.workspaceId, segmentId);
    if (by.kind === "rule") await assertSegment(tx, actor.workspaceId, by.rule.currentSegmentId);
    const matches = externalIds
      ? sql`c.external_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(externalIds)}::jsonb))`
      : ruleCondition((by as { rule: ReassignRule }).rule);
    // one statement: lock the matched customers, move those not in the segment yet, and count
    const [summary] = await txRows<{
      matched: number;
      from: { segmentId: number | null; customers: number }[];
      known: string[];
    }>(
      tx,
      sql`WITH m AS (
          SELECT c.id, c.external_id, c.segment_id FROM customers c
          WHERE c.workspace_id = ${actor.workspaceId} AND ${matches} FOR UPDATE
        ), u AS (
          UPDATE customers c SET segment_id = ${segmentId} FROM m
          WHERE c.id = m.id AND m.segment_id IS DISTINCT FROM ${segmentId}
          RETURNING m.segment_id AS from_id
        )
        SELECT (SELECT count(*)::int FROM m) AS matched,
          (SELECT coalesce(json_agg(json_build_object('segmentId', from_id, 'customers', n) ORDER BY from_id), '[]'::json)
            FROM (SELECT from_id, count(*)::int AS n FROM u GROUP BY from_id) g) AS "from",
          ${externalIds ? sql`(SELECT coalesce(json_agg(external_id), '[]'::json) FROM m)` : sql`'[]'::json`} AS known`,
    );
    const from = summary!.from;
    const moved = from.reduce((n, f) => n + f.customers, 0);
    let unknownIds: string[] = [];
    if (externalIds) {
      const known = new Set(summary!.known);
      unknownIds = externalIds.filter((id) => !known.has(id));
      // after the move, inside the transaction: throwing here undoes it, rollups included
      if (unknownIds.length > 0 && by.kind === "csv" && by.onUnknown === "abort") {
        const shown = unknownIds.slice(0, 10).join(", ");
        throw new AppError(
          "INVALID_INPUT",
          `${unknownIds.length} of the ${externalIds.length} ids match no customer (${shown}${unknownIds.length > 10 ? ", …" : ""}); nothing was moved. Fix the file or skip unknown ids.`,
        );
      }
    }
    const result: ReassignResult = {
      segmentId,
      matched: summary!.matched,
      moved,
      alreadyThere: summary!.matched - moved,
      unknownIds,
    };
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "segments.reassign",
      entityType: "segment",
      entityId: segmentId,
      before: { from },
      after: {
        by: by.kind === "rule" ? { rule: by.rule } : { csvIds: externalIds!.length, unknown: unknownIds.length },
        matched: result.matched,
        moved,
        alreadyThere: result.alreadyThere,
      },
    });
    return result;
  });
}
