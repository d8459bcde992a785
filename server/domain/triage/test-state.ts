import type { TriageState } from "./plan";

/** A fresh, unassigned, normal-priority item received at 2024-06-03 09:00 UTC; for tests. */
export function buildTriageState(overrides: Partial<TriageState> = {}): TriageState {
  return {
    id: 1,
    receivedAt: new Date("2024-06-03T09:00:00Z"),
    status: "new",
    priority: "normal",
    assigneeId: null,
    teamId: null,
    dueAt: null,
    firstTriagedAt: null,
    resolvedAt: null,
    resolutionNote: null,
    customerContacted: null,
    dismissReason: null,
    ...overrides,
  };
}
