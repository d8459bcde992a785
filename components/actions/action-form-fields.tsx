"use client";

import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { CHANNELS, KPIS } from "@/server/domain/enums";
import { TARGET_VALUE_RULES } from "@/server/domain/targets/values";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormField, SelectField } from "./action-form-field";
import type { ActionFormErrors, ActionFormField, ActionFormValues } from "./action-form-values";
import type { useActionFormOptions } from "./use-action-form-options";

/**
 * The action form's controls, for creating (every field) and editing (the fields the server says
 * this user may edit; a team member edits title, description, assignee and due date, never the
 * scope, KPI or target). Each control is labelled, with its hint and its error.
 */
export function ActionFormFields({
  idPrefix,
  values,
  errors,
  onChange,
  options,
  editable,
  mode,
}: {
  idPrefix: string;
  values: ActionFormValues;
  errors: ActionFormErrors;
  onChange: (field: ActionFormField, value: string) => void;
  options: ReturnType<typeof useActionFormOptions>;
  /** The fields shown; the others are left out of the form. */
  editable: ReadonlySet<ActionFormField>;
  mode: "create" | "edit";
}) {
  const { t } = useI18n();
  const id = (field: ActionFormField) => `${idPrefix}-${field}`;
  const set = (field: ActionFormField) => (value: string) => onChange(field, value);
  const scopeFields = (["segmentId", "stageId", "channel", "themeId"] as const).filter((f) => editable.has(f));
  const rule = TARGET_VALUE_RULES[values.kpi];
  return (
    <>
      {editable.has("title") && (
        <FormField id={id("title")} label={t("actions.fields.title")} error={errors.title} className="sm:col-span-2">
          {(props) => (
            <Input {...props} autoFocus required value={values.title} onChange={(e) => set("title")(e.target.value)} />
          )}
        </FormField>
      )}
      {editable.has("description") && (
        <FormField
          id={id("description")}
          label={t("actions.fields.description")}
          error={errors.description}
          className="sm:col-span-2"
        >
          {(props) => (
            <Textarea
              {...props}
              dir="auto"
              rows={3}
              value={values.description}
              onChange={(e) => set("description")(e.target.value)}
            />
          )}
        </FormField>
      )}
      {editable.has("ownerTeamId") && (
        <SelectField
          id={id("ownerTeamId")}
          label={t("actions.fields.ownerTeam")}
          error={errors.ownerTeamId}
          value={values.ownerTeamId}
          onChange={set("ownerTeamId")}
          none={t("actions.noTeam")}
          options={options.teams.map((team) => ({ value: String(team.id), label: team.name }))}
        />
      )}
      {editable.has("assigneeId") && (
        <SelectField
          id={id("assigneeId")}
          label={t("actions.fields.assignee")}
          error={errors.assigneeId}
          value={values.assigneeId}
          onChange={set("assigneeId")}
          none={t("actions.unassigned")}
          options={options.users.map((user) => ({ value: String(user.id), label: user.name }))}
        />
      )}
      {editable.has("dueDate") && (
        <FormField id={id("dueDate")} label={t("actions.fields.dueDate")} error={errors.dueDate}>
          {(props) => (
            <Input {...props} type="date" value={values.dueDate} onChange={(e) => set("dueDate")(e.target.value)} />
          )}
        </FormField>
      )}
      {editable.has("reviewDate") && (
        <FormField
          id={id("reviewDate")}
          label={t("actions.fields.reviewDate")}
          hint={mode === "create" ? t("actions.create.reviewHint") : undefined}
          error={errors.reviewDate}
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
      )}
      {scopeFields.length > 0 && (
        <fieldset className="grid gap-4 rounded-lg border p-3 sm:col-span-2 sm:grid-cols-2">
          <legend className="px-1 text-sm font-semibold">{t("actions.fields.scope")}</legend>
          <p className="text-xs text-muted-foreground sm:col-span-2">
            {mode === "create" ? t("actions.create.scopeHint") : t("actions.edit.scopeHint")}
          </p>
          <SelectField
            id={id("segmentId")}
            label={t("actions.fields.segment")}
            error={errors.segmentId}
            value={values.segmentId}
            onChange={set("segmentId")}
            none={t("actions.scope.anySegment")}
            options={options.segments.map((s) => ({ value: String(s.id), label: s.name }))}
          />
          <SelectField
            id={id("stageId")}
            label={t("actions.fields.stage")}
            error={errors.stageId}
            value={values.stageId}
            onChange={set("stageId")}
            none={t("actions.scope.anyStage")}
            options={options.stages.map((s) => ({ value: String(s.id), label: s.name }))}
          />
          <SelectField
            id={id("channel")}
            label={t("actions.fields.channel")}
            error={errors.channel}
            value={values.channel}
            onChange={set("channel")}
            none={t("actions.scope.anyChannel")}
            options={CHANNELS.map((c) => ({ value: c, label: t(`enumLabels.channel.${c}`) }))}
          />
          <SelectField
            id={id("themeId")}
            label={t("actions.fields.theme")}
            error={errors.themeId}
            value={values.themeId}
            onChange={set("themeId")}
            none={t("actions.scope.anyTheme")}
            options={options.themes.map((theme) => ({ value: String(theme.id), label: theme.name }))}
          />
        </fieldset>
      )}
      {editable.has("kpi") && (
        <SelectField
          id={id("kpi")}
          label={t("actions.fields.kpi")}
          hint={mode === "create" ? t("actions.create.baselineHint") : t("actions.edit.baselineHint")}
          error={errors.kpi}
          value={values.kpi}
          onChange={set("kpi")}
          options={KPIS.map((kpi) => ({ value: kpi, label: t(`enumLabels.kpi.${kpi}`) }))}
        />
      )}
      {editable.has("target") && (
        <FormField
          id={id("target")}
          label={t("actions.fields.target")}
          hint={t("actions.create.targetHint", { range: rule.range, example: rule.example })}
          error={errors.target}
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
      )}
    </>
  );
}
