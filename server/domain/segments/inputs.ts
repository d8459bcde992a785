import { z } from "zod";
import { dashboardFiltersInput, dashboardPeriodInput } from "../dashboard/filters";
import { CHANNELS } from "../enums";

/** Ids are PostgreSQL `integer`s. */
const MAX_ID = 2_147_483_647;
const id = (what: string) => {
  const message = `A ${what} id is a whole number from 1 to ${MAX_ID}.`;
  return z.number().int(message).min(1, message).max(MAX_ID, message);
};

export const SEGMENT_NAME_MAX = 80;
export const SEGMENT_DESCRIPTION_MAX = 2000;
/** Customer ids one CSV upload may name. */
export const REASSIGN_MAX_IDS = 50_000;
/** A CSV upload's size in characters (about 50,000 ids of 40 characters). */
export const REASSIGN_MAX_CSV = 2_000_000;

/**
 * The figures' filter set: the dashboard's filters without the segment choice (the procedure names
 * the segments). Default: the last 365 days against the 365 before, every channel, region and stage.
 */
export const segmentFiltersInput = dashboardFiltersInput.omit({ segmentIds: true }).extend({
  period: dashboardPeriodInput.default(() => ({ kind: "last365" as const })),
});
export type SegmentFilters = z.output<typeof segmentFiltersInput>;

export const listSegmentsInput = segmentFiltersInput.default(() => segmentFiltersInput.parse({}));

export const segmentByIdInput = segmentFiltersInput.extend({ id: id("segment") });

export const compareSegmentsInput = segmentFiltersInput
  .extend({ a: id("segment"), b: id("segment") })
  .refine((input) => input.a !== input.b, { message: "Choose two different segments to compare.", path: ["b"] });

const name = z
  .string()
  .trim()
  .min(1, "A segment needs a name.")
  .max(SEGMENT_NAME_MAX, `A segment name is at most ${SEGMENT_NAME_MAX} characters.`);
const description = z
  .string()
  .trim()
  .max(SEGMENT_DESCRIPTION_MAX, `A persona description is at most ${SEGMENT_DESCRIPTION_MAX} characters.`);
const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "A colour is #rrggbb, e.g. #1d4ed8.")
  .transform((value) => value.toLowerCase());

/** A new segment: name (unique in the workspace, compared case-insensitively), persona description, colour. */
export const createSegmentInput = z.object({
  name,
  description: description.default(""),
  color: color.default("#64748b"),
});
export type CreateSegmentInput = z.output<typeof createSegmentInput>;

/** An edit: the fields given change, the others stay. */
export const updateSegmentInput = z
  .object({ id: id("segment"), name: name.optional(), description: description.optional(), color: color.optional() })
  .refine((input) => input.name !== undefined || input.description !== undefined || input.color !== undefined, {
    message: "Change the name, the description or the colour.",
  });
export type UpdateSegmentInput = z.output<typeof updateSegmentInput>;

/**
 * Which customers a reassignment moves, by their attributes; every condition given must hold.
 * `createdBefore` / `createdAfter` are instants (created_at < before, created_at > after);
 * `currentSegmentId` null means customers without a segment.
 */
export const reassignRuleInput = z
  .object({
    region: z.string().trim().min(1, "A region name cannot be empty.").max(80).optional(),
    preferredChannel: z.enum(CHANNELS, { error: `A channel is one of ${CHANNELS.join(", ")}.` }).optional(),
    createdBefore: z.date().optional(),
    createdAfter: z.date().optional(),
    currentSegmentId: id("segment").nullable().optional(),
  })
  .refine((rule) => Object.values(rule).some((value) => value !== undefined), {
    message: "A rule needs at least one condition: region, preferred channel, created before/after or current segment.",
  });
export type ReassignRule = z.output<typeof reassignRuleInput>;

/**
 * Move customers into `segmentId`: those a rule matches, or those a CSV upload names by external id
 * (parseExternalIdsCsv). With `onUnknown: "abort"` an id matching no customer cancels the whole move.
 */
export const reassignSegmentInput = z.object({
  segmentId: id("segment"),
  by: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("rule"), rule: reassignRuleInput }),
    z.object({
      kind: z.literal("csv"),
      csv: z.string().max(REASSIGN_MAX_CSV, `A CSV upload is at most ${REASSIGN_MAX_CSV} characters; split it.`),
      onUnknown: z.enum(["skip", "abort"]).default("skip"),
    }),
  ]),
});
export type ReassignSegmentInput = z.output<typeof reassignSegmentInput>;
