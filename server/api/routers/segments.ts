import {
  compareSegmentsInput,
  createSegmentInput,
  listSegmentsInput,
  reassignSegmentInput,
  segmentByIdInput,
  updateSegmentInput,
} from "../../domain/segments";
import { reassignCustomers } from "../../services/segment-reassign";
import { compareSegments, createSegment, getSegment, listSegments, updateSegment } from "../../services/segments";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number } }) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
});

export const segmentsRouter = createTRPCRouter({
  list: permissionProcedure("segments.read")
    .input(listSegmentsInput)
    .query(({ ctx, input }) => listSegments(ctx.db, ctx.membership.workspaceId, input)),
  byId: permissionProcedure("segments.read")
    .input(segmentByIdInput)
    .query(({ ctx, input }) => getSegment(ctx.db, ctx.membership.workspaceId, input)),
  compare: permissionProcedure("segments.read")
    .input(compareSegmentsInput)
    .query(({ ctx, input }) => compareSegments(ctx.db, ctx.membership.workspaceId, input)),
  create: permissionProcedure("segments.manage")
    .input(createSegmentInput)
    .mutation(({ ctx, input }) => createSegment(ctx.db, actorOf(ctx), input)),
  update: permissionProcedure("segments.manage")
    .input(updateSegmentInput)
    .mutation(({ ctx, input }) => updateSegment(ctx.db, actorOf(ctx), input)),
  reassign: permissionProcedure("segments.manage")
    .input(reassignSegmentInput)
    .mutation(({ ctx, input }) => reassignCustomers(ctx.db, actorOf(ctx), input)),
});
