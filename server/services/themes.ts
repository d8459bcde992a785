import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "@/db/client";
import { relinkTheme } from "@/db/text-analysis";
import { auditEvents, customers, feedback, themes } from "@/db/schema";
import type { FeedbackFilters } from "../domain/feedback";
import { computeThemeImpact } from "../domain/kpi/theme-impact";
import { suggestThemes, type ThemeSuggestion } from "../domain/text/suggest-themes";
import type { ThemeKeywords } from "../domain/text/themes";
import { AppError } from "../errors";
import { feedbackFrom, filterConditions } from "./feedback";
import { feedbackScope, type TriageActor } from "./triage";

/** Comments read for theme suggestions: the newest in scope, at most this many. */
export const SUGGESTION_SAMPLE = 20_000;

export interface ThemeActor {
  userId: number;
  workspaceId: number;
}

/** The workspace's theme library with how many items each is linked to. */
export function listThemes(db: Db, workspaceId: number) {
  return queryRows<{ id: number; name: string; keywords: ThemeKeywords; items: number }>(
    db,
    sql`SELECT t.id, t.name, t.keywords,
        (SELECT count(*)::int FROM feedback_themes ft WHERE ft.theme_id = t.id) AS items
      FROM themes t WHERE t.workspace_id = ${workspaceId} ORDER BY t.name`,
  );
}

function uniqueName(err: unknown, name: string): never {
  const text = err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : "";
  if (/unique|duplicate/i.test(text)) throw new AppError("CONFLICT", `A theme named "${name}" already exists.`);
  throw err;
}

export async function createTheme(db: Db, actor: ThemeActor, input: { name: string; keywords: ThemeKeywords }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(themes)
      .values({ workspaceId: actor.workspaceId, name: input.name, keywords: input.keywords })
      .returning({ id: themes.id })
      .catch((err: unknown) => uniqueName(err, input.name));
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "theme.create",
      entityType: "theme",
      entityId: String(row!.id),
      after: input,
    });
    // the stored feedback gets its links now, not only what arrives from here on
    const items = await relinkTheme(tx, actor.workspaceId, { id: row!.id, keywords: input.keywords });
    return { id: row!.id, items };
  });
}

export async function updateTheme(
  db: Db,
  actor: ThemeActor,
  input: { id: number; name: string; keywords: ThemeKeywords },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: themes.name, keywords: themes.keywords })
      .from(themes)
      .where(and(eq(themes.workspaceId, actor.workspaceId), eq(themes.id, input.id)))
      .for("update");
    if (!before) throw new AppError("NOT_FOUND", `Theme ${input.id} does not exist in this workspace.`);
    await tx
      .update(themes)
      .set({ name: input.name, keywords: input.keywords })
      .where(eq(themes.id, input.id))
      .catch((err: unknown) => uniqueName(err, input.name));
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "theme.update",
      entityType: "theme",
      entityId: String(input.id),
      before,
      after: { name: input.name, keywords: input.keywords },
    });
    const items = await relinkTheme(tx, actor.workspaceId, { id: input.id, keywords: input.keywords });
    return { id: input.id, items };
  });
}

/** Removes the theme and its links to feedback (manual ones too). */
export async function removeTheme(db: Db, actor: ThemeActor, id: number) {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(themes)
      .where(and(eq(themes.workspaceId, actor.workspaceId), eq(themes.id, id)))
      .returning({ name: themes.name, keywords: themes.keywords });
    if (!gone) throw new AppError("NOT_FOUND", `Theme ${id} does not exist in this workspace.`);
    await tx.insert(auditEvents).values({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "theme.remove",
      entityType: "theme",
      entityId: String(id),
      before: gone,
    });
    return { id };
  });
}

/**
 * The key-driver view: per theme, its NPS responses in scope, its frequency among all NPS
 * responses and its impact (NPS of all − NPS without the theme, server/domain/kpi/theme-impact.ts),
 * plus every mention of any kind and how many of those are negative. Sorted by impact, worst first.
 */
export async function getThemeImpact(db: Db, actor: TriageActor, filters: FeedbackFilters, now = new Date()) {
  const workspaceId = actor.workspaceId;
  // what the actor may read: a team member's own and their teams' items, as in the inbox
  const where = and(
    eq(feedback.workspaceId, workspaceId),
    feedbackScope(actor, "read"),
    ...filterConditions(filters, now),
  );
  const [all, perTheme, library] = await Promise.all([
    queryRows<{ p: number; pa: number; d: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE ${feedback.score} >= 9)::int AS p,
          count(*) FILTER (WHERE ${feedback.score} BETWEEN 7 AND 8)::int AS pa,
          count(*) FILTER (WHERE ${feedback.score} <= 6)::int AS d
        FROM ${feedbackFrom()} WHERE ${where} AND ${feedback.metricKind} = 'nps'`,
    ),
    queryRows<{ themeId: number; p: number; pa: number; d: number; mentions: number; negative: number }>(
      db,
      sql`SELECT ft.theme_id AS "themeId",
          count(*) FILTER (WHERE ${feedback.metricKind} = 'nps' AND ${feedback.score} >= 9)::int AS p,
          count(*) FILTER (WHERE ${feedback.metricKind} = 'nps' AND ${feedback.score} BETWEEN 7 AND 8)::int AS pa,
          count(*) FILTER (WHERE ${feedback.metricKind} = 'nps' AND ${feedback.score} <= 6)::int AS d,
          count(*)::int AS mentions,
          count(*) FILTER (WHERE ${feedback.sentimentLabel} = 'negative')::int AS negative
        FROM ${feedbackFrom()} JOIN feedback_themes ft ON ft.feedback_id = ${feedback.id}
        WHERE ${where}
        GROUP BY 1`,
    ),
    db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .where(eq(themes.workspaceId, workspaceId))
      .orderBy(asc(themes.name)),
  ]);
  const buckets = (r: { p: number; pa: number; d: number } | undefined) => ({
    promoters: r?.p ?? 0,
    passives: r?.pa ?? 0,
    detractors: r?.d ?? 0,
  });
  const total = buckets(all[0]);
  const rows = library.map((theme) => {
    const own = perTheme.find((r) => r.themeId === theme.id);
    return {
      themeId: theme.id,
      name: theme.name,
      mentions: own?.mentions ?? 0,
      negativeMentions: own?.negative ?? 0,
      impact: computeThemeImpact({ all: total, theme: buckets(own) }),
    };
  });
  rows.sort((a, b) => (a.impact.value ?? Infinity) - (b.impact.value ?? Infinity) || b.mentions - a.mentions);
  return { responses: total.promoters + total.passives + total.detractors, themes: rows };
}

/**
 * Phrases frequent in negative feedback and rare elsewhere that no theme covers yet
 * (server/domain/text/suggest-themes.ts), from the newest {@link SUGGESTION_SAMPLE} comments in scope.
 */
export async function getThemeSuggestions(
  db: Db,
  actor: TriageActor,
  filters: FeedbackFilters,
  now = new Date(),
): Promise<ThemeSuggestion<number>[]> {
  const workspaceId = actor.workspaceId;
  const where = and(
    eq(feedback.workspaceId, workspaceId),
    feedbackScope(actor, "read"),
    ...filterConditions(filters, now),
  );
  const [comments, library] = await Promise.all([
    db
      .select({
        id: feedback.id,
        text: feedback.text,
        language: feedback.language,
        sentimentLabel: feedback.sentimentLabel,
        metricKind: feedback.metricKind,
        score: feedback.score,
      })
      .from(feedback)
      .leftJoin(customers, and(eq(customers.workspaceId, feedback.workspaceId), eq(customers.id, feedback.customerId)))
      .where(and(where, sql`${feedback.text} IS NOT NULL`))
      .orderBy(sql`${feedback.receivedAt} DESC`)
      .limit(SUGGESTION_SAMPLE),
    db.select({ id: themes.id, keywords: themes.keywords }).from(themes).where(eq(themes.workspaceId, workspaceId)),
  ]);
  return suggestThemes(comments, library);
}
