"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LoadMoreButton } from "@/components/layout/load-more-button";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ActionBoard } from "./action-board";
import { ActionTeamTable, MyActionsTable } from "./action-team-table";
import { nextActionsCursor } from "./action-types";
import { actionsListInput, type ListView } from "./actions-url";

/** The board, the team table or My actions, over the pages of actions.list loaded so far. */
export function ActionsList({ view }: { view: ListView }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.actions.list.infiniteQueryOptions(actionsListInput(view), { getNextPageParam: nextActionsCursor }),
  );
  const items = query.data.pages.flatMap((page) => page.items);

  if (items.length === 0) {
    return (
      <Card>
        <CardContent className="p-6 text-sm text-muted-foreground">
          {view === "mine" ? t("actions.emptyMine") : t("actions.empty")}
        </CardContent>
      </Card>
    );
  }
  return (
    <div>
      {view === "board" && <ActionBoard items={items} />}
      {view === "table" && <ActionTeamTable items={items} />}
      {view === "mine" && <MyActionsTable items={items} />}
      <LoadMoreButton query={query} />
    </div>
  );
}

export function ActionsListSkeleton() {
  const { t } = useI18n();
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-busy="true">
      <span className="sr-only" role="status">
        {t("actions.loading")}
      </span>
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-48" />
      ))}
    </div>
  );
}
