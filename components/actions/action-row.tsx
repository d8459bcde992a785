"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/components/ui/cn";
import type { AppRouter } from "@/server/api/root";

type Action = inferRouterOutputs<AppRouter>["actions"]["list"]["items"][number];

export function ActionRow({ action }: { action: Action }) {
  const { t, locale } = useI18n();
  // a due date is a calendar day (YYYY-MM-DD): format it as that day, whatever the viewer's zone
  const due = action.dueDate
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${action.dueDate}T00:00:00Z`),
      )
    : null;
  return (
    <tr className={cn("border-t align-top", action.overdue && "bg-destructive/10")}>
      <td className="py-2 pe-4 font-medium">
        <bdi>{action.title}</bdi>
      </td>
      <td className="whitespace-nowrap py-2 pe-4">
        <span className="rounded-full bg-muted px-2 py-0.5 text-xs font-medium">
          {t(`enumLabels.actionStatus.${action.status}`)}
        </span>
      </td>
      <td className="whitespace-nowrap py-2 pe-4">{t(`enumLabels.kpi.${action.kpi}`)}</td>
      <td className="whitespace-nowrap py-2 pe-4 tabular-nums">
        {due ? <time dateTime={action.dueDate ?? undefined}>{due}</time> : (
          <span className="text-muted-foreground">{t("actions.noDueDate")}</span>
        )}
        {action.overdue && (
          <span className="ms-2 rounded-full bg-destructive px-2 py-0.5 text-xs font-medium text-destructive-foreground">
            {t("actions.overdue")}
          </span>
        )}
      </td>
      <td className="whitespace-nowrap py-2 pe-4">
        {action.ownerTeamName ?? <span className="text-muted-foreground">{t("actions.noTeam")}</span>}
      </td>
      <td className="whitespace-nowrap py-2">
        {action.assigneeName ?? <span className="text-muted-foreground">{t("actions.unassigned")}</span>}
      </td>
    </tr>
  );
}
