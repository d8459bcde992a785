"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasPermission } from "@/server/auth/permissions";
import { TargetForm } from "./target-form";
import { TargetTable } from "./target-table";
import type { Target } from "./use-target-format";

/** Settings → Targets: the list for every role, the form and removal for those who manage targets. */
export function TargetsPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const { data } = useSuspenseQuery(trpc.targets.list.queryOptions());
  const canManage = hasPermission(ws.current.role, "targets.manage");
  const [editing, setEditing] = useState<Target | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changed = (message: string) => {
    setEditing(null);
    setNotice(message);
    // the dashboard shows targets too
    void queryClient.invalidateQueries(trpc.targets.pathFilter());
    void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
  };
  const open = (target: Target | "new") => {
    setNotice(null);
    setEditing(target);
  };

  return (
    <div className="grid max-w-5xl grid-cols-1 gap-6">
      {canManage && editing && (
        <TargetForm
          key={editing === "new" ? "new" : editing.id}
          target={editing === "new" ? null : editing}
          today={data.today}
          currency={ws.current.currency}
          onSaved={(created) => changed(created ? t("targets.created") : t("targets.updated"))}
          onCancel={() => setEditing(null)}
        />
      )}
      <Card>
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-4">
          <div className="flex flex-col gap-1.5">
            <CardTitle className="text-base text-foreground">{t("targets.title")}</CardTitle>
            <p className="text-sm text-muted-foreground">{t("targets.description")}</p>
          </div>
          {canManage && editing !== "new" && <Button onClick={() => open("new")}>{t("targets.add")}</Button>}
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-3">
          {!canManage && (
            <p className="text-sm text-muted-foreground">
              {t("targets.readOnly", { role: t(`roles.${ws.current.role}`) })}
            </p>
          )}
          <p className="text-sm text-positive empty:hidden" role="status">
            {notice}
          </p>
          {data.items.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("targets.empty")}</p>
          ) : (
            <TargetTable
              items={data.items}
              currency={ws.current.currency}
              canManage={canManage}
              onEdit={open}
              onRemoved={() => changed(t("targets.removed"))}
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
