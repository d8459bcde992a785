import type { ActionStatus, Channel, Kpi, Role } from "../../server/domain/enums";
import type { StageKey, TeamKey } from "./catalog";
import { DAY_MS, toIso } from "./context";
import type { WorkspaceStats } from "./generate";
import { formatCents } from "./generate-orders";
import type { DemoPlan } from "./plan";
import type { ReferenceData } from "./reference";
import type { ActionFeedbackRow, ActionRow, ActionStatusChangeRow, KpiTargetRow } from "./rows";
import type { ThemeKey } from "./themes";

/** KPI targets and improvement actions: the "set goals" and "act" steps of the CX loop. */
export interface PlanningData {
  kpiTargets: KpiTargetRow[];
  actions: ActionRow[];
  actionStatusChanges: ActionStatusChangeRow[];
  actionFeedback: ActionFeedbackRow[];
}

interface ActionTemplate {
  title: string;
  description: string;
  team: TeamKey;
  assignee: Role | null;
  stage?: StageKey;
  channel?: Channel;
  theme?: ThemeKey;
  /** Index into the workspace's segments. */
  segment?: number;
  kpi: Kpi;
  baseline: string;
  target: string;
  /** Days before `now` of each status change; the last one is the current status. */
  history: ReadonlyArray<readonly [ActionStatus, number]>;
  dueInDays: number;
  droppedReason?: string;
}

const ACTIONS: readonly ActionTemplate[] = [
  {
    title: "Proactive SMS when a delivery slips",
    description:
      "Text customers as soon as the carrier reports a delay, with a new slot and a one-click refund of the delivery fee.",
    team: "logistics",
    assignee: "cx_manager",
    stage: "delivery",
    theme: "delivery_delay",
    kpi: "csat",
    baseline: "58.00",
    target: "75.00",
    history: [
      ["proposed", 150],
      ["planned", 140],
      ["in_progress", 120],
      ["done", 75],
      ["verified", 30],
    ],
    dueInDays: -70,
  },
  {
    title: "Fix the checkout crash in the mobile app",
    description:
      "Crash reports spike at payment on older Android versions; ship a fix and add a crash-free-sessions alert.",
    team: "digital",
    assignee: "cx_manager",
    channel: "app",
    theme: "app_crash",
    kpi: "nps",
    baseline: "5.00",
    target: "20.00",
    history: [
      ["proposed", 200],
      ["planned", 195],
      ["in_progress", 185],
      ["done", 160],
    ],
    dueInDays: -150,
  },
  {
    title: "De-escalation coaching for call-centre agents",
    description:
      "Two-hour coaching for every agent, call reviews with team leads and a callback promise for escalations.",
    team: "service",
    assignee: "team_member",
    channel: "call_centre",
    theme: "rude_staff",
    kpi: "ces",
    baseline: "4.60",
    target: "5.20",
    history: [
      ["proposed", 60],
      ["planned", 50],
      ["in_progress", 35],
    ],
    dueInDays: 30,
  },
  {
    title: "Plain-language invoices and a duplicate-charge check",
    description:
      "Rewrite the invoice layout with customers and block a second charge for the same order within 24 hours.",
    team: "service",
    assignee: null,
    stage: "service",
    theme: "billing",
    kpi: "csat",
    baseline: "55.00",
    target: "70.00",
    history: [
      ["proposed", 20],
      ["planned", 10],
    ],
    dueInDays: 75,
  },
  {
    title: "Price-match guarantee pilot",
    description: "Match a competitor's advertised price for the most price-sensitive segment for one quarter.",
    team: "store",
    assignee: null,
    segment: 4,
    theme: "price",
    kpi: "churn",
    baseline: "30.00",
    target: "22.00",
    history: [
      ["proposed", 120],
      ["planned", 110],
      ["dropped", 95],
    ],
    dueInDays: -30,
    droppedReason: "Margin impact too high; revisit after the pricing review.",
  },
  {
    title: "Weekend staffing in flagship stores",
    description: "Queues on Saturdays drive low store scores; add two staff per flagship store on weekends.",
    team: "store",
    assignee: null,
    channel: "store",
    kpi: "nps",
    baseline: "18.00",
    target: "28.00",
    history: [["proposed", 5]],
    dueInDays: 60,
  },
];

/** Per workspace: [NPS, Delivery CSAT, Service CES, first-segment NPS, churn %, revenue growth, app NPS]. */
const TARGET_VALUES: ReadonlyArray<readonly [string, string, string, string, string, number, string]> = [
  ["30.00", "80.00", "5.50", "60.00", "8.00", 1.08, "25.00"],
  ["10.00", "75.00", "5.00", "25.00", "12.00", 1.05, "10.00"],
];

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Built after the activity stream, from the ids and figures it collected. */
export function buildPlanning(
  plan: DemoPlan,
  reference: ReferenceData,
  stats: Map<number, WorkspaceStats>,
): PlanningData {
  const data: PlanningData = { kpiTargets: [], actions: [], actionStatusChanges: [], actionFeedback: [] };
  let targetId = plan.ids.kpiTargets;
  let actionId = plan.ids.actions;
  let changeId = plan.ids.actionStatusChanges;
  const now = new Date(plan.nowMs);
  const year = now.getUTCFullYear();
  const reviewDate = isoDate(Date.UTC(year, now.getUTCMonth() + 3, 1));
  const createdAt = toIso(Date.UTC(year, 0, 1) > plan.windowStartMs ? Date.UTC(year, 0, 1) : plan.windowStartMs);

  for (const refs of reference.byWorkspace) {
    const { workspaceId, users } = refs;
    const values = TARGET_VALUES[refs.plan.index % TARGET_VALUES.length] as (typeof TARGET_VALUES)[number];
    const [nps, deliveryCsat, serviceCes, segmentNps, churn, growth, appNps] = values;
    const revenueCents = stats.get(workspaceId)?.revenueCentsLast12Months ?? 0;
    const base = {
      workspaceId,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      reviewDate,
      createdBy: users.cx_manager,
      createdAt,
    };
    const none = { segmentId: null, stageId: null, channel: null };
    const targets: Array<Omit<KpiTargetRow, "id" | keyof typeof base>> = [
      { kpi: "nps", scope: "all", ...none, targetValue: nps },
      { kpi: "csat", scope: "stage", ...none, stageId: refs.stageIds.delivery, targetValue: deliveryCsat },
      { kpi: "ces", scope: "stage", ...none, stageId: refs.stageIds.service, targetValue: serviceCes },
      { kpi: "nps", scope: "segment", ...none, segmentId: refs.segmentIds[0] as number, targetValue: segmentNps },
      { kpi: "nps", scope: "channel", ...none, channel: "app", targetValue: appNps },
      { kpi: "churn", scope: "all", ...none, targetValue: churn },
      {
        kpi: "revenue",
        scope: "all",
        ...none,
        targetValue: formatCents(Math.max(0, Math.round(revenueCents * growth))),
      },
      {
        kpi: "revenue_at_risk",
        scope: "all",
        ...none,
        targetValue: formatCents(Math.max(0, Math.round(revenueCents * 0.05))),
      },
    ];
    for (const target of targets) data.kpiTargets.push({ id: (targetId += 1), ...base, ...target });

    for (const template of ACTIONS) {
      const id = (actionId += 1);
      const [status, lastDaysAgo] = template.history[template.history.length - 1] as readonly [ActionStatus, number];
      const at = (daysAgo: number) => toIso(plan.nowMs - daysAgo * DAY_MS);
      const doneStep = template.history.find(([s]) => s === "done");
      data.actions.push({
        id,
        workspaceId,
        title: template.title,
        description: template.description,
        ownerTeamId: refs.teamIds[template.team],
        assigneeId: template.assignee ? users[template.assignee] : null,
        status,
        dueDate: isoDate(plan.nowMs + template.dueInDays * DAY_MS),
        reviewDate: status === "dropped" ? null : isoDate(plan.nowMs + (template.dueInDays + 45) * DAY_MS),
        scopeSegmentId: template.segment === undefined ? null : (refs.segmentIds[template.segment] ?? null),
        scopeStageId: template.stage ? refs.stageIds[template.stage] : null,
        scopeChannel: template.channel ?? null,
        scopeThemeId: template.theme ? refs.themeIds[template.theme] : null,
        kpi: template.kpi,
        baseline: template.baseline,
        target: template.target,
        completedAt: doneStep ? at(doneStep[1]) : null,
        droppedReason: template.droppedReason ?? null,
        version: template.history.length,
        createdBy: users.cx_manager,
        createdAt: at((template.history[0] as readonly [ActionStatus, number])[1]),
        updatedAt: at(lastDaysAgo),
      });

      let previous: ActionStatus | null = null;
      for (const [toStatus, daysAgo] of template.history) {
        data.actionStatusChanges.push({
          id: (changeId += 1),
          actionId: id,
          fromStatus: previous,
          toStatus,
          changedBy:
            toStatus === "in_progress" && template.assignee === "team_member" ? users.team_member : users.cx_manager,
          changedAt: at(daysAgo),
          note:
            toStatus === "dropped"
              ? (template.droppedReason ?? null)
              : toStatus === "verified"
                ? "KPI moved past the target."
                : null,
        });
        previous = toStatus;
      }

      const samples = template.theme ? (stats.get(workspaceId)?.negativeFeedbackByTheme[template.theme] ?? []) : [];
      for (const feedbackId of samples) data.actionFeedback.push({ actionId: id, feedbackId });
    }
  }
  return data;
}
