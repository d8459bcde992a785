"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useId, useMemo } from "react";
import { useTimeZone } from "@/components/feedback/use-time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { WebhookDeliveryRow, WebhookEndpoint } from "./integrations-types";

/** Deliveries shown of the last 100 the log keeps. */
const SHOWN = 20;

const ITEM_KINDS = [
  ["itemsCreated", "created"],
  ["itemsUpdated", "updated"],
  ["itemsUnchanged", "unchanged"],
  ["itemsIgnored", "ignored"],
] as const;

/**
 * An endpoint's recent deliveries (time, status, outcome, items, the message the tool was
 * answered), newest first, read when the row's disclosure opens; refreshed on demand, so an admin
 * can send a test delivery and see it arrive. Empty, it says how to send a test delivery.
 */
export function WebhookDeliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const deliveries = useQuery(trpc.webhooks.deliveries.queryOptions({ endpointId: endpoint.id, limit: SHOWN }));
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone }),
    [locale, timeZone],
  );
  const names = { name: endpoint.name };
  const headingId = useId();
  const itemsOf = (delivery: WebhookDeliveryRow) => {
    const parts = ITEM_KINDS.filter(([column]) => delivery[column] > 0).map(([column, kind]) =>
      t(`settingsIntegrations.webhooks.deliveries.items.${kind}`, { count: delivery[column] }),
    );
    return parts.length > 0 ? parts.join(", ") : t("settingsIntegrations.webhooks.deliveries.noItems");
  };

  return (
    <section className="space-y-2 rounded-md border bg-muted/30 p-3" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-medium">
          {t("settingsIntegrations.webhooks.deliveries.title", names)}
        </h3>
        <Button variant="outline" size="sm" disabled={deliveries.isFetching} onClick={() => void deliveries.refetch()}>
          <RefreshCw aria-hidden className={deliveries.isFetching ? "size-3.5 animate-spin" : "size-3.5"} />
          {deliveries.isFetching
            ? t("settingsIntegrations.webhooks.deliveries.refreshing")
            : t("settingsIntegrations.webhooks.deliveries.refresh")}
        </Button>
      </div>
      {deliveries.isPending ? (
        <div className="space-y-2" aria-busy="true">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      ) : deliveries.isError ? (
        <p className="text-sm text-destructive" role="alert">
          {t("settingsIntegrations.webhooks.deliveries.failed", { message: deliveries.error.message })}
        </p>
      ) : deliveries.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {t("settingsIntegrations.webhooks.deliveries.empty")}{" "}
          {t(`settingsIntegrations.webhooks.deliveries.test.${endpoint.tool}`)}
        </p>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table
              className="w-full text-sm"
              aria-label={t("settingsIntegrations.webhooks.deliveries.tableLabel", names)}
            >
              <thead className="text-muted-foreground">
                <tr>
                  {(["colTime", "colStatus", "colOutcome", "colItems", "colMessage"] as const).map((column) => (
                    <th key={column} scope="col" className="whitespace-nowrap py-1.5 pe-4 text-start font-medium">
                      {t(`settingsIntegrations.webhooks.deliveries.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {deliveries.data.map((delivery) => (
                  <tr key={delivery.id} className="border-t align-top">
                    <td className="whitespace-nowrap py-1.5 pe-4">{when.format(delivery.receivedAt)}</td>
                    <td className="whitespace-nowrap py-1.5 pe-4">
                      <span className="font-mono tabular-nums">{delivery.httpStatus}</span>{" "}
                      <span className="text-xs text-muted-foreground">
                        {t("settingsIntegrations.webhooks.deliveries.took", { ms: delivery.durationMs })}
                      </span>
                    </td>
                    <td className="py-1.5 pe-4">
                      <Badge tone={delivery.outcome === "accepted" ? "positive" : "negative"}>
                        {t(`settingsIntegrations.webhooks.deliveries.outcomes.${delivery.outcome}`)}
                      </Badge>
                    </td>
                    <td className="whitespace-nowrap py-1.5 pe-4">{itemsOf(delivery)}</td>
                    <td className="min-w-64 py-1.5 text-muted-foreground [overflow-wrap:anywhere]">
                      {delivery.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-muted-foreground">
            {t("settingsIntegrations.webhooks.deliveries.shown", { count: SHOWN })}
          </p>
        </>
      )}
    </section>
  );
}
