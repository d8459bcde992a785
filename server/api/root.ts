import { actionsRouter } from "./routers/actions";
import { apiKeysRouter } from "./routers/api-keys";
import { archiveRouter } from "./routers/archive";
import { auditRouter } from "./routers/audit";
import { dashboardRouter } from "./routers/dashboard";
import { customersRouter } from "./routers/customers";
import { feedbackRouter } from "./routers/feedback";
import { importsRouter } from "./routers/imports";
import { slaRouter, themesRouter } from "./routers/themes";
import { journeysRouter } from "./routers/journeys";
import { overviewRouter } from "./routers/overview";
import { segmentsRouter } from "./routers/segments";
import { targetsRouter } from "./routers/targets";
import { webhooksRouter } from "./routers/webhooks";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  overview: overviewRouter,
  dashboard: dashboardRouter,
  audit: auditRouter,
  feedback: feedbackRouter,
  themes: themesRouter,
  sla: slaRouter,
  journeys: journeysRouter,
  segments: segmentsRouter,
  actions: actionsRouter,
  customers: customersRouter,
  targets: targetsRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  imports: importsRouter,
  archive: archiveRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
