"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { hasPermission } from "@/server/auth/permissions";

export function WorkspaceForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const [name, setName] = useState(data.current.name);
  const canManage = hasPermission(data.current.role, "workspace.manage");
  const update = useMutation(
    trpc.workspace.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settings.workspaceSection")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ name });
          }}
        >
          <div className="flex min-w-64 flex-col gap-2">
            <Label htmlFor="workspace-name">{t("settings.workspaceName")}</Label>
            <Input
              id="workspace-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={!canManage}
              maxLength={80}
            />
          </div>
          {canManage && (
            <Button type="submit" disabled={update.isPending || name.trim() === data.current.name}>
              {update.isPending ? t("settings.saving") : t("settings.save")}
            </Button>
          )}
        </form>
        <p className="mt-2 text-sm" role="status">
          {!canManage && <span className="text-muted-foreground">{t("settings.noPermission")}</span>}
          {update.isSuccess && <span className="text-positive">{t("settings.saved")}</span>}
          {update.error && <span className="text-destructive">{update.error.message}</span>}
        </p>
      </CardContent>
    </Card>
  );
}
