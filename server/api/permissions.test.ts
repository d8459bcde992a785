import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import {
  createAction,
  createCustomer,
  createFeedback,
  createSegment,
  createStage,
  createTeam,
  createTouchpoint,
} from "@/db/factories";
import { feedbackFlags, teamMembers, themes } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { ROLES } from "../domain/enums";
import { createTargetInput } from "../domain/targets";
import { createTarget } from "../services/targets";
import { createApiKeyInput, createWebhookInput } from "../domain/ingest/integrations";
import { createApiKey } from "../services/ingest-keys";
import { createWebhookEndpoint } from "../services/ingest-webhook-endpoints";
import { hasPermission, type Permission } from "../auth/permissions";
import { appRouter } from "./root";
import { callByPath, callerFor, createRoleFixture } from "./testing/callers";
import { createImportFixture, SURVEY_MAPPING } from "./testing/imports";

/**
 * Every procedure of the router, the permission it needs (null: any member) and a valid input.
 * A new procedure without a row here fails the first test.
 */
type Fixture = Awaited<ReturnType<typeof createRoleFixture>> & {
  customerId: number;
  /** two segments, to read, compare, edit and reassign into */
  segmentIds: number[];
  targetIds: number[];
  /** new items assigned to the team member, so every role allowed to triage may triage one */
  feedbackIds: number[];
  themeId: number;
  spareThemeIds: number[];
  /** three live stages (reordered in place, the last then archived); a touchpoint on the first */
  stageIds: number[];
  touchpointId: number;
  /** actions of the team member's team: one to read and comment on, one done, one verified, and one per call that changes one */
  actions: { main: number; done: number; verified: number; planned: number[]; editable: number[] };
  /** revoking is idempotent, so one key and one endpoint serve every role allowed */
  apiKeyId: number;
  webhookId: number;
  /** an upload; per role validated imports to start, finished ones to undo, saved mappings to remove */
  imports: Awaited<ReturnType<typeof createImportFixture>>;
  /** a Typeform endpoint, whose secret can be rotated (a generated one) */
  signedWebhookId: number;
  /** one endpoint per role, each deleted by at most one call */
  removableWebhookIds: number[];
};
/** A valid NPS target for one calendar year: each call that may create gets a year of its own. */
const targetFor = (year: number) => ({
  kpi: "nps",
  scope: "all",
  targetValue: "40",
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
  reviewDate: `${year}-04-01`,
});
let targetYear = 2100;
let segmentNames = 0;
let removals = 0;
let triaged = 0;
let themeNames = 0;
let journeyNames = 0;
let themeRemovals = 0;
let actionMoves = 0;
let actionEdits = 0;
let webhookRemovals = 0;
let importStarts = 0;
let importUndos = 0;
let mappingRemovals = 0;
const PROCEDURES: Record<string, { permission: Permission | null; input?: unknown | ((f: Fixture) => unknown) }> = {
  "workspace.current": { permission: null },
  "workspace.update": { permission: "workspace.manage", input: { name: "Renamed workspace" } },
  "archive.summary": { permission: "workspace.archive" },
  "overview.counts": { permission: "dashboard.read" },
  "dashboard.kpis": { permission: "dashboard.read", input: {} },
  "dashboard.segments": { permission: "dashboard.read", input: {} },
  "dashboard.filterOptions": { permission: "dashboard.read" },
  "dashboard.trends": { permission: "dashboard.read", input: { bySegment: true } },
  "dashboard.heatmap": { permission: "dashboard.read", input: {} },
  "audit.list": { permission: "audit.read", input: { limit: 5 } },
  "feedback.list": { permission: "feedback.read", input: { limit: 5 } },
  "feedback.filterLabels": { permission: "feedback.read", input: { segmentIds: [1, null], stageId: 1 } },
  // each call triages an item of its own (a second "triage" of one item would be an illegal transition)
  "feedback.triage": {
    permission: "feedback.work",
    input: (f: Fixture) => ({ id: f.feedbackIds[triaged++], version: 1, command: { type: "triage" } }),
  },
  "feedback.detail": { permission: "feedback.read", input: (f: Fixture) => ({ id: f.feedbackIds.at(-1) }) },
  "feedback.addComment": {
    permission: "feedback.work",
    input: (f: Fixture) => ({ id: f.feedbackIds.at(-1), body: "Called the customer back." }),
  },
  "feedback.reviewFlags": {
    permission: "feedback.triage",
    input: (f: Fixture) => ({ id: f.feedbackIds.at(-1), verdict: "confirm" }),
  },
  "feedback.assignees": { permission: "feedback.read" },
  "feedback.themeOptions": { permission: "feedback.read" },
  "feedback.themesBulk": {
    permission: "feedback.work",
    input: (f: Fixture) => ({ ids: [f.feedbackIds.at(-1)], add: [f.themeId] }),
  },
  "themes.list": { permission: "feedback.read" },
  "themes.create": {
    permission: "feedback.configure",
    input: () => ({ name: `Theme ${(themeNames += 1)}`, keywords: { en: ["late"] } }),
  },
  "themes.update": {
    permission: "feedback.configure",
    input: (f: Fixture) => ({ id: f.themeId, name: "Delivery", keywords: { en: ["late", "delay"] } }),
  },
  // every call removes a theme of its own
  "themes.remove": {
    permission: "feedback.configure",
    input: (f: Fixture) => ({ id: f.spareThemeIds[themeRemovals++] }),
  },
  "themes.impact": { permission: "feedback.read", input: {} },
  "themes.suggestions": { permission: "feedback.configure", input: {} },
  "sla.get": { permission: "feedback.read" },
  "sla.update": {
    permission: "feedback.configure",
    input: [{ priority: "low", firstResponseHours: 48, resolutionHours: 120 }],
  },
  "sla.reset": { permission: "feedback.configure", input: { priority: "low" } },
  "feedback.bulkTriage": {
    permission: "feedback.work",
    input: (f: Fixture) => ({ ids: [f.feedbackIds[triaged++]], command: { type: "triage" } }),
  },
  "journeys.list": { permission: "journeys.read" },
  "journeys.map": { permission: "journeys.read", input: {} },
  "journeys.momentsOfTruth": { permission: "journeys.read", input: {} },
  "journeys.funnel": { permission: "journeys.read", input: {} },
  // before createStage: the order lists every live stage, and creating adds some
  "journeys.reorderStages": { permission: "journeys.manage", input: (f: Fixture) => ({ ids: f.stageIds }) },
  "journeys.createStage": { permission: "journeys.manage", input: () => ({ name: `Stage ${(journeyNames += 1)}` }) },
  "journeys.updateStage": {
    permission: "journeys.manage",
    input: (f: Fixture) => ({ id: f.stageIds[0], name: `Renamed ${(journeyNames += 1)}` }),
  },
  "journeys.archiveStage": { permission: "journeys.manage", input: (f: Fixture) => ({ id: f.stageIds[2] }) },
  "journeys.createTouchpoint": {
    permission: "journeys.manage",
    input: (f: Fixture) => ({ stageId: f.stageIds[0], name: `Point ${(journeyNames += 1)}`, channel: "web" }),
  },
  "journeys.updateTouchpoint": {
    permission: "journeys.manage",
    input: (f: Fixture) => ({ id: f.touchpointId, name: `Point ${(journeyNames += 1)}` }),
  },
  "journeys.archiveTouchpoint": { permission: "journeys.manage", input: (f: Fixture) => ({ id: f.touchpointId }) },
  "segments.list": { permission: "segments.read" },
  "segments.byId": { permission: "segments.read", input: (f: Fixture) => ({ id: f.segmentIds[0] }) },
  "segments.compare": {
    permission: "segments.read",
    input: (f: Fixture) => ({ a: f.segmentIds[0], b: f.segmentIds[1] }),
  },
  "segments.create": { permission: "segments.manage", input: () => ({ name: `Segment ${(segmentNames += 1)}` }) },
  "segments.update": {
    permission: "segments.manage",
    input: (f: Fixture) => ({ id: f.segmentIds[1], description: "Persona", color: "#112233" }),
  },
  "segments.reassign": {
    permission: "segments.manage",
    input: (f: Fixture) => ({ segmentId: f.segmentIds[0], by: { kind: "rule", rule: { currentSegmentId: null } } }),
  },
  "actions.list": { permission: "actions.read", input: {} },
  "actions.byId": { permission: "actions.read", input: (f: Fixture) => ({ id: f.actions.main }) },
  "actions.create": { permission: "actions.manage", input: { title: "Shorter checkout", kpi: "csat" } },
  // every call edits or moves an action of its own (a second move of one action would be illegal)
  "actions.update": {
    permission: "actions.work",
    input: (f: Fixture) => ({ id: f.actions.editable[actionEdits++], version: 1, title: "Renamed action" }),
  },
  "actions.setStatus": {
    permission: "actions.work",
    input: (f: Fixture) => ({ id: f.actions.planned[actionMoves++], status: "in_progress" }),
  },
  "actions.addComment": {
    permission: "actions.work",
    input: (f: Fixture) => ({ actionId: f.actions.main, body: "On it." }),
  },
  "actions.impact": { permission: "actions.read", input: (f: Fixture) => ({ id: f.actions.done }) },
  "actions.impactOverview": { permission: "actions.read", input: {} },
  "actions.upForReview": { permission: "actions.read" },
  "actions.resolveFeedback": {
    permission: "actions.manage",
    input: (f: Fixture) => ({ id: f.actions.verified, customerContacted: false }),
  },
  "customers.list": { permission: "customers.read", input: { limit: 5 } },
  "customers.byId": { permission: "customers.read", input: (f: Fixture) => ({ id: f.customerId }) },
  // erasing twice is harmless, so every allowed role may erase the same customer
  "customers.erase": { permission: "customers.erase", input: (f: Fixture) => ({ id: f.customerId }) },
  "targets.list": { permission: "dashboard.read" },
  "targets.scopeOptions": { permission: "targets.manage" },
  "targets.create": { permission: "targets.manage", input: () => targetFor((targetYear += 1)) },
  "targets.update": {
    permission: "targets.manage",
    input: (f: Fixture) => ({ id: f.targetIds[0], ...targetFor(2200) }),
  },
  // every call removes a target of its own, so the second role allowed is not answered NOT_FOUND
  "targets.remove": { permission: "targets.manage", input: (f: Fixture) => ({ id: f.targetIds[1 + removals++] }) },
  "apiKeys.list": { permission: "workspace.integrations" },
  "apiKeys.create": { permission: "workspace.integrations", input: { name: "Zapier" } },
  "apiKeys.revoke": { permission: "workspace.integrations", input: (f: Fixture) => ({ id: f.apiKeyId }) },
  "webhooks.list": { permission: "workspace.integrations" },
  "webhooks.create": { permission: "workspace.integrations", input: { tool: "delighted", name: "Delighted NPS" } },
  "webhooks.revoke": { permission: "workspace.integrations", input: (f: Fixture) => ({ id: f.webhookId }) },
  "webhooks.enable": { permission: "workspace.integrations", input: (f: Fixture) => ({ id: f.webhookId }) },
  "webhooks.update": {
    permission: "workspace.integrations",
    input: (f: Fixture) => ({ id: f.webhookId, name: "Renamed webhook" }),
  },
  "webhooks.rotateSecret": { permission: "workspace.integrations", input: (f: Fixture) => ({ id: f.signedWebhookId }) },
  "webhooks.deliveries": {
    permission: "workspace.integrations",
    input: (f: Fixture) => ({ endpointId: f.webhookId, limit: 5 }),
  },
  "webhooks.remove": {
    permission: "workspace.integrations",
    input: (f: Fixture) => ({ id: f.removableWebhookIds[webhookRemovals++] }),
  },
  "imports.preview": {
    permission: "imports.run",
    input: (f: Fixture) => ({ uploadId: f.imports.uploadId, entity: "feedback" }),
  },
  "imports.validate": {
    permission: "imports.run",
    input: (f: Fixture) => ({ uploadId: f.imports.uploadId, fileName: "survey.csv", mapping: SURVEY_MAPPING }),
  },
  // every call starts, undoes or removes one of its own (a second start of one import is refused)
  "imports.start": {
    permission: "imports.run",
    input: (f: Fixture) => ({ importId: f.imports.ready[importStarts++], skipInvalid: false }),
  },
  "imports.progress": { permission: "imports.run", input: (f: Fixture) => ({ importId: f.imports.ready.at(-1) }) },
  "imports.list": { permission: "imports.run" },
  "imports.undo": { permission: "imports.run", input: (f: Fixture) => ({ importId: f.imports.done[importUndos++] }) },
  "imports.savedMappings": { permission: "imports.run", input: { entity: "feedback" } },
  "imports.saveMapping": { permission: "imports.run", input: { name: "Survey export", mapping: SURVEY_MAPPING } },
  "imports.removeMapping": {
    permission: "imports.run",
    input: (f: Fixture) => ({ id: f.imports.mappingIds[mappingRemovals++] }),
  },
};

let handle: DbHandle;
let fixture: Fixture;

beforeAll(async () => {
  handle = await createTestDb();
  const roles = await createRoleFixture(handle.db);
  const actor = { userId: roles.users.admin.id, workspaceId: roles.workspace.id };
  const targetIds: number[] = [];
  for (let i = 0; i <= ROLES.length + 1; i++) {
    targetIds.push((await createTarget(handle.db, actor, createTargetInput.parse(targetFor(2200 + i)))).id);
  }
  const feedbackIds: number[] = [];
  for (let i = 0; i < 4 * ROLES.length; i++) {
    const item = await createFeedback(handle.db, roles.workspace.id, { assigneeId: roles.users.team_member.id });
    feedbackIds.push(item.id);
  }
  await handle.db.insert(feedbackFlags).values({
    workspaceId: roles.workspace.id,
    feedbackId: feedbackIds.at(-1)!,
    code: "unverified_review",
    detail: { hasCustomer: false },
  });
  const [theme] = await handle.db
    .insert(themes)
    .values({ workspaceId: roles.workspace.id, name: "Delivery", keywords: { en: ["late"] } })
    .returning();
  const spare = await handle.db
    .insert(themes)
    .values(ROLES.map((role) => ({ workspaceId: roles.workspace.id, name: `Spare ${role}`, keywords: { en: [role] } })))
    .returning({ id: themes.id });
  fixture = {
    ...roles,
    spareThemeIds: spare.map((t) => t.id),
    customerId: (await createCustomer(handle.db, roles.workspace.id)).id,
    segmentIds: [
      (await createSegment(handle.db, roles.workspace.id, { name: "Enterprise" })).id,
      (await createSegment(handle.db, roles.workspace.id, { name: "SMB" })).id,
    ],
    targetIds,
    feedbackIds,
    themeId: theme!.id,
    actions: await createActionFixture(roles),
    ...(await createJourneyFixture(roles.workspace.id)),
    apiKeyId: (await createApiKey(handle.db, actor, createApiKeyInput.parse({ name: "Fixture key" }))).key.id,
    webhookId: await createWebhookFixture(actor, "delighted"),
    signedWebhookId: await createWebhookFixture(actor, "typeform"),
    removableWebhookIds: await Promise.all(ROLES.map(() => createWebhookFixture(actor, "delighted"))),
    imports: await createImportFixture(handle.db, actor, ROLES.length),
  };
});
afterAll(async () => {
  fixture?.imports.cleanUp();
  await handle.close();
});

async function createWebhookFixture(actor: { userId: number; workspaceId: number }, tool: "delighted" | "typeform") {
  const input = createWebhookInput.parse({ tool, name: `Fixture ${tool}` });
  return (await createWebhookEndpoint(handle.db, actor, input)).endpoint.id;
}

async function createJourneyFixture(workspaceId: number) {
  const stageIds: number[] = [];
  for (const position of [0, 1, 2]) {
    stageIds.push((await createStage(handle.db, workspaceId, { name: `Fixture stage ${position}`, position })).id);
  }
  const touchpointId = (await createTouchpoint(handle.db, workspaceId, stageIds[0]!, { name: "Fixture point" })).id;
  return { stageIds, touchpointId };
}

/** Actions owned by a team the team member belongs to, so every role allowed may act on them. */
async function createActionFixture(roles: Awaited<ReturnType<typeof createRoleFixture>>): Promise<Fixture["actions"]> {
  const ws = roles.workspace.id;
  const team = await createTeam(handle.db, ws);
  await handle.db.insert(teamMembers).values({ teamId: team.id, userId: roles.users.team_member.id });
  const make = async (overrides: Parameters<typeof createAction>[2]) =>
    (await createAction(handle.db, ws, { ownerTeamId: team.id, ...overrides })).id;
  const many = (status: "planned" | "proposed") =>
    Promise.all(Array.from({ length: ROLES.length + 1 }, () => make({ status })));
  return {
    main: await make({ status: "in_progress" }),
    done: await make({ status: "done", completedAt: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000) }),
    verified: await make({ status: "verified", completedAt: new Date() }),
    planned: await many("planned"),
    editable: await many("proposed"),
  };
}

function inputFor(row: { input?: unknown }): unknown {
  return typeof row.input === "function" ? (row.input as (f: Fixture) => unknown)(fixture) : row.input;
}

function procedureMeta(path: string): { permission?: Permission } | undefined {
  const procedure = (
    appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: Permission } } }>
  )[path];
  return procedure?._def.meta;
}

describe("permission table", () => {
  it("has a row for every procedure of the router, and no row for a procedure that does not exist", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(PROCEDURES).sort());
  });

  it.each(Object.entries(PROCEDURES))("%s declares the permission the table expects", (path, row) => {
    expect(procedureMeta(path)?.permission ?? null).toBe(row.permission);
  });

  describe.each(Object.entries(PROCEDURES))("%s", (path, row) => {
    it("answers UNAUTHORIZED without a session", async () => {
      const caller = await callerFor(handle.db, null);
      await expect(callByPath(caller, path, inputFor(row))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });

    it.each(ROLES)("as %s: allowed exactly when the role has the permission", async (role) => {
      const caller = await callerFor(handle.db, fixture.users[role], fixture.workspace.id);
      const allowed = row.permission === null || hasPermission(role, row.permission);
      const call = callByPath(caller, path, inputFor(row));
      if (allowed) {
        await expect(call).resolves.toBeDefined();
      } else {
        await expect(call).rejects.toBeInstanceOf(TRPCError);
        await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    });
  });
});
