"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { LoadMoreButton } from "@/components/layout/load-more-button";
import { TableSkeleton } from "@/components/layout/table-skeleton";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ColumnHeads } from "@/components/layout/column-heads";
import { Card, CardContent } from "@/components/ui/card";
import { type CustomerSegmentFilter, customersListInput, nextCustomersCursor } from "./customer-query";

/**
 * Customers newest first, with keyset "Load more". `segmentId` keeps one segment's customers (the
 * segment page passes it and `label`); each customer ID opens the customer's page.
 */
export function CustomerTable({
  search,
  segmentId,
  label,
}: {
  search: string;
  segmentId?: CustomerSegmentFilter;
  label?: string;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions(customersListInput(search, segmentId), {
      getNextPageParam: nextCustomersCursor,
    }),
  );
  const items = query.data.pages.flatMap((page) => page.items);
  // calendar dates in UTC: server and browser render the same day
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;
  const showSegment = segmentId === undefined;

  if (items.length === 0) {
    const empty =
      search && segmentId !== undefined
        ? t("customers.noMatchInSegment", { search })
        : search
          ? t("customers.noMatch", { search })
          : segmentId !== undefined
            ? t("customers.emptySegment")
            : t("customers.empty");
    return (
      <Card>
        <CardContent role="status" className="p-6 text-sm text-muted-foreground">
          {empty}
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardContent className="overflow-x-auto p-4">
        <table className="w-full text-sm" aria-label={label ?? t("customers.tableLabel")}>
          <ColumnHeads
            columns={[
              { label: t("customers.colId") },
              { label: t("customers.colName") },
              showSegment && { label: t("customers.colSegment") },
              { label: t("customers.colRegion") },
              { label: t("customers.colSince") },
              { label: t("customers.colStatus") },
            ]}
          />
          <tbody>
            {items.map((c) => (
              <tr key={c.id} className="border-t align-top">
                <td className="whitespace-nowrap py-2 pe-4 font-mono text-xs">
                  <Link href={`/customers/${c.id}`} className="text-primary underline-offset-4 hover:underline">
                    {c.externalId}
                  </Link>
                </td>
                {/* <bdi>: a Hebrew or Persian name reads right to left without flipping the cell */}
                <td className="py-2 pe-4">{c.name ? <bdi>{c.name}</bdi> : muted(t("customers.noName"))}</td>
                {showSegment && (
                  <td className="whitespace-nowrap py-2 pe-4">
                    {c.segmentName ? <bdi>{c.segmentName}</bdi> : muted(t("customers.noSegment"))}
                  </td>
                )}
                <td className="whitespace-nowrap py-2 pe-4">{c.region ?? muted(t("lists.none"))}</td>
                <td className="whitespace-nowrap py-2 pe-4 tabular-nums">{day.format(c.createdAt)}</td>
                <td className="whitespace-nowrap py-2">
                  {c.churnedAt ? (
                    <span className="text-negative">{t("customers.churned", { date: day.format(c.churnedAt) })}</span>
                  ) : (
                    <span className="text-positive">{t("customers.active")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <LoadMoreButton query={query} />
      </CardContent>
    </Card>
  );
}

export function CustomerTableSkeleton() {
  return <TableSkeleton />;
}
