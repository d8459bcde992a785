import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openMemoryPglite, openPostgres, queryRows, type Db, type DbHandle } from "../client";
import { customers } from "../schema";
import { createTestDb } from "../test-db";
import { testEngine, testServerUrl } from "../test-engine";
import { DEMO_USERS, DEMO_WORKSPACES } from "./demo-users";
import { resetDatabase } from "./reset";
import { analyseFeedback } from "../text-analysis";
import { CAMPAIGN_SIZE, CAMPAIGN_TEXT } from "./reviews";
import { SEEDED_TABLES, isDatabaseEmpty, seedDemo, type SeedOptions, type SeedSummary } from "./seed";
import { createThrowawayDatabase } from "../throwaway-db";

const OPTIONS: SeedOptions = { seed: 42, now: new Date("2025-06-15T00:00:00Z"), scale: 0.05, batchSize: 700 };

/** Aggregates that change if any generated value changes; timestamps as epochs (no time-zone output). */
async function fingerprint(db: Db): Promise<Record<string, unknown>> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT
      (SELECT count(*) FROM customers)::int AS customers,
      (SELECT count(*) FROM customers WHERE churned_at IS NOT NULL)::int AS churned,
      (SELECT md5(string_agg(concat_ws(',', id, external_id, name, email, segment_id, region, preferred_channel,
          extract(epoch FROM created_at), extract(epoch FROM churned_at)), '|' ORDER BY id)) FROM customers) AS customers_md5,
      (SELECT count(*) FROM orders)::int AS orders,
      (SELECT sum(amount)::text FROM orders) AS revenue,
      (SELECT md5(string_agg(concat_ws(',', id, customer_id, kind, amount, currency, channel,
          extract(epoch FROM ordered_at)), '|' ORDER BY id)) FROM orders) AS orders_md5,
      (SELECT count(*) FROM feedback)::int AS feedback,
      (SELECT sum(score)::int FROM feedback) AS score_sum,
      (SELECT sum(sentiment::numeric)::text FROM feedback) AS sentiment_sum,
      (SELECT md5(string_agg(concat_ws(',', id, customer_id, source, external_id, channel, stage_id, touchpoint_id,
          metric_kind, score, text, language, sentiment_label, status, priority, assignee_id, team_id,
          extract(epoch FROM received_at), extract(epoch FROM resolved_at), dismiss_reason), '|' ORDER BY id)) FROM feedback) AS feedback_md5,
      (SELECT md5(string_agg(feedback_id || ':' || theme_id, '|' ORDER BY feedback_id, theme_id)) FROM feedback_themes) AS links_md5,
      (SELECT md5(string_agg(concat_ws(',', kpi, scope, target_value, period_start, review_date), '|' ORDER BY id)) FROM kpi_targets) AS targets_md5`,
  );
  return row ?? {};
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SEEDED_TABLES) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM "${table}"`));
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

describe(`seedDemo (${testEngine()})`, () => {
  let handle: DbHandle;
  let summary: SeedSummary;
  beforeAll(async () => {
    handle = await createTestDb();
    summary = await seedDemo(handle.db, OPTIONS);
  });
  afterAll(() => handle?.close());

  it("fills every table and reports the counts it wrote", async () => {
    const counts = await tableCounts(handle.db);
    for (const table of SEEDED_TABLES) expect(counts[table], table).toBeGreaterThan(0);
    expect(counts).toEqual(summary.counts);
    expect(summary.counts.customers).toBe(250);
    expect(summary.counts.orders).toBe(3_000);
    expect(summary.counts.feedback).toBe(2_000);
  });

  it("populates both workspaces with different figures", async () => {
    const rows = await queryRows<{ slug: string; customers: number; feedback: number; revenue: string }>(
      handle.db,
      sql`SELECT w.slug,
        (SELECT count(*) FROM customers c WHERE c.workspace_id = w.id)::int AS customers,
        (SELECT count(*) FROM feedback f WHERE f.workspace_id = w.id)::int AS feedback,
        (SELECT coalesce(sum(amount), 0)::text FROM orders o WHERE o.workspace_id = w.id) AS revenue
      FROM workspaces w ORDER BY w.id`,
    );
    expect(rows.map((r) => r.slug)).toEqual(DEMO_WORKSPACES.map((w) => w.slug));
    const [first, second] = rows;
    expect(second!.customers).toBeGreaterThan(0);
    expect(first!.customers).not.toBe(second!.customers);
    expect(first!.feedback).not.toBe(second!.feedback);
    expect(first!.revenue).not.toBe(second!.revenue);
  });

  it("screens the reviews: the planted campaign is flagged, and few honest reviews are", async () => {
    const flags = await queryRows<{ workspaceId: number; code: string; n: number }>(
      handle.db,
      sql`SELECT f.workspace_id AS "workspaceId", ff.code::text AS code, count(*)::int AS n
        FROM feedback_flags ff JOIN feedback f ON f.id = ff.feedback_id
        WHERE f.text = ${CAMPAIGN_TEXT} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const workspaceIds = [...new Set(flags.map((f) => f.workspaceId))];
    expect(workspaceIds).toHaveLength(DEMO_WORKSPACES.length);
    expect(flags).toEqual(
      workspaceIds.flatMap((workspaceId) =>
        ["burst", "duplicate_text", "unverified_review"].map((code) => ({ workspaceId, code, n: CAMPAIGN_SIZE })),
      ),
    );
    const [share] = await queryRows<{ flagged: number; reviews: number }>(
      handle.db,
      sql`SELECT count(*) FILTER (WHERE suspicious)::int AS flagged, count(*)::int AS reviews FROM feedback
        WHERE source = 'review' AND text IS DISTINCT FROM ${CAMPAIGN_TEXT}`,
    );
    expect(share!.flagged / share!.reviews).toBeLessThan(0.1);
  });

  it("writes every item analysed, as the stored-row analysis leaves it", async () => {
    // the columns and links the text analysis sets: written by the seed before the insert, then
    // recomputed from the stored rows by analyseFeedback, they must not change
    const snapshot = () =>
      queryRows<Record<string, unknown>>(
        handle.db,
        sql`SELECT
          (SELECT count(*) FROM feedback WHERE analysed_at IS NULL)::int AS unanalysed,
          (SELECT md5(string_agg(concat_ws(',', id, language, sentiment, sentiment_label, sentiment_source,
            array_to_string(search_terms, ' '), text_key, priority, extract(epoch FROM due_at)), '|' ORDER BY id)) FROM feedback) AS items,
          (SELECT md5(string_agg(feedback_id || ':' || theme_id || ':' || origin, '|' ORDER BY feedback_id, theme_id)) FROM feedback_themes) AS links,
          (SELECT count(*) FROM feedback_themes)::int AS link_count`,
      );
    const [before] = await snapshot();
    expect(before!.unanalysed).toBe(0);
    expect(before!.link_count).toBeGreaterThan(0);
    const workspaces = await queryRows<{ id: number }>(handle.db, sql`SELECT id FROM workspaces ORDER BY id`);
    for (const ws of workspaces) {
      await analyseFeedback(handle.db, ws.id, { all: true, now: OPTIONS.now, screen: false });
    }
    expect((await snapshot())[0]).toEqual(before);
    // the closed loop ran on the new items: no open detractor is left at normal priority
    const [loop] = await queryRows<{ normal: number; raised: number }>(
      handle.db,
      sql`SELECT count(*) FILTER (WHERE priority = 'normal')::int AS normal,
        count(*) FILTER (WHERE priority IN ('high', 'urgent') AND due_at IS NOT NULL)::int AS raised
        FROM feedback WHERE status = 'new' AND metric_kind = 'nps' AND score <= 6`,
    );
    expect(loop!.normal).toBe(0);
    expect(loop!.raised).toBeGreaterThan(0);
  });

  it("makes every demo user a member of every demo workspace with their role", async () => {
    const rows = await queryRows<{ email: string; slug: string; role: string }>(
      handle.db,
      sql`SELECT u.email, w.slug, m.role::text AS role FROM memberships m
        JOIN users u ON u.id = m.user_id JOIN workspaces w ON w.id = m.workspace_id`,
    );
    for (const user of DEMO_USERS) {
      for (const ws of DEMO_WORKSPACES) {
        expect(rows).toContainEqual({ email: user.email, slug: ws.slug, role: user.role });
      }
    }
    const [team] = await queryRows<{ teams: number }>(
      handle.db,
      sql`SELECT count(*)::int AS teams FROM team_members tm JOIN users u ON u.id = tm.user_id
        WHERE u.email = ${DEMO_USERS.find((u) => u.role === "team_member")!.email}`,
    );
    expect(team?.teams).toBe(DEMO_WORKSPACES.length);
  });

  it("moves identity sequences past the explicit ids", async () => {
    const [ws] = await queryRows<{ id: number }>(handle.db, sql`SELECT min(id)::int AS id FROM workspaces`);
    const [row] = await handle.db
      .insert(customers)
      .values({ workspaceId: ws!.id, externalId: "C-after-seed" })
      .returning({ id: customers.id });
    expect(row!.id).toBeGreaterThan(summary.counts.customers);
  });

  it("refuses a database that already has workspaces", async () => {
    expect(await isDatabaseEmpty(handle.db)).toBe(false);
    await expect(seedDemo(handle.db, OPTIONS)).rejects.toThrow(/already has workspaces/);
  });

  it("gives the same data again after a reset and in a fresh database", async () => {
    await resetDatabase(handle.db);
    expect(await isDatabaseEmpty(handle.db)).toBe(true);
    await seedDemo(handle.db, OPTIONS);
    const again = await fingerprint(handle.db);

    const fresh = await createTestDb();
    try {
      await seedDemo(fresh.db, OPTIONS);
      expect(await fingerprint(fresh.db)).toEqual(again);
    } finally {
      await fresh.close();
    }
  });
});

// Cross-engine check: identical rows on PGlite and on a PostgreSQL server, when one is configured.
const serverUrl = process.env.DATABASE_URL || (testEngine() === "postgres" ? testServerUrl() : undefined);

describe.runIf(serverUrl)("seedDemo on PGlite and PostgreSQL", () => {
  it("writes identical data on both engines", async () => {
    const pglite = await openMemoryPglite();
    const database = await createThrowawayDatabase(serverUrl!, "touchpoint_seed_");
    let server: DbHandle | undefined;
    try {
      await migrateDatabase(pglite);
      server = await openPostgres(database.url);
      await migrateDatabase(server);
      await seedDemo(pglite.db, OPTIONS);
      await seedDemo(server.db, OPTIONS);
      expect(await fingerprint(server.db)).toEqual(await fingerprint(pglite.db));
    } finally {
      await server?.close();
      await database.drop();
      await pglite.close();
    }
  });
});
