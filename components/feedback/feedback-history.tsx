"use client";

import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { DismissReason, TriageCommandType } from "@/server/domain/triage/commands";
import type { MessageKey, Translate } from "@/server/i18n/core";
import { COMMAND_HISTORY, COMMAND_LABELS, DISMISS_REASON_LABELS } from "./feedback-labels";
import type { FeedbackDetail } from "./feedback-query";

type HistoryEntry = FeedbackDetail["history"][number];
type Json = Record<string, unknown>;

const FIELDS = {
  status: "feedback.history.field.status",
  priority: "feedback.history.field.priority",
  assigneeId: "feedback.history.field.assigneeId",
  teamId: "feedback.history.field.teamId",
  dueAt: "feedback.history.field.dueAt",
  firstTriagedAt: "feedback.history.field.firstTriagedAt",
  resolvedAt: "feedback.history.field.resolvedAt",
  resolutionNote: "feedback.history.field.resolutionNote",
  customerContacted: "feedback.history.field.customerContacted",
  dismissReason: "feedback.history.field.dismissReason",
} as const satisfies Record<string, MessageKey>;
type Field = keyof typeof FIELDS;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isField = (key: string): key is Field => Object.hasOwn(FIELDS, key);
const isCommand = (value: unknown): value is TriageCommandType =>
  typeof value === "string" && Object.hasOwn(COMMAND_LABELS, value);

export interface HistoryNames {
  users: { id: number; name: string }[];
  teams: { id: number; name: string }[];
  themes: { id: number; name: string }[];
}

/** One field's value as a reader says it: labels for codes, names for ids, dates in local time. */
function formatValue(
  field: Field,
  value: unknown,
  t: Translate,
  names: HistoryNames,
  when: Intl.DateTimeFormat,
): string {
  if (value === null || value === undefined || value === "") return t("feedback.history.cleared");
  switch (field) {
    case "status":
      return typeof value === "string" ? t(`enumLabels.feedbackStatus.${value as "new"}`) : String(value);
    case "priority":
      return typeof value === "string" ? t(`enumLabels.priority.${value as "low"}`) : String(value);
    case "assigneeId":
      return names.users.find((u) => u.id === value)?.name ?? t("feedback.filters.person", { id: String(value) });
    case "teamId":
      return names.teams.find((team) => team.id === value)?.name ?? `#${String(value)}`;
    case "dueAt":
    case "firstTriagedAt":
    case "resolvedAt": {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? String(value) : when.format(date);
    }
    case "customerContacted":
      return t(value ? "feedback.history.yes" : "feedback.history.no");
    case "dismissReason":
      return Object.hasOwn(DISMISS_REASON_LABELS, String(value))
        ? t(DISMISS_REASON_LABELS[value as DismissReason])
        : String(value);
    case "resolutionNote":
      return String(value);
  }
}

/** "What happened" of one audit event: the command's past tense, a comment, a change of themes. */
function summary(entry: HistoryEntry, t: Translate, names: HistoryNames): { what: string; lines: string[] } {
  const after = isObject(entry.after) ? entry.after : {};
  if (entry.action === "feedback.comment") return { what: t("feedback.history.commented"), lines: [] };
  if (entry.action === "feedback.flags_confirm") return { what: t("feedback.history.flagsConfirmed"), lines: [] };
  if (entry.action === "feedback.flags_clear") return { what: t("feedback.history.flagsCleared"), lines: [] };
  if (entry.action === "feedback.setThemes") {
    const list = (value: unknown) =>
      (Array.isArray(value) ? value : []).map(
        (id) => names.themes.find((theme) => theme.id === id)?.name ?? `#${String(id)}`,
      );
    const added = list(after.added);
    const removed = list(after.removed);
    return {
      what: t("feedback.history.themes"),
      lines: [
        ...(added.length ? [t("feedback.history.added", { names: added.join(", ") })] : []),
        ...(removed.length ? [t("feedback.history.removed", { names: removed.join(", ") })] : []),
      ],
    };
  }
  return {
    what: isCommand(after.command) ? t(COMMAND_HISTORY[after.command]) : t("feedback.history.changed"),
    lines: [],
  };
}

/** The item's audit trail, newest first: who did what and when, with each field's old and new value. */
export function FeedbackHistory({
  history,
  names,
  when,
}: {
  history: FeedbackDetail["history"];
  names: HistoryNames;
  when: Intl.DateTimeFormat;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="text-sm font-semibold">
        {t("feedback.history.heading")}
      </h3>
      {history.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("feedback.history.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3 border-s ps-4">
          {history.map((entry) => {
            const { what, lines } = summary(entry, t, names);
            const before = isObject(entry.before) ? entry.before : {};
            const after = isObject(entry.after) ? entry.after : {};
            const fields = Object.keys(after).filter(isField);
            return (
              <li key={entry.id} className="relative text-sm">
                <span
                  aria-hidden
                  className="absolute -start-[1.3rem] top-1.5 size-2 rounded-full bg-border ring-4 ring-card"
                />
                <p>
                  <span className="font-medium">{entry.actorName ?? t("feedback.history.someone")}</span>{" "}
                  <span>{what}</span>
                </p>
                <time dateTime={entry.at.toISOString()} className="text-xs text-muted-foreground">
                  {when.format(entry.at)}
                </time>
                {(fields.length > 0 || lines.length > 0) && (
                  <ul className="mt-1 flex flex-col gap-0.5 text-xs text-muted-foreground">
                    {lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                    {fields.map((field) => (
                      <li key={field}>
                        {t(FIELDS[field])}:{" "}
                        {field in before && (
                          <>
                            <bdi className="line-through decoration-muted-foreground/60">
                              {formatValue(field, before[field], t, names, when)}
                            </bdi>{" "}
                            →{" "}
                          </>
                        )}
                        <bdi className="text-foreground">{formatValue(field, after[field], t, names, when)}</bdi>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
