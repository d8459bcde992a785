"use client";

import { ChevronDown } from "lucide-react";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useWhen } from "./integrations-format";
import { LifecycleCells } from "./integrations-lifecycle-cells";
import type { WebhookAction, WebhookEndpoint } from "./integrations-types";
import { WebhookDeliveries } from "./integrations-webhook-deliveries";

/**
 * One endpoint: what it is, when it last stored a delivery, whether it is live; its actions; and,
 * disclosed under it, its recent deliveries (a row spanning `columns`).
 */
export function WebhookRow({
  endpoint,
  columns,
  onAction,
}: {
  endpoint: WebhookEndpoint;
  columns: number;
  onAction: (action: WebhookAction) => void;
}) {
  const { t } = useI18n();
  const when = useWhen();
  const [showDeliveries, setShowDeliveries] = useState(false);
  const deliveriesId = useId();
  const names = { name: endpoint.name };
  const action = (kind: WebhookAction, label: string, aria: string, destructive = false) => (
    <Button
      variant="ghost"
      size="sm"
      className={destructive ? "text-destructive hover:text-destructive" : undefined}
      aria-label={aria}
      onClick={() => onAction(kind)}
    >
      {label}
    </Button>
  );
  return (
    <>
      <tr className="border-t align-top">
        <th scope="row" className="py-3 pe-4 text-start font-medium">
          <bdi>{endpoint.name}</bdi>
        </th>
        <td className="py-3 pe-4">{t(`settingsIntegrations.webhooks.tools.${endpoint.tool}`)}</td>
        <LifecycleCells
          createdAt={endpoint.createdAt}
          createdByName={endpoint.createdByName}
          lastAt={endpoint.lastReceivedAt}
          activeLabel={t("settingsIntegrations.webhooks.active")}
          off={endpoint.revokedAt && t("settingsIntegrations.webhooks.disabledOn", { date: when(endpoint.revokedAt) })}
        />
        <td className="py-2">
          <div className="flex justify-end gap-1 whitespace-nowrap">
            <Button
              variant="ghost"
              size="sm"
              aria-label={t("settingsIntegrations.webhooks.deliveries.toggleLabel", names)}
              aria-expanded={showDeliveries}
              aria-controls={showDeliveries ? deliveriesId : undefined}
              onClick={() => setShowDeliveries((shown) => !shown)}
            >
              <ChevronDown
                aria-hidden
                className={showDeliveries ? "size-4 rotate-180 transition-transform" : "size-4 transition-transform"}
              />
              {showDeliveries
                ? t("settingsIntegrations.webhooks.deliveries.hide")
                : t("settingsIntegrations.webhooks.deliveries.show")}
            </Button>
            {action(
              "edit",
              t("settingsIntegrations.webhooks.edit"),
              t("settingsIntegrations.webhooks.editLabel", names),
            )}
            {endpoint.tool !== "delighted" &&
              action(
                "rotate",
                t("settingsIntegrations.webhooks.rotate"),
                t("settingsIntegrations.webhooks.rotateLabel", names),
              )}
            {endpoint.revokedAt
              ? action(
                  "enable",
                  t("settingsIntegrations.webhooks.enable"),
                  t("settingsIntegrations.webhooks.enableLabel", names),
                )
              : action(
                  "disable",
                  t("settingsIntegrations.webhooks.disable"),
                  t("settingsIntegrations.webhooks.disableLabel", names),
                )}
            {action(
              "remove",
              t("settingsIntegrations.webhooks.remove"),
              t("settingsIntegrations.webhooks.removeLabel", names),
              true,
            )}
          </div>
        </td>
      </tr>
      {showDeliveries && (
        <tr id={deliveriesId}>
          <td colSpan={columns} className="pb-3">
            <WebhookDeliveries endpoint={endpoint} />
          </td>
        </tr>
      )}
    </>
  );
}
