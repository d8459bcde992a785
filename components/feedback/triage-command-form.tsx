"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { Input } from "@/components/ui/input";
import type { Priority } from "@/server/domain/enums";
import type { DismissReason, TriageCommand, TriageCommandType } from "@/server/domain/triage/commands";
import { toLocalInputValue } from "./feedback-format";
import { COMMAND_SUBMIT, DISMISS_REASON_LABELS, DISMISS_REASONS, PRIORITY_ORDER } from "./feedback-labels";
import type { FeedbackAssignees } from "./feedback-query";

/** Limits of the command schema (server/domain/triage/commands.ts), repeated so this form loads no zod. */
const RESOLUTION_NOTE_MAX = 2000;
const DISMISS_NOTE_MAX = 500;

/** The item's current values the form starts from; absent for a bulk command. */
export interface TriageFormItem {
  priority: Priority;
  assigneeId: number | null;
  teamId: number | null;
  dueAt: Date | null;
}

export interface TriageCommandFormProps {
  type: TriageCommandType;
  item?: TriageFormItem;
  assignees: FeedbackAssignees | undefined;
  submitting: boolean;
  /** The submit button's words; the command's name by default. */
  submitLabel?: string;
  onSubmit: (command: TriageCommand) => void;
  onCancel: () => void;
}

const KEEP = "keep";
const NONE = "none";

/**
 * The fields one triage command needs, checked before sending: triage (priority, person, team),
 * start and reopen (a confirmation), resolve (a note, required, and whether the customer was
 * contacted), dismiss (a reason, required, and a note), priority, assign (person and/or team; either
 * may be cleared) and the due date (a time, or back to the SLA's). The first field takes the focus;
 * Esc cancels.
 */
export function TriageCommandForm(props: TriageCommandFormProps) {
  const { type, item, assignees } = props;
  const { t } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [priority, setPriority] = useState<string>(type === "setPriority" ? (item?.priority ?? "normal") : KEEP);
  const [person, setPerson] = useState(KEEP);
  const [team, setTeam] = useState(KEEP);
  const [note, setNote] = useState("");
  const [contacted, setContacted] = useState(false);
  const [reason, setReason] = useState<DismissReason | "">("");
  const [due, setDue] = useState(item?.dueAt ? toLocalInputValue(item.dueAt) : "");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("select, textarea, input, button[type=submit]")?.focus();
  }, [type]);

  const owner = (value: string) => (value === KEEP ? undefined : value === NONE ? null : Number(value));

  function build(): TriageCommand | string {
    switch (type) {
      case "triage": {
        const chosen = priority === KEEP ? undefined : (priority as Priority);
        return { type, priority: chosen, assigneeId: owner(person), teamId: owner(team) };
      }
      case "start":
      case "reopen":
        return { type };
      case "resolve":
        if (!note.trim()) return t("feedback.actions.resolutionRequired");
        return { type, resolutionNote: note.trim(), customerContacted: contacted };
      case "dismiss":
        if (!reason) return t("feedback.actions.dismissReasonRequired");
        return { type, reason, ...(note.trim() ? { note: note.trim() } : {}) };
      case "setPriority":
        return { type, priority: priority as Priority };
      case "assign": {
        const assigneeId = owner(person);
        const teamId = owner(team);
        if (assigneeId === undefined && teamId === undefined) return t("feedback.actions.assignNothing");
        return { type, assigneeId, teamId };
      }
      case "setDueDate": {
        const at = due ? new Date(due) : null;
        if (!at || Number.isNaN(at.getTime())) return t("feedback.actions.dueRequired");
        return { type, dueAt: at };
      }
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const command = build();
    if (typeof command === "string") setError(command);
    else props.onSubmit(command);
  };

  const ownerSelect = (which: "person" | "team") => {
    const value = which === "person" ? person : team;
    const setValue = which === "person" ? setPerson : setTeam;
    const current = which === "person" ? item?.assigneeId : item?.teamId;
    const list = which === "person" ? (assignees?.users ?? []) : (assignees?.teams ?? []);
    const currentName = list.find((entry) => entry.id === current)?.name;
    return (
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-${which}`}>
          {t(which === "person" ? "feedback.actions.person" : "feedback.actions.team")}
        </Label>
        <NativeSelect id={`${id}-${which}`} value={value} onChange={(event) => setValue(event.target.value)}>
          <option value={KEEP}>
            {currentName ? `${t("feedback.actions.keep")} (${currentName})` : t("feedback.actions.keep")}
          </option>
          <option value={NONE}>{t(which === "person" ? "feedback.actions.nobody" : "feedback.actions.noTeam")}</option>
          {list.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </NativeSelect>
      </div>
    );
  };

  return (
    <form
      ref={formRef}
      noValidate
      className="flex flex-col gap-3"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      {(type === "triage" || type === "setPriority") && (
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-priority`}>{t("feedback.actions.priority")}</Label>
          <NativeSelect id={`${id}-priority`} value={priority} onChange={(event) => setPriority(event.target.value)}>
            {type === "triage" && (
              <option value={KEEP}>
                {item
                  ? t("feedback.actions.keepPriority", { name: t(`enumLabels.priority.${item.priority}`) })
                  : t("feedback.actions.keep")}
              </option>
            )}
            {PRIORITY_ORDER.map((p) => (
              <option key={p} value={p}>
                {t(`enumLabels.priority.${p}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      {(type === "triage" || type === "assign") && (
        <div className="grid gap-3 sm:grid-cols-2">
          {ownerSelect("person")}
          {ownerSelect("team")}
        </div>
      )}
      {type === "resolve" && (
        <>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-note`}>{t("feedback.actions.resolutionNote")}</Label>
            <Textarea
              id={`${id}-note`}
              dir="auto"
              required
              maxLength={RESOLUTION_NOTE_MAX}
              value={note}
              aria-invalid={error !== null && !note.trim() ? true : undefined}
              aria-describedby={`${id}-note-hint`}
              onChange={(event) => {
                setNote(event.target.value);
                setError(null);
              }}
            />
            <p id={`${id}-note-hint`} className="text-xs text-muted-foreground">
              {t("feedback.actions.resolutionHint")}
            </p>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={contacted}
              onChange={(event) => setContacted(event.target.checked)}
            />
            {t("feedback.actions.customerContacted")}
          </label>
        </>
      )}
      {type === "dismiss" && (
        <>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-sm font-medium">{t("feedback.actions.dismissReason")}</legend>
            {DISMISS_REASONS.map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-reason`}
                  value={value}
                  className="size-4 accent-primary"
                  checked={reason === value}
                  onChange={() => {
                    setReason(value);
                    setError(null);
                  }}
                />
                {t(DISMISS_REASON_LABELS[value])}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-dismiss-note`}>{t("feedback.actions.dismissNote")}</Label>
            <Input
              id={`${id}-dismiss-note`}
              dir="auto"
              maxLength={DISMISS_NOTE_MAX}
              placeholder={t("feedback.actions.dismissNoteHint")}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
        </>
      )}
      {type === "setDueDate" && (
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-due`}>{t("feedback.actions.dueAt")}</Label>
          <Input
            id={`${id}-due`}
            type="datetime-local"
            className="dark:[color-scheme:dark]"
            value={due}
            min={toLocalInputValue(new Date())}
            aria-describedby={`${id}-due-hint`}
            onChange={(event) => {
              setDue(event.target.value);
              setError(null);
            }}
          />
          <p id={`${id}-due-hint`} className="text-xs text-muted-foreground">
            {t("feedback.actions.dueHint", { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={props.submitting}>
          {props.submitting ? t("feedback.actions.running") : (props.submitLabel ?? t(COMMAND_SUBMIT[type]))}
        </Button>
        {type === "setDueDate" && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={props.submitting}
            onClick={() => props.onSubmit({ type: "setDueDate", dueAt: null })}
          >
            {t("feedback.actions.dueReset")}
          </Button>
        )}
        <Button type="button" size="sm" variant="ghost" onClick={props.onCancel}>
          {t("feedback.actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
