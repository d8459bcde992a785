import { z } from "zod";
import {
  actionImpactInput,
  addActionCommentInput,
  createActionInput,
  listActionsInput,
  resolveActionFeedbackInput,
  setActionStatusInput,
  updateActionInput,
} from "../../domain/actions";
import { DEFAULT_IMPACT_WINDOW_DAYS } from "../../domain/kpi";
import { getAction, listActions, loadActionsActor } from "../../services/actions";
import { actionImpactOverview, listUpForReview, measureActionImpact } from "../../services/actions-impact";
import { resolveLinkedFeedback } from "../../services/actions-loop";
import { addActionComment, createAction, setActionStatus, updateAction } from "../../services/actions-write";
import type { Db } from "@/db";
import type { Role } from "../../domain/enums";
import { createTRPCRouter, permissionProcedure } from "../trpc";

/** The acting user with their teams of this workspace, as the action services see them. */
const actorOf = (ctx: { db: Db; user: { id: number }; membership: { workspaceId: number; role: Role } }) =>
  loadActionsActor(ctx.db, { userId: ctx.user.id, workspaceId: ctx.membership.workspaceId, role: ctx.membership.role });

export const actionsRouter = createTRPCRouter({
  /** A page of the actions one sees (team members: their teams'), by due date; board and team table. */
  list: permissionProcedure("actions.read")
    .input(listActionsInput)
    .query(async ({ ctx, input }) => listActions(ctx.db, await actorOf(ctx), input)),
  /** One action with its history, comments, linked feedback and the moves one may make now. */
  byId: permissionProcedure("actions.read")
    .input(z.object({ id: z.number().int().min(1).max(2_147_483_647) }))
    .query(async ({ ctx, input }) => getAction(ctx.db, await actorOf(ctx), input.id)),
  create: permissionProcedure("actions.manage")
    .input(createActionInput)
    .mutation(async ({ ctx, input }) => createAction(ctx.db, await actorOf(ctx), input)),
  update: permissionProcedure("actions.work")
    .input(updateActionInput)
    .mutation(async ({ ctx, input }) => updateAction(ctx.db, await actorOf(ctx), input)),
  setStatus: permissionProcedure("actions.work")
    .input(setActionStatusInput)
    .mutation(async ({ ctx, input }) => setActionStatus(ctx.db, await actorOf(ctx), input)),
  addComment: permissionProcedure("actions.work")
    .input(addActionCommentInput)
    .mutation(async ({ ctx, input }) => addActionComment(ctx.db, await actorOf(ctx), input)),
  /** Before/after and difference-in-differences of a done action's KPI, with what it is worth. */
  impact: permissionProcedure("actions.read")
    .input(actionImpactInput)
    .query(async ({ ctx, input }) => measureActionImpact(ctx.db, await actorOf(ctx), input)),
  impactOverview: permissionProcedure("actions.read")
    .input(actionImpactInput.pick({ windowDays: true }).default({ windowDays: DEFAULT_IMPACT_WINDOW_DAYS }))
    .query(async ({ ctx, input }) => actionImpactOverview(ctx.db, await actorOf(ctx), input.windowDays)),
  upForReview: permissionProcedure("actions.read").query(async ({ ctx }) =>
    listUpForReview(ctx.db, await actorOf(ctx)),
  ),
  /** Close the loop of a verified action: resolve its linked open feedback, naming the action. */
  resolveFeedback: permissionProcedure("actions.manage")
    .input(resolveActionFeedbackInput)
    .mutation(async ({ ctx, input }) => resolveLinkedFeedback(ctx.db, await actorOf(ctx), input)),
});
