"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { type CreateActionInput, createActionInput } from "@/server/domain/actions/inputs";
import { CHANNELS, type Channel, type Kpi, KPIS } from "@/server/domain/enums";
import { TARGET_VALUE_RULES } from "@/server/domain/targets/values";
import { FormField, SelectField } from "./action-form-field";
import type { CreatePrefill } from "./actions-url";
import { useActionMutations } from "./use-action-mutations";

interface FormValues {
  title: string;
  description: string;
  ownerTeamId: string;
  assigneeId: string;
  dueDate: string;
  reviewDate: string;
  segmentId: string;
  stageId: string;
  channel: string;
  themeId: string;
  kpi: Kpi;
  target: string;
}
type FieldErrors = Partial<Record<keyof FormValues | "feedbackIds" | "form", string>>;

const text = (id: number | undefined) => (id === undefined ? "" : String(id));
const idOrNull = (value: string) => (value === "" ? null : Number(value));

function initialValues(prefill: CreatePrefill): FormValues {
  return {
    title: "",
    description: "",
    ownerTeamId: "",
    assigneeId: "",
    dueDate: "",
    reviewDate: "",
    segmentId: text(prefill.segmentId),
    stageId: text(prefill.stageId),
    channel: prefill.channel ?? "",
    themeId: text(prefill.themeId),
    kpi: "nps",
    target: "",
  };
}

/** The input createActionInput checks, from the form's strings (empty = not set). */
function toInput(values: FormValues, feedbackIds: number[]): CreateActionInput {
  return {
    title: values.title,
    description: values.description,
    ownerTeamId: idOrNull(values.ownerTeamId),
    assigneeId: idOrNull(values.assigneeId),
    dueDate: values.dueDate || null,
    reviewDate: values.reviewDate || null,
    scope: {
      segmentId: idOrNull(values.segmentId),
      stageId: idOrNull(values.stageId),
      channel: (values.channel || null) as Channel | null,
      themeId: idOrNull(values.themeId),
    },
    kpi: values.kpi,
    target: values.target.trim() === "" ? null : values.target,
    feedbackIds,
  };
}

/** The form field a zod issue path points at ("scope.stageId" → stageId). */
function fieldOf(path: readonly PropertyKey[]): keyof FieldErrors {
  const last = String(path.at(-1) ?? "form");
  return (last in initialValues({ feedbackIds: [] }) || last === "feedbackIds" ? last : "form") as keyof FieldErrors;
}

/**
 * A CX manager's or admin's new action, in a dialog: title, description, owner team, assignee, due
 * and review dates, scope (segment, stage, channel, theme), the KPI to move and its target. The
 * form opens prefilled from the URL (a stage, theme, segment or touchpoint, and an inbox selection
 * to link). It checks the input with the server's own schema before sending, and shows each
 * problem next to its field.
 */
export function ActionCreateDialog({
  prefill,
  onClose,
  onCreated,
}: {
  prefill: CreatePrefill;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const formId = useId();
  const assignees = useQuery(trpc.feedback.assignees.queryOptions());
  const options = useQuery(trpc.dashboard.filterOptions.queryOptions());
  const journeys = useQuery(trpc.journeys.list.queryOptions());
  const themes = useQuery(trpc.feedback.themeOptions.queryOptions());
  const { create } = useActionMutations();
  const [values, setValues] = useState(() => initialValues(prefill));
  const [errors, setErrors] = useState<FieldErrors>({});
  // a touchpoint is a stage × channel: once the journey is loaded, it becomes those two scope parts
  const [touchpointApplied, setTouchpointApplied] = useState(prefill.touchpointId === undefined);
  const touchpoint = journeys.data?.items.flatMap((stage) =>
    stage.touchpoints
      .filter((point) => point.id === prefill.touchpointId)
      .map((point) => ({ ...point, stageId: stage.id })),
  )[0];
  if (!touchpointApplied && touchpoint) {
    setTouchpointApplied(true);
    setValues((current) => ({ ...current, stageId: String(touchpoint.stageId), channel: touchpoint.channel }));
  }

  const set = (field: keyof FormValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(values, prefill.feedbackIds);
    const parsed = createActionInput.safeParse(input);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) next[fieldOf(issue.path)] ??= issue.message;
      setErrors(next);
      const firstField = Object.keys(next)[0];
      if (firstField) document.getElementById(`${formId}-${firstField}`)?.focus();
      return;
    }
    create.mutate(input, { onSuccess: (action) => onCreated(action.id) });
  };

  const serverError = create.error ? describeError(create.error, t("errors.generic")).message : null;
  const error = (field: keyof FieldErrors) => errors[field];
  const fieldId = (field: string) => `${formId}-${field}`;
  const stages = journeys.data?.items ?? options.data?.stages ?? [];
  const rule = TARGET_VALUE_RULES[values.kpi];

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("actions.create.cancel")} className="max-w-2xl">
        <DialogTitle>{t("actions.create.title")}</DialogTitle>
        <DialogDescription>{t("actions.create.description")}</DialogDescription>
        {prefill.feedbackIds.length > 0 && (
          <p className="rounded-lg border bg-muted/50 p-3 text-sm" data-testid="create-linked-feedback">
            {t("actions.create.linksFeedback", { count: prefill.feedbackIds.length })}{" "}
            <Link href="/feedback" className="underline underline-offset-2">
              {t("actions.create.backToInbox")}
            </Link>
          </p>
        )}
        <form
          noValidate
          onSubmit={submit}
          className="grid gap-4 sm:grid-cols-2"
          aria-describedby={`${formId}-problems`}
        >
          <FormField
            id={fieldId("title")}
            label={t("actions.fields.title")}
            error={error("title")}
            className="sm:col-span-2"
          >
            {(props) => (
              <Input
                {...props}
                autoFocus
                required
                value={values.title}
                onChange={(e) => set("title")(e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id={fieldId("description")}
            label={t("actions.fields.description")}
            error={error("description")}
            className="sm:col-span-2"
          >
            {(props) => (
              <Textarea
                {...props}
                rows={3}
                value={values.description}
                onChange={(e) => set("description")(e.target.value)}
              />
            )}
          </FormField>
          <SelectField
            id={fieldId("ownerTeamId")}
            label={t("actions.fields.ownerTeam")}
            error={error("ownerTeamId")}
            value={values.ownerTeamId}
            onChange={set("ownerTeamId")}
            none={t("actions.noTeam")}
            options={(assignees.data?.teams ?? []).map((team) => ({ value: String(team.id), label: team.name }))}
          />
          <SelectField
            id={fieldId("assigneeId")}
            label={t("actions.fields.assignee")}
            error={error("assigneeId")}
            value={values.assigneeId}
            onChange={set("assigneeId")}
            none={t("actions.unassigned")}
            options={(assignees.data?.users ?? []).map((user) => ({ value: String(user.id), label: user.name }))}
          />
          <FormField id={fieldId("dueDate")} label={t("actions.fields.dueDate")} error={error("dueDate")}>
            {(props) => (
              <Input {...props} type="date" value={values.dueDate} onChange={(e) => set("dueDate")(e.target.value)} />
            )}
          </FormField>
          <FormField
            id={fieldId("reviewDate")}
            label={t("actions.fields.reviewDate")}
            hint={t("actions.create.reviewHint")}
            error={error("reviewDate")}
          >
            {(props) => (
              <Input
                {...props}
                type="date"
                value={values.reviewDate}
                onChange={(e) => set("reviewDate")(e.target.value)}
              />
            )}
          </FormField>
          <fieldset className="grid gap-4 rounded-lg border p-3 sm:col-span-2 sm:grid-cols-2">
            <legend className="px-1 text-sm font-semibold">{t("actions.fields.scope")}</legend>
            <p className="text-xs text-muted-foreground sm:col-span-2">{t("actions.create.scopeHint")}</p>
            <SelectField
              id={fieldId("segmentId")}
              label={t("actions.fields.segment")}
              error={error("segmentId")}
              value={values.segmentId}
              onChange={set("segmentId")}
              none={t("actions.scope.anySegment")}
              options={(options.data?.segments ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            />
            <SelectField
              id={fieldId("stageId")}
              label={t("actions.fields.stage")}
              error={error("stageId")}
              value={values.stageId}
              onChange={set("stageId")}
              none={t("actions.scope.anyStage")}
              options={stages.map((s) => ({ value: String(s.id), label: s.name }))}
            />
            <SelectField
              id={fieldId("channel")}
              label={t("actions.fields.channel")}
              error={error("channel")}
              value={values.channel}
              onChange={set("channel")}
              none={t("actions.scope.anyChannel")}
              options={CHANNELS.map((c) => ({ value: c, label: t(`enumLabels.channel.${c}`) }))}
            />
            <SelectField
              id={fieldId("themeId")}
              label={t("actions.fields.theme")}
              error={error("themeId")}
              value={values.themeId}
              onChange={set("themeId")}
              none={t("actions.scope.anyTheme")}
              options={(themes.data ?? []).map((theme) => ({ value: String(theme.id), label: theme.name }))}
            />
          </fieldset>
          <SelectField
            id={fieldId("kpi")}
            label={t("actions.fields.kpi")}
            hint={t("actions.create.baselineHint")}
            error={error("kpi")}
            value={values.kpi}
            onChange={(value) => set("kpi")(value)}
            options={KPIS.map((kpi) => ({ value: kpi, label: t(`enumLabels.kpi.${kpi}`) }))}
          />
          <FormField
            id={fieldId("target")}
            label={t("actions.fields.target")}
            hint={t("actions.create.targetHint", { range: rule.range, example: rule.example })}
            error={error("target")}
          >
            {(props) => (
              <Input
                {...props}
                inputMode="decimal"
                value={values.target}
                onChange={(e) => set("target")(e.target.value)}
              />
            )}
          </FormField>
          <div id={`${formId}-problems`} className="sm:col-span-2">
            {(errors.form || errors.feedbackIds) && (
              <p role="alert" className="text-sm text-destructive">
                {errors.form ?? errors.feedbackIds}
              </p>
            )}
            {serverError && (
              <div role="alert" className="rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm">
                <p className="font-medium text-destructive">{t("actions.create.failed")}</p>
                <p className="mt-1">{serverError}</p>
              </div>
            )}
          </div>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t("actions.create.submitting") : t("actions.create.submit")}
            </Button>
            <Button type="button" variant="ghost" onClick={onClose}>
              {t("actions.create.cancel")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
