"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMoney } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ColumnHeads } from "@/components/layout/column-heads";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ActionStatusBadge, VerdictBadge } from "./action-badges";
import { type ActionImpact, IMPACT_OVERVIEW_INPUT } from "./action-types";
import { actionPath } from "./actions-url";
import { CHANGE_UNIT_LABEL, changeUnit, formatKpiChange, formatKpiInterval } from "./impact-format";
import { LazyImpactWorthChart } from "./lazy-action-parts";
import { LoadFailed } from "./load-failed";
import { LoadingState } from "./loading-state";
import { UpForReviewView } from "./up-for-review";

/**
 * The Impact view: every done and verified action with its measured KPI change (difference-in-
 * differences against customers outside the scope, or before/after without a comparison group),
 * the 95% interval, the sample sizes, the verdict in words, and the revenue the change is worth;
 * the server orders them by that worth. A chart draws the worth with its interval; what is up for
 * review follows.
 */
export function ImpactView({ currency }: { currency: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const overview = useQuery(trpc.actions.impactOverview.queryOptions(IMPACT_OVERVIEW_INPUT));

  if (overview.isPending) {
    return (
      <LoadingState label={t("actions.impact.loading")}>
        <Skeleton className="h-48" />
        <Skeleton className="h-64" />
      </LoadingState>
    );
  }
  if (overview.isError) {
    return (
      <LoadFailed
        framed
        title={t("actions.impact.loadFailed")}
        error={overview.error}
        onRetry={() => void overview.refetch()}
      />
    );
  }
  const items = overview.data.items;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground">
        {t("actions.impact.method", { days: IMPACT_OVERVIEW_INPUT.windowDays })}
      </p>
      {items.length === 0 ? (
        <Card>
          <CardContent className="p-6 text-sm text-muted-foreground">{t("actions.impact.empty")}</CardContent>
        </Card>
      ) : (
        <>
          <LazyImpactWorthChart items={items} currency={currency} />
          <ImpactTable items={items} currency={currency} />
        </>
      )}
      <UpForReviewView currency={currency} />
    </div>
  );
}

function ImpactTable({ items, currency }: { items: readonly ActionImpact[]; currency: string }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <CardContent className="overflow-x-auto p-4">
        <table className="w-full text-sm">
          <caption className="mb-2 text-start text-base font-semibold">{t("actions.impact.tableTitle")}</caption>
          <ColumnHeads
            columns={[
              { label: t("actions.colTitle") },
              { label: t("actions.colKpi") },
              { label: t("actions.impact.colVerdict") },
              { label: t("actions.impact.colChange") },
              { label: t("actions.impact.colSamples") },
              { label: t("actions.impact.colWorth"), align: "end" },
            ]}
          />
          <tbody>
            {items.map((item) => {
              const headline = item.headline;
              const ci = headline ? formatKpiInterval(locale, item.kpi, headline.ci95, currency) : null;
              const sizes = item.measurement?.sampleSizes;
              return (
                <tr key={item.actionId} className="border-t align-top">
                  <td className="py-2 pe-4">
                    <Link href={actionPath(item.actionId)} className="font-medium underline-offset-2 hover:underline">
                      <bdi>{item.title}</bdi>
                    </Link>
                    <div className="mt-1">
                      <ActionStatusBadge status={item.status} />
                    </div>
                  </td>
                  <td className="whitespace-nowrap py-2 pe-4">{t(`enumLabels.kpi.${item.kpi}`)}</td>
                  <td className="max-w-80 py-2 pe-4">
                    <VerdictBadge verdict={item.verdict} />
                    <p className="mt-1 text-xs text-muted-foreground">{item.explanation}</p>
                  </td>
                  <td className="whitespace-nowrap py-2 pe-4 tabular-nums">
                    {headline && ci ? (
                      <>
                        <span className="font-medium">
                          {formatKpiChange(locale, item.kpi, headline.estimate, currency)}{" "}
                          {t(CHANGE_UNIT_LABEL[changeUnit(item.kpi)])}
                        </span>
                        <span className="block text-xs text-muted-foreground">
                          {t("actions.impact.ciShort", { low: ci.low, high: ci.high })}
                        </span>
                        <span className="block text-xs text-muted-foreground">
                          {item.comparison ? t("actions.impact.methodDid") : t("actions.impact.methodBeforeAfter")}
                        </span>
                      </>
                    ) : (
                      <span className="text-muted-foreground">{t("actions.impact.notMeasured")}</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap py-2 pe-4 text-xs tabular-nums">
                    {sizes ? (
                      <>
                        <span className="block">
                          {t("actions.impact.scopeSamples", {
                            before: sizes.scopeBefore ?? 0,
                            after: sizes.scopeAfter ?? 0,
                          })}
                        </span>
                        {item.comparison && (
                          <span className="block text-muted-foreground">
                            {t("actions.impact.comparisonSamples", {
                              before: sizes.comparisonBefore ?? 0,
                              after: sizes.comparisonAfter ?? 0,
                            })}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap py-2 text-end tabular-nums">
                    {item.worth ? (
                      <>
                        <span className="font-medium">
                          {formatMoney(locale, item.worth.estimate, item.worth.currency, { signed: true })}
                        </span>
                        <span className="block text-xs text-muted-foreground">
                          {t("actions.impact.ciShort", {
                            low: formatMoney(locale, item.worth.ci95[0], item.worth.currency, { signed: true }),
                            high: formatMoney(locale, item.worth.ci95[1], item.worth.currency, { signed: true }),
                          })}
                        </span>
                      </>
                    ) : (
                      <span className="text-muted-foreground">{t("actions.impact.noWorth")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
