"use client";

import { useMemo } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { KpiTilesPayload } from "@/server/domain/dashboard/payload";
import { buildTileViews } from "./kpi-tile-model";
import { KpiTile } from "./kpi-tile";

const GRID = "grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6";

/**
 * The six headline KPI tiles of dashboard.kpis (NPS, CSAT, CES, revenue, churn, revenue at risk).
 * Without `data`: skeletons while `loading`, or the error with a Retry button.
 */
export function KpiTiles({
  data,
  loading,
  error,
  onRetry,
}: {
  data?: KpiTilesPayload;
  loading?: boolean;
  error?: string | null;
  onRetry?: () => void;
}) {
  const { t, locale } = useI18n();
  const views = useMemo(() => (data ? buildTileViews(data, t, locale) : []), [data, t, locale]);

  if (error) {
    return (
      <Card role="alert" className="flex flex-wrap items-center justify-between gap-3 p-4">
        <div>
          <p className="text-sm font-medium">{t("dashboard.kpi.errorTitle")}</p>
          <p className="text-sm text-muted-foreground">{error}</p>
        </div>
        {onRetry && (
          <Button variant="outline" size="sm" onClick={onRetry}>
            {t("dashboard.chart.retry")}
          </Button>
        )}
      </Card>
    );
  }
  if (loading || !data) {
    return (
      <div className={GRID} aria-busy="true">
        <span className="sr-only">{t("dashboard.kpi.loading")}</span>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-56 rounded-xl" />
        ))}
      </div>
    );
  }
  return (
    <section aria-label={t("dashboard.kpi.sectionLabel", { period: data.period.label })}>
      <div className={GRID}>
        {views.map((view) => (
          <KpiTile key={view.kpi} view={view} />
        ))}
      </div>
    </section>
  );
}
