"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ChevronsUpDown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { switchWorkspaceAction } from "@/server/auth/actions";

export function WorkspaceSwitcher() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { data } = useSuspenseQuery(trpc.workspace.current.queryOptions());

  function switchTo(value: string) {
    const id = Number(value);
    if (id === data.current.workspaceId) return;
    startTransition(async () => {
      await switchWorkspaceAction(id);
      // every cached figure belongs to the old workspace
      queryClient.clear();
      router.refresh();
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" className="min-w-48 justify-between" aria-label={t("header.switchWorkspace")}>
          <span data-testid="current-workspace">{pending ? t("header.switching") : data.current.name}</span>
          <ChevronsUpDown className="opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>{t("header.workspace")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={String(data.current.workspaceId)} onValueChange={switchTo}>
          {data.workspaces.map((w) => (
            <DropdownMenuRadioItem key={w.workspaceId} value={String(w.workspaceId)}>
              {w.name}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
