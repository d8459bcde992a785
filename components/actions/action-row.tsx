"use client";

import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ColumnHeads } from "@/components/layout/column-heads";
import { cn } from "@/components/ui/cn";
import { ActionStatusBadge, OverdueBadge } from "./action-badges";
import { formatCalendarDay } from "./action-format";
import type { ActionListItem } from "./action-types";
import { actionPath } from "./actions-url";

/** One action in a table; an overdue one is tinted and says so in words. */
export function ActionRow({ action, showTeam = true }: { action: ActionListItem; showTeam?: boolean }) {
  const { t, locale } = useI18n();
  const due = formatCalendarDay(locale, action.dueDate);
  return (
    <tr
      className={cn("border-t align-top", action.overdue && "bg-negative/10")}
      data-overdue={action.overdue || undefined}
    >
      <td className="py-2 pe-4 font-medium">
        <Link href={actionPath(action.id)} className="underline-offset-2 hover:underline">
          <bdi>{action.title}</bdi>
        </Link>
      </td>
      <td className="whitespace-nowrap py-2 pe-4">
        <ActionStatusBadge status={action.status} />
      </td>
      <td className="whitespace-nowrap py-2 pe-4">{t(`enumLabels.kpi.${action.kpi}`)}</td>
      <td className="whitespace-nowrap py-2 pe-4 tabular-nums">
        <span className="inline-flex flex-wrap items-center gap-2">
          {due ? (
            <time dateTime={action.dueDate ?? undefined}>{due}</time>
          ) : (
            <span className="text-muted-foreground">{t("actions.noDueDate")}</span>
          )}
          {action.overdue && <OverdueBadge />}
        </span>
      </td>
      {showTeam && (
        <td className="whitespace-nowrap py-2 pe-4">
          {action.ownerTeamName ?? <span className="text-muted-foreground">{t("actions.noTeam")}</span>}
        </td>
      )}
      <td className="whitespace-nowrap py-2">
        {action.assigneeName ?? <span className="text-muted-foreground">{t("actions.unassigned")}</span>}
      </td>
    </tr>
  );
}

/** The header row matching {@link ActionRow}. */
export function ActionTableHead({ showTeam = true }: { showTeam?: boolean }) {
  const { t } = useI18n();
  return (
    <ColumnHeads
      columns={[
        { label: t("actions.colTitle") },
        { label: t("actions.colStatus") },
        { label: t("actions.colKpi") },
        { label: t("actions.colDue") },
        showTeam && { label: t("actions.colTeam") },
        { label: t("actions.colAssignee") },
      ]}
    />
  );
}
