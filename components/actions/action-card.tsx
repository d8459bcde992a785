"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import { OverdueBadge } from "./action-badges";
import { formatCalendarDay } from "./action-format";
import type { ActionListItem } from "./action-types";
import { actionPath } from "./actions-url";

/** One action on the board: its title links to the action; team, assignee, KPI and due date below. */
export function ActionCard({ action }: { action: ActionListItem }) {
  const { t, locale } = useI18n();
  const due = formatCalendarDay(locale, action.dueDate);
  return (
    <li
      data-testid="action-card"
      className={cn(
        "flex flex-col gap-1.5 rounded-lg border bg-card p-3 text-sm shadow-xs",
        action.overdue && "border-negative/50 bg-negative/5",
      )}
    >
      <Link
        href={actionPath(action.id)}
        className="font-medium leading-snug underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <bdi>{action.title}</bdi>
      </Link>
      <p className="text-xs text-muted-foreground">
        {action.ownerTeamName ?? t("actions.noTeam")} · {action.assigneeName ?? t("actions.unassigned")}
      </p>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <span className="rounded bg-muted px-1.5 py-0.5 font-medium">{t(`enumLabels.kpi.${action.kpi}`)}</span>
        {due ? (
          <span className="tabular-nums text-muted-foreground">
            {t("actions.dueOn")} <time dateTime={action.dueDate ?? undefined}>{due}</time>
          </span>
        ) : (
          <span className="text-muted-foreground">{t("actions.noDueDate")}</span>
        )}
        {action.overdue && <OverdueBadge />}
      </div>
    </li>
  );
}
