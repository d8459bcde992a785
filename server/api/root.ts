import { auditRouter } from "./routers/audit";
import { overviewRouter } from "./routers/overview";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  overview: overviewRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
