"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ActionRow } from "./action-row";

export function ActionTable() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.actions.list.queryOptions({}));
  const overdue = data.items.filter((action) => action.overdue).length;

  if (data.items.length === 0) {
    return (
      <Card>
        <CardContent className="p-6 text-sm text-muted-foreground">{t("actions.empty")}</CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardContent className="overflow-x-auto p-4">
        {overdue > 0 && (
          <p className="mb-2 text-sm font-medium text-negative" data-testid="actions-overdue">
            {t("actions.overdueSummary", { count: overdue })}
          </p>
        )}
        <table className="w-full text-sm" aria-label={t("actions.tableLabel")}>
          <thead className="text-muted-foreground">
            <tr>
              <th className="py-2 pe-4 text-start font-medium">{t("actions.colTitle")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("actions.colStatus")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("actions.colKpi")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("actions.colDue")}</th>
              <th className="py-2 pe-4 text-start font-medium">{t("actions.colTeam")}</th>
              <th className="py-2 text-start font-medium">{t("actions.colAssignee")}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((action) => (
              <ActionRow key={action.id} action={action} />
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}

export function ActionTableSkeleton() {
  return (
    <div className="grid gap-2" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}
