"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import type { TriageCommand, TriageCommandType } from "@/server/domain/triage/commands";
import { describeError } from "./feedback-errors";
import { COMMAND_LABELS, COMMAND_PAST } from "./feedback-labels";
import type { FeedbackAssignees, FeedbackDetail } from "./feedback-query";
import { TriageCommandForm } from "./triage-command-form";
import { useFeedbackMutations } from "./use-triage";

/** Buttons in this order; the status commands first, as the workflow goes. */
const ORDER: readonly TriageCommandType[] = [
  "triage",
  "start",
  "resolve",
  "dismiss",
  "reopen",
  "assign",
  "setPriority",
  "setDueDate",
];
/** Commands that need nothing more than a click. */
const IMMEDIATE: ReadonlySet<TriageCommandType> = new Set(["start", "reopen"]);

/** A command asked for by a keyboard shortcut; `nonce` tells two presses of the same key apart. */
export interface CommandRequest {
  command: TriageCommandType;
  nonce: number;
}

/**
 * The triage commands this user may run on the item now (the server's `commands`), each a button;
 * those that need more (a note, a reason, an owner) open their form below. A stale version comes
 * back as CONFLICT: it says who changed the item, and Reload shows their change.
 */
export function FeedbackTriageActions({
  detail,
  assignees,
  request,
  onAnnounce,
}: {
  detail: FeedbackDetail;
  assignees: FeedbackAssignees | undefined;
  request: CommandRequest | null;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const { item, commands } = detail;
  const { triage, refreshList } = useFeedbackMutations();
  const [form, setForm] = useState<TriageCommandType | null>(null);
  const [handled, setHandled] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // a shortcut opens its form (start and reopen too: Enter then confirms, so one stray key changes nothing)
  if (request && request.nonce !== handled) {
    setHandled(request.nonce);
    const allowed = commands.includes(request.command);
    setForm(allowed ? request.command : null);
    setNotice(allowed ? null : t("feedback.actions.unavailable", { action: t(COMMAND_LABELS[request.command]) }));
  }

  const run = (command: TriageCommand) =>
    triage.mutate(
      { id: item.id, version: item.version, command },
      {
        onSuccess: ({ changed }) => {
          setForm(null);
          const action = t(COMMAND_PAST[command.type]);
          onAnnounce(t(changed ? "feedback.actions.done" : "feedback.actions.unchanged", { action }));
        },
      },
    );
  const reload = async () => {
    triage.reset();
    setForm(null);
    await Promise.all([
      queryClient.invalidateQueries(trpc.feedback.detail.queryFilter({ id: item.id })),
      refreshList(),
    ]);
  };

  const error = triage.error ? describeError(triage.error, t("errors.generic")) : null;
  const available = ORDER.filter((command) => commands.includes(command));

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-sm font-semibold">
        {t("feedback.actions.heading")}
      </h3>
      {available.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("feedback.actions.none")}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {available.map((command) => (
            <Button
              key={command}
              type="button"
              size="sm"
              variant={form === command ? "default" : command === "resolve" ? "default" : "outline"}
              aria-expanded={IMMEDIATE.has(command) ? undefined : form === command}
              disabled={triage.isPending}
              onClick={() => {
                triage.reset();
                setNotice(null);
                if (IMMEDIATE.has(command)) run({ type: command } as TriageCommand);
                else setForm(form === command ? null : command);
              }}
            >
              {t(COMMAND_LABELS[command])}
            </Button>
          ))}
        </div>
      )}
      {notice && (
        <p role="status" className="text-sm text-muted-foreground">
          {notice}
        </p>
      )}
      {form && (
        <div className="rounded-lg border bg-muted/40 p-3">
          <TriageCommandForm
            key={`${form}-${handled ?? 0}`}
            type={form}
            item={item}
            assignees={assignees}
            submitting={triage.isPending}
            onSubmit={run}
            onCancel={() => {
              setForm(null);
              triage.reset();
            }}
          />
        </div>
      )}
      {error &&
        (error.conflict ? (
          <div
            role="alert"
            className="flex flex-col gap-2 rounded-lg border border-amber-500/50 bg-amber-500/10 p-3 text-sm"
          >
            <p className="font-medium">{t("feedback.actions.conflictTitle")}</p>
            <p>{error.message}</p>
            <Button type="button" size="sm" variant="outline" className="self-start" onClick={() => void reload()}>
              <RefreshCw aria-hidden />
              {t("feedback.actions.reload")}
            </Button>
          </div>
        ) : (
          <p
            role="alert"
            className="rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive"
          >
            {error.message}
          </p>
        ))}
    </section>
  );
}
