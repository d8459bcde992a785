import { listFeedbackInput } from "../../domain/feedback";
import { listFeedback } from "../../services/feedback";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const feedbackRouter = createTRPCRouter({
  list: permissionProcedure("feedback.read")
    .input(listFeedbackInput)
    .query(({ ctx, input }) => listFeedback(ctx.db, ctx.membership.workspaceId, input)),
});
