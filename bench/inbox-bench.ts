// `npm run bench:inbox -- [--feedback N] [--orders N] [--customers N] [--runs N] [--pg URL]`
//   or `… -- --existing postgres://…/db [--runs N]` to time an already seeded (and analysed) database.
// Times the feedback inbox as a CX manager uses it: the first page for each single filter and
// each order, page 100 through the cursor, free-text search for a rare and a common word, and a
// bulk triage of 1,000 items; p50/p95 against the budgets, as JSON and a table, with engine and size.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import { listFeedbackInput, type ListFeedbackInput } from "../server/domain/feedback/list";
import { listFeedback } from "../server/services/feedback";
import { bulkTriage, type TriageActor } from "../server/services/triage";
import { openSeededBench, runBench, timeCase } from "./target";

/** p95 budgets in ms (the issue's: PostgreSQL at 10M rows, PGlite at 1M); null: reported only. */
const BUDGETS = {
  firstPage: { postgres: 30, pglite: 100 },
  page100: { postgres: 30, pglite: 100 },
  rareSearch: { postgres: 150, pglite: 800 },
  commonSearch: { postgres: 300, pglite: 800 },
  bulk1000: { postgres: 1000, pglite: null },
} as const;

async function scalar<T>(db: Db, query: ReturnType<typeof sql>): Promise<T | undefined> {
  const [row] = await queryRows<{ v: T }>(db, query);
  return row?.v;
}

async function main(): Promise<number> {
  const bench = await openSeededBench("touchpoint_inbox_bench_", {
    feedback: 1_000_000,
    orders: 1_000_000,
    customers: 50_000,
    runs: 30,
  });
  const { handle, runs } = bench;
  const db = handle.db;
  try {
    const feedbackRows = (await scalar<number>(db, sql`SELECT count(*)::int AS v FROM feedback`)) ?? 0;

    // the largest workspace, as its CX manager
    const [ws] = await queryRows<{ id: number; userId: number }>(
      db,
      sql`SELECT m.workspace_id AS id, m.user_id AS "userId" FROM memberships m
        WHERE m.role = 'cx_manager'
        ORDER BY (SELECT count(*) FROM customers c WHERE c.workspace_id = m.workspace_id) DESC LIMIT 1`,
    );
    if (!ws) throw new Error("No CX manager in the database: seed it first.");
    const pending = await scalar<number>(
      db,
      sql`SELECT count(*)::int AS v FROM feedback WHERE workspace_id = ${ws.id} AND analysed_at IS NULL`,
    );
    if (pending) throw new Error(`${pending} items are not analysed yet (no search words): run npm run analyse first.`);
    const actor: TriageActor = { userId: ws.userId, workspaceId: ws.id, role: "cx_manager" };
    const some = async (query: ReturnType<typeof sql>) => (await scalar<number>(db, query)) ?? 0;
    const segment = await some(sql`SELECT id AS v FROM segments WHERE workspace_id = ${ws.id} ORDER BY id LIMIT 1`);
    const stage = await some(sql`SELECT id AS v FROM journey_stages WHERE workspace_id = ${ws.id} ORDER BY id LIMIT 1`);
    const touchpoint = await some(
      sql`SELECT id AS v FROM touchpoints WHERE workspace_id = ${ws.id} ORDER BY id LIMIT 1`,
    );
    const theme = await some(sql`SELECT id AS v FROM themes WHERE workspace_id = ${ws.id} ORDER BY id LIMIT 1`);
    const team = await some(sql`SELECT id AS v FROM teams WHERE workspace_id = ${ws.id} ORDER BY id LIMIT 1`);
    const assignee = await some(
      sql`SELECT assignee_id AS v FROM feedback WHERE workspace_id = ${ws.id} AND assignee_id IS NOT NULL LIMIT 1`,
    );
    // words of a sample of comments: the rarest and the most common (in the sample)
    const words = await queryRows<{ term: string; n: number }>(
      db,
      sql`SELECT term, count(*)::int AS n FROM (
          SELECT unnest(search_terms) AS term FROM feedback WHERE workspace_id = ${ws.id} ORDER BY id DESC LIMIT 20000) t
        WHERE length(term) >= 4 GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const common = words[0]?.term ?? "service";
    const rare = words.at(-1)?.term ?? "zeppelin";
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

    const page = (input: Partial<ListFeedbackInput>) => () =>
      listFeedback(db, actor, listFeedbackInput.parse({ limit: 50, ...input }));
    type Case = { name: string; budget: keyof typeof BUDGETS; run: () => Promise<unknown> };
    const cases: Case[] = [
      ["no filter", {}],
      ["status new", { status: "new" }],
      ["priority urgent", { priority: "urgent" }],
      ["source review", { source: "review" }],
      ["channel web", { channel: "web" }],
      ["one segment", { segmentIds: [segment] }],
      ["one stage", { stageId: stage }],
      ["one touchpoint", { touchpointId: touchpoint }],
      ["metric kind csat", { metricKind: "csat" }],
      ["NPS detractors", { metricKind: "nps", npsCategory: "detractor" }],
      ["score 0-3", { scoreMin: 0, scoreMax: 3 }],
      ["sentiment negative", { sentiment: "negative" }],
      ["one theme", { themeId: theme }],
      ["language he", { language: "he" }],
      ["one assignee", { assigneeId: assignee }],
      ["one team", { teamId: team }],
      ["last 30 days", { from: monthAgo, to: today }],
      ["overdue", { overdue: true }],
      ["suspicious", { suspicious: true }],
      ["not suspicious", { suspicious: false }],
      ["order: priority", { sort: "priority" }],
      ["order: most negative", { sort: "negative" }],
    ].map(([name, input]) => ({
      name: `first page, ${name as string}`,
      budget: "firstPage" as const,
      run: page(input as Partial<ListFeedbackInput>),
    }));

    // page 100 of the newest-first list, fetched through the cursor of page 99
    let cursor: string | null = null;
    for (let i = 0; i < 99; i++) {
      const result = await listFeedback(db, actor, listFeedbackInput.parse({ limit: 50, cursor }));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    if (cursor) cases.push({ name: "page 100 via cursor", budget: "page100", run: page({ cursor }) });
    cases.push({ name: `search, rare word "${rare}"`, budget: "rareSearch", run: page({ q: rare }) });
    cases.push({ name: `search, common word "${common}"`, budget: "commonSearch", run: page({ q: common }) });

    // 1,000 open items, their priority toggled between low and normal on every run
    const bulkIds = (
      await queryRows<{ id: number }>(
        db,
        sql`SELECT id FROM feedback WHERE workspace_id = ${ws.id} AND status IN ('triaged', 'in_progress')
          ORDER BY id DESC LIMIT 1000`,
      )
    ).map((r) => r.id);
    let toggle = 0;
    if (bulkIds.length === 1000) {
      cases.push({
        name: "bulk set priority, 1,000 items",
        budget: "bulk1000",
        run: () =>
          bulkTriage(db, actor, {
            ids: bulkIds,
            command: { type: "setPriority", priority: toggle++ % 2 === 0 ? "low" : "normal" },
          }),
      });
    }

    const results = [];
    for (const c of cases) {
      const runsOf = c.budget === "bulk1000" ? Math.min(runs, 10) : runs;
      results.push(await timeCase(c.name, c.run, runsOf, BUDGETS[c.budget][handle.engine], 2));
    }
    console.log(JSON.stringify({ engine: handle.engine, feedback: feedbackRows, results }));
    console.log(`\n${handle.engine}: ${feedbackRows} feedback items; workspace ${ws.id} as its CX manager`);
    console.table(results);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await bench.close();
  }
}

runBench("bench:inbox", main);
