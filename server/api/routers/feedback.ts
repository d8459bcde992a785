import { z } from "zod";
import { feedbackFilterLabelsInput, listFeedbackInput } from "../../domain/feedback";
import { MAX_BULK_ITEMS, triageCommandInput } from "../../domain/triage";
import { describeFeedbackFilters, listFeedback } from "../../services/feedback";
import {
  addFeedbackComment,
  changeFeedbackThemes,
  COMMENT_MAX_LENGTH,
  getFeedbackDetail,
  listAssignees,
  listThemeOptions,
} from "../../services/feedback-detail";
import { FLAG_VERDICTS, reviewFeedbackFlags } from "../../services/feedback-flags";
import { bulkTriage, triageFeedback, type TriageActor } from "../../services/triage";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const feedbackId = z.number().int().min(1, "A feedback id is a whole number from 1.").max(2_147_483_647);
const selection = z
  .array(feedbackId)
  .min(1, "Select at least one item.")
  .max(MAX_BULK_ITEMS, `Select at most ${MAX_BULK_ITEMS} items at a time.`);
const themeIds = z.array(z.number().int().min(1).max(2_147_483_647)).max(50, "At most 50 themes at a time.");

/** The acting user as the triage services see them. */
const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number; role: TriageActor["role"] } }) => ({
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
    .query(({ ctx, input }) => describeFeedbackFilters(ctx.db, ctx.membership.workspaceId, input)),
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
    .input(z.object({ ids: selection, command: triageCommandInput }))
    .mutation(({ ctx, input }) => bulkTriage(ctx.db, actorOf(ctx), input)),
  /** An item with its customer, themes, history, comments and the commands one may run now. */
  detail: permissionProcedure("feedback.read")
    .input(z.object({ id: feedbackId }))
    .query(({ ctx, input }) => getFeedbackDetail(ctx.db, actorOf(ctx), input.id)),
  addComment: permissionProcedure("feedback.work")
    .input(
      z.object({
        id: feedbackId,
        body: z
          .string()
          .trim()
          .min(1, "Write a comment first.")
          .max(COMMENT_MAX_LENGTH, `A comment is at most ${COMMENT_MAX_LENGTH} characters.`),
      }),
    )
    .mutation(({ ctx, input }) => addFeedbackComment(ctx.db, actorOf(ctx), input)),
  /** A manager's verdict on an item's suspicion flags: confirm (fake or low quality) or clear. */
  reviewFlags: permissionProcedure("feedback.triage")
    .input(z.object({ id: feedbackId, verdict: z.enum(FLAG_VERDICTS, { error: "A verdict is confirm or clear." }) }))
    .mutation(({ ctx, input }) => reviewFeedbackFlags(ctx.db, actorOf(ctx), input)),
  /** Members and teams: whom an item can be assigned to, and the inbox's owner filter for every reader. */
  assignees: permissionProcedure("feedback.read").query(({ ctx }) => listAssignees(ctx.db, ctx.membership.workspaceId)),
  themeOptions: permissionProcedure("feedback.read").query(({ ctx }) =>
    listThemeOptions(ctx.db, ctx.membership.workspaceId),
  ),
  /** Add and remove themes on a selection, in one transaction. */
  themesBulk: permissionProcedure("feedback.work")
    .input(z.object({ ids: selection, add: themeIds.optional(), remove: themeIds.optional() }))
    .mutation(({ ctx, input }) => changeFeedbackThemes(ctx.db, actorOf(ctx), input)),
});
