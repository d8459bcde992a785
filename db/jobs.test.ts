import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { createWorkspace } from "./factories";
import { abandonStaleJobs, claimJob, enqueueJob, readJob, saveProgress } from "./jobs";
import { JobWorker, liveJobs, type JobKind } from "./jobs-worker";
import { jobs } from "./schema";
import { createTestDb } from "./test-db";
import { testEngine } from "./test-engine";

let handle: DbHandle;
let workspaceId: number;
// each test queues jobs of a kind of its own, so one test's jobs never reach another's workers
let kinds = 0;
const newKind = () => `test-${++kinds}`;
const quiet = () => undefined;

beforeAll(async () => {
  handle = await createTestDb();
  workspaceId = (await createWorkspace(handle.db)).id;
});
afterAll(() => handle.close());

const claimOptions = (kind: string, workerId = "w1", staleAfterMs = 60_000) => ({
  workerId,
  kinds: [kind],
  staleAfterMs,
});

/** Makes a running job's heartbeat look `seconds` old, as when its worker died that long ago. */
async function ageHeartbeat(id: number, seconds: number) {
  await handle.db
    .update(jobs)
    .set({ heartbeatAt: sql`now() - make_interval(secs => ${seconds}::float8)` })
    .where(eq(jobs.id, id));
}

describe(`job queue (${testEngine()})`, () => {
  it("hands a queued job to one claim only, in order, and not before its time", async () => {
    const kind = newKind();
    const first = await enqueueJob(handle.db, { kind, payload: { n: 1 }, workspaceId });
    const second = await enqueueJob(handle.db, { kind, payload: { n: 2 } });
    const later = await enqueueJob(handle.db, { kind, payload: { n: 3 }, runAfter: new Date(Date.now() + 3_600_000) });

    const a = await claimJob(handle.db, claimOptions(kind, "a"));
    const b = await claimJob(handle.db, claimOptions(kind, "b"));
    expect(a).toMatchObject({ id: first, payload: { n: 1 }, workspaceId, attempt: 1, workerId: "a" });
    expect(b).toMatchObject({ id: second, workspaceId: null, attempt: 1, workerId: "b" });
    expect(await claimJob(handle.db, claimOptions(kind, "c"))).toBeNull();
    expect(await readJob(handle.db, later)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await readJob(handle.db, first)).toMatchObject({ status: "running", lockedBy: "a", attempts: 1 });
  });

  it("never gives one job to two of many concurrent claims", async () => {
    const kind = newKind();
    const ids = new Set<number>();
    for (let i = 0; i < 12; i++) ids.add(await enqueueJob(handle.db, { kind, payload: { i } }));
    // on PostgreSQL the claims run on several pooled connections at once; PGlite serialises them
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claimJob(handle.db, claimOptions(kind, `worker-${i}`))),
    );
    const taken = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(taken).toHaveLength(12);
    expect(new Set(taken)).toEqual(ids);
  });

  it("takes over a running job whose heartbeat went stale, and a late write of the first worker changes nothing", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: {}, maxAttempts: 2 });
    const crashed = (await claimJob(handle.db, claimOptions(kind, "crashed")))!;
    expect(await claimJob(handle.db, claimOptions(kind, "other"))).toBeNull();
    await ageHeartbeat(id, 120);
    const retaken = await claimJob(handle.db, claimOptions(kind, "other"));
    expect(retaken).toMatchObject({ id, attempt: 2, workerId: "other" });
    expect(await saveProgress(handle.db, crashed, { rows: 1 })).toBe(false);
    expect(await saveProgress(handle.db, retaken!, { rows: 5 })).toBe(true);
    expect(await readJob(handle.db, id)).toMatchObject({ status: "running", lockedBy: "other", progress: { rows: 5 } });
  });

  it("gives up on a job whose worker died on its last attempt, saying why", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: { file: "x" }, maxAttempts: 1 });
    await claimJob(handle.db, claimOptions(kind, "crashed"));
    await ageHeartbeat(id, 120);
    expect(await claimJob(handle.db, claimOptions(kind, "other"))).toBeNull();
    const abandoned = await abandonStaleJobs(handle.db, claimOptions(kind, "other"));
    expect(abandoned).toEqual([
      {
        id,
        kind,
        payload: { file: "x" },
        workspaceId: null,
        error:
          "The worker running it stopped responding (server crash or restart) 1 time(s); it was not retried again.",
      },
    ]);
    expect(await readJob(handle.db, id)).toMatchObject({ status: "failed", lockedBy: null });
  });
});

describe(`job worker (${testEngine()})`, () => {
  const worker = (kinds: Record<string, JobKind>, options = {}) =>
    new JobWorker(handle.db, kinds, { log: quiet, retryDelayMs: () => 0, progressWriteMs: 0, ...options });

  it("runs a job to done with its result and last progress, visible live while it runs", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: { rows: 3 } });
    const seen: unknown[] = [];
    const ran = await worker({
      [kind]: {
        run: async (job, context) => {
          for (let row = 1; row <= 3; row++) {
            context.reportProgress({ row });
            seen.push([...liveJobs()].find((live) => live.id === job.id)?.progress);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          return { imported: 3 };
        },
      },
    }).runOnce();
    expect(ran).toBe(true);
    expect(seen).toEqual([{ row: 1 }, { row: 2 }, { row: 3 }]);
    expect(await readJob(handle.db, id)).toMatchObject({
      status: "done",
      result: { imported: 3 },
      progress: { row: 3 },
      error: null,
      lockedBy: null,
    });
    expect([...liveJobs()].some((live) => live.id === id)).toBe(false);
  });

  it("retries a failing job until its attempts run out, then fails it with the message", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: {}, maxAttempts: 2 });
    let attempts = 0;
    const w = worker({
      [kind]: {
        run: async () => {
          attempts++;
          throw new Error("connection reset");
        },
        describeError: (error) => `Import failed: ${(error as Error).message}`,
      },
    });
    await w.runOnce();
    expect(await readJob(handle.db, id)).toMatchObject({
      status: "queued",
      attempts: 1,
      error: "Import failed: connection reset",
    });
    await w.runOnce();
    expect(attempts).toBe(2);
    expect(await readJob(handle.db, id)).toMatchObject({
      status: "failed",
      attempts: 2,
      error: "Import failed: connection reset",
    });
    expect(await w.runOnce()).toBe(false);
  });

  it("fails a permanent error at once, without retrying", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: {}, maxAttempts: 5 });
    await worker({
      [kind]: {
        run: async () => {
          throw new Error("Row 3: score out of range.");
        },
        isPermanent: () => true,
      },
    }).runOnce();
    expect(await readJob(handle.db, id)).toMatchObject({
      status: "failed",
      attempts: 1,
      error: "Row 3: score out of range.",
    });
  });

  it("aborts an attempt whose job another worker took over, and leaves the job to that worker", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: {} });
    let aborted = false;
    const slow = worker(
      {
        [kind]: {
          run: async (_job, context) => {
            // another process takes the job over while this attempt runs (as claimJob does once the
            // heartbeat is stale; in one statement here, so this worker's own beat cannot come between)
            await handle.db
              .update(jobs)
              .set({ lockedBy: "another-process", attempts: sql`${jobs.attempts} + 1`, heartbeatAt: sql`now()` })
              .where(eq(jobs.id, id));
            await new Promise<void>((resolve) => context.signal.addEventListener("abort", () => resolve()));
            aborted = context.signal.aborted;
            return "too late";
          },
        },
      },
      { heartbeatMs: 20 },
    );
    await slow.runOnce();
    expect(aborted).toBe(true);
    expect(await readJob(handle.db, id)).toMatchObject({
      status: "running",
      lockedBy: "another-process",
      attempts: 2,
      result: null,
    });
  });

  it("does not take over a job this process runs, however old its heartbeat (PGlite holds it in a transaction)", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: {} });
    let release!: () => void;
    let otherClaimed: boolean | null = null;
    const first = worker(
      {
        [kind]: {
          run: async () => {
            await ageHeartbeat(id, 600);
            otherClaimed = await worker({ [kind]: { run: async () => "twice" } }, { staleAfterMs: 1_000 }).runOnce();
            await new Promise<void>((resolve) => (release = resolve));
            return "once";
          },
        },
        // no beat of its own in between: only the process's own record keeps the other worker off
      },
      { heartbeatMs: 60_000 },
    );
    const running = first.runOnce();
    await expect.poll(() => otherClaimed).toBe(false);
    release();
    await running;
    expect(await readJob(handle.db, id)).toMatchObject({ status: "done", result: "once", attempts: 1 });
  });

  it("hands a stale job out of attempts to its kind's clean-up", async () => {
    const kind = newKind();
    const id = await enqueueJob(handle.db, { kind, payload: { importId: 7 }, maxAttempts: 1 });
    await claimJob(handle.db, claimOptions(kind, "crashed"));
    await ageHeartbeat(id, 600);
    const cleaned: unknown[] = [];
    const ran = await worker({
      [kind]: { run: async () => "never", onAbandoned: async (job) => void cleaned.push(job.payload) },
    }).runOnce();
    expect(ran).toBe(false);
    expect(cleaned).toEqual([{ importId: 7 }]);
  });

  it("started, picks up a job as soon as it is woken, and stops", async () => {
    const kind = newKind();
    const done: number[] = [];
    const w = worker({ [kind]: { run: async (job) => void done.push(job.id) } }, { pollMs: 60_000 });
    w.start();
    const id = await enqueueJob(handle.db, { kind, payload: {} });
    w.wake();
    await expect.poll(() => done).toEqual([id]);
    await w.stop();
    expect(await readJob(handle.db, id)).toMatchObject({ status: "done" });
  });
});
