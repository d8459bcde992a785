import { feedbackFilterLabelsInput, listFeedbackInput } from "../../domain/feedback";
import { describeFeedbackFilters, listFeedback } from "../../services/feedback";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const feedbackRouter = createTRPCRouter({
  list: permissionProcedure("feedback.read")
    .input(listFeedbackInput)
    .query(({ ctx, input }) => listFeedback(ctx.db, ctx.membership.workspaceId, input)),
  filterLabels: permissionProcedure("feedback.read")
    .input(feedbackFilterLabelsInput)
    .query(({ ctx, input }) => describeFeedbackFilters(ctx.db, ctx.membership.workspaceId, input)),
});
