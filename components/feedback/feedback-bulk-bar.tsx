"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ListChecks, X } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { createFromFeedbackHref } from "@/components/actions/actions-url";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { hasPermission } from "@/server/auth/permissions";
import type { TriageCommand, TriageCommandType } from "@/server/domain/triage/commands";
import { describeError } from "./feedback-errors";
import { COMMAND_LABELS, STATUS_COMMANDS } from "./feedback-labels";
import type { FeedbackAssignees, ThemeOption } from "./feedback-query";
import { TriageCommandForm } from "./triage-command-form";
import { useFeedbackMutations } from "./use-triage";

type BulkAction = { kind: "command"; type: TriageCommandType } | { kind: "themes"; mode: "add" | "remove" };

/**
 * What to do with the selected items: a status command, an owner, a priority, or a theme to add or
 * remove. Each opens a confirmation naming the count; the server applies it to all of them or none,
 * and its message lists the items that could not take it.
 */
export function FeedbackBulkBar({
  ids,
  scope,
  assignees,
  themes,
  onClear,
  onDone,
}: {
  ids: number[];
  /** The inbox's filters: an action created from the selection takes its stage, theme, channel and segment. */
  scope: Parameters<typeof createFromFeedbackHref>[1];
  assignees: FeedbackAssignees | undefined;
  themes: ThemeOption[];
  onClear: () => void;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const [action, setAction] = useState<BulkAction | null>(null);
  const { bulkTriage, themesBulk } = useFeedbackMutations();
  const count = new Intl.NumberFormat(locale).format(ids.length);
  // the page read the membership already: this is the cache, not a request
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.current.queryOptions());
  const role = workspace.data?.current.role;
  const canCreateAction = role !== undefined && hasPermission(role, "actions.manage");

  const open = (next: BulkAction) => {
    bulkTriage.reset();
    themesBulk.reset();
    setAction(next);
  };
  const runCommand = (command: TriageCommand) =>
    bulkTriage.mutate(
      { ids, command },
      {
        onSuccess: ({ changed, unchanged }) => {
          setAction(null);
          onClear();
          onDone(t("feedback.bulk.doneCommand", { changed, unchanged, action: t(COMMAND_LABELS[command.type]) }));
        },
      },
    );
  const runThemes = (themeId: number, mode: "add" | "remove") =>
    themesBulk.mutate(
      { ids, ...(mode === "add" ? { add: [themeId] } : { remove: [themeId] }) },
      {
        onSuccess: ({ items }) => {
          setAction(null);
          onClear();
          onDone(t("feedback.bulk.doneThemes", { count: items }));
        },
      },
    );
  const failure = bulkTriage.error ?? themesBulk.error;
  const error = failure ? describeError(failure, t("errors.generic")).message : null;
  const title =
    action?.kind === "command"
      ? t("feedback.bulk.confirmCommand", { action: t(COMMAND_LABELS[action.type]), count })
      : action?.mode === "add"
        ? t("feedback.bulk.addThemeTitle", { count })
        : t("feedback.bulk.removeThemeTitle", { count });

  return (
    <>
      <div
        role="region"
        aria-label={t("feedback.bulk.label")}
        className="sticky bottom-4 z-30 mt-4 flex flex-wrap items-center gap-2 rounded-xl border bg-popover p-2 text-popover-foreground shadow-lg"
      >
        <span className="px-2 text-sm font-medium" aria-live="polite">
          {t("feedback.bulk.selected", { count })}
        </span>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button size="sm" variant="outline">
              {t("feedback.bulk.status")}
              <ChevronDown aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            {STATUS_COMMANDS.map((type) => (
              <DropdownMenuItem key={type} onSelect={() => open({ kind: "command", type })}>
                {t(COMMAND_LABELS[type])}…
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        <Button size="sm" variant="outline" onClick={() => open({ kind: "command", type: "assign" })}>
          {t("feedback.bulk.assign")}…
        </Button>
        <Button size="sm" variant="outline" onClick={() => open({ kind: "command", type: "setPriority" })}>
          {t("feedback.bulk.priority")}…
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button size="sm" variant="outline">
              {t("feedback.bulk.themes")}
              <ChevronDown aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuItem onSelect={() => open({ kind: "themes", mode: "add" })}>
              {t("feedback.bulk.addTheme")}…
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => open({ kind: "themes", mode: "remove" })}>
              {t("feedback.bulk.removeTheme")}…
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        {canCreateAction && (
          <Button asChild size="sm" variant="outline">
            <Link href={createFromFeedbackHref(ids, scope)}>
              <ListChecks aria-hidden />
              {t("actions.create.fromSelection")}
            </Link>
          </Button>
        )}
        <Button size="sm" variant="ghost" className="ms-auto" onClick={onClear}>
          <X aria-hidden />
          {t("feedback.bulk.clear")}
        </Button>
      </div>
      <Dialog open={action !== null} onOpenChange={(next) => !next && setAction(null)}>
        <DialogContent closeLabel={t("feedback.actions.cancel")}>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{t("feedback.bulk.allOrNothing")}</DialogDescription>
          {action?.kind === "command" && (
            <TriageCommandForm
              type={action.type}
              assignees={assignees}
              submitting={bulkTriage.isPending}
              submitLabel={t("feedback.actions.confirm")}
              onSubmit={runCommand}
              onCancel={() => setAction(null)}
            />
          )}
          {action?.kind === "themes" && (
            <ThemeForm
              themes={themes}
              submitting={themesBulk.isPending}
              onSubmit={(themeId) => runThemes(themeId, action.mode)}
              onCancel={() => setAction(null)}
            />
          )}
          {error && (
            <div role="alert" className="rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm">
              <p className="font-medium text-destructive">{t("feedback.bulk.failed")}</p>
              <p className="mt-1 whitespace-pre-line">{error}</p>
            </div>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}

function ThemeForm({
  themes,
  submitting,
  onSubmit,
  onCancel,
}: {
  themes: ThemeOption[];
  submitting: boolean;
  onSubmit: (themeId: number) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [theme, setTheme] = useState("");
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (theme) onSubmit(Number(theme));
      }}
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor={id}>{t("feedback.bulk.theme")}</Label>
        <NativeSelect id={id} value={theme} required autoFocus onChange={(event) => setTheme(event.target.value)}>
          <option value="" disabled>
            {t("feedback.bulk.chooseTheme")}
          </option>
          {themes.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={!theme || submitting}>
          {submitting ? t("feedback.actions.running") : t("feedback.actions.confirm")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          {t("feedback.actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
