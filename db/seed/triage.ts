import type { Channel, FeedbackStatus, Priority, SentimentLabel } from "../../server/domain/enums";
import { DISMISS_REASONS, type StageKey, type TeamKey } from "./catalog";
import { RESOLUTION_NOTES } from "./comments";
import { DAY_MS, toIso, type WorkspaceContext } from "./context";
import type { Rng } from "./random";
import type { FeedbackRow } from "./rows";
import type { ThemeKey } from "./themes";

const HOUR_MS = 3_600_000;

export interface TriageInput {
  receivedAt: number;
  label: SentimentLabel;
  /** The lowest score of the scale (or a complaint): a candidate for `urgent`. */
  severe: boolean;
  stage: StageKey;
  channel: Channel;
  themes: readonly ThemeKey[];
  hasCustomer: boolean;
}

type TriageFields = Pick<
  FeedbackRow,
  | "status"
  | "priority"
  | "assigneeId"
  | "teamId"
  | "dueAt"
  | "firstTriagedAt"
  | "resolvedAt"
  | "resolutionNote"
  | "customerContacted"
  | "dismissReason"
  | "version"
  | "updatedAt"
>;

/** The team that owns an item: logistics for delivery, digital for app/web, stores, else service. */
export function routeTeam(stage: StageKey, channel: Channel, themes: readonly ThemeKey[]): TeamKey {
  if (themes.includes("delivery_delay") || stage === "delivery") return "logistics";
  if (themes.includes("app_crash") || channel === "app" || channel === "web") return "digital";
  if (channel === "store") return "store";
  return "service";
}

/** A moment after `from`, `hours` later, but never after `now` (then somewhere in between). */
function laterButNotAfter(rng: Rng, from: number, hours: number, now: number): number {
  const at = from + hours * HOUR_MS;
  if (at < now) return Math.floor(at / 1000) * 1000;
  return Math.floor((from + (now - from) * rng.float(0.2, 0.9)) / 1000) * 1000;
}

/**
 * Triage state from the item's age: old items are mostly resolved or dismissed, recent ones new,
 * triaged or in progress. Negative items are handled faster and get high (or urgent) priority.
 */
export function triage(ctx: WorkspaceContext, rng: Rng, input: TriageInput): TriageFields {
  const now = ctx.plan.nowMs;
  const { receivedAt, label } = input;
  const priority: Priority =
    label === "negative"
      ? input.severe && rng.chance(0.35)
        ? "urgent"
        : "high"
      : label === "neutral"
        ? "normal"
        : "low";
  const sla = ctx.profile.sla[priority];
  const ageDays = (now - receivedAt) / DAY_MS;
  const closedProbability = Math.min(0.97, 1 - Math.exp(-ageDays / (label === "negative" ? 4 : 9)));

  let status: FeedbackStatus;
  if (rng.chance(closedProbability)) {
    const dismissShare = label === "negative" ? 0.07 : label === "neutral" ? 0.25 : 0.35;
    status = rng.chance(dismissShare) ? "dismissed" : "resolved";
  } else if (ageDays < 1) {
    status = rng.chance(0.75) ? "new" : "triaged";
  } else {
    const u = rng.next();
    status = u < 0.3 ? "new" : u < 0.65 ? "triaged" : "in_progress";
  }

  const teamKey = routeTeam(input.stage, input.channel, input.themes);
  const { users, teamIds } = ctx.refs;
  let firstTriagedAt: number | null = null;
  let resolvedAt: number | null = null;
  let assigneeId: number | null = null;
  if (status !== "new") {
    firstTriagedAt = laterButNotAfter(rng, receivedAt, sla.firstResponseHours * rng.logNormal(0.6, 0.9), now);
  }
  if (status === "resolved") {
    resolvedAt = laterButNotAfter(rng, firstTriagedAt as number, sla.resolutionHours * rng.logNormal(0.45, 0.8), now);
  }
  if (status === "in_progress" || status === "resolved") {
    assigneeId =
      teamKey === "service" && rng.chance(0.55) ? users.team_member : rng.chance(0.75) ? users.cx_manager : null;
  } else if (status === "triaged" && rng.chance(0.4)) {
    assigneeId = users.cx_manager;
  }

  const theme = input.themes[0] ?? "generic";
  let dismissReason: string | null = null;
  if (status === "dismissed") {
    dismissReason = label === "negative" ? rng.pick(DISMISS_REASONS) : (DISMISS_REASONS[0] as string);
  }
  const closed = status === "resolved" || status === "dismissed";
  return {
    status,
    priority,
    assigneeId,
    teamId: status === "new" ? null : teamIds[teamKey],
    dueAt: toIso(receivedAt + sla.resolutionHours * HOUR_MS),
    firstTriagedAt: firstTriagedAt === null ? null : toIso(firstTriagedAt),
    resolvedAt: resolvedAt === null ? null : toIso(resolvedAt),
    resolutionNote: status === "resolved" ? rng.pick(RESOLUTION_NOTES[theme]) : null,
    customerContacted: status === "resolved" ? input.hasCustomer && rng.chance(0.75) : null,
    dismissReason,
    version: 1 + (status === "new" ? 0 : 1) + (closed ? 1 : 0),
    updatedAt: toIso(resolvedAt ?? firstTriagedAt ?? receivedAt),
  };
}
