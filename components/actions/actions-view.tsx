"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Suspense, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { MessageKey } from "@/server/i18n/core";
import { ActionsList, ActionsListSkeleton } from "./actions-list";
import { ACTION_VIEWS, actionPath, actionsHref, type ActionsView as View, type CreatePrefill } from "./actions-url";
import { ImpactView } from "./impact-view";
import { LazyActionCreateDialog } from "./lazy-action-parts";
import { UpForReviewView } from "./up-for-review";

const VIEW_LABELS: Record<View, MessageKey> = {
  board: "actions.views.board",
  table: "actions.views.table",
  mine: "actions.views.mine",
  impact: "actions.views.impact",
  review: "actions.views.review",
};

export interface ActionsViewProps {
  view: View;
  create: CreatePrefill | null;
  /** URL parameters that were not understood ("name=value"). */
  ignored: string[];
  canManage: boolean;
  currency: string;
}

/**
 * The actions page below its header: the views as links (the view lives in `?view=`, so it can be
 * shared and Back works), the chosen view, and the create dialog when `?create=1` is in the URL.
 */
export function ActionsView({ view, create, ignored, canManage, currency }: ActionsViewProps) {
  const { t } = useI18n();
  const router = useRouter();
  // closes at once; the URL catches up on the next render (a new ?create=1 link is a new object)
  const [dismissed, setDismissed] = useState<CreatePrefill | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("actions.views.label")}>
          <ul className="inline-flex flex-wrap rounded-lg border bg-background p-0.5">
            {ACTION_VIEWS.map((option) => (
              <li key={option}>
                <Link
                  href={actionsHref(option)}
                  aria-current={option === view ? "page" : undefined}
                  scroll={false}
                  className={cn(
                    "block rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    option === view
                      ? "bg-primary text-primary-foreground"
                      : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                  )}
                >
                  {t(VIEW_LABELS[option])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {canManage && (
          <Link href={actionsHref(view, { feedbackIds: [] })} scroll={false} className={buttonVariants({ size: "sm" })}>
            <Plus aria-hidden />
            {t("actions.create.open")}
          </Link>
        )}
      </div>
      {ignored.length > 0 && (
        <p role="status" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
          {t("actions.ignoredParams", { params: ignored.join(", ") })}
        </p>
      )}
      {create && !canManage && (
        <p role="status" className="rounded-lg border p-3 text-sm text-muted-foreground">
          {t("actions.create.notAllowed")}
        </p>
      )}
      {view === "impact" ? (
        <ImpactView currency={currency} />
      ) : view === "review" ? (
        <UpForReviewView currency={currency} />
      ) : (
        <Suspense fallback={<ActionsListSkeleton />}>
          <ActionsList view={view} />
        </Suspense>
      )}
      {create && canManage && create !== dismissed && (
        <LazyActionCreateDialog
          prefill={create}
          onClose={() => {
            setDismissed(create);
            router.replace(actionsHref(view), { scroll: false });
          }}
          onCreated={(id) => router.replace(actionPath(id))}
        />
      )}
    </div>
  );
}
