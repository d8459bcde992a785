import { inArray, sql } from "drizzle-orm";
import { hashPassword } from "../../server/auth/password";
import { queryRows, type Db } from "../client";
import { screenFeedback } from "../screening";
import { loadAnalysisContext } from "../text-analysis";
import { analyseBatch } from "./analyse";
import { users } from "../schema";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { buildReferenceData, generateWorkspaceActivity, type WorkspaceStats } from "./generate";
import * as T from "./insert";
import { planDemo, type GenerateOptions, type IdBases } from "./plan";
import { buildPlanning } from "./planning";
import type { DemoUserRef } from "./rows";

export interface SeedOptions extends GenerateOptions {
  /**
   * Rows per table per batch; each batch is analysed, then written in one transaction by COPY.
   * Default 20,000 (fewer commits: PGlite pays for each one). Memory stays bounded by the batch
   * size whatever the totals.
   */
  batchSize?: number;
  /** Progress messages (a line per workspace phase and about one per second while streaming). */
  onProgress?: (message: string) => void;
}

export const SEEDED_TABLES = [
  "workspaces",
  "users",
  "memberships",
  "teams",
  "team_members",
  "segments",
  "journey_stages",
  "touchpoints",
  "themes",
  "sla_policies",
  "customers",
  "orders",
  "feedback",
  "feedback_themes",
  "kpi_targets",
  "actions",
  "action_status_changes",
  "action_feedback",
] as const;
export type SeededTable = (typeof SEEDED_TABLES)[number];

export interface SeedSummary {
  seed: number;
  /** End of the generated history (ISO). */
  now: string;
  counts: Record<SeededTable, number>;
  totalRows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** Time spent per phase, in milliseconds ("activity" generates, analyses and writes the rows). */
  phases: Record<"reference" | "activity" | "planning" | "screening" | "finish", number>;
}

/** True when no workspace exists yet: the app seeds demo data on first start in that case. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ exists: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM workspaces) AS "exists"`);
  return !row?.exists;
}

async function readIdBases(db: Db): Promise<IdBases> {
  const max = (table: string) => sql.raw(`(SELECT coalesce(max(id), 0) FROM "${table}")::int`);
  const [row] = await queryRows<IdBases>(
    db,
    sql`SELECT
    ${max("workspaces")} AS "workspaces", ${max("segments")} AS "segments", ${max("teams")} AS "teams",
    ${max("journey_stages")} AS "journeyStages", ${max("touchpoints")} AS "touchpoints", ${max("themes")} AS "themes",
    ${max("customers")} AS "customers", ${max("orders")} AS "orders", ${max("feedback")} AS "feedback",
    ${max("kpi_targets")} AS "kpiTargets", ${max("actions")} AS "actions",
    ${max("action_status_changes")} AS "actionStatusChanges"`,
  );
  if (!row) throw new Error("Could not read the current ids");
  return row;
}

/**
 * Users are upserted by e-mail (an existing account keeps its password); every demo user gets the
 * same hash, computed once: scrypt is deliberately slow.
 */
async function ensureDemoUsers(db: Db, createdAt: Date): Promise<DemoUserRef[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(
      DEMO_USERS.map((u) => ({
        email: u.email,
        name: u.name,
        passwordHash,
        createdAt,
      })),
    )
    .onConflictDoNothing({ target: users.email });
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_USERS.map((u) => u.email),
      ),
    );
  return DEMO_USERS.map((u) => {
    const row = rows.find((r) => r.email === u.email);
    if (!row) throw new Error(`Demo user ${u.email} could not be created`);
    return { id: row.id, email: u.email, role: u.role };
  });
}

const format = (n: number) => n.toLocaleString("en-US");

/**
 * Fill an empty database with the demo: every demo workspace with its segments, journey, teams,
 * customers, orders, feedback, themes, SLAs, targets and actions, and the demo users as members
 * of every workspace. Deterministic for a given `seed` and `now` (except password salts), on
 * PGlite and PostgreSQL alike.
 *
 * Sizes: `customers`, `orders` and `feedback` are totals across all demo workspaces (the second
 * workspace gets about half), defaulting to 5,000 / 60,000 / 40,000 × `scale`.
 *
 * Writes in batches, one transaction per batch; if it fails halfway, reset the database before
 * seeding again. Throws when a workspace already exists.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const report = options.onProgress ?? (() => undefined);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 20_000));
  if (!(await isDatabaseEmpty(db))) {
    throw new Error("The database already has workspaces; seed only an empty database (reset it first).");
  }

  const plan = planDemo(options, await readIdBases(db));
  const counts = Object.fromEntries(SEEDED_TABLES.map((t) => [t, 0])) as Record<SeededTable, number>;
  const phases: SeedSummary["phases"] = {
    reference: 0,
    activity: 0,
    planning: 0,
    screening: 0,
    finish: 0,
  };
  let phaseStart = performance.now();
  const endPhase = (name: keyof SeedSummary["phases"]) => {
    const now = performance.now();
    phases[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };

  report(
    `Seeding ${format(plan.totals.customers)} customers, ${format(plan.totals.orders)} orders and ` +
      `${format(plan.totals.feedback)} feedback items (seed ${plan.seed}, history to ${new Date(plan.nowMs).toISOString().slice(0, 10)})`,
  );
  const demoUsers = await ensureDemoUsers(db, new Date(plan.windowStartMs - 30 * 86_400_000));
  counts.users = demoUsers.length;
  const reference = buildReferenceData(plan, demoUsers);
  await db.transaction(async (tx) => {
    await T.insertRows(tx, T.WORKSPACES, reference.workspaces);
    await T.insertRows(tx, T.MEMBERSHIPS, reference.memberships);
    await T.insertRows(tx, T.TEAMS, reference.teams);
    await T.insertRows(tx, T.TEAM_MEMBERS, reference.teamMembers);
    await T.insertRows(tx, T.SEGMENTS, reference.segments);
    await T.insertRows(tx, T.JOURNEY_STAGES, reference.stages);
    await T.insertRows(tx, T.TOUCHPOINTS, reference.touchpoints);
    await T.insertRows(tx, T.THEMES, reference.themes);
    await T.insertRows(tx, T.SLA_POLICIES, reference.slaPolicies);
  });
  counts.workspaces = reference.workspaces.length;
  counts.memberships = reference.memberships.length;
  counts.teams = reference.teams.length;
  counts.team_members = reference.teamMembers.length;
  counts.segments = reference.segments.length;
  counts.journey_stages = reference.stages.length;
  counts.touchpoints = reference.touchpoints.length;
  counts.themes = reference.themes.length;
  counts.sla_policies = reference.slaPolicies.length;
  endPhase("reference");

  const stats = new Map<number, WorkspaceStats>();
  for (const refs of reference.byWorkspace) {
    const ws = refs.plan;
    let lastReport = performance.now();
    let wsFeedback = 0;
    let wsOrders = 0;
    const analysis = await loadAnalysisContext(db, ws.workspaceId);
    for (const batch of generateWorkspaceActivity(plan, refs, {
      batchSize,
      stats,
    })) {
      const analysed = analyseBatch(batch, analysis, new Date(plan.nowMs));
      await db.transaction(async (tx) => {
        // a bulk load: the triggers only mark the workspace; one rebuild at the end recomputes the
        // rollups (an interrupted seed leaves the mark, and the app rebuilds at start)
        await tx.execute(sql`SELECT set_config('touchpoint.defer_rollups', 'on', true)`);
        await T.copyTableRows(tx, T.CUSTOMERS, batch.customers);
        await T.copyTableRows(tx, T.ORDERS, batch.orders);
        await T.copyTableRows(tx, T.ANALYSED_FEEDBACK, analysed.feedback);
        await T.copyTableRows(tx, T.FEEDBACK_THEMES, analysed.feedbackThemes);
      });
      counts.customers += batch.customers.length;
      counts.orders += batch.orders.length;
      counts.feedback += batch.feedback.length;
      counts.feedback_themes += analysed.feedbackThemes.length;
      wsOrders += batch.orders.length;
      wsFeedback += batch.feedback.length;
      if (performance.now() - lastReport >= 1_000) {
        lastReport = performance.now();
        report(
          `  ${ws.profile.slug}: ${format(wsOrders)}/${format(ws.orders)} orders, ${format(wsFeedback)}/${format(ws.feedback)} feedback`,
        );
      }
    }
    report(
      `  ${ws.profile.slug}: ${format(ws.customers)} customers, ${format(ws.orders)} orders, ${format(ws.feedback)} feedback done`,
    );
  }
  endPhase("activity");

  const planning = buildPlanning(plan, reference, stats);
  await db.transaction(async (tx) => {
    await T.insertRows(tx, T.KPI_TARGETS, planning.kpiTargets);
    await T.insertRows(tx, T.ACTIONS, planning.actions);
    await T.insertRows(tx, T.ACTION_STATUS_CHANGES, planning.actionStatusChanges);
    await T.insertRows(tx, T.ACTION_FEEDBACK, planning.actionFeedback);
  });
  counts.kpi_targets = planning.kpiTargets.length;
  counts.actions = planning.actions.length;
  counts.action_status_changes = planning.actionStatusChanges.length;
  counts.action_feedback = planning.actionFeedback.length;
  endPhase("planning");

  await T.resetIdentitySequences(db);
  // the text analysis ran on each batch before it was written (./analyse.ts); the suspicious-feedback
  // screening reads the whole workspace's text keys, orders and arrival times: statistics first
  await db.execute(sql`ANALYZE customers, orders, feedback`);
  for (const refs of reference.byWorkspace) {
    const startedAt = performance.now();
    const screened = await screenFeedback(db, refs.plan.workspaceId);
    report(
      `  ${refs.plan.profile.slug}: ${format(screened.found)} suspicious-feedback flags in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  }
  endPhase("screening");
  await db.execute(sql`SELECT rollups_rebuild()`);
  // fresh planner statistics, so the first dashboard queries do not plan for empty tables
  await db.execute(
    sql`ANALYZE workspaces, customers, orders, feedback, feedback_themes, segments, journey_stages, touchpoints, feedback_rollup, orders_rollup, customer_state`,
  );
  endPhase("finish");

  const elapsedMs = Math.round(performance.now() - started);
  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    seed: plan.seed,
    now: new Date(plan.nowMs).toISOString(),
    counts,
    totalRows,
    elapsedMs,
    rowsPerSecond: Math.round(totalRows / Math.max(elapsedMs / 1000, 0.001)),
    phases,
  };
}
