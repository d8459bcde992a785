import "server-only";
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { journeyStages, kpiTargets, segments } from "@/db/schema";
import { utcDate } from "../domain/actions";
import {
  isReviewDue,
  periodsOverlap,
  TARGET_VALUE_RULES,
  type TargetValues,
  type UpdateTargetInput,
} from "../domain/targets";
import { AppError, notFound } from "../errors";
import { recordAudit, type Tx } from "./audit";
import type { Actor } from "./workspaces";

const targetColumns = {
  id: kpiTargets.id,
  kpi: kpiTargets.kpi,
  scope: kpiTargets.scope,
  segmentId: kpiTargets.segmentId,
  stageId: kpiTargets.stageId,
  channel: kpiTargets.channel,
  targetValue: kpiTargets.targetValue,
  periodStart: kpiTargets.periodStart,
  periodEnd: kpiTargets.periodEnd,
  reviewDate: kpiTargets.reviewDate,
};

/**
 * The workspace's KPI targets, by KPI and scope (enum order), newest period first, with the names
 * of their segment or stage. `reviewDue` is judged against the UTC calendar date of `now`.
 */
export async function listTargets(db: Db, workspaceId: number, now = new Date()) {
  const rows = await db
    .select({ ...targetColumns, segmentName: segments.name, stageName: journeyStages.name })
    .from(kpiTargets)
    // the segment and stage foreign keys are not workspace-scoped, so the joins are
    .leftJoin(segments, and(eq(segments.workspaceId, kpiTargets.workspaceId), eq(segments.id, kpiTargets.segmentId)))
    .leftJoin(
      journeyStages,
      and(eq(journeyStages.workspaceId, kpiTargets.workspaceId), eq(journeyStages.id, kpiTargets.stageId)),
    )
    .where(eq(kpiTargets.workspaceId, workspaceId))
    .orderBy(asc(kpiTargets.kpi), asc(kpiTargets.scope), desc(kpiTargets.periodStart), asc(kpiTargets.id));
  const today = utcDate(now);
  return { today, items: rows.map((row) => ({ ...row, reviewDue: isReviewDue(row, today) })) };
}

/** The segments and the journey stages in use that a target of the workspace can be scoped to. */
export async function listTargetScopeOptions(db: Db, workspaceId: number) {
  const segmentRows = await db
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(eq(segments.workspaceId, workspaceId))
    .orderBy(asc(segments.name), asc(segments.id));
  const stageRows = await db
    .select({ id: journeyStages.id, name: journeyStages.name })
    .from(journeyStages)
    .where(and(eq(journeyStages.workspaceId, workspaceId), isNull(journeyStages.archivedAt)))
    .orderBy(asc(journeyStages.position));
  return { segments: segmentRows, stages: stageRows };
}

/** Create a target after checking its segment or stage and that it overlaps no other; audited. */
export async function createTarget(db: Db, actor: Actor, input: TargetValues) {
  return db.transaction(async (tx) => {
    await lockTargets(tx, actor.workspaceId);
    const scopeName = await describeScope(tx, actor.workspaceId, input, null);
    await assertNoOverlap(tx, actor.workspaceId, input, scopeName, null);
    const [created] = await tx
      .insert(kpiTargets)
      .values({ ...input, workspaceId: actor.workspaceId, createdBy: actor.userId })
      .returning(targetColumns);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "targets.create",
      entityType: "kpi_target",
      entityId: created!.id,
      after: snapshot(created!),
    });
    return created!;
  });
}

/** Replace every field of a target of the actor's workspace; audited with before and after. */
export async function updateTarget(db: Db, actor: Actor, input: UpdateTargetInput) {
  const { id, ...values } = input;
  return db.transaction(async (tx) => {
    await lockTargets(tx, actor.workspaceId);
    const [before] = await tx
      .select(targetColumns)
      .from(kpiTargets)
      .where(and(eq(kpiTargets.workspaceId, actor.workspaceId), eq(kpiTargets.id, id)))
      .for("update");
    if (!before) throw notFound("Target", id);
    const scopeName = await describeScope(tx, actor.workspaceId, values, before.stageId);
    await assertNoOverlap(tx, actor.workspaceId, values, scopeName, id);
    if (sameValues(snapshot(before), values)) return before;
    const [after] = await tx
      .update(kpiTargets)
      .set(values)
      .where(and(eq(kpiTargets.workspaceId, actor.workspaceId), eq(kpiTargets.id, id)))
      .returning(targetColumns);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "targets.update",
      entityType: "kpi_target",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after!),
    });
    return after!;
  });
}

/** Delete a target of the actor's workspace; the audit row keeps what it was. */
export async function removeTarget(db: Db, actor: Actor, input: { id: number }) {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(kpiTargets)
      .where(and(eq(kpiTargets.workspaceId, actor.workspaceId), eq(kpiTargets.id, input.id)))
      .returning(targetColumns);
    if (!removed) throw notFound("Target", input.id);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "targets.remove",
      entityType: "kpi_target",
      entityId: input.id,
      before: snapshot(removed),
    });
    return { id: removed.id };
  });
}

/**
 * Target writes of one workspace take turns, so two people saving overlapping targets at once
 * cannot both pass the overlap check. Released at commit; other tables are not blocked.
 */
export async function lockTargets(tx: Tx, workspaceId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kpi_targets'), ${workspaceId}::int)`);
}

/**
 * The scope as people name it, for messages. A segment or stage of another workspace is NOT_FOUND,
 * like a missing one; an archived stage is refused unless the target already had it.
 */
async function describeScope(tx: Tx, workspaceId: number, target: TargetValues, keptStageId: number | null) {
  if (target.segmentId !== null) {
    const [segment] = await tx
      .select({ name: segments.name })
      .from(segments)
      .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, target.segmentId)));
    if (!segment) throw notFound("Segment", target.segmentId);
    return `segment “${segment.name}”`;
  }
  if (target.stageId !== null) {
    const [stage] = await tx
      .select({ name: journeyStages.name, archivedAt: journeyStages.archivedAt })
      .from(journeyStages)
      .where(and(eq(journeyStages.workspaceId, workspaceId), eq(journeyStages.id, target.stageId)));
    if (!stage) throw notFound("Journey stage", target.stageId);
    if (stage.archivedAt && target.stageId !== keptStageId) {
      throw new AppError("INVALID_STATE", `Journey stage “${stage.name}” is archived; choose a stage in use.`);
    }
    return `journey stage “${stage.name}”`;
  }
  return target.channel === null ? "all customers" : `the ${target.channel} channel`;
}

/**
 * At most one target per KPI and scope on any day: a target whose period shares a day with another
 * of the same KPI, scope and segment/stage/channel is a CONFLICT, since the dashboard could only
 * guess which of the two counts.
 */
async function assertNoOverlap(
  tx: Tx,
  workspaceId: number,
  target: TargetValues,
  scopeName: string,
  exceptId: number | null,
): Promise<void> {
  const sameScope = await tx
    .select({ periodStart: kpiTargets.periodStart, periodEnd: kpiTargets.periodEnd })
    .from(kpiTargets)
    .where(
      and(
        eq(kpiTargets.workspaceId, workspaceId),
        eq(kpiTargets.kpi, target.kpi),
        eq(kpiTargets.scope, target.scope),
        target.segmentId === null ? isNull(kpiTargets.segmentId) : eq(kpiTargets.segmentId, target.segmentId),
        target.stageId === null ? isNull(kpiTargets.stageId) : eq(kpiTargets.stageId, target.stageId),
        target.channel === null ? isNull(kpiTargets.channel) : eq(kpiTargets.channel, target.channel),
        exceptId === null ? undefined : ne(kpiTargets.id, exceptId),
      ),
    )
    .orderBy(asc(kpiTargets.periodStart));
  const clash = sameScope.find((other) => periodsOverlap(other, target));
  if (clash) {
    throw new AppError(
      "CONFLICT",
      `${TARGET_VALUE_RULES[target.kpi].label} already has a target for ${scopeName} from ${clash.periodStart} to ` +
        `${clash.periodEnd}; edit that target, or choose a period that does not overlap it.`,
    );
  }
}

type TargetRow = typeof kpiTargets.$inferSelect;
type Snapshot = Pick<TargetRow, Exclude<keyof typeof targetColumns, "id">>;

/** What the audit log keeps of a target: every field a person sets. */
function snapshot(row: Snapshot): Snapshot {
  const { kpi, scope, segmentId, stageId, channel, targetValue, periodStart, periodEnd, reviewDate } = row;
  return { kpi, scope, segmentId, stageId, channel, targetValue, periodStart, periodEnd, reviewDate };
}

function sameValues(before: Snapshot, values: TargetValues): boolean {
  return (Object.keys(before) as Array<keyof Snapshot>).every((key) => before[key] === values[key]);
}
