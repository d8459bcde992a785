import { z } from "zod";
import { CHANNELS, METRIC_KINDS } from "../enums";

/** Longest stage or touchpoint name, in characters. */
export const MAX_JOURNEY_NAME = 80;
/** Most stages a journey may have (the map stays readable). */
export const MAX_STAGES = 20;
const MAX_ID = 2_147_483_647;

const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number().int(message).min(1, message).max(MAX_ID, message);
};
const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Give the ${what} a name.`)
    .max(MAX_JOURNEY_NAME, `A ${what} name is at most ${MAX_JOURNEY_NAME} characters.`);

/** A stage's headline metric: any scored kind (not "none"). */
export const STAGE_METRICS = METRIC_KINDS.filter((kind) => kind !== "none") as Exclude<
  (typeof METRIC_KINDS)[number],
  "none"
>[];
const mainMetric = z.enum(STAGE_METRICS as [string, ...string[]], {
  error: `A stage's main metric is one of ${STAGE_METRICS.join(", ")}.`,
}) as z.ZodType<(typeof STAGE_METRICS)[number]>;
const channel = z.enum(CHANNELS, { error: `A channel is one of ${CHANNELS.join(", ")}.` });

export const createStageInput = z.object({ name: name("stage"), mainMetric: mainMetric.default("nps") });
export const updateStageInput = z
  .object({ id: id("stage"), name: name("stage").optional(), mainMetric: mainMetric.optional() })
  .refine((v) => v.name !== undefined || v.mainMetric !== undefined, "Change the name or the main metric.");
export const reorderStagesInput = z.object({
  ids: z
    .array(id("stage"))
    .min(1, "List the stages in their new order.")
    .max(MAX_STAGES, `A journey has at most ${MAX_STAGES} stages.`),
});
export const archiveInput = z.object({ id: id("journey item") });
export const createTouchpointInput = z.object({ stageId: id("stage"), name: name("touchpoint"), channel });
export const updateTouchpointInput = z
  .object({ id: id("touchpoint"), name: name("touchpoint").optional(), channel: channel.optional() })
  .refine((v) => v.name !== undefined || v.channel !== undefined, "Change the name or the channel.");

export type CreateStageInput = z.output<typeof createStageInput>;
export type UpdateStageInput = z.output<typeof updateStageInput>;
export type CreateTouchpointInput = z.output<typeof createTouchpointInput>;
export type UpdateTouchpointInput = z.output<typeof updateTouchpointInput>;
