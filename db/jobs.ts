import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "./client";
import { jobs } from "./schema";

/**
 * The job queue in the database (table `jobs`): enqueue, claim with FOR UPDATE SKIP LOCKED,
 * heartbeat, progress, finish. Every write after the claim names the claim (job id, worker name
 * and attempt), so a worker whose job was taken over after its heartbeat went stale can no longer
 * touch it. The loop that runs jobs is db/jobs-worker.ts.
 */

export interface EnqueueInput {
  kind: string;
  payload: unknown;
  workspaceId?: number | null;
  maxAttempts?: number;
  /** Not before this time (default: at once). */
  runAfter?: Date;
}

/** A job a worker holds: who holds it and which attempt this is. */
export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  workspaceId: number | null;
  attempt: number;
  maxAttempts: number;
  workerId: string;
}

/** A running job whose worker stopped beating, failed for good: what the handler of its kind may clean up. */
export interface AbandonedJob {
  id: number;
  kind: string;
  payload: unknown;
  workspaceId: number | null;
  error: string;
}

type Executor = Pick<Db, "insert">;

/** Adds a job to the queue (in the caller's transaction when given one) and returns its id. */
export async function enqueueJob(db: Executor, input: EnqueueInput): Promise<number> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload,
      workspaceId: input.workspaceId ?? null,
      maxAttempts: input.maxAttempts ?? 3,
      runAfter: input.runAfter ?? new Date(),
    })
    .returning({ id: jobs.id });
  return row!.id;
}

export interface ClaimOptions {
  workerId: string;
  kinds: readonly string[];
  /** A running job whose heartbeat is older than this lost its worker and may be claimed again. */
  staleAfterMs: number;
  /** Jobs never to take over, however old their heartbeat (those this process runs itself). */
  skip?: readonly number[];
}

const kindList = (kinds: readonly string[]) =>
  sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
const skipList = (skip: readonly number[] | undefined) =>
  skip && skip.length > 0
    ? sql`AND id NOT IN (${sql.join(
        skip.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
const staleBefore = (ms: number) => sql`now() - make_interval(secs => ${ms / 1000}::float8)`;

/**
 * Gives up on running jobs whose worker stopped beating and which have no attempt left: they
 * become `failed` with a message saying so, and are returned for their kind's clean-up.
 */
export async function abandonStaleJobs(db: Db, options: ClaimOptions): Promise<AbandonedJob[]> {
  if (options.kinds.length === 0) return [];
  return queryRows<AbandonedJob>(
    db,
    sql`UPDATE jobs SET status = 'failed', finished_at = now(), locked_by = NULL,
        error = 'The worker running it stopped responding (server crash or restart) ' || attempts || ' time(s); it was not retried again.'
      WHERE status = 'running' AND heartbeat_at < ${staleBefore(options.staleAfterMs)}
        AND attempts >= max_attempts AND kind IN (${kindList(options.kinds)}) ${skipList(options.skip)}
      RETURNING id, kind, payload, workspace_id AS "workspaceId", error`,
  );
}

/**
 * Takes the next job of `kinds` for `workerId`: the oldest queued one whose time has come, or a
 * running one whose heartbeat is stale (its worker died; attempts left). One statement: the row
 * is locked with FOR UPDATE SKIP LOCKED, so concurrent workers never take the same job and never
 * wait for each other. Null when there is nothing to do.
 */
export async function claimJob(db: Db, options: ClaimOptions): Promise<ClaimedJob | null> {
  if (options.kinds.length === 0) return null;
  const [row] = await queryRows<Omit<ClaimedJob, "workerId">>(
    db,
    sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${options.workerId},
        locked_at = now(), heartbeat_at = now()
      WHERE id = (
        SELECT id FROM jobs
        WHERE kind IN (${kindList(options.kinds)}) ${skipList(options.skip)} AND (
          (status = 'queued' AND run_after <= now())
          OR (status = 'running' AND heartbeat_at < ${staleBefore(options.staleAfterMs)} AND attempts < max_attempts))
        ORDER BY run_after, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, payload, workspace_id AS "workspaceId", attempts AS attempt, max_attempts AS "maxAttempts"`,
  );
  return row ? { ...row, workerId: options.workerId } : null;
}

const held = (job: ClaimedJob) =>
  and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.lockedBy, job.workerId), eq(jobs.attempts, job.attempt));

async function changed(query: Promise<Array<{ id: number }>>): Promise<boolean> {
  return (await query).length > 0;
}

/** Marks the job alive; false when the worker no longer holds it (taken over after a stale heartbeat). */
export function beat(db: Db, job: ClaimedJob): Promise<boolean> {
  return changed(
    db
      .update(jobs)
      .set({ heartbeatAt: sql`now()` })
      .where(held(job))
      .returning({ id: jobs.id }),
  );
}

/** Stores the job's progress report (and counts as a heartbeat); false when the worker no longer holds it. */
export function saveProgress(db: Db, job: ClaimedJob, progress: unknown): Promise<boolean> {
  return changed(
    db
      .update(jobs)
      .set({ progress, heartbeatAt: sql`now()` })
      .where(held(job))
      .returning({ id: jobs.id }),
  );
}

/** The job succeeded: `done`, with its result and last progress. */
export function completeJob(db: Db, job: ClaimedJob, result: unknown, progress?: unknown): Promise<boolean> {
  return changed(
    db
      .update(jobs)
      .set({
        status: "done",
        result: result ?? null,
        ...(progress === undefined ? {} : { progress }),
        error: null,
        lockedBy: null,
        finishedAt: sql`now()`,
      })
      .where(held(job))
      .returning({ id: jobs.id }),
  );
}

/**
 * The attempt failed with `message`: queued again at `retryAt`, or `failed` for good when
 * `retryAt` is null (a permanent error, or no attempt left).
 */
export function failJob(db: Db, job: ClaimedJob, message: string, retryAt: Date | null): Promise<boolean> {
  const next = retryAt
    ? { status: "queued" as const, runAfter: retryAt }
    : { status: "failed" as const, finishedAt: sql`now()` };
  return changed(
    db
      .update(jobs)
      .set({ ...next, error: message, lockedBy: null })
      .where(held(job))
      .returning({ id: jobs.id }),
  );
}

/** A job as stored, or null. */
export async function readJob(db: Db, id: number) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}
