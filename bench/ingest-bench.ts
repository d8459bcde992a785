// `npm run bench:ingest -- [--items N] [--clients N] [--retries P] [--pg URL]`
// The ingest load test: `--clients` concurrent clients send `--items` feedback items in
// total, in batches of 1–100, each batch with its own Idempotency-Key, through the app's real
// route handler (POST /api/v1/feedback, called in-process: no HTTP server, no build). A share
// `--retries` of the batches is sent again with the same key (half after the answer, as after a
// lost response; half at the same time, as a client timing out and retrying). Each client has its
// own API key at the default rate limit and honours 429 Retry-After. Reports p50/p95/max latency
// per request, answers by status, and checks that no answer was a 5xx and that exactly `--items`
// rows are stored. Exits 1 otherwise.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { migrateDatabase, queryRows } from "../db/client";
import { createUser, createWorkspace } from "../db/factories";
import { provideDatabase } from "../db/index";
import { parseCount } from "../db/seed/cli-args";
import { POST } from "../app/api/v1/feedback/route";
import { createApiKeyInput } from "../server/domain/ingest/integrations";
import { createApiKey } from "../server/services/ingest-keys";
import { openBenchTarget, quantile, runBench } from "./target";

const COMMENTS = [
  "Delivery was late again and support never called back.",
  "Great service, the staff were friendly and quick.",
  "The app keeps crashing at checkout, very frustrating.",
  "Prices went up but quality stayed the same.",
  "Entrega atrasada, mas o atendimento foi ótimo.",
  null,
];

/** A small deterministic PRNG (mulberry32), so two runs send the same batches. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Outcome {
  ms: number;
  status: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    strict: true,
    options: {
      items: { type: "string", default: "20000" },
      clients: { type: "string", default: "50" },
      retries: { type: "string", default: "0.2" },
      pg: { type: "string" },
    },
  });
  const total = parseCount("items", values.items) ?? 20_000;
  const clients = parseCount("clients", values.clients) ?? 50;
  const retryShare = Number(values.retries);
  if (!(retryShare >= 0 && retryShare <= 1)) throw new Error("--retries is a share from 0 to 1.");
  const target = await openBenchTarget(values.pg, "touchpoint_ingest_bench_");
  const { handle } = target;
  try {
    await migrateDatabase(handle);
    provideDatabase(handle);
    const workspace = await createWorkspace(handle.db, { name: "Ingest bench" });
    const admin = await createUser(handle.db, workspace.id, "admin");
    const actor = { userId: admin.id, workspaceId: workspace.id };
    const tokens: string[] = [];
    for (let n = 0; n < clients; n++) {
      tokens.push((await createApiKey(handle.db, actor, createApiKeyInput.parse({ name: `Client ${n}` }))).token);
    }

    const random = prng(20_000);
    const start = Date.parse("2025-01-01T00:00:00Z");
    const batches: { key: string; body: string; retry: "none" | "after" | "concurrent" }[] = [];
    for (let sent = 0; sent < total;) {
      const size = Math.min(total - sent, 1 + Math.floor(random() * 100));
      const items = Array.from({ length: size }, (_, i) => {
        const n = sent + i;
        const kind = random() < 0.5 ? "nps" : "csat";
        return {
          source: "survey",
          externalId: `bench-${n}`,
          metricKind: kind,
          score: kind === "nps" ? Math.floor(random() * 11) : 1 + Math.floor(random() * 5),
          text: COMMENTS[Math.floor(random() * COMMENTS.length)],
          receivedAt: new Date(start + n * 60_000).toISOString(),
          customerExternalId: random() < 0.5 ? `cust-${Math.floor(random() * 2000)}` : null,
        };
      });
      const roll = random();
      const retry = roll < retryShare / 2 ? "after" : roll < retryShare ? "concurrent" : "none";
      batches.push({ key: randomUUID(), body: JSON.stringify(items), retry });
      sent += size;
    }

    const outcomes: Outcome[] = [];
    const send = async (token: string, batch: (typeof batches)[number]): Promise<void> => {
      for (;;) {
        const request = new Request("http://localhost/api/v1/feedback", {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "idempotency-key": batch.key,
            "content-type": "application/json",
          },
          body: batch.body,
        });
        const began = performance.now();
        const response = await POST(request);
        await response.text();
        outcomes.push({ ms: performance.now() - began, status: response.status });
        if (response.status !== 429) return;
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
      }
    };
    let next = 0;
    const began = performance.now();
    await Promise.all(
      tokens.map(async (token) => {
        for (let i = next++; i < batches.length; i = next++) {
          const batch = batches[i]!;
          if (batch.retry === "concurrent") await Promise.all([send(token, batch), send(token, batch)]);
          else await send(token, batch);
          if (batch.retry === "after") await send(token, batch);
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;

    const [stored] = await queryRows<{ rows: number; distinct: number; analysed: number }>(
      handle.db,
      sql`SELECT count(*)::int AS rows, count(DISTINCT external_id)::int AS distinct,
            count(*) FILTER (WHERE analysed_at IS NOT NULL)::int AS analysed
          FROM feedback WHERE workspace_id = ${workspace.id}`,
    );
    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    const latencies = outcomes.map((o) => o.ms);
    const serverErrors = outcomes.filter((o) => o.status >= 500).length;
    const ok = serverErrors === 0 && stored?.rows === total && stored.distinct === total;
    const report = {
      engine: handle.engine,
      items: total,
      clients,
      batches: batches.length,
      retriedBatches: batches.filter((b) => b.retry !== "none").length,
      requests: outcomes.length,
      byStatus,
      serverErrors,
      p50Ms: +quantile(latencies, 0.5).toFixed(1),
      p95Ms: +quantile(latencies, 0.95).toFixed(1),
      maxMs: +Math.max(...latencies).toFixed(1),
      seconds: +seconds.toFixed(1),
      itemsPerSecond: Math.round(total / seconds),
      storedRows: stored?.rows,
      analysedRows: stored?.analysed,
      ok,
    };
    console.log(JSON.stringify(report, null, 2));
    return ok ? 0 : 1;
  } finally {
    await handle.close();
    await target.cleanup();
  }
}

runBench("bench:ingest", main);
