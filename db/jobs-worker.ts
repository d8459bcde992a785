import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "./client";
import {
  abandonStaleJobs,
  beat,
  claimJob,
  completeJob,
  failJob,
  saveProgress,
  type AbandonedJob,
  type ClaimedJob,
} from "./jobs";

export interface JobContext {
  attempt: number;
  /** Aborted when the worker lost the job (another worker took it over after a stale heartbeat): stop at the next safe point. */
  signal: AbortSignal;
  /**
   * Records progress: visible in this process at once (liveJob), written to the job row at most
   * every `progressWriteMs` and never awaited — so it may be called inside a transaction, even on
   * PGlite, whose one connection would otherwise wait for that very transaction.
   */
  reportProgress(progress: Record<string, unknown>): void;
}

/** How to run one kind of job. */
export interface JobKind {
  run(job: ClaimedJob, context: JobContext): Promise<unknown>;
  /** Errors a retry cannot fix (bad input, a missing file): the job fails at once. */
  isPermanent?(error: unknown): boolean;
  /** The message stored for a failure (default: the error's message). */
  describeError?(error: unknown): string;
  /** After a job of this kind was given up because its worker kept dying: undo what it left half done. */
  onAbandoned?(job: AbandonedJob): Promise<void>;
}

export interface WorkerOptions {
  /** The name written into `locked_by` (default: host, process id and a random suffix). */
  workerId?: string;
  /** Pause between claims when the queue is empty. */
  pollMs?: number;
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this is taken over (its worker died). */
  staleAfterMs?: number;
  progressWriteMs?: number;
  /** Delay before attempt `attempt + 1` after a failed attempt. */
  retryDelayMs?: (attempt: number) => number;
  log?: (message: string) => void;
}

/** A job running in this process, with its latest progress (fresher than the row). */
export interface LiveJob {
  id: number;
  kind: string;
  workspaceId: number | null;
  payload: unknown;
  attempt: number;
  startedAt: Date;
  progress: Record<string, unknown> | null;
}

const PROCESS_KEY = Symbol.for("touchpoint.jobs");
type GlobalWithJobs = typeof globalThis & {
  [PROCESS_KEY]?: { running: Map<number, LiveJob>; workers: Set<JobWorker> };
};

/** The jobs running and the workers started in this process, shared by every bundle of the app (as the database handle is). */
function processJobs() {
  const g = globalThis as GlobalWithJobs;
  g[PROCESS_KEY] ??= { running: new Map(), workers: new Set() };
  return g[PROCESS_KEY];
}
const running = () => processJobs().running;

/** The jobs running in this process right now, with their latest progress. */
export function liveJobs(): IterableIterator<LiveJob> {
  return running().values();
}

/** Makes this process's workers claim at once (a job was just enqueued) instead of at their next poll. */
export function wakeWorkers(): void {
  for (const worker of processJobs().workers) worker.wake();
}

const defaultRetryDelay = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 300_000);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs queued jobs of the given kinds, one at a time: claim (claimJob), run with a heartbeat and
 * progress, then done, queued again with a growing delay, or failed. A job this process runs is
 * never taken over by a worker of the same process however long its heartbeat waits (on PGlite a
 * long transaction holds the one connection, heartbeats included); workers of other processes
 * take it over once the heartbeat is stale. The loop never throws: a failing database is logged
 * and retried at the next poll.
 */
export class JobWorker {
  readonly workerId: string;
  private readonly pollMs: number;
  private readonly heartbeatMs: number;
  private readonly staleAfterMs: number;
  private readonly progressWriteMs: number;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly log: (message: string) => void;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  /** Woken while claiming: claim again at once instead of sleeping. */
  private woken = false;

  constructor(
    private readonly db: Db,
    private readonly kinds: Record<string, JobKind>,
    options: WorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? 1_000;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.progressWriteMs = options.progressWriteMs ?? 1_000;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
    this.log = options.log ?? ((message) => console.log(`[jobs] ${message}`));
  }

  /** Starts the loop (once). */
  start(): void {
    this.stopping = false;
    processJobs().workers.add(this);
    this.loop ??= this.run();
  }

  /** Stops claiming; resolves when the job in hand (if any) has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    processJobs().workers.delete(this);
    this.wake();
    await this.loop;
    this.loop = null;
  }

  /** Claims at once instead of at the next poll (a job was just enqueued). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let worked = false;
      try {
        worked = await this.runOnce();
      } catch (error) {
        this.log(`queue unavailable: ${messageOf(error)}`);
      }
      if (!worked && !this.stopping && !this.woken) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(finish, this.pollMs);
      timer.unref?.();
      this.wakeUp = finish;
    });
  }

  /** Gives up on dead jobs out of attempts, then claims and runs one job; false when there was none. */
  async runOnce(): Promise<boolean> {
    const options = {
      workerId: this.workerId,
      kinds: Object.keys(this.kinds),
      staleAfterMs: this.staleAfterMs,
      skip: [...running().keys()],
    };
    for (const abandoned of await abandonStaleJobs(this.db, options)) {
      this.log(`job ${abandoned.id} (${abandoned.kind}) given up: ${abandoned.error}`);
      await this.kinds[abandoned.kind]?.onAbandoned?.(abandoned).catch((error: unknown) => {
        this.log(`clean-up of job ${abandoned.id} failed: ${messageOf(error)}`);
      });
    }
    const job = await claimJob(this.db, options);
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const kind = this.kinds[job.kind]!;
    const live: LiveJob = { ...job, startedAt: new Date(), progress: null };
    const controller = new AbortController();
    const lose = () => {
      if (controller.signal.aborted) return;
      this.log(`job ${job.id} was taken over by another worker; stopping this attempt`);
      controller.abort(new Error(`Job ${job.id} was taken over by another worker.`));
    };
    const held: HeldJob = { db: this.db, job, lose, log: this.log };
    const progress = new ProgressWriter(held, this.progressWriteMs);
    const heartbeat = new Heartbeat(held, this.heartbeatMs);
    running().set(job.id, live);
    try {
      const result = await kind.run(job, {
        attempt: job.attempt,
        signal: controller.signal,
        reportProgress: (value) => {
          live.progress = value;
          progress.report(value);
        },
      });
      await heartbeat.stop();
      await progress.stop();
      if (!controller.signal.aborted) await completeJob(this.db, job, result, live.progress ?? undefined);
    } catch (error) {
      await heartbeat.stop();
      await progress.stop();
      if (controller.signal.aborted) return;
      const message = kind.describeError?.(error) ?? messageOf(error);
      const permanent = kind.isPermanent?.(error) ?? false;
      const retry = !permanent && job.attempt < job.maxAttempts;
      if (!permanent) this.log(`job ${job.id} (${job.kind}) attempt ${job.attempt} failed: ${messageOf(error)}`);
      await failJob(this.db, job, message, retry ? new Date(Date.now() + this.retryDelayMs(job.attempt)) : null);
    } finally {
      running().delete(job.id);
    }
  }
}

/** What the heartbeat and the progress writer write for: the job held, and what to do when it no longer is. */
interface HeldJob {
  db: Db;
  job: ClaimedJob;
  /** The row refused a write: another worker took the job over. */
  lose: () => void;
  log: (message: string) => void;
}

/** One write to a held job's row; never throws (a failure is logged, the next write may succeed). */
function writeHeld(held: HeldJob, write: Promise<boolean>, what: string): Promise<void> {
  return write
    .then((stillHeld) => (stillHeld ? undefined : held.lose()))
    .catch((error: unknown) => held.log(`${what} of job ${held.job.id} failed: ${messageOf(error)}`));
}

/** Beats the job's heartbeat every `everyMs` until stopped; one beat at a time (on PGlite one may wait long). */
class Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly held: HeldJob,
    private readonly everyMs: number,
  ) {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pending = writeHeld(this.held, beat(this.held.db, this.held.job), "heartbeat").finally(() => {
        this.pending = null;
        this.schedule();
      });
    }, this.everyMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pending;
  }
}

/** Writes the latest progress at most every `everyMs`, one write at a time, dropping values overtaken before their turn. */
class ProgressWriter {
  private latest: unknown = undefined;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private lastWrite = 0;

  constructor(
    private readonly held: HeldJob,
    private readonly everyMs: number,
  ) {}

  report(value: unknown): void {
    this.latest = value;
    this.schedule();
  }

  private schedule(): void {
    if (this.writing || this.timer || this.latest === undefined) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastWrite + this.everyMs - Date.now()));
    this.timer.unref?.();
  }

  private flush(): void {
    this.timer = null;
    const value = this.latest;
    this.latest = undefined;
    this.writing = writeHeld(
      this.held,
      saveProgress(this.held.db, this.held.job, value),
      "saving the progress",
    ).finally(() => {
      this.writing = null;
      this.lastWrite = Date.now();
      this.schedule();
    });
  }

  /** Drops what is not written yet (the job's last word is written with its result) and waits for a write in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = undefined;
    await this.writing;
  }
}
