"use client";

import dynamic from "next/dynamic";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// next/dynamic wants its options written out at every call (the compiler reads them statically)

/**
 * Parts of the actions page that load when needed: the create dialog (opened by a click or a
 * `?create=1` link) and the Impact view's chart (recharts weighs ~120 KB gzipped, see
 * components/dashboard/lazy-charts.tsx), so the board's first load stays light.
 */
function ChartPlaceholder() {
  return (
    <Card className="p-5" aria-busy="true">
      <Skeleton className="mb-3 h-5 w-48" />
      <Skeleton className="h-40 w-full" />
    </Card>
  );
}

export const LazyActionCreateDialog = dynamic(
  () => import("./action-create-dialog").then((module) => module.ActionCreateDialog),
  { ssr: false },
);
export const LazyImpactWorthChart = dynamic(
  () => import("./impact-worth-chart").then((module) => module.ImpactWorthChart),
  { ssr: false, loading: ChartPlaceholder },
);
