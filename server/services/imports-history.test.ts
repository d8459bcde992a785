import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createWorkspace } from "@/db/factories";
import { imports, jobs } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { pruneValidations } from "./imports-history";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-24T12:00:00Z");

describe(`pruning validations nobody ran (${testEngine()})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle?.close());

  it("removes old never-started validations only, in every workspace", async () => {
    const db = handle.db;
    const [first, second] = [await createWorkspace(db), await createWorkspace(db)];
    const [job] = await db.insert(jobs).values({ kind: "import", payload: {} }).returning({ id: jobs.id });
    const row = (
      workspaceId: number,
      name: string,
      daysAgo: number,
      extra: Partial<typeof imports.$inferInsert> = {},
    ) => ({
      workspaceId,
      entity: "feedback" as const,
      fileName: `${name}.csv`,
      mapping: {},
      createdAt: new Date(NOW - daysAgo * DAY),
      ...extra,
    });
    await db
      .insert(imports)
      .values([
        row(first.id, "old-ready", 8, { status: "ready" }),
        row(second.id, "old-invalid", 30, { status: "failed", error: "bad header" }),
        row(first.id, "fresh-ready", 6, { status: "ready" }),
        row(first.id, "old-done", 40, { status: "done", startedAt: new Date(NOW - 40 * DAY) }),
        row(first.id, "old-failed-run", 40, { status: "failed", startedAt: new Date(NOW - 40 * DAY) }),
        row(second.id, "old-queued", 9, { status: "ready", jobId: job!.id }),
        row(second.id, "old-undone", 50, { status: "undone", startedAt: new Date(NOW - 50 * DAY) }),
      ]);

    expect(await pruneValidations(db, 7 * DAY, NOW)).toBe(2);
    const left = await db.select({ fileName: imports.fileName }).from(imports).orderBy(imports.fileName);
    expect(left.map((r) => r.fileName)).toEqual([
      "fresh-ready.csv",
      "old-done.csv",
      "old-failed-run.csv",
      "old-queued.csv",
      "old-undone.csv",
    ]);
    expect(await pruneValidations(db, 7 * DAY, NOW)).toBe(0);
    const [fresh] = await db.select().from(imports).where(eq(imports.fileName, "fresh-ready.csv"));
    expect(await pruneValidations(db, 7 * DAY, NOW + 2 * DAY)).toBe(1);
    expect(await db.select().from(imports).where(eq(imports.id, fresh!.id))).toEqual([]);
  });
});
