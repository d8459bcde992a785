"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { WebhookTool } from "@/server/domain/ingest/integrations";
import { OneTimeDialog, type OneTimeValues } from "./integrations-one-time-dialog";
import { IntegrationsSection } from "./integrations-section";
import { IntegrationsTable } from "./integrations-table";
import type { WebhookAction, WebhookEndpoint } from "./integrations-types";
import { EditWebhookForm } from "./integrations-webhook-edit";
import { WebhookDialog, type ConfirmedAction } from "./integrations-webhook-dialog";
import { WebhookForm, type CreatedWebhook } from "./integrations-webhook-form";
import { WebhookRow } from "./integrations-webhook-row";
import { mutationMessage } from "./mutation-message";

const COLUMNS = ["colName", "colTool", "colCreated", "colLastDelivery", "colStatus"] as const;

/**
 * Settings → Integrations: the workspace's webhook endpoints. Creating one shows its absolute URL
 * (built on `origin`, the address this page was requested at) and its secret once; each endpoint
 * can be edited, get a new secret, be disabled and enabled, or be deleted.
 */
export function WebhooksSection({ origin }: { origin: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: endpoints } = useSuspenseQuery(trpc.webhooks.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<WebhookEndpoint | null>(null);
  const [confirming, setConfirming] = useState<{ endpoint: WebhookEndpoint; action: ConfirmedAction } | null>(null);
  const [shown, setShown] = useState<OneTimeValues | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.webhooks.list.queryFilter());
  const enable = useMutation(
    trpc.webhooks.enable.mutationOptions({
      onSuccess: (_, { id }) => {
        const name = endpoints.find((e) => e.id === id)?.name ?? "";
        setNotice(t("settingsIntegrations.webhooks.notices.enabled", { name }));
        void refresh();
      },
    }),
  );
  const toolName = (tool: WebhookTool) => t(`settingsIntegrations.webhooks.tools.${tool}`);

  function created({ tool, name, path, generatedSecret }: CreatedWebhook) {
    setAdding(false);
    setNotice(t("settingsIntegrations.webhooks.notices.created", { name }));
    setShown({
      title: t("settingsIntegrations.webhooks.createdTitle", { tool: toolName(tool) }),
      warning: t("settingsIntegrations.webhooks.createdWarning"),
      values: [
        { label: t("settingsIntegrations.webhooks.urlLabel"), value: new URL(path, origin).toString() },
        ...(generatedSecret ? [{ label: t("settingsIntegrations.webhooks.secretLabel"), value: generatedSecret }] : []),
      ],
      steps: t(`settingsIntegrations.webhooks.steps.${tool}`),
    });
    void refresh();
  }

  function act(endpoint: WebhookEndpoint, action: WebhookAction) {
    setNotice(null);
    enable.reset();
    if (action === "edit") {
      setAdding(false);
      setEditing(endpoint);
    } else if (action === "enable") {
      enable.mutate({ id: endpoint.id });
    } else {
      setConfirming({ endpoint, action });
    }
  }

  function confirmed(generatedSecret: string | null) {
    if (!confirming) return;
    const { endpoint, action } = confirming;
    const notices = { rotate: "rotated", disable: "disabled", remove: "removed" } as const;
    setNotice(t(`settingsIntegrations.webhooks.notices.${notices[action]}`, { name: endpoint.name }));
    if (generatedSecret) {
      setShown({
        title: t("settingsIntegrations.webhooks.rotatedTitle"),
        warning: t("settingsIntegrations.webhooks.createdWarning"),
        values: [{ label: t("settingsIntegrations.webhooks.newSecret"), value: generatedSecret }],
        steps: t(`settingsIntegrations.webhooks.steps.${endpoint.tool}`),
      });
    }
    if (action === "remove" && editing?.id === endpoint.id) setEditing(null);
    setConfirming(null);
    void refresh();
  }

  return (
    <IntegrationsSection
      title={t("settingsIntegrations.webhooks.title")}
      description={t("settingsIntegrations.webhooks.description")}
      addLabel={t("settingsIntegrations.webhooks.add")}
      onAdd={
        adding
          ? null
          : () => {
              setNotice(null);
              setEditing(null);
              setAdding(true);
            }
      }
      overlays={
        <>
          {confirming && (
            <WebhookDialog
              key={`${confirming.action}-${confirming.endpoint.id}`}
              endpoint={confirming.endpoint}
              action={confirming.action}
              onCancel={() => setConfirming(null)}
              onDone={({ generatedSecret }) => confirmed(generatedSecret)}
            />
          )}
          <OneTimeDialog shown={shown} onDone={() => setShown(null)} />
        </>
      }
    >
      {adding && <WebhookForm onCreated={created} onCancel={() => setAdding(false)} />}
      {editing && (
        <EditWebhookForm
          key={editing.id}
          endpoint={editing}
          onCancel={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setNotice(t("settingsIntegrations.webhooks.notices.updated", { name }));
            void refresh();
          }}
        />
      )}
      <p className="text-sm text-positive empty:hidden" role="status">
        {notice}
      </p>
      {enable.error && (
        <p className="text-sm text-destructive" role="alert">
          {mutationMessage(enable.error)}
        </p>
      )}
      {endpoints.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("settingsIntegrations.webhooks.empty")}</p>
      ) : (
        <IntegrationsTable
          label={t("settingsIntegrations.webhooks.tableLabel")}
          columns={COLUMNS.map((column) => t(`settingsIntegrations.webhooks.${column}`))}
          actionsLabel={t("settingsIntegrations.webhooks.colActions")}
        >
          {endpoints.map((endpoint) => (
            <WebhookRow
              key={endpoint.id}
              endpoint={endpoint}
              columns={COLUMNS.length + 1}
              onAction={(action) => act(endpoint, action)}
            />
          ))}
        </IntegrationsTable>
      )}
      <p className="text-xs text-muted-foreground">{t("settingsIntegrations.webhooks.deliveriesNote")}</p>
    </IntegrationsSection>
  );
}
