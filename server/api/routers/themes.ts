import { z } from "zod";
import { feedbackFiltersInput } from "../../domain/feedback";
import { PRIORITIES, type Role } from "../../domain/enums";
import { themeInput } from "../../domain/text/theme-input";
import { getSlaPolicy, resetSlaPriority, updateSlaPolicy } from "../../services/sla";
import {
  createTheme,
  getThemeImpact,
  getThemeSuggestions,
  listThemes,
  removeTheme,
  updateTheme,
} from "../../services/themes";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const themeId = z.number().int().min(1).max(2_147_483_647);
const hours = z
  .number()
  .int("Hours are whole numbers.")
  .min(1, "A target is at least 1 hour.")
  .max(24 * 365, "A target is at most a year (8,760 hours).");
const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number; role: Role } }) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
});

/** The theme library, the key-driver view and theme suggestions. */
export const themesRouter = createTRPCRouter({
  list: permissionProcedure("feedback.read").query(({ ctx }) => listThemes(ctx.db, ctx.membership.workspaceId)),
  create: permissionProcedure("feedback.configure")
    .input(themeInput)
    .mutation(({ ctx, input }) => createTheme(ctx.db, actorOf(ctx), input)),
  update: permissionProcedure("feedback.configure")
    .input(themeInput.extend({ id: themeId }))
    .mutation(({ ctx, input }) => updateTheme(ctx.db, actorOf(ctx), input)),
  remove: permissionProcedure("feedback.configure")
    .input(z.object({ id: themeId }))
    .mutation(({ ctx, input }) => removeTheme(ctx.db, actorOf(ctx), input.id)),
  /** Per theme: frequency among NPS responses and impact on NPS, for the priority matrix. */
  impact: permissionProcedure("feedback.read")
    .input(feedbackFiltersInput)
    .query(({ ctx, input }) => getThemeImpact(ctx.db, { ...actorOf(ctx), role: ctx.membership.role }, input)),
  /** Distinctive phrases of negative feedback that no theme covers yet. */
  suggestions: permissionProcedure("feedback.configure")
    .input(feedbackFiltersInput)
    .query(({ ctx, input }) => getThemeSuggestions(ctx.db, { ...actorOf(ctx), role: ctx.membership.role }, input)),
});

/** The SLA policy: first-response and resolution targets per priority. */
export const slaRouter = createTRPCRouter({
  get: permissionProcedure("feedback.read").query(({ ctx }) => getSlaPolicy(ctx.db, ctx.membership.workspaceId)),
  update: permissionProcedure("feedback.configure")
    .input(
      z
        .array(z.object({ priority: z.enum(PRIORITIES), firstResponseHours: hours, resolutionHours: hours }))
        .min(1, "Give at least one priority's targets.")
        .max(PRIORITIES.length)
        .refine((rows) => new Set(rows.map((r) => r.priority)).size === rows.length, "Give each priority once."),
    )
    .mutation(({ ctx, input }) => updateSlaPolicy(ctx.db, actorOf(ctx), input)),
  /** One priority back to the default targets. */
  reset: permissionProcedure("feedback.configure")
    .input(z.object({ priority: z.enum(PRIORITIES) }))
    .mutation(({ ctx, input }) => resetSlaPriority(ctx.db, actorOf(ctx), input.priority)),
});
