import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export const jobStatusEnum = pgEnum("job_status", JOB_STATUSES);

/**
 * Background work on a queue in the database (db/jobs.ts): no second system to run. A worker claims
 * a queued job whose `run_after` has come with FOR UPDATE SKIP LOCKED, marks it running under its
 * name (`locked_by`) and beats `heartbeat_at` while it works; a running job whose heartbeat is
 * older than the stale timeout lost its worker (crash, restart) and is claimed again, until
 * `attempts` reaches `max_attempts`. `progress` is the job's own report (rows done…), `result`
 * what it returned, `error` why it failed.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** The workspace the job works for; null for maintenance of the whole installation. */
    workspaceId: integer().references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    payload: jsonb().notNull(),
    status: jobStatusEnum().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(3),
    runAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp({ withTimezone: true }),
    lockedBy: text(),
    heartbeatAt: timestamp({ withTimezone: true }),
    progress: jsonb(),
    result: jsonb(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // claim: the oldest queued job of the worker's kinds whose time has come
    index("jobs_queued_idx")
      .on(t.runAfter, t.id)
      .where(sql`${t.status} = 'queued'`),
    // claim: running jobs whose worker stopped beating
    index("jobs_running_heartbeat_idx")
      .on(t.heartbeatAt)
      .where(sql`${t.status} = 'running'`),
    // a workspace's deletion removes its jobs
    index("jobs_workspace_idx").on(t.workspaceId),
    check("jobs_kind_not_blank", sql`length(trim(${t.kind})) > 0`),
    check("jobs_attempts_range", sql`${t.attempts} >= 0 AND ${t.maxAttempts} >= 1`),
  ],
);
