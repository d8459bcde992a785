"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { StageCard } from "./stage-card";

/** Stages left to right in journey order; a logical flex row, so it reads right to left in RTL. */
export function JourneyMap() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.journeys.list.queryOptions());

  if (data.items.length === 0) {
    return (
      <Card>
        <CardContent className="p-6 text-sm text-muted-foreground">{t("journeys.empty")}</CardContent>
      </Card>
    );
  }
  return (
    <ol className="flex gap-4 overflow-x-auto pb-4">
      {data.items.map((stage, index) => (
        <li key={stage.id} className="flex w-60 shrink-0">
          <StageCard stage={stage} number={index + 1} />
        </li>
      ))}
    </ol>
  );
}

export function JourneyMapSkeleton() {
  return (
    <div className="flex gap-4 overflow-hidden" aria-busy="true">
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-64 w-64 shrink-0 rounded-xl" />
      ))}
    </div>
  );
}
