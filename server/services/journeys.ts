import "server-only";
import { and, asc, count, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { feedback, journeyStages, touchpoints } from "@/db/schema";
import type { Channel, MetricKind } from "../domain/enums";
import { journeyWindowStart } from "../domain/journeys";

export interface JourneyStageSummary {
  id: number;
  name: string;
  position: number;
  mainMetric: MetricKind;
  /** Feedback placed on the stage since `since`. */
  feedbackCount: number;
  touchpoints: { id: number; name: string; channel: Channel }[];
}

/**
 * The journey map: the workspace's non-archived stages in position order, each with its
 * non-archived touchpoints and the feedback it received over the trailing window.
 */
export async function listJourneyStages(db: Db, workspaceId: number, now = new Date()) {
  const since = journeyWindowStart(now);
  const stages = await db
    .select({
      id: journeyStages.id,
      name: journeyStages.name,
      position: journeyStages.position,
      mainMetric: journeyStages.mainMetric,
      feedbackCount: count(feedback.id),
    })
    .from(journeyStages)
    .leftJoin(
      feedback,
      and(
        eq(feedback.workspaceId, journeyStages.workspaceId),
        eq(feedback.stageId, journeyStages.id),
        gte(feedback.receivedAt, since),
      ),
    )
    .where(and(eq(journeyStages.workspaceId, workspaceId), isNull(journeyStages.archivedAt)))
    .groupBy(journeyStages.id)
    .orderBy(asc(journeyStages.position));

  const points =
    stages.length === 0
      ? []
      : await db
          .select({ id: touchpoints.id, stageId: touchpoints.stageId, name: touchpoints.name, channel: touchpoints.channel })
          .from(touchpoints)
          .where(
            and(
              eq(touchpoints.workspaceId, workspaceId),
              isNull(touchpoints.archivedAt),
              inArray(
                touchpoints.stageId,
                stages.map((s) => s.id),
              ),
            ),
          )
          .orderBy(asc(touchpoints.name), asc(touchpoints.id));

  const items: JourneyStageSummary[] = stages.map((stage) => ({
    ...stage,
    touchpoints: points
      .filter((p) => p.stageId === stage.id)
      .map(({ id, name, channel }) => ({ id, name, channel })),
  }));
  return { since, items };
}
