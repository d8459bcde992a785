import { Writable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { queryRows } from "@/db/client";
import { createUser, createWorkspace } from "@/db/factories";
import {
  actionComments,
  actions,
  apiKeys,
  auditEvents,
  customers,
  feedback,
  feedbackComments,
  importChanges,
  importMappings,
  imports,
  memberships,
  orders,
  users,
  workspaces,
} from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { callerFor } from "../api/testing/callers";
import {
  ARCHIVE_EXCLUDED,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_TABLES,
  type ArchiveManifest,
} from "../domain/export/archive";
import { readTar, tarEnd, tarEntry } from "../domain/export/tar";
import { verifyPassword } from "../auth/password";
import { AppError } from "../errors";
import { writeWorkspaceArchive } from "./archive-export";
import { importWorkspaceArchive } from "./archive-import";
import { appliedMigrationTags, archivedColumns } from "./archive-schema";
import { canonicalWorkspace } from "./archive-testing";

let handle: DbHandle;
let db: DbHandle["db"];
let sourceId: number;
let adminId: number;
let archive: Buffer;
let copyId: number;

/** An archive's bytes as an upload delivers them: in uneven chunks that split headers and lines. */
async function* chunks(bytes: Uint8Array, size = 9_973): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

async function exportToBuffer(workspaceId: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  await writeWorkspaceArchive(db, { workspaceId, actorId: adminId }, sink);
  return Buffer.concat(parts);
}

async function countRows(): Promise<string> {
  const [row] = await queryRows<{ counts: string }>(
    db,
    sql`SELECT concat_ws(',', (SELECT count(*) FROM workspaces), (SELECT count(*) FROM users), (SELECT count(*) FROM customers),
      (SELECT count(*) FROM feedback), (SELECT count(*) FROM orders), (SELECT count(*) FROM audit_events)) AS counts`,
  );
  return row!.counts;
}

async function importError(bytes: Uint8Array, target: Parameters<typeof importWorkspaceArchive>[2]): Promise<AppError> {
  const error = await importWorkspaceArchive(db, chunks(bytes), target, { actorId: adminId }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Rows the demo seed leaves out: comments, a departed user, an undoable import, audit events, secrets. */
async function addTheRest(workspaceId: number) {
  const [item] = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(eq(feedback.workspaceId, workspaceId))
    .limit(1);
  const [action] = await db
    .select({ id: actions.id })
    .from(actions)
    .where(eq(actions.workspaceId, workspaceId))
    .limit(1);
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .limit(1);
  const [customerOrder] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.workspaceId, workspaceId))
    .limit(1);
  const departed = await createUser(db, workspaceId, "team_member", { name: "Dana Departed" });
  await db.update(feedback).set({ assigneeId: departed.id }).where(eq(feedback.id, item!.id));
  await db.insert(feedbackComments).values([
    {
      workspaceId,
      feedbackId: item!.id,
      authorId: departed.id,
      body: 'Called back: "fixed", said שלום, 好的 🙂\nline two',
    },
    { workspaceId, feedbackId: item!.id, authorId: adminId, body: '=HYPERLINK("x"), a formula-looking note' },
  ]);
  await db
    .delete(memberships)
    .where(and(eq(memberships.userId, departed.id), eq(memberships.workspaceId, workspaceId)));
  await db.insert(actionComments).values({ workspaceId, actionId: action!.id, authorId: adminId, body: "On it." });
  await db.insert(orders).values([
    {
      workspaceId,
      customerId: customer!.id,
      externalId: "BIG-1",
      amount: "123456789012.34",
      orderedAt: new Date("2025-01-02T03:04:05.123Z"),
    },
    {
      workspaceId,
      customerId: customer!.id,
      externalId: "REF-1",
      kind: "refund",
      amount: "-0.01",
      orderedAt: new Date(),
    },
  ]);
  const [run] = await db
    .insert(imports)
    .values({
      workspaceId,
      entity: "customer",
      fileName: "crm.csv",
      mapping: { columns: { externalId: "id" } },
      status: "done",
      createdBy: adminId,
    })
    .returning({ id: imports.id });
  const [before] = await queryRows<{ row: unknown }>(
    db,
    sql`SELECT to_jsonb(c) AS row FROM customers c WHERE id = ${customer!.id}`,
  );
  await db.insert(importChanges).values([
    { importId: run!.id, entity: "customer", rowId: customer!.id, before: before!.row },
    { importId: run!.id, entity: "order", rowId: customerOrder!.id },
    // a row deleted since (its import was undone): no row of the archive has this id
    { importId: run!.id, entity: "feedback", rowId: 2_000_000_000 },
  ]);
  await db.insert(auditEvents).values([
    {
      workspaceId,
      actorId: adminId,
      action: "feedback.setStatus",
      entityType: "feedback",
      entityId: String(item!.id),
      after: { status: "triaged" },
    },
    {
      workspaceId,
      actorId: departed.id,
      action: "workspace.update",
      entityType: "workspace",
      entityId: String(workspaceId),
    },
    { workspaceId, actorId: adminId, action: "apiKeys.revoke", entityType: "api_key", entityId: "77" },
  ]);
  await db.insert(importMappings).values({
    workspaceId,
    entity: "customer",
    name: "CRM export",
    mapping: { columns: { externalId: "id", email: "mail" } },
    createdBy: departed.id,
  });
  await db
    .insert(apiKeys)
    .values({ workspaceId, name: "CRM", scope: "ingest", prefix: "abcd1234", secretHash: "f".repeat(64) });
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  await seedDemo(db, { customers: 240, orders: 1_200, feedback: 900, seed: 11 });
  const [source] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, "northwind"));
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@touchpoint.demo"));
  sourceId = source!.id;
  adminId = admin!.id;
  await addTheRest(sourceId);
}, 240_000);
afterAll(() => handle?.close());

describe(`workspace archive (${testEngine()})`, () => {
  it("carries every workspace table, or says why it leaves one out, and every reference the schema declares", async () => {
    const archived = new Set(ARCHIVE_TABLES.map((spec) => spec.name));
    const scoped = await queryRows<{ table: string }>(
      db,
      sql`SELECT DISTINCT table_name AS "table" FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'workspace_id'`,
    );
    for (const { table } of scoped) {
      expect(archived.has(table) || table in ARCHIVE_EXCLUDED, `${table} is neither archived nor excluded`).toBe(true);
    }
    const keys = await queryRows<{ table: string; parent: string; column: string }>(
      db,
      sql`SELECT c.conrelid::regclass::text AS "table", c.confrelid::regclass::text AS parent, a.attname AS "column"
        FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey) AS k(attnum)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    for (const key of keys) {
      const spec = ARCHIVE_TABLES.find((s) => s.name === key.table);
      if (!archived.has(key.parent) && key.parent !== "workspaces") {
        // a reference to a table the archive leaves out cannot travel: the column is left out too
        if (spec) expect(spec.omit?.[key.column], `${key.table}.${key.column} → ${key.parent}`).toBeTruthy();
        continue;
      }
      expect(archived.has(key.table) || key.table in ARCHIVE_EXCLUDED, `${key.table} refers to ${key.parent}`).toBe(
        true,
      );
      if (!spec || key.column === "workspace_id") continue;
      expect(spec.refs[key.column], `${key.table}.${key.column} → ${key.parent}`).toBe(key.parent);
    }
  });

  it("exports a manifest first, then JSON lines of every table, with the counts and without secrets", async () => {
    archive = await exportToBuffer(sourceId);
    const files = [];
    for await (const file of readTar(chunks(gunzipSync(archive)), 1 << 26)) {
      files.push(file);
    }
    expect(files[0]!.name).toBe("manifest.json");
    const manifest = JSON.parse(new TextDecoder().decode(files[0]!.data)) as ArchiveManifest;
    expect(manifest.schemaVersion).toBe((await appliedMigrationTags(db)).at(-1));
    expect(manifest.workspace.slug).toBe("northwind");
    expect(manifest.excluded.map((e) => e.table)).toEqual(expect.arrayContaining(["api_keys", "webhook_endpoints"]));
    expect(manifest.omittedColumns).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: "users", column: "password_hash" })]),
    );
    const text = files
      .slice(1)
      .map((file) => new TextDecoder().decode(file.data))
      .join("");
    expect(text).not.toContain("scrypt$");
    expect(text).not.toContain("f".repeat(64));
    expect(text).toContain('"amount": 123456789012.34');
    for (const entry of manifest.tables) {
      const lines = files
        .filter((file) => file.name.startsWith(`${entry.name}/`))
        .flatMap((file) => new TextDecoder().decode(file.data).split("\n").filter(Boolean));
      expect(lines.length, entry.name).toBe(entry.rows);
    }
    const [seeded] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM feedback WHERE workspace_id = ${sourceId}`,
    );
    expect(manifest.tables.find((t) => t.name === "feedback")!.rows).toBe(seeded!.n);
  });

  it("imports into a new workspace with every row equal but for its ids, and the same dashboard", async () => {
    const report = await importWorkspaceArchive(
      db,
      chunks(archive),
      { kind: "new", slug: "northwind-copy" },
      { actorId: adminId },
    );
    copyId = report.workspace.id;
    expect(report.workspace).toMatchObject({ slug: "northwind-copy", name: "Northwind Retail" });
    expect(report.createdUsers).toBe(0);

    const original = await canonicalWorkspace(db, sourceId);
    const copy = await canonicalWorkspace(db, copyId);
    copy.audit_events = copy.audit_events!.filter((row) => !row.includes('"workspace.importArchive"'));
    for (const spec of ARCHIVE_TABLES) {
      expect(copy[spec.name], spec.name).toEqual(original[spec.name]);
    }
    for (const table of [
      "customers",
      "orders",
      "feedback",
      "feedback_themes",
      "feedback_flags",
      "actions",
      "import_mappings",
      "audit_events",
    ]) {
      expect(original[table]!.length, table).toBeGreaterThan(0);
    }
    const [ids] = await queryRows<{ shared: number }>(
      db,
      sql`SELECT count(*)::int AS shared FROM feedback a JOIN feedback b ON a.id = b.id
        WHERE a.workspace_id = ${sourceId} AND b.workspace_id = ${copyId}`,
    );
    expect(ids!.shared).toBe(0);
    expect(await db.select().from(apiKeys).where(eq(apiKeys.workspaceId, copyId))).toEqual([]);

    const readDashboard = async (workspaceId: number) => {
      const caller = await callerFor(
        db,
        { id: adminId, email: "admin@touchpoint.demo", name: "Ada Admin" },
        workspaceId,
      );
      const names = await caller.dashboard.filterOptions();
      const filters = { period: { kind: "last365" as const } };
      const figures = {
        counts: await caller.overview.counts(),
        kpis: await caller.dashboard.kpis(filters),
        segments: await caller.dashboard.segments(filters),
        trends: await caller.dashboard.trends({ ...filters, bySegment: true }),
        heatmap: await caller.dashboard.heatmap(filters),
      };
      return withNames(figures, names);
    };
    expect(await readDashboard(copyId)).toEqual(await readDashboard(sourceId));
  }, 120_000);

  it("leaves the copy's rollups as a full rebuild computes them", async () => {
    const snapshot = async () =>
      (
        await queryRows<{ row: string }>(
          db,
          sql`SELECT 'f' || to_jsonb(r)::text AS row FROM feedback_rollup r WHERE workspace_id = ${copyId} AND (responses <> 0 OR sentiment_count <> 0)
          UNION ALL SELECT 'o' || to_jsonb(r)::text FROM orders_rollup r WHERE workspace_id = ${copyId} AND (revenue <> 0 OR purchases <> 0 OR refunds <> 0)
          UNION ALL SELECT 'c' || to_jsonb(r)::text FROM customer_rollup r WHERE workspace_id = ${copyId} AND customers <> 0
          UNION ALL SELECT 's' || to_jsonb(r)::text FROM customer_state r WHERE workspace_id = ${copyId}
          UNION ALL SELECT 'j' || to_jsonb(r)::text FROM journey_rollup r WHERE workspace_id = ${copyId} AND responses <> 0
          UNION ALL SELECT 'x' || to_jsonb(r)::text FROM friction_rollup r WHERE workspace_id = ${copyId} AND negative <> 0
          ORDER BY 1`,
        )
      ).map((r) => r.row);
    const imported = await snapshot();
    expect(imported.filter((row) => row.startsWith("f")).length).toBeGreaterThan(0);
    expect(imported.filter((row) => row.startsWith("j")).length).toBeGreaterThan(0);
    await db.execute(sql`SELECT rollups_rebuild()`);
    expect(await snapshot()).toEqual(imported);
    const [dirty] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM rollup_dirty`);
    expect(dirty!.n).toBe(0);
  });

  it("refuses a workspace that holds data, and a taken address, changing nothing", async () => {
    const before = await countRows();
    const notEmpty = await importError(archive, { kind: "existing", workspaceId: sourceId });
    expect(notEmpty.code).toBe("INVALID_STATE");
    expect(notEmpty.message).toMatch(/Northwind Retail” is not empty \(it holds .*customers/);
    const taken = await importError(archive, { kind: "new", slug: "northwind-copy" });
    expect(taken.code).toBe("CONFLICT");
    expect(await countRows()).toBe(before);
  });

  it("imports into an existing empty workspace, keeping its members", async () => {
    const empty = await createWorkspace(db, { name: "Blank" });
    const member = await createUser(db, empty.id, "executive");
    const report = await importWorkspaceArchive(
      db,
      chunks(archive),
      { kind: "existing", workspaceId: empty.id },
      { actorId: null },
    );
    expect(report.workspace).toMatchObject({ id: empty.id, name: "Blank" });
    const [role] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, empty.id), eq(memberships.userId, member.id)));
    expect(role?.role).toBe("executive");
    const copy = await canonicalWorkspace(db, empty.id);
    expect(copy.feedback).toEqual((await canonicalWorkspace(db, sourceId)).feedback);
  }, 120_000);

  it("refuses a damaged or foreign file with a message that says so, writing nothing", async () => {
    const before = await countRows();
    const cut = await importError(archive.subarray(0, Math.floor(archive.byteLength / 2)), {
      kind: "new",
      slug: "cut",
    });
    expect(cut.message).toMatch(/cut short/);
    const foreign = await importError(new TextEncoder().encode("id,name\n1,x\n"), { kind: "new", slug: "csv" });
    expect(foreign.message).toMatch(/not a gzip-compressed Touchpoint archive/);
    expect(await countRows()).toBe(before);
  });

  it("refuses an archive whose rows name a row it does not hold, or whose counts do not add up", async () => {
    const customerColumns = await archivedColumns(
      db,
      ARCHIVE_TABLES.find((s) => s.name === "customers")!,
    );
    const orderColumns = await archivedColumns(
      db,
      ARCHIVE_TABLES.find((s) => s.name === "orders")!,
    );
    const manifest = (rows: { customers: number; orders: number }): ArchiveManifest => ({
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      schemaVersion: "",
      exportedAt: new Date().toISOString(),
      workspace: { id: 1, slug: "tiny", name: "Tiny", currency: "EUR", createdAt: new Date().toISOString() },
      tables: [
        { name: "customers", rows: rows.customers, columns: customerColumns },
        { name: "orders", rows: rows.orders, columns: orderColumns },
      ],
      excluded: [],
      omittedColumns: [],
      notes: [],
    });
    const version = (await appliedMigrationTags(db)).at(-1)!;
    const build = (m: ArchiveManifest, files: Record<string, string>) => {
      const now = new Date();
      const parts = [
        ...tarEntry("manifest.json", new TextEncoder().encode(JSON.stringify({ ...m, schemaVersion: version })), now),
        ...Object.entries(files).flatMap(([name, text]) => tarEntry(name, new TextEncoder().encode(text), now)),
        tarEnd(),
      ];
      return gzipSync(Buffer.concat(parts));
    };
    const customer = '{"id": 5, "external_id": "C-5", "created_at": "2024-01-01T00:00:00+00:00"}\n';
    const order = (customerId: number) =>
      `{"id": 9, "customer_id": ${customerId}, "kind": "purchase", "amount": 10.50, "currency": "EUR", "ordered_at": "2024-02-01T00:00:00+00:00"}\n`;
    const before = await countRows();

    const dangling = await importError(
      build(manifest({ customers: 1, orders: 1 }), {
        "customers/00001.jsonl": customer,
        "orders/00001.jsonl": order(6),
      }),
      { kind: "new", slug: "tiny" },
    );
    expect(dangling.message).toBe(
      "orders/00001.jsonl, lines 1–1: customer_id 6 names a row the archive does not hold.",
    );

    const short = await importError(
      build(manifest({ customers: 2, orders: 1 }), {
        "customers/00001.jsonl": customer,
        "orders/00001.jsonl": order(5),
      }),
      { kind: "new", slug: "tiny" },
    );
    expect(short.message).toMatch(/holds 1 rows of customers where its manifest counts 2/);

    const bad = await importError(
      build(manifest({ customers: 1, orders: 1 }), {
        "customers/00001.jsonl": customer,
        "orders/00001.jsonl": order(5).replace("10.50", "-10.50"),
      }),
      { kind: "new", slug: "tiny" },
    );
    expect(bad.message).toMatch(/^orders\/00001\.jsonl, lines 1–1: the database refused a row \(.*orders_amount_sign/);
    expect(await countRows()).toBe(before);

    const good = await importWorkspaceArchive(
      db,
      chunks(
        build(manifest({ customers: 1, orders: 1 }), {
          "customers/00001.jsonl": customer,
          "orders/00001.jsonl": order(5),
        }),
      ),
      { kind: "new", slug: "tiny", name: "Tiny copy" },
      { actorId: adminId },
    );
    const [row] = await queryRows<{ amount: string; customer: string }>(
      db,
      sql`SELECT o.amount::text AS amount, c.external_id AS customer FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.workspace_id = ${good.workspace.id}`,
    );
    expect(row).toEqual({ amount: "10.50", customer: "C-5" });

    // a person this database does not know gets an account that no password opens, with the archive's role
    const people = build(
      {
        ...manifest({ customers: 0, orders: 0 }),
        tables: [
          { name: "users", rows: 1, columns: ["id", "email", "name", "created_at"] },
          { name: "memberships", rows: 1, columns: ["user_id", "role", "created_at"] },
        ],
      },
      {
        "users/00001.jsonl":
          '{"id": 77, "email": "newcomer@example.com", "name": "Nia Newcomer", "created_at": "2024-01-01T00:00:00+00:00"}\n',
        "memberships/00001.jsonl": '{"user_id": 77, "role": "executive", "created_at": "2024-01-02T00:00:00+00:00"}\n',
      },
    );
    const welcomed = await importWorkspaceArchive(
      db,
      chunks(people),
      { kind: "new", slug: "people" },
      { actorId: null },
    );
    expect(welcomed.createdUsers).toBe(1);
    const [member] = await db
      .select({ role: memberships.role, passwordHash: users.passwordHash })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, welcomed.workspace.id), eq(users.email, "newcomer@example.com")));
    expect(member?.role).toBe("executive");
    expect(await verifyPassword("", member!.passwordHash)).toBe(false);
    expect(await verifyPassword("none: imported from a workspace archive", member!.passwordHash)).toBe(false);
  });

  it("keeps an import undoable in the copy: its changes name the copy's rows", async () => {
    const [change] = await queryRows<{ restored: string; current: string }>(
      db,
      sql`SELECT c.before ->> 'external_id' AS restored, cu.external_id AS current FROM import_changes c
        JOIN imports i ON i.id = c.import_id JOIN customers cu ON cu.id = c.row_id
        WHERE i.workspace_id = ${copyId} AND c.entity = 'customer' AND cu.workspace_id = ${copyId}
          AND (c.before ->> 'id')::int = c.row_id AND (c.before ->> 'workspace_id')::int = ${copyId}`,
    );
    expect(change?.restored).toBe(change?.current);
  });
});

/** Dashboard answers with segment and stage ids replaced by their names, other ids left out (the copy's ids differ). */
function withNames(
  value: unknown,
  options: { segments: { id: number; name: string }[]; stages: { id: number; name: string }[] },
): unknown {
  const segment = new Map(options.segments.map((s) => [s.id, s.name]));
  const stage = new Map(options.stages.map((s) => [s.id, s.name]));
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item));
    if (node && typeof node === "object" && !(node instanceof Date)) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    }
    if (typeof node !== "number" || !key || !/(^id$|Id$)/.test(key)) return node;
    if (key === "segmentId") return `segment ${segment.get(node)}`;
    if (key === "stageId") return `stage ${stage.get(node)}`;
    return "(id)";
  };
  return walk(value);
}
