"use client";

import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ActionDetail } from "./action-types";

/** The status history, oldest first: who moved the action from what to what, when, and the note or reason. */
export function ActionHistory({ history, when }: { history: ActionDetail["history"]; when: Intl.DateTimeFormat }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-base font-semibold">
        {t("actions.history.heading")}
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("actions.history.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2 border-s ps-4">
          {history.map((entry) => {
            const who = entry.changedByName ?? t("actions.someone");
            const to = t(`enumLabels.actionStatus.${entry.toStatus}`);
            return (
              <li key={entry.id} className="text-sm">
                <p>
                  {entry.fromStatus === null
                    ? t("actions.history.created", { who, status: to })
                    : t("actions.history.moved", {
                        who,
                        from: t(`enumLabels.actionStatus.${entry.fromStatus}`),
                        to,
                      })}
                </p>
                <p className="text-xs text-muted-foreground">
                  <time dateTime={entry.changedAt.toISOString()}>{when.format(entry.changedAt)}</time>
                </p>
                {entry.note && (
                  <p dir="auto" className="mt-1 whitespace-pre-wrap rounded bg-muted/60 p-2 text-xs">
                    {entry.note}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
