import type { Db } from "./client";
import {
  actions,
  customers,
  feedback,
  journeyStages,
  memberships,
  orders,
  segments,
  teams,
  touchpoints,
  users,
  workspaces,
} from "./schema";
import type { Role } from "../server/domain/enums";

// Factories shared by integration tests and e2e fixtures: each creates one valid row with
// sensible defaults; `overrides` set what a test cares about. Counters keep unique keys unique.
let seq = 0;
const next = () => ++seq;

/** A placeholder hash that never verifies: factory users sign in only in e2e, via the seed. */
const UNUSABLE_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export async function createWorkspace(db: Db, overrides: Partial<typeof workspaces.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(workspaces)
    .values({ slug: `ws-${n}`, name: `Workspace ${n}`, ...overrides })
    .returning();
  return row!;
}

export async function createUser(
  db: Db,
  workspaceId: number,
  role: Role,
  overrides: Partial<typeof users.$inferInsert> = {},
) {
  const n = next();
  const [user] = await db
    .insert(users)
    .values({ email: `user${n}@example.com`, name: `User ${n}`, passwordHash: UNUSABLE_HASH, ...overrides })
    .returning();
  await db.insert(memberships).values({ workspaceId, userId: user!.id, role });
  return user!;
}

export async function createSegment(db: Db, workspaceId: number, overrides: Partial<typeof segments.$inferInsert> = {}) {
  const [row] = await db
    .insert(segments)
    .values({ workspaceId, name: `Segment ${next()}`, ...overrides })
    .returning();
  return row!;
}

export async function createCustomer(db: Db, workspaceId: number, overrides: Partial<typeof customers.$inferInsert> = {}) {
  const [row] = await db
    .insert(customers)
    .values({ workspaceId, externalId: `C-${next()}`, ...overrides })
    .returning();
  return row!;
}

export async function createOrder(
  db: Db,
  workspaceId: number,
  customerId: number,
  overrides: Partial<typeof orders.$inferInsert> = {},
) {
  const [row] = await db
    .insert(orders)
    .values({ workspaceId, customerId, amount: "100.00", orderedAt: new Date(), ...overrides })
    .returning();
  return row!;
}

export async function createFeedback(db: Db, workspaceId: number, overrides: Partial<typeof feedback.$inferInsert> = {}) {
  const [row] = await db
    .insert(feedback)
    .values({
      workspaceId,
      source: "survey",
      externalId: `F-${next()}`,
      metricKind: "nps",
      score: 9,
      receivedAt: new Date(),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createStage(db: Db, workspaceId: number, overrides: Partial<typeof journeyStages.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(journeyStages)
    .values({ workspaceId, name: `Stage ${n}`, position: n, ...overrides })
    .returning();
  return row!;
}

export async function createTouchpoint(
  db: Db,
  workspaceId: number,
  stageId: number,
  overrides: Partial<typeof touchpoints.$inferInsert> = {},
) {
  const [row] = await db
    .insert(touchpoints)
    .values({ workspaceId, stageId, name: `Touchpoint ${next()}`, channel: "web", ...overrides })
    .returning();
  return row!;
}

export async function createTeam(db: Db, workspaceId: number, overrides: Partial<typeof teams.$inferInsert> = {}) {
  const [row] = await db
    .insert(teams)
    .values({ workspaceId, name: `Team ${next()}`, ...overrides })
    .returning();
  return row!;
}

export async function createAction(db: Db, workspaceId: number, overrides: Partial<typeof actions.$inferInsert> = {}) {
  const [row] = await db
    .insert(actions)
    .values({ workspaceId, title: `Action ${next()}`, kpi: "nps", ...overrides })
    .returning();
  return row!;
}
