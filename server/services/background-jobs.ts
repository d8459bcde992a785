import "server-only";
import { getDatabase } from "@/db";
import { JobWorker } from "@/db/jobs-worker";
import { importJobKind, IMPORT_JOB } from "./imports-job";
import { pruneValidations } from "./imports-history";
import { sweepUploads, UPLOAD_TTL_MS, uploadDir } from "./imports-uploads";

const WORKER_KEY = Symbol.for("touchpoint.jobs.worker");
type GlobalWithWorker = typeof globalThis & { [WORKER_KEY]?: JobWorker };
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Starts this process's job worker once (instrumentation.ts; a CLI or a test may call it too), on
 * the process-wide database, with every kind of job the app queues, and removes old uploads and
 * the validations nobody ran every hour. One worker per process runs one job at a time: on PGlite
 * a second one would only queue behind the first's transaction; on PostgreSQL more processes mean
 * more workers.
 */
export async function startBackgroundJobs(): Promise<JobWorker> {
  const g = globalThis as GlobalWithWorker;
  if (g[WORKER_KEY]) return g[WORKER_KEY];
  const { db } = await getDatabase();
  const dir = uploadDir();
  const worker = new JobWorker(db, { [IMPORT_JOB]: importJobKind(db, dir) });
  g[WORKER_KEY] = worker;
  worker.start();
  const sweep = () =>
    Promise.all([
      sweepUploads(dir).catch((error: unknown) => console.error("[jobs] removing old uploads failed:", error)),
      pruneValidations(db, UPLOAD_TTL_MS).catch((error: unknown) =>
        console.error("[jobs] removing old validations failed:", error),
      ),
    ]);
  void sweep();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  return worker;
}
