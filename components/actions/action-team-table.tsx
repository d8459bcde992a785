"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardContent } from "@/components/ui/card";
import { groupActionsByTeam } from "./action-groups";
import { ActionRow, ActionTableHead } from "./action-row";
import type { ActionListItem } from "./action-types";

/** The table by team: one captioned table per owner team (no team last), overdue actions highlighted. */
export function ActionTeamTable({ items }: { items: readonly ActionListItem[] }) {
  const { t, locale } = useI18n();
  const groups = groupActionsByTeam(items, locale);
  return (
    <div className="flex flex-col gap-4" data-testid="action-team-table">
      {groups.map((group) => {
        const name = group.teamName ?? t("actions.noTeam");
        return (
          <Card key={group.teamId ?? "none"}>
            <CardContent className="overflow-x-auto p-4">
              <table className="w-full text-sm">
                <caption className="mb-2 text-start">
                  <span className="text-base font-semibold text-foreground">{name}</span>
                  <span className="ms-3 text-sm text-muted-foreground">
                    {t("actions.table.teamSummary", { count: group.items.length })}
                  </span>
                  {group.overdue > 0 && (
                    <span className="ms-3 text-sm font-medium text-negative">
                      {t("actions.overdueSummary", { count: group.overdue })}
                    </span>
                  )}
                </caption>
                <ActionTableHead showTeam={false} />
                <tbody>
                  {group.items.map((action) => (
                    <ActionRow key={action.id} action={action} showTeam={false} />
                  ))}
                </tbody>
              </table>
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}

/** My actions: one table, soonest due first, overdue ones highlighted. */
export function MyActionsTable({ items }: { items: readonly ActionListItem[] }) {
  const { t } = useI18n();
  const overdue = items.filter((action) => action.overdue).length;
  return (
    <Card>
      <CardContent className="overflow-x-auto p-4">
        {overdue > 0 && (
          <p className="mb-2 text-sm font-medium text-negative">{t("actions.overdueSummary", { count: overdue })}</p>
        )}
        <table className="w-full text-sm" aria-label={t("actions.views.mine")}>
          <ActionTableHead />
          <tbody>
            {items.map((action) => (
              <ActionRow key={action.id} action={action} />
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
