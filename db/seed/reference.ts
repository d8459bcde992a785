import { CHANNELS, PRIORITIES, ROLES, type Channel, type Role } from "../../server/domain/enums";
import { DEMO_TEAM_MEMBER_TEAM, STAGES, TEAM_KEYS, TOUCHPOINTS, type StageKey, type TeamKey } from "./catalog";
import type { DemoPlan, WorkspacePlan } from "./plan";
import type {
  DemoUserRef,
  MembershipRow,
  SegmentRow,
  SlaPolicyRow,
  StageRow,
  TeamMemberRow,
  TeamRow,
  ThemeRow,
  TouchpointRow,
  WorkspaceRow,
} from "./rows";
import { THEMES, type ThemeKey } from "./themes";

/** Ids of one workspace's reference rows, looked up while generating its activity. */
export interface WorkspaceRefs {
  plan: WorkspacePlan;
  workspaceId: number;
  /** Segment ids in profile order. */
  segmentIds: number[];
  stageIds: Record<StageKey, number>;
  teamIds: Record<TeamKey, number>;
  themeIds: Record<ThemeKey, number>;
  users: Record<Role, number>;
  /** Touchpoint id per `${stage}:${channel}`. */
  touchpointIds: Map<string, number>;
}

export interface ReferenceData {
  workspaces: WorkspaceRow[];
  memberships: MembershipRow[];
  teams: TeamRow[];
  teamMembers: TeamMemberRow[];
  segments: SegmentRow[];
  stages: StageRow[];
  touchpoints: TouchpointRow[];
  themes: ThemeRow[];
  slaPolicies: SlaPolicyRow[];
  byWorkspace: WorkspaceRefs[];
}

export const touchpointKey = (stage: StageKey, channel: Channel): string => `${stage}:${channel}`;

function usersByRole(users: readonly DemoUserRef[]): Record<Role, number> {
  const result = {} as Record<Role, number>;
  for (const role of ROLES) {
    const user = users.find((u) => u.role === role);
    if (!user) throw new Error(`No demo user with role ${role}`);
    result[role] = user.id;
  }
  return result;
}

/** Workspaces, memberships, teams, segments, journey, themes and SLAs; small and fully in memory. */
export function buildReferenceData(plan: DemoPlan, users: readonly DemoUserRef[]): ReferenceData {
  const ids = { ...plan.ids };
  const next = (table: keyof typeof ids): number => (ids[table] += 1);
  const createdAt = new Date(plan.windowStartMs - 30 * 86_400_000).toISOString();
  const roles = usersByRole(users);
  const data: ReferenceData = {
    workspaces: [],
    memberships: [],
    teams: [],
    teamMembers: [],
    segments: [],
    stages: [],
    touchpoints: [],
    themes: [],
    slaPolicies: [],
    byWorkspace: [],
  };

  for (const wsPlan of plan.workspaces) {
    const { profile, workspaceId } = wsPlan;
    data.workspaces.push({
      id: workspaceId,
      slug: profile.slug,
      name: profile.name,
      currency: profile.currency,
      createdAt,
    });
    for (const user of users) {
      data.memberships.push({ workspaceId, userId: user.id, role: user.role, createdAt });
    }

    const teamIds = {} as Record<TeamKey, number>;
    for (const key of TEAM_KEYS) {
      teamIds[key] = next("teams");
      data.teams.push({ id: teamIds[key], workspaceId, name: profile.teamNames[key], createdAt });
    }
    data.teamMembers.push({ teamId: teamIds[DEMO_TEAM_MEMBER_TEAM], userId: roles.team_member });

    const segmentIds = profile.segments.map((segment) => {
      const id = next("segments");
      const { name, description, color } = segment;
      data.segments.push({ id, workspaceId, name, description, color, createdAt });
      return id;
    });

    const stageIds = {} as Record<StageKey, number>;
    const touchpointIds = new Map<string, number>();
    STAGES.forEach((stage, position) => {
      const stageId = next("journeyStages");
      stageIds[stage.key] = stageId;
      data.stages.push({ id: stageId, workspaceId, name: stage.name, position, mainMetric: stage.mainMetric });
      for (const channel of CHANNELS) {
        const name = TOUCHPOINTS[stage.key][channel];
        if (!name) continue;
        const id = next("touchpoints");
        touchpointIds.set(touchpointKey(stage.key, channel), id);
        data.touchpoints.push({ id, workspaceId, stageId, name, channel });
      }
    });

    const themeIds = {} as Record<ThemeKey, number>;
    for (const theme of THEMES) {
      themeIds[theme.key] = next("themes");
      data.themes.push({ id: themeIds[theme.key], workspaceId, name: theme.name, keywords: theme.keywords, createdAt });
    }

    for (const priority of PRIORITIES) {
      data.slaPolicies.push({ workspaceId, priority, ...profile.sla[priority] });
    }

    data.byWorkspace.push({
      plan: wsPlan,
      workspaceId,
      segmentIds,
      stageIds,
      teamIds,
      themeIds,
      users: roles,
      touchpointIds,
    });
  }
  return data;
}
