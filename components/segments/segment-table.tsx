"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { SEGMENT_REVENUE_WINDOW_MONTHS } from "@/server/domain/segments";
import { formatMoney, formatNumber } from "@/server/i18n/core";

export function SegmentTable() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.segments.list.queryOptions());
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());

  if (data.items.length === 0) {
    return (
      <Card>
        <CardContent className="p-6 text-sm text-muted-foreground">{t("segments.empty")}</CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardContent className="overflow-x-auto p-4">
        <table className="w-full text-sm" aria-label={t("segments.tableLabel")}>
          <thead className="text-muted-foreground">
            <tr>
              <th className="py-2 pe-4 text-start font-medium">{t("segments.colSegment")}</th>
              <th className="py-2 pe-4 text-end font-medium">{t("segments.colCustomers")}</th>
              <th className="py-2 pe-4 text-end font-medium">{t("segments.colActive")}</th>
              <th className="py-2 text-end font-medium">
                {t("segments.colRevenue", { months: SEGMENT_REVENUE_WINDOW_MONTHS })}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((segment) => (
              <tr key={segment.id} className="border-t align-top">
                <td className="py-2 pe-4">
                  <div className="flex items-start gap-2">
                    <span
                      className="mt-1 inline-block size-3 shrink-0 rounded-full border"
                      style={{ backgroundColor: segment.color }}
                      aria-hidden
                    />
                    <div>
                      <p className="font-medium" dir="auto">
                        {segment.name}
                      </p>
                      {segment.description && (
                        <p className="text-xs text-muted-foreground" dir="auto">
                          {segment.description}
                        </p>
                      )}
                    </div>
                  </div>
                </td>
                <td className="py-2 pe-4 text-end tabular-nums">{formatNumber(locale, segment.customerCount)}</td>
                <td className="py-2 pe-4 text-end tabular-nums">{formatNumber(locale, segment.activeCustomerCount)}</td>
                <td className="py-2 text-end tabular-nums">{formatMoney(locale, segment.revenue, ws.current.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}

export function SegmentTableSkeleton() {
  return (
    <div className="grid gap-2" aria-busy="true">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </div>
  );
}
