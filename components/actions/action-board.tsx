"use client";

import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ActionCard } from "./action-card";
import { groupActionsByStatus } from "./action-groups";
import type { ActionListItem } from "./action-types";

/**
 * The board: one column per status in workflow order (proposed → verified), each a labelled list;
 * dropped actions in a collapsed section below. Read-only: status moves happen on the action, where
 * the rules (who may make which move, the reason to drop) are shown.
 */
export function ActionBoard({ items }: { items: readonly ActionListItem[] }) {
  const { t } = useI18n();
  const { columns, dropped } = groupActionsByStatus(items);
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5" data-testid="action-board">
        {columns.map((column) => (
          <BoardColumn
            key={column.status}
            title={t(`enumLabels.actionStatus.${column.status}`)}
            items={column.items}
            empty={t("actions.board.emptyColumn")}
          />
        ))}
      </div>
      {dropped.length > 0 && (
        <details className="rounded-xl border bg-muted/30 p-3">
          <summary className="cursor-pointer text-sm font-semibold">
            {t("actions.board.dropped", { count: dropped.length })}
          </summary>
          <ul
            className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3"
            aria-label={t("enumLabels.actionStatus.dropped")}
          >
            {dropped.map((action) => (
              <ActionCard key={action.id} action={action} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function BoardColumn({ title, items, empty }: { title: string; items: readonly ActionListItem[]; empty: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2 rounded-xl bg-muted/40 p-2.5">
      <h2 id={headingId} className="flex items-center justify-between px-1 text-sm font-semibold">
        {title}
        <span className="rounded-full bg-background px-2 text-xs font-medium tabular-nums text-muted-foreground">
          {items.length}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="px-1 py-2 text-xs text-muted-foreground">{empty}</p>
      ) : (
        <ul aria-labelledby={headingId} className="flex flex-col gap-2">
          {items.map((action) => (
            <ActionCard key={action.id} action={action} />
          ))}
        </ul>
      )}
    </section>
  );
}
