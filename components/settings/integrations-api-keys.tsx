"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ApiKeyForm } from "./integrations-api-key-form";
import { ConfirmDialog } from "./integrations-confirm-dialog";
import { useWhen } from "./integrations-format";
import { OneTimeDialog, type OneTimeValues } from "./integrations-one-time-dialog";
import { IntegrationsSection } from "./integrations-section";
import { IntegrationsTable } from "./integrations-table";
import { LifecycleCells } from "./integrations-lifecycle-cells";
import { mutationMessage } from "./mutation-message";

type Key = { id: number; name: string };

const COLUMNS = ["colName", "colScope", "colPrefix", "colCreated", "colLastUsed", "colStatus"] as const;

/** Settings → Integrations: the workspace's API keys; create one (its token shown once) or revoke one. */
export function ApiKeysSection() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.apiKeys.list.queryOptions());
  const when = useWhen();
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<OneTimeValues | null>(null);
  const [revoking, setRevoking] = useState<Key | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        setNotice(t("settingsIntegrations.keys.revoked", { name: revoking?.name ?? "" }));
        setRevoking(null);
        void refresh();
      },
    }),
  );

  return (
    <IntegrationsSection
      title={t("settingsIntegrations.keys.title")}
      description={t("settingsIntegrations.keys.description")}
      addLabel={t("settingsIntegrations.keys.add")}
      onAdd={
        adding
          ? null
          : () => {
              setNotice(null);
              setAdding(true);
            }
      }
      overlays={
        <>
          {revoking && (
            <ConfirmDialog
              title={t("settingsIntegrations.keys.revokeLabel", { name: revoking.name })}
              message={t("settingsIntegrations.keys.revokeConfirm", { name: revoking.name })}
              confirmLabel={t("settingsIntegrations.keys.revokeYes")}
              pending={revoke.isPending}
              error={revoke.error ? mutationMessage(revoke.error) : null}
              onConfirm={() => revoke.mutate({ id: revoking.id })}
              onCancel={() => setRevoking(null)}
            />
          )}
          <OneTimeDialog shown={shown} onDone={() => setShown(null)} />
        </>
      }
    >
      {adding && (
        <ApiKeyForm
          onCancel={() => setAdding(false)}
          onCreated={({ name, token }) => {
            setAdding(false);
            setNotice(t("settingsIntegrations.keys.created", { name }));
            setShown({
              title: t("settingsIntegrations.keys.tokenTitle"),
              warning: t("settingsIntegrations.keys.tokenWarning"),
              values: [{ label: t("settingsIntegrations.keys.tokenLabel", { name }), value: token }],
            });
            void refresh();
          }}
        />
      )}
      <p className="text-sm text-positive empty:hidden" role="status">
        {notice}
      </p>
      {keys.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("settingsIntegrations.keys.empty")}</p>
      ) : (
        <IntegrationsTable
          label={t("settingsIntegrations.keys.tableLabel")}
          columns={COLUMNS.map((column) => t(`settingsIntegrations.keys.${column}`))}
          actionsLabel={t("settingsIntegrations.keys.colActions")}
        >
          {keys.map((key) => (
            <tr key={key.id} className="border-t align-top">
              <th scope="row" className="py-3 pe-4 text-start font-medium">
                <bdi>{key.name}</bdi>
              </th>
              <td className="py-3 pe-4">{t(`settingsIntegrations.keys.scopeShort.${key.scope}`)}</td>
              <td className="py-3 pe-4 font-mono text-xs" dir="ltr">
                tp_{key.prefix}_…
              </td>
              <LifecycleCells
                createdAt={key.createdAt}
                createdByName={key.createdByName}
                lastAt={key.lastUsedAt}
                activeLabel={t("settingsIntegrations.keys.active")}
                off={key.revokedAt && t("settingsIntegrations.keys.revokedOn", { date: when(key.revokedAt) })}
              />
              <td className="py-2 text-end">
                {!key.revokedAt && (
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-destructive hover:text-destructive"
                    aria-label={t("settingsIntegrations.keys.revokeLabel", { name: key.name })}
                    onClick={() => {
                      revoke.reset();
                      setRevoking(key);
                    }}
                  >
                    {t("settingsIntegrations.keys.revoke")}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </IntegrationsTable>
      )}
    </IntegrationsSection>
  );
}
