import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditEvents, journeyStages, touchpoints } from "@/db/schema";
import {
  MAX_STAGES,
  normaliseStagePositions,
  type CreateStageInput,
  type CreateTouchpointInput,
  type OrderedItem,
  type UpdateStageInput,
  type UpdateTouchpointInput,
} from "../domain/journeys";
import { AppError, notFound } from "../errors";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface JourneyActor {
  userId: number;
  workspaceId: number;
}

/** Positions are moved this far out of the way before being set, so the unique (workspace, position) never collides. */
const PARKING = 1_000_000;

async function audit(
  tx: Tx,
  actor: JourneyActor,
  action: string,
  entity: string,
  id: number,
  before: unknown,
  after: unknown,
) {
  await tx.insert(auditEvents).values({
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    action,
    entityType: entity,
    entityId: String(id),
    before: before ?? null,
    after: after ?? null,
  });
}

/** The workspace's stages, locked for the rest of the transaction (one journey edit at a time). */
async function lockStages(tx: Tx, workspaceId: number): Promise<(OrderedItem & { name: string })[]> {
  return tx
    .select({
      id: journeyStages.id,
      name: journeyStages.name,
      position: journeyStages.position,
      archivedAt: journeyStages.archivedAt,
    })
    .from(journeyStages)
    .where(eq(journeyStages.workspaceId, workspaceId))
    .orderBy(journeyStages.position)
    .for("update");
}

/** Write `positions` (every stage of the workspace), parking them first so no two rows ever share one. */
async function writePositions(tx: Tx, workspaceId: number, positions: { id: number; position: number }[]) {
  if (positions.length === 0) return;
  await tx.execute(sql`UPDATE journey_stages SET position = position + ${PARKING} WHERE workspace_id = ${workspaceId}`);
  await tx.execute(sql`UPDATE journey_stages s SET position = v.position
    FROM jsonb_to_recordset(${JSON.stringify(positions)}::jsonb) AS v (id int, position int)
    WHERE s.id = v.id AND s.workspace_id = ${workspaceId}`);
}

function nameTaken(what: "stage" | "touchpoint", name: string, archived: boolean): AppError {
  return new AppError(
    "CONFLICT",
    archived
      ? `An archived ${what} is already called "${name}"; choose another name.`
      : `A ${what} called "${name}" already exists here; choose another name.`,
  );
}

/** A new stage, last in the journey. */
export async function createStage(db: Db, actor: JourneyActor, input: CreateStageInput) {
  return db.transaction(async (tx) => {
    const stages = await lockStages(tx, actor.workspaceId);
    const clash = stages.find((s) => s.name.toLowerCase() === input.name.toLowerCase());
    if (clash) throw nameTaken("stage", clash.name, clash.archivedAt !== null);
    if (stages.filter((s) => s.archivedAt === null).length >= MAX_STAGES) {
      throw new AppError("INVALID_STATE", `A journey has at most ${MAX_STAGES} stages; archive one first.`);
    }
    const top = stages.reduce((max, s) => Math.max(max, s.position), -1);
    const [row] = await tx
      .insert(journeyStages)
      .values({ workspaceId: actor.workspaceId, name: input.name, mainMetric: input.mainMetric, position: top + 1 })
      .returning({ id: journeyStages.id });
    const all = [...stages, { id: row!.id, name: input.name, position: top + 1, archivedAt: null }];
    // active stages first: the new one comes right after the last active stage
    await writePositions(tx, actor.workspaceId, normaliseStagePositions(all));
    await audit(tx, actor, "journey.stage_create", "journey_stage", row!.id, null, input);
    return { id: row!.id };
  });
}

export async function updateStage(db: Db, actor: JourneyActor, input: UpdateStageInput) {
  return db.transaction(async (tx) => {
    const stages = await lockStages(tx, actor.workspaceId);
    const stage = stages.find((s) => s.id === input.id);
    if (!stage) throw notFound("Stage", input.id);
    if (input.name !== undefined) {
      const clash = stages.find((s) => s.id !== input.id && s.name.toLowerCase() === input.name!.toLowerCase());
      if (clash) throw nameTaken("stage", clash.name, clash.archivedAt !== null);
    }
    const [before] = await tx
      .select({ name: journeyStages.name, mainMetric: journeyStages.mainMetric })
      .from(journeyStages)
      .where(eq(journeyStages.id, input.id));
    const change = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.mainMetric !== undefined ? { mainMetric: input.mainMetric } : {}),
    };
    await tx.update(journeyStages).set(change).where(eq(journeyStages.id, input.id));
    await audit(tx, actor, "journey.stage_update", "journey_stage", input.id, before, change);
    return { id: input.id };
  });
}

/** The live stages in a new order: `ids` must list every live stage once. Archived ones stay after them. */
export async function reorderJourneyStages(db: Db, actor: JourneyActor, ids: readonly number[]) {
  return db.transaction(async (tx) => {
    const stages = await lockStages(tx, actor.workspaceId);
    const live = stages.filter((s) => s.archivedAt === null);
    const wanted = new Set(ids);
    if (wanted.size !== ids.length || live.length !== ids.length || live.some((s) => !wanted.has(s.id))) {
      throw new AppError(
        "CONFLICT",
        "The journey changed since you loaded it (a stage was added, archived or moved elsewhere); reload and try again.",
      );
    }
    const order = ids.map((id, position) => ({ id, position }));
    const archived = stages.filter((s) => s.archivedAt !== null);
    const positions = [...order, ...archived.map((s, i) => ({ id: s.id, position: ids.length + i }))];
    await writePositions(tx, actor.workspaceId, positions);
    await audit(
      tx,
      actor,
      "journey.stage_reorder",
      "journey",
      actor.workspaceId,
      { ids: live.map((s) => s.id) },
      { ids: [...ids] },
    );
    return { ids: [...ids] };
  });
}

/** Archive a stage: it leaves the map and the order; its feedback and touchpoints keep their history. */
export async function archiveStage(db: Db, actor: JourneyActor, id: number) {
  return db.transaction(async (tx) => {
    const stages = await lockStages(tx, actor.workspaceId);
    const stage = stages.find((s) => s.id === id);
    if (!stage) throw notFound("Stage", id);
    if (stage.archivedAt !== null) return { id };
    const archivedAt = new Date();
    await tx.update(journeyStages).set({ archivedAt }).where(eq(journeyStages.id, id));
    const all = stages.map((s) => (s.id === id ? { ...s, archivedAt } : s));
    await writePositions(tx, actor.workspaceId, normaliseStagePositions(all));
    await audit(tx, actor, "journey.stage_archive", "journey_stage", id, { archivedAt: null }, { archivedAt });
    return { id };
  });
}

async function liveStage(tx: Tx, workspaceId: number, stageId: number) {
  const [stage] = await tx
    .select({ id: journeyStages.id, archivedAt: journeyStages.archivedAt })
    .from(journeyStages)
    .where(and(eq(journeyStages.workspaceId, workspaceId), eq(journeyStages.id, stageId)));
  if (!stage) throw notFound("Stage", stageId);
  if (stage.archivedAt)
    throw new AppError("INVALID_STATE", `Stage ${stageId} is archived; add touchpoints to a live stage.`);
}

async function touchpointOf(tx: Tx, workspaceId: number, id: number) {
  const [point] = await tx
    .select()
    .from(touchpoints)
    .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id)))
    .for("update");
  if (!point) throw notFound("Touchpoint", id);
  return point;
}

async function assertTouchpointName(tx: Tx, stageId: number, name: string, except?: number) {
  const [clash] = await tx
    .select({ name: touchpoints.name, archivedAt: touchpoints.archivedAt })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.stageId, stageId),
        sql`lower(${touchpoints.name}) = lower(${name})`,
        except ? sql`${touchpoints.id} <> ${except}` : undefined,
      ),
    );
  if (clash) throw nameTaken("touchpoint", clash.name, clash.archivedAt !== null);
}

export async function createTouchpoint(db: Db, actor: JourneyActor, input: CreateTouchpointInput) {
  return db.transaction(async (tx) => {
    await liveStage(tx, actor.workspaceId, input.stageId);
    await assertTouchpointName(tx, input.stageId, input.name);
    const [row] = await tx
      .insert(touchpoints)
      .values({ workspaceId: actor.workspaceId, stageId: input.stageId, name: input.name, channel: input.channel })
      .returning({ id: touchpoints.id });
    await audit(tx, actor, "journey.touchpoint_create", "touchpoint", row!.id, null, input);
    return { id: row!.id };
  });
}

export async function updateTouchpoint(db: Db, actor: JourneyActor, input: UpdateTouchpointInput) {
  return db.transaction(async (tx) => {
    const point = await touchpointOf(tx, actor.workspaceId, input.id);
    if (input.name !== undefined) await assertTouchpointName(tx, point.stageId, input.name, point.id);
    const change = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.channel !== undefined ? { channel: input.channel } : {}),
    };
    await tx.update(touchpoints).set(change).where(eq(touchpoints.id, input.id));
    await audit(
      tx,
      actor,
      "journey.touchpoint_update",
      "touchpoint",
      input.id,
      { name: point.name, channel: point.channel },
      change,
    );
    return { id: input.id };
  });
}

export async function archiveTouchpoint(db: Db, actor: JourneyActor, id: number) {
  return db.transaction(async (tx) => {
    const point = await touchpointOf(tx, actor.workspaceId, id);
    if (point.archivedAt !== null) return { id };
    const archivedAt = new Date();
    await tx.update(touchpoints).set({ archivedAt }).where(eq(touchpoints.id, id));
    await audit(tx, actor, "journey.touchpoint_archive", "touchpoint", id, { archivedAt: null }, { archivedAt });
    return { id };
  });
}
