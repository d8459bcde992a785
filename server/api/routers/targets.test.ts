import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createSegment } from "@/db/factories";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { callerFor, createRoleFixture } from "../testing/callers";

const TARGET = {
  kpi: "csat",
  scope: "all",
  targetValue: "80",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  reviewDate: "2025-04-01",
} as const;

describe(`targets router (${testEngine()})`, () => {
  let handle: DbHandle;
  let a: Awaited<ReturnType<typeof createRoleFixture>>;
  let b: Awaited<ReturnType<typeof createRoleFixture>>;
  let theirSegment: number;

  beforeAll(async () => {
    handle = await createTestDb();
    a = await createRoleFixture(handle.db, "Alpha");
    b = await createRoleFixture(handle.db, "Beta");
    theirSegment = (await createSegment(handle.db, b.workspace.id)).id;
  });
  afterAll(() => handle.close());

  it("lets an executive create, update and remove a target that every role can list", async () => {
    const exec = await callerFor(handle.db, a.users.executive, a.workspace.id);
    const created = await exec.targets.create(TARGET);
    await exec.targets.update({ id: created.id, ...TARGET, targetValue: "82.5" });
    const team = await callerFor(handle.db, a.users.team_member, a.workspace.id);
    expect((await team.targets.list()).items).toMatchObject([{ id: created.id, kpi: "csat", targetValue: "82.50" }]);
    await exec.targets.remove({ id: created.id });
    expect((await team.targets.list()).items).toEqual([]);
    // the admin reads the audit log (executives do not): the three changes, newest first
    const admin = await callerFor(handle.db, a.users.admin, a.workspace.id);
    expect((await admin.audit.list({ limit: 10 })).items.map((e) => [e.action, e.actorName])).toEqual([
      ["targets.remove", a.users.executive.name],
      ["targets.update", a.users.executive.name],
      ["targets.create", a.users.executive.name],
    ]);
  });

  it("answers BAD_REQUEST with a message per field for an invalid target", async () => {
    const admin = await callerFor(handle.db, a.users.admin, a.workspace.id);
    const err = await admin.targets
      .create({ ...TARGET, kpi: "ces", scope: "segment", targetValue: "9", reviewDate: "2024-12-01" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    const fieldErrors = (err as { cause?: { flatten(): { fieldErrors: Record<string, string[]> } } }).cause?.flatten().fieldErrors;
    expect(fieldErrors).toEqual({
      segmentId: ["Choose the segment this target is for."],
      targetValue: ["A CES target is a mean score from 1 to 7; 9 is outside that range. Enter a value such as 5.5."],
      reviewDate: ["Set the review date after the period starts (2025-01-01); progress is reviewed from the start on."],
    });
  });

  it("maps a duplicate to CONFLICT and another workspace's segment or target to NOT_FOUND", async () => {
    const admin = await callerFor(handle.db, a.users.admin, a.workspace.id);
    const created = await admin.targets.create({ ...TARGET, kpi: "nps" });
    await expect(admin.targets.create({ ...TARGET, kpi: "nps", periodStart: "2025-03-01" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("NPS already has a target for all customers from 2025-01-01 to 2025-12-31"),
    });
    await expect(admin.targets.create({ ...TARGET, scope: "segment", segmentId: theirSegment })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `Segment ${theirSegment} was not found in this workspace.`,
    });
    const other = await callerFor(handle.db, b.users.admin, b.workspace.id);
    await expect(other.targets.remove({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.targets.update({ id: created.id, ...TARGET })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await other.targets.list()).items).toEqual([]);
  });
});
