import "server-only";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { segments } from "@/db/schema";
import { compareCsat, compareNps } from "../domain/kpi";
import type {
  CreateSegmentInput,
  SegmentComparison,
  SegmentFilters,
  SegmentPeriods,
  SegmentSummaryItem,
  UpdateSegmentInput,
} from "../domain/segments";
import { AppError, notFound } from "../errors";
import { recordAudit, type Tx } from "./audit";
import { segmentFigures } from "./segment-figures";

export interface SegmentsActor {
  userId: number;
  workspaceId: number;
}

interface SegmentRow {
  id: number;
  name: string;
  description: string;
  color: string;
  createdAt: Date;
}

/** Customers assigned to each segment now, and those of them not churned (an index range per segment). */
async function headcounts(db: Db, workspaceId: number, ids: readonly number[], now: Date) {
  const rows = await queryRows<{ segmentId: number; all: number; active: number }>(
    db,
    sql`SELECT segment_id AS "segmentId", count(*)::int AS all,
        count(*) FILTER (WHERE churned_at IS NULL OR churned_at > ${now.toISOString()}::timestamptz)::int AS active
      FROM customers WHERE workspace_id = ${workspaceId}
        AND segment_id = ANY(${`{${ids.join(",")}}`}::int[])
      GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.segmentId, r]));
}

async function summaries(
  db: Db,
  workspaceId: number,
  rows: SegmentRow[],
  filters: SegmentFilters,
  now: Date,
): Promise<SegmentPeriods & { items: SegmentSummaryItem[] }> {
  const ids = rows.map((r) => r.id);
  // every segment: no segment filter (one cube range instead of a long IN list)
  const [figures, counts] = await Promise.all([
    segmentFigures(db, workspaceId, { ...filters, segmentIds: ids.length <= 2 ? ids : [] }, now),
    headcounts(db, workspaceId, ids, now),
  ]);
  const { of, ...periods } = figures;
  const items = rows.map((segment) => {
    const row = of(segment.id);
    return {
      ...segment,
      customerCount: counts.get(segment.id)?.all ?? 0,
      activeCustomerCount: counts.get(segment.id)?.active ?? 0,
      revenue: row.current.revenue,
      ...row,
    };
  });
  return { ...periods, items };
}

const SEGMENT_COLUMNS = {
  id: segments.id,
  name: segments.name,
  description: segments.description,
  color: segments.color,
  createdAt: segments.createdAt,
};

/**
 * Every segment of the workspace, by name, with its headcounts and figures for the period (size,
 * revenue, ARPC, churn, NPS/CSAT/CES, promoter vs detractor value, revenue at risk) and their
 * change against the comparison period.
 */
export async function listSegments(db: Db, workspaceId: number, filters: SegmentFilters, now = new Date()) {
  const rows = await db
    .select(SEGMENT_COLUMNS)
    .from(segments)
    .where(eq(segments.workspaceId, workspaceId))
    .orderBy(asc(segments.name), asc(segments.id));
  return summaries(db, workspaceId, rows, filters, now);
}

async function segmentRows(db: Db, workspaceId: number, ids: number[]): Promise<SegmentRow[]> {
  const rows = await db
    .select(SEGMENT_COLUMNS)
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), inArray(segments.id, ids)));
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound("Segment", id);
    return row;
  });
}

/** One segment with its persona description, colour and figures; another workspace's is NOT_FOUND. */
export async function getSegment(
  db: Db,
  workspaceId: number,
  input: SegmentFilters & { id: number },
  now = new Date(),
) {
  const { id, ...filters } = input;
  const rows = await segmentRows(db, workspaceId, [id]);
  const { items, ...periods } = await summaries(db, workspaceId, rows, filters, now);
  return { ...periods, segment: items[0]! };
}

/**
 * Two segments side by side for one filter set, with the significance of their NPS and CSAT gap
 * in the period (a − b): compareNps (two-sample z-test, unpooled) and compareCsat (two-proportion
 * z-test), each naming its test.
 */
export async function compareSegments(
  db: Db,
  workspaceId: number,
  input: SegmentFilters & { a: number; b: number },
  now = new Date(),
): Promise<SegmentComparison> {
  const { a, b, ...filters } = input;
  const rows = await segmentRows(db, workspaceId, [a, b]);
  const { items, ...periods } = await summaries(db, workspaceId, rows, filters, now);
  const [first, second] = [items[0]!, items[1]!];
  return {
    ...periods,
    a: first,
    b: second,
    tests: {
      nps: compareNps(first.current.nps, second.current.nps),
      csat: compareCsat(first.current.csat, second.current.csat),
    },
  };
}

/** Rows of a raw query inside a transaction (both drivers return `{ rows }`). */
export async function txRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Serialises segment writes of one workspace, so the case-insensitive name check holds under concurrency. */
async function lockSegments(tx: Tx, workspaceId: number) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('segments'), ${workspaceId})`);
}

async function assertNameFree(tx: Tx, workspaceId: number, name: string, exceptId: number | null) {
  const [clash] = await txRows<{ name: string }>(
    tx,
    sql`SELECT name FROM segments WHERE workspace_id = ${workspaceId} AND lower(name) = lower(${name})
      ${exceptId === null ? sql`` : sql`AND id <> ${exceptId}`} LIMIT 1`,
  );
  if (clash) {
    throw new AppError(
      "CONFLICT",
      `A segment named “${clash.name}” already exists in this workspace; choose another name or edit that segment.`,
    );
  }
}

const snapshot = (row: SegmentRow) => ({ name: row.name, description: row.description, color: row.color });

/** A new segment (admins); the name is unique in the workspace whatever its case. Audited. */
export async function createSegment(db: Db, actor: SegmentsActor, input: CreateSegmentInput) {
  return db.transaction(async (tx) => {
    await lockSegments(tx, actor.workspaceId);
    await assertNameFree(tx, actor.workspaceId, input.name, null);
    const [created] = await tx
      .insert(segments)
      .values({ workspaceId: actor.workspaceId, ...input })
      .returning(SEGMENT_COLUMNS);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "segments.create",
      entityType: "segment",
      entityId: created!.id,
      after: snapshot(created!),
    });
    return created!;
  });
}

/** Rename a segment or change its persona description or colour (admins). Audited with before and after. */
export async function updateSegment(db: Db, actor: SegmentsActor, input: UpdateSegmentInput) {
  const { id, ...changes } = input;
  return db.transaction(async (tx) => {
    await lockSegments(tx, actor.workspaceId);
    const [before] = await tx
      .select(SEGMENT_COLUMNS)
      .from(segments)
      .where(and(eq(segments.workspaceId, actor.workspaceId), eq(segments.id, id)))
      .for("update");
    if (!before) throw notFound("Segment", id);
    if (changes.name !== undefined) await assertNameFree(tx, actor.workspaceId, changes.name, id);
    const after = {
      ...snapshot(before),
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    };
    if (after.name === before.name && after.description === before.description && after.color === before.color) {
      return before;
    }
    const [updated] = await tx.update(segments).set(after).where(eq(segments.id, id)).returning(SEGMENT_COLUMNS);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "segments.update",
      entityType: "segment",
      entityId: id,
      before: snapshot(before),
      after: snapshot(updated!),
    });
    return updated!;
  });
}
