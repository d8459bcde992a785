import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DbHandle } from "@/db/client";
import {
  createCustomer,
  createFeedback,
  createOrder,
  createSegment,
  createStage,
  createTouchpoint,
  createWorkspace,
} from "@/db/factories";
import { feedback, themes } from "@/db/schema";
import { screenFeedback } from "@/db/screening";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { analyseFeedback } from "@/db/text-analysis";
import { runImport, type ImportActor } from "./imports";
import { undoImport } from "./imports-undo";

// The bulk path of feedback imports (imports-feedback.ts) must leave exactly what the row-by-row
// path left: the analysis of analyseFeedback, the rollups the triggers keep (checked against a
// rebuild from the raw rows), the screening's flags, and nothing marked for a rebuild.

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));
const MAPPING = {
  entity: "feedback",
  columns: {
    externalId: "id",
    customerExternalId: "customer",
    source: "source",
    metricKind: "metric",
    score: "score",
    text: "comment",
    receivedAt: "date",
  },
  constants: { channel: "web" },
};
const HEADER = "id,customer,source,metric,score,comment,date";
const file = (name: string, rows: string[]) => ({ fileName: name, bytes: bytes([HEADER, ...rows]), mapping: MAPPING });
const REVIEW = `"Best store ever, fast shipping and amazing prices, five stars from me!"`;

/** Every rollup row of the workspace (zero rows of customer_rollup left out: readers sum them), as text. */
async function rollupsOf(workspaceId: number): Promise<Record<string, string[]>> {
  await handle.db.execute(sql`SELECT journey_rollups_refresh(${workspaceId}::int)`);
  const tables = {
    feedback_rollup: sql`SELECT r::text AS row FROM feedback_rollup r WHERE workspace_id = ${workspaceId} ORDER BY 1`,
    orders_rollup: sql`SELECT r::text AS row FROM orders_rollup r WHERE workspace_id = ${workspaceId} ORDER BY 1`,
    customer_state: sql`SELECT r::text AS row FROM customer_state r WHERE workspace_id = ${workspaceId} ORDER BY 1`,
    customer_rollup: sql`SELECT r::text AS row FROM customer_rollup r
      WHERE workspace_id = ${workspaceId} AND customers <> 0 ORDER BY 1`,
    journey_rollup: sql`SELECT r::text AS row FROM journey_rollup r WHERE workspace_id = ${workspaceId} ORDER BY 1`,
    friction_rollup: sql`SELECT r::text AS row FROM friction_rollup r WHERE workspace_id = ${workspaceId} ORDER BY 1`,
  };
  const out: Record<string, string[]> = {};
  for (const [name, query] of Object.entries(tables)) {
    out[name] = (await queryRows<{ row: string }>(handle.db, query)).map((r) => r.row);
  }
  return out;
}

async function expectRollupsAsRebuilt(workspaceId: number) {
  const kept = await rollupsOf(workspaceId);
  const [dirty] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM rollup_dirty`);
  expect(dirty!.n).toBe(0);
  await handle.db.execute(sql`SELECT rollups_rebuild()`);
  expect(kept).toEqual(await rollupsOf(workspaceId));
  expect(kept.feedback_rollup!.length).toBeGreaterThan(0);
}

/** What the analysis and screening wrote on the workspace's items, by external id. */
async function analysisOf(workspaceId: number) {
  return queryRows(
    handle.db,
    sql`SELECT f.external_id, f.language, f.sentiment, f.sentiment_label, f.sentiment_source, f.search_terms,
        f.text_key, f.priority, f.due_at::text AS due_at, f.suspicious,
        (SELECT array_agg(t.theme_id ORDER BY t.theme_id) FROM feedback_themes t WHERE t.feedback_id = f.id) AS themes,
        (SELECT array_agg(g.code::text || ':' || g.detail::text ORDER BY g.code) FROM feedback_flags g
          WHERE g.feedback_id = f.id) AS flags
      FROM feedback f WHERE f.workspace_id = ${workspaceId} ORDER BY f.external_id`,
  );
}

describe(`feedback imports in bulk (${testEngine()})`, () => {
  it("analyses, screens and counts in the rollups exactly as the row-by-row path; updates and undo too", async () => {
    const workspace = await createWorkspace(handle.db);
    const actor: ImportActor = { workspaceId: workspace.id, userId: null };
    const segment = await createSegment(handle.db, workspace.id);
    const stage = await createStage(handle.db, workspace.id);
    const touchpoint = await createTouchpoint(handle.db, workspace.id, stage.id);
    await handle.db.insert(themes).values([
      { workspaceId: workspace.id, name: "Delivery", keywords: { en: ["late", "delivery"] } },
      { workspaceId: workspace.id, name: "Prices", keywords: { en: ["price", "prices"] } },
    ]);
    // an existing customer with a segment and orders (whose NPS category the import changes), and
    // an existing staged item the import updates
    const known = await createCustomer(handle.db, workspace.id, {
      externalId: "k1",
      segmentId: segment.id,
      region: "N",
    });
    await createOrder(handle.db, workspace.id, known.id, {
      amount: "40.00",
      orderedAt: new Date("2024-04-01T00:00:00Z"),
    });
    await createFeedback(handle.db, workspace.id, {
      externalId: "s1",
      customerId: known.id,
      stageId: stage.id,
      touchpointId: touchpoint.id,
      score: 10,
      receivedAt: new Date("2024-04-02T00:00:00Z"),
    });
    await analyseFeedback(handle.db, workspace.id);

    const first = await runImport(
      handle.db,
      actor,
      file("first.csv", [
        "s1,k1,survey,nps,2,The delivery was late and nobody called,2024-05-01T10:00:00Z",
        "s2,k1,survey,nps,9,,2024-05-02T10:00:00Z",
        `r1,n1,review,rating,5,${REVIEW},2024-05-03T10:00:00Z`,
        `r2,n2,review,rating,5,${REVIEW},2024-05-03T10:01:00Z`,
        `r3,n3,review,rating,5,${REVIEW},2024-05-03T10:02:00Z`,
        "r4,,review,rating,1,,2024-05-04T10:00:00.123456Z",
        "c1,n1,complaint,none,,Prices went up again,2024-05-05T10:00:00Z",
      ]),
      { skipInvalid: false, batchSize: 3 },
    );
    expect(first).toMatchObject({ inserted: 6, updated: 1, unchanged: 0 });
    await expectRollupsAsRebuilt(workspace.id);

    const imported = await analysisOf(workspace.id);
    const flags = imported.filter((row) => (row as { flags: string[] | null }).flags !== null);
    expect(flags.length).toBeGreaterThanOrEqual(3);
    await analyseFeedback(handle.db, workspace.id, { all: true, screen: false });
    await screenFeedback(handle.db, workspace.id);
    expect(await analysisOf(workspace.id)).toEqual(imported);

    // again with changes: one score, one text, one unchanged; then undo both
    const second = await runImport(
      handle.db,
      actor,
      file("second.csv", [
        "s2,k1,survey,nps,3,,2024-05-02T10:00:00Z",
        `r1,n1,review,rating,4,${REVIEW},2024-05-03T10:00:00Z`,
        "c1,n1,complaint,none,,Prices went up again and delivery was late,2024-05-05T10:00:00Z",
      ]),
      { skipInvalid: false },
    );
    expect(second).toMatchObject({ inserted: 0, updated: 3, unchanged: 0 });
    await expectRollupsAsRebuilt(workspace.id);
    const [c1] = await handle.db.select({ text: feedback.text }).from(feedback).where(eq(feedback.externalId, "c1"));
    expect(c1!.text).toBe("Prices went up again and delivery was late");

    await undoImport(handle.db, actor, second.importId);
    await undoImport(handle.db, actor, first.importId);
    await expectRollupsAsRebuilt(workspace.id);
    const left = await queryRows<{ external_id: string; score: number }>(
      handle.db,
      sql`SELECT external_id, score FROM feedback WHERE workspace_id = ${workspace.id} ORDER BY 1`,
    );
    expect(left).toEqual([{ external_id: "s1", score: 10 }]);
  });

  it("leaves a rebuild mark that was there before the import", async () => {
    const workspace = await createWorkspace(handle.db);
    await handle.db.execute(sql`INSERT INTO rollup_dirty (workspace_id) VALUES (${workspace.id})`);
    await runImport(
      handle.db,
      { workspaceId: workspace.id, userId: null },
      file("one.csv", ["x1,,survey,csat,4,Fine,2024-05-01T10:00:00Z"]),
      { skipInvalid: false },
    );
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM rollup_dirty WHERE workspace_id = ${workspace.id}`,
    );
    expect(row!.n).toBe(1);
    await handle.db.execute(sql`DELETE FROM rollup_dirty WHERE workspace_id = ${workspace.id}`);
  });
});
