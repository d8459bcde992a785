import { summarizeWorkspaceArchive } from "../../services/archive-schema";
import { createTRPCRouter, permissionProcedure } from "../trpc";

// The archive's download and upload are route handlers (app/api/export/archive): files, not JSON.
export const archiveRouter = createTRPCRouter({
  /** Rows an export of the current workspace holds, and whether an archive may be imported into it. */
  summary: permissionProcedure("workspace.archive").query(({ ctx }) =>
    summarizeWorkspaceArchive(ctx.db, ctx.membership.workspaceId),
  ),
});
