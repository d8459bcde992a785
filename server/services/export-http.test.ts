import { gunzipSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createAction, createCustomer, createFeedback, createSegment, createTeam } from "@/db/factories";
import { feedback, teamMembers, users, workspaces } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { callerFor, contextFor, createRoleFixture } from "../api/testing/callers";
import { parseCsv } from "../domain/text/csv";
import {
  type ExportRequestContext,
  archiveExportResponse,
  archiveImportResponse,
  listExportResponse,
} from "./export-http";

let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;
let other: Awaited<ReturnType<typeof createRoleFixture>>;
let teamId: number;
const TRICKY = [
  '=HYPERLINK("http://evil","click")',
  "Line one\nline two, with a comma",
  "שלום עולם 你好 🙂",
  "-2+3",
  '"quoted"',
];
/** More items than one export page (500), so the export follows the list's cursor. */
const ITEMS = 1_150;

async function ctxFor(
  user: { id: number; email: string; name: string } | null,
  workspaceId?: number,
): Promise<ExportRequestContext> {
  const { db, user: who, membership } = await contextFor(handle.db, user, workspaceId);
  return { db, user: who, membership };
}

/** The response's CSV: the BOM checked and dropped, then the header and the records. */
async function readCsv(response: Response): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parseCsv(new TextDecoder().decode(bytes.subarray(3)));
  return {
    header: header!,
    rows: records.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i] ?? ""]))),
  };
}

const url = (path: string) => new URL(`http://localhost${path}`);

beforeAll(async () => {
  handle = await createTestDb();
  const db = handle.db;
  fixture = await createRoleFixture(db, "Export");
  other = await createRoleFixture(db, "Elsewhere");
  teamId = (await createTeam(db, fixture.workspace.id, { name: "Service" })).id;
  await db.insert(teamMembers).values({ teamId, userId: fixture.users.team_member.id });
  const start = Date.parse("2026-01-01T00:00:00Z");
  await db.insert(feedback).values(
    Array.from({ length: ITEMS }, (_, i) => ({
      workspaceId: fixture.workspace.id,
      source: "survey" as const,
      externalId: `S-${i}`,
      metricKind: "nps" as const,
      score: i % 11,
      text: TRICKY[i % TRICKY.length],
      // pairs share a timestamp: the cursor must not skip or repeat either
      receivedAt: new Date(start + Math.floor(i / 2) * 60_000),
      status: i % 3 === 0 ? ("triaged" as const) : ("new" as const),
      teamId: i % 10 === 0 ? teamId : null,
    })),
  );
  await createFeedback(db, other.workspace.id, { text: "Elsewhere's secret" });
  const segment = await createSegment(db, fixture.workspace.id, { name: "Enterprise" });
  await createCustomer(db, fixture.workspace.id, {
    externalId: "C-ADA",
    name: "Ada Lovelace",
    email: "ada@example.com",
    segmentId: segment.id,
  });
  await createCustomer(db, fixture.workspace.id, { externalId: "C-BOB", name: "Bob", email: "bob@example.com" });
  await createCustomer(db, other.workspace.id, { externalId: "C-ADA-ELSEWHERE", name: "Ada Elsewhere" });
  await createAction(db, fixture.workspace.id, { title: "+Fix the checkout", kpi: "nps", ownerTeamId: teamId });
  await createAction(db, fixture.workspace.id, { title: "Train the call centre", kpi: "csat" });
}, 120_000);
afterAll(() => handle?.close());

describe(`CSV exports of the lists (${testEngine()})`, () => {
  it("exports the inbox as filtered, every page of it in the list's order, cells escaped", async () => {
    const ctx = await ctxFor(fixture.users.cx_manager, fixture.workspace.id);
    const { header, rows } = await readCsv(
      listExportResponse(ctx, "feedback", url("/api/export/feedback?status=new&sort=newest")),
    );
    expect(header.slice(0, 4)).toEqual(["id", "received_at", "source", "external_id"]);

    const caller = await callerFor(handle.db, fixture.users.cx_manager, fixture.workspace.id);
    const listed: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.feedback.list>> = await caller.feedback.list({
        status: "new",
        limit: 100,
        cursor,
      });
      listed.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(rows.map((row) => Number(row.id))).toEqual(listed);
    expect(listed.length).toBe(ITEMS - Math.ceil(ITEMS / 3));
    expect(new Set(rows.map((row) => row.text))).toEqual(
      new Set([
        '\'=HYPERLINK("http://evil","click")',
        "Line one\nline two, with a comma",
        "שלום עולם 你好 🙂",
        "'-2+3",
        '"quoted"',
      ]),
    );
    expect(rows.every((row) => row.status === "new" && row.received_at!.endsWith("Z"))).toBe(true);
  });

  it("exports what a team member may read of the inbox, and the same order as the list for another sort", async () => {
    const ctx = await ctxFor(fixture.users.team_member, fixture.workspace.id);
    const { rows } = await readCsv(listExportResponse(ctx, "feedback", url("/api/export/feedback?sort=priority")));
    expect(rows.length).toBe(Math.ceil(ITEMS / 10));
    expect(rows.every((row) => row.team === "Service")).toBe(true);
  });

  it("exports the customers as searched and filtered by segment, with e-mail", async () => {
    const ctx = await ctxFor(fixture.users.executive, fixture.workspace.id);
    const all = await readCsv(listExportResponse(ctx, "customers", url("/api/export/customers")));
    expect(all.rows.map((row) => row.external_id).sort()).toEqual(["C-ADA", "C-BOB"]);
    const ada = await readCsv(
      listExportResponse(ctx, "customers", url("/api/export/customers?q=ada&segment=" + "none")),
    );
    expect(ada.rows).toEqual([]);
    const searched = await readCsv(listExportResponse(ctx, "customers", url("/api/export/customers?q=lovelace")));
    expect(searched.rows).toEqual([
      expect.objectContaining({ external_id: "C-ADA", email: "ada@example.com", segment: "Enterprise" }),
    ]);
  });

  it("exports the actions one sees, My actions with mine=true, titles guarded", async () => {
    const manager = await ctxFor(fixture.users.cx_manager, fixture.workspace.id);
    const all = await readCsv(listExportResponse(manager, "actions", url("/api/export/actions")));
    expect(all.rows.map((row) => row.title).sort()).toEqual(["'+Fix the checkout", "Train the call centre"]);
    const member = await ctxFor(fixture.users.team_member, fixture.workspace.id);
    const mine = await readCsv(listExportResponse(member, "actions", url("/api/export/actions?mine=true")));
    expect(mine.rows).toEqual([expect.objectContaining({ title: "'+Fix the checkout", owner_team: "Service" })]);
  });

  it("refuses without a session, a role without the list's permission, and a member of no workspace", async () => {
    const anonymous = listExportResponse(await ctxFor(null), "feedback", url("/api/export/feedback"));
    expect(anonymous.status).toBe(401);
    const member = listExportResponse(
      await ctxFor(fixture.users.team_member, fixture.workspace.id),
      "customers",
      url("/api/export/customers"),
    );
    expect(member.status).toBe(403);
    expect(await member.json()).toEqual({ error: "Your role (team_member) does not allow customers.read." });
    const [loner] = await handle.db
      .insert(users)
      .values({ email: "loner@example.com", name: "Loner", passwordHash: "x" })
      .returning();
    const nowhere = listExportResponse(
      await ctxFor(loner!, fixture.workspace.id),
      "feedback",
      url("/api/export/feedback"),
    );
    expect(nowhere.status).toBe(403);
  });

  it("gives a user of another workspace only their own workspace's rows, whatever workspace they claim", async () => {
    const ctx = await ctxFor(other.users.admin, fixture.workspace.id);
    const { rows } = await readCsv(listExportResponse(ctx, "feedback", url("/api/export/feedback")));
    expect(rows.map((row) => row.text)).toEqual(["Elsewhere's secret"]);
    const customers = await readCsv(listExportResponse(ctx, "customers", url("/api/export/customers?q=ada")));
    expect(customers.rows.map((row) => row.external_id)).toEqual(["C-ADA-ELSEWHERE"]);
  });

  it("refuses filters it cannot read, saying which", async () => {
    const ctx = await ctxFor(fixture.users.admin, fixture.workspace.id);
    const bad = async (path: string) => {
      const response = listExportResponse(ctx, path.split("?")[0]!.split("/").at(-1) as "feedback", url(path));
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: string }).error;
    };
    expect(await bad("/api/export/feedback?status=lost")).toMatch(
      /^These filters cannot be exported: status "lost": use one of new/,
    );
    expect(await bad("/api/export/customers?segment=vip")).toMatch(/segment: give a segment's id, or none/);
    expect(await bad("/api/export/actions?status=finished")).toMatch(/^These filters cannot be exported: statuses\.0:/);
  });
});

describe(`workspace archive routes (${testEngine()})`, () => {
  let archive: Uint8Array;

  it("downloads the admin's workspace as a .tar.gz, and nothing for other roles", async () => {
    const denied = await archiveExportResponse(
      await ctxFor(fixture.users.cx_manager, fixture.workspace.id),
      handle.engine,
    );
    expect(denied.status).toBe(403);
    const response = await archiveExportResponse(
      await ctxFor(fixture.users.admin, fixture.workspace.id),
      handle.engine,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="touchpoint-archive-ws-\d+-\d{4}-\d{2}-\d{2}\.tar\.gz"$/,
    );
    archive = new Uint8Array(await response.arrayBuffer());
    const text = gunzipSync(archive).toString("utf8");
    expect(text).toContain('"slug": "' + fixture.workspace.slug + '"');
    expect(text).not.toContain("Elsewhere's secret");
  });

  const post = async (ctx: ExportRequestContext, query: string, body: Uint8Array | string) =>
    archiveImportResponse(
      ctx,
      new Request(`http://localhost/api/export/archive?${query}`, {
        method: "POST",
        body: typeof body === "string" ? body : new Blob([new Uint8Array(body)]),
      }),
    );

  it("imports an upload into a new workspace whose admin the uploader becomes", async () => {
    const ctx = await ctxFor(fixture.users.admin, fixture.workspace.id);
    const response = await post(ctx, "target=new&slug=export-copy&name=Export%20copy", archive);
    expect(response.status).toBe(200);
    const report = (await response.json()) as { workspace: { id: number; name: string }; rows: Record<string, number> };
    expect(report.workspace.name).toBe("Export copy");
    expect(report.rows.feedback).toBe(ITEMS);
    const copy = await callerFor(handle.db, fixture.users.admin, report.workspace.id);
    expect((await copy.workspace.current()).current).toMatchObject({ workspaceId: report.workspace.id, role: "admin" });
  });

  it("answers why an import cannot happen, and writes nothing", async () => {
    const ctx = await ctxFor(fixture.users.admin, fixture.workspace.id);
    const notEmpty = await post(ctx, "target=current", archive);
    expect(notEmpty.status).toBe(409);
    expect(((await notEmpty.json()) as { error: string }).error).toMatch(/is not empty/);
    const badSlug = await post(ctx, "target=new&slug=Not%20A%20Slug", archive);
    expect(badSlug.status).toBe(400);
    expect(((await badSlug.json()) as { error: string }).error).toMatch(/lowercase letters, digits and hyphens/);
    const noTarget = await post(ctx, "", archive);
    expect(noTarget.status).toBe(400);
    const garbage = await post(ctx, "target=new&slug=garbage", "not an archive");
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { error: string }).error).toMatch(/not a gzip-compressed Touchpoint archive/);
    const manager = await post(
      await ctxFor(fixture.users.cx_manager, fixture.workspace.id),
      "target=new&slug=nope",
      archive,
    );
    expect(manager.status).toBe(403);
    const created = await handle.db
      .select({ slug: workspaces.slug })
      .from(workspaces)
      .where(and(eq(workspaces.slug, "garbage")));
    expect(created).toEqual([]);
  });
});
