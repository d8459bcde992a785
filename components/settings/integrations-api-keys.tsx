"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ApiKeyForm } from "./integrations-api-key-form";
import { ConfirmDialog } from "./integrations-confirm-dialog";
import { useCreated, useWhen } from "./integrations-format";
import { OneTimeDialog, type OneTimeValues } from "./integrations-one-time-dialog";
import { mutationMessage } from "./mutation-message";

type Key = { id: number; name: string };

/** Settings → Integrations: the workspace's API keys; create one (its token shown once) or revoke one. */
export function ApiKeysSection() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.apiKeys.list.queryOptions());
  const when = useWhen();
  const created = useCreated();
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
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 max-w-3xl flex-1 flex-col gap-1.5">
          <CardTitle className="text-base text-foreground">{t("settingsIntegrations.keys.title")}</CardTitle>
          <p className="text-sm text-muted-foreground">{t("settingsIntegrations.keys.description")}</p>
        </div>
        {!adding && (
          <Button
            className="shrink-0"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t("settingsIntegrations.keys.add")}
          </Button>
        )}
      </CardHeader>
      <CardContent className="grid gap-4">
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
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("settingsIntegrations.keys.tableLabel")}>
              <thead className="text-muted-foreground">
                <tr>
                  {(["colName", "colScope", "colPrefix", "colCreated", "colLastUsed", "colStatus"] as const).map(
                    (col) => (
                      <th key={col} scope="col" className="whitespace-nowrap py-2 pe-4 text-start font-medium">
                        {t(`settingsIntegrations.keys.${col}`)}
                      </th>
                    ),
                  )}
                  <th scope="col" className="py-2 text-end font-medium">
                    <span className="sr-only">{t("settingsIntegrations.keys.colActions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} className="border-t align-top">
                    <th scope="row" className="py-3 pe-4 text-start font-medium">
                      <bdi>{key.name}</bdi>
                    </th>
                    <td className="py-3 pe-4">{t(`settingsIntegrations.keys.scopeShort.${key.scope}`)}</td>
                    <td className="py-3 pe-4 font-mono text-xs" dir="ltr">
                      tp_{key.prefix}_…
                    </td>
                    <td className="py-3 pe-4">{created(key.createdAt, key.createdByName)}</td>
                    <td className="whitespace-nowrap py-3 pe-4">
                      {key.lastUsedAt ? when(key.lastUsedAt) : t("settingsIntegrations.never")}
                    </td>
                    <td className="py-3 pe-4">
                      {key.revokedAt ? (
                        <Badge tone="outline">
                          {t("settingsIntegrations.keys.revokedOn", { date: when(key.revokedAt) })}
                        </Badge>
                      ) : (
                        <Badge tone="positive">{t("settingsIntegrations.keys.active")}</Badge>
                      )}
                    </td>
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
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
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
    </Card>
  );
}
