import { z } from "zod";
import {
  feedbackFilterLabelsInput,
  listFeedbackInput,
} from "../../domain/feedback";
import { MAX_BULK_ITEMS, triageCommandInput } from "../../domain/triage";
import { describeFeedbackFilters, listFeedback } from "../../services/feedback";
import {
  bulkTriage,
  triageFeedback,
  type TriageActor,
} from "../../services/triage";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const feedbackId = z
  .number()
  .int()
  .min(1, "A feedback id is a whole number from 1.")
  .max(2_147_483_647);

/** The acting user as the triage services see them. */
const actorOf = (ctx: {
  user: { id: number };
  membership: { workspaceId: number; role: TriageActor["role"] };
}) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
  role: ctx.membership.role,
});

export const feedbackRouter = createTRPCRouter({
  list: permissionProcedure("feedback.read")
    .input(listFeedbackInput)
    .query(({ ctx, input }) => listFeedback(ctx.db, actorOf(ctx), input)),
  filterLabels: permissionProcedure("feedback.read")
    .input(feedbackFilterLabelsInput)
    .query(({ ctx, input }) =>
      describeFeedbackFilters(ctx.db, ctx.membership.workspaceId, input),
    ),
  /** One triage command on one item; `version` is the one the user saw (else CONFLICT). */
  triage: permissionProcedure("feedback.work")
    .input(
      z.object({
        id: feedbackId,
        version: z.number().int().min(1),
        command: triageCommandInput,
      }),
    )
    .mutation(({ ctx, input }) => triageFeedback(ctx.db, actorOf(ctx), input)),
  /** One command on a selection, all or nothing. */
  bulkTriage: permissionProcedure("feedback.work")
    .input(
      z.object({
        ids: z
          .array(feedbackId)
          .min(1, "Select at least one item.")
          .max(
            MAX_BULK_ITEMS,
            `Select at most ${MAX_BULK_ITEMS} items at a time.`,
          ),
        command: triageCommandInput,
      }),
    )
    .mutation(({ ctx, input }) => bulkTriage(ctx.db, actorOf(ctx), input)),
});
