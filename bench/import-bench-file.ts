import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { buildReferenceData, generateActivity, planDemo } from "../db/seed/generate";
import type { ThemeKeywords } from "../db/schema/themes";
import { copyLine } from "../db/copy-rows";
import { ROLES } from "../server/domain/enums";

/**
 * The files of bench:import, written from the demo generator (db/seed): `rows` feedback items as
 * a survey tool's CSV export (ids, customer id, e-mail and name, source, channel, metric, score,
 * comment in the customer's language — en, he, fa, zh, pl, fr, pt — and the time, no language
 * column, so the import detects it), and the same rows as COPY text for the raw-COPY baseline.
 * Both are streamed to disk with backpressure: memory holds one generator batch.
 */

export const BENCH_MAPPING = {
  entity: "feedback",
  columns: {
    externalId: "id",
    customerExternalId: "customer id",
    customerEmail: "email",
    customerName: "name",
    source: "source",
    channel: "channel",
    metricKind: "metric",
    score: "score",
    text: "comment",
    receivedAt: "received at",
  },
} as const;

const HEADER = "id,customer id,email,name,source,channel,metric,score,comment,received at";

/** The feedback columns the COPY baseline writes, in the order of the COPY file's fields. */
export const COPY_COLUMNS = [
  "workspace_id",
  "source",
  "external_id",
  "channel",
  "metric_kind",
  "score",
  "text",
  "received_at",
] as const;

export interface BenchFiles {
  rows: number;
  csvBytes: number;
  copyBytes: number;
  /** Different comment texts among the rows: the analysis runs once per text (and score) of a batch run. */
  distinctComments: number;
  /** The theme library the generated comments were written against (the seed's, first workspace). */
  themes: { name: string; keywords: ThemeKeywords }[];
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

async function finish(stream: WriteStream): Promise<number> {
  stream.end();
  await once(stream, "finish");
  return stream.bytesWritten;
}

/**
 * Writes `rows` generated feedback items to `csvPath` (the import's input) and `copyPath` (COPY
 * text format, every row in `copyWorkspaceId`). Customers: about one per 20 items, as in the
 * larger seeds; ids are prefixed with the demo workspace so the workspaces' rows do not collide.
 */
export async function writeBenchFiles(
  rows: number,
  csvPath: string,
  copyPath: string,
  copyWorkspaceId: number,
  seed = 42,
): Promise<BenchFiles> {
  const customers = Math.max(100, Math.round(rows / 20));
  const plan = planDemo({
    seed,
    now: new Date("2025-06-15T00:00:00Z"),
    feedback: rows,
    customers,
    orders: customers * 2,
  });
  // the reference data assigns teams and actions to users: one per role (never written here)
  const reference = buildReferenceData(
    plan,
    ROLES.map((role, i) => ({ id: i + 1, email: `${role}@bench.test`, role })),
  );
  const firstWorkspace = reference.byWorkspace[0]!.plan.workspaceId;
  const themes = reference.themes
    .filter((t) => t.workspaceId === firstWorkspace)
    .map((t) => ({ name: t.name, keywords: t.keywords }));
  const people = new Map<number, { id: string; email: string; name: string }>();
  const csv = createWriteStream(csvPath);
  const copy = createWriteStream(copyPath);
  await write(csv, `${HEADER}\r\n`);
  let written = 0;
  const comments = new Set<string>();
  for (const batch of generateActivity(plan, reference, { batchSize: 5_000 })) {
    for (const c of batch.customers) {
      people.set(c.id, { id: `W${c.workspaceId}-${c.externalId}`, email: c.email ?? "", name: c.name ?? "" });
    }
    const csvLines: string[] = [];
    const copyLines: string[] = [];
    for (const f of batch.feedback) {
      const person = f.customerId === null ? null : people.get(f.customerId);
      const externalId = `W${f.workspaceId}-${f.externalId}`;
      const score = f.score === null ? "" : String(f.score);
      if (f.text) comments.add(f.text);
      csvLines.push(
        [
          externalId,
          person?.id ?? "",
          person?.email ?? "",
          person?.name ?? "",
          f.source,
          f.channel ?? "",
          f.metricKind,
          score,
          f.text ?? "",
          f.receivedAt,
        ]
          .map(csvField)
          .join(","),
      );
      copyLines.push(
        copyLine([copyWorkspaceId, f.source, externalId, f.channel, f.metricKind, f.score, f.text, f.receivedAt]),
      );
    }
    if (csvLines.length > 0) {
      await write(csv, `${csvLines.join("\r\n")}\r\n`);
      await write(copy, `${copyLines.join("\n")}\n`);
    }
    written += csvLines.length;
  }
  return {
    rows: written,
    csvBytes: await finish(csv),
    copyBytes: await finish(copy),
    distinctComments: comments.size,
    themes,
  };
}
