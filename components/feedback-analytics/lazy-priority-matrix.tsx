"use client";

import dynamic from "next/dynamic";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

function MatrixPlaceholder() {
  return (
    <Card className="p-5" aria-busy="true">
      <Skeleton className="mb-3 h-5 w-56" />
      <Skeleton className="h-[400px] w-full" />
    </Card>
  );
}

/**
 * The priority matrix, loaded after the page as the dashboard's charts are (lazy-charts.tsx):
 * recharts weighs ~120 KB gzipped, and the table beneath needs none of it. Not server-rendered:
 * the chart measures its container in the browser anyway.
 */
export const LazyPriorityMatrixChart = dynamic(
  () => import("./priority-matrix-chart").then((module) => module.PriorityMatrixChart),
  { ssr: false, loading: MatrixPlaceholder },
);
