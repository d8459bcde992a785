"use client";

import dynamic from "next/dynamic";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// next/dynamic wants its options written out at every call (the compiler reads them statically)

/**
 * The dashboard charts, loaded after the page: recharts and its state library weigh ~120 KB gzipped,
 * which would take the dashboard route past its 300 KB budget if it came with the first load. The KPI
 * tiles and the journey heatmap (an HTML table) need no chart library and render at once; these fill
 * in around them. Not server-rendered: the charts measure their container in the browser anyway.
 */
function ChartPlaceholder() {
  return (
    <Card className="p-5" aria-busy="true">
      <Skeleton className="mb-3 h-5 w-48" />
      <Skeleton className="h-72 w-full" />
    </Card>
  );
}

export const LazySegmentNpsRevenueChart = dynamic(
  () => import("@/components/segment/segment-nps-revenue-chart").then((module) => module.SegmentNpsRevenueChart),
  { ssr: false, loading: ChartPlaceholder },
);
export const LazySegmentValueChart = dynamic(
  () => import("@/components/segment/segment-value-chart").then((module) => module.SegmentValueChart),
  { ssr: false, loading: ChartPlaceholder },
);
export const LazyRevenueAtRiskChart = dynamic(
  () => import("@/components/segment/revenue-at-risk-chart").then((module) => module.RevenueAtRiskChart),
  { ssr: false, loading: ChartPlaceholder },
);
export const LazyTrendsChart = dynamic(() => import("./trends-chart").then((module) => module.TrendsChart), {
  ssr: false,
  loading: ChartPlaceholder,
});
