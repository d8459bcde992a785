"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { z } from "zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Channel, CHANNELS, type Kpi, KPIS, type TargetScope, TARGET_SCOPES } from "@/server/domain/enums";
import { createTargetInput, suggestTargetDates, TARGET_VALUE_RULES } from "@/server/domain/targets";
import type { MessageKey } from "@/server/i18n/core";
import { SelectField } from "./select-field";
import type { Target } from "./use-target-format";

type Field = "kpi" | "scope" | "segmentId" | "stageId" | "channel" | "targetValue" | "periodStart" | "periodEnd" | "reviewDate";
type Draft = Record<Exclude<Field, "kpi" | "scope">, string> & { kpi: Kpi; scope: TargetScope };
type FieldErrors = Partial<Record<Field, string>>;

const SCOPE_LABEL: Record<TargetScope, MessageKey> = {
  all: "targets.scopeAll",
  segment: "targets.fieldSegment",
  stage: "targets.fieldStage",
  channel: "targets.fieldChannel",
};

function draftOf(target: Target | null, today: string): Draft {
  if (!target) {
    return { kpi: "nps", scope: "all", segmentId: "", stageId: "", channel: "", targetValue: "", ...suggestTargetDates(today) };
  }
  return {
    kpi: target.kpi,
    scope: target.scope,
    targetValue: target.targetValue,
    periodStart: target.periodStart,
    periodEnd: target.periodEnd,
    reviewDate: target.reviewDate,
    segmentId: target.segmentId?.toString() ?? "",
    stageId: target.stageId?.toString() ?? "",
    channel: target.channel ?? "",
  };
}

/** What the procedures take: only the scope's own id or channel is sent. */
function payloadOf(draft: Draft) {
  const pick = (scope: TargetScope, value: string) => (draft.scope === scope && value !== "" ? value : null);
  const segmentId = pick("segment", draft.segmentId);
  const stageId = pick("stage", draft.stageId);
  return {
    kpi: draft.kpi,
    scope: draft.scope,
    segmentId: segmentId === null ? null : Number(segmentId),
    stageId: stageId === null ? null : Number(stageId),
    channel: pick("channel", draft.channel) as Channel | null,
    targetValue: draft.targetValue,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    reviewDate: draft.reviewDate,
  };
}

/** The first message of each field, from the shared zod schema or the server's zodError. */
function firstPerField(fieldErrors: Record<string, string[] | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]]));
}

interface TargetFormProps {
  /** The target to edit, or null to create one. */
  target: Target | null;
  today: string;
  currency: string;
  onSaved: (created: boolean) => void;
  onCancel: () => void;
}

/** Create or edit a target; checked with the procedures' own schema before it is sent. */
export function TargetForm({ target, today, currency, onSaved, onCancel }: TargetFormProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.targets.scopeOptions.queryOptions());
  const [draft, setDraft] = useState(() => draftOf(target, today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(trpc.targets.create.mutationOptions({ onSuccess: () => onSaved(true) }));
  const update = useMutation(trpc.targets.update.mutationOptions({ onSuccess: () => onSaved(false) }));
  const mutation = target ? update : create;
  const serverErrors = mutation.error?.data?.zodError?.fieldErrors;
  const shown: FieldErrors = { ...(serverErrors ? firstPerField(serverErrors) : {}), ...errors };
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [field]: e.target.value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const unit = TARGET_VALUE_RULES[draft.kpi].unit;

  // the form opens on a click: take the keyboard there
  useEffect(() => {
    document.getElementById("target-kpi")?.focus();
  }, []);
  const field = (name: Field) => ({
    id: `target-${name}`,
    "aria-invalid": shown[name] ? true : undefined,
    "aria-describedby": `target-${name}-note`,
    className: "aria-invalid:border-destructive",
  });

  function submit() {
    const payload = payloadOf(draft);
    const checked = createTargetInput.safeParse(payload);
    if (!checked.success) {
      setErrors(firstPerField(z.flattenError(checked.error).fieldErrors));
      return;
    }
    if (target) update.mutate({ id: target.id, ...payload });
    else create.mutate(payload);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{target ? t("targets.formEdit") : t("targets.formCreate")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TargetField name="kpi" label={t("targets.fieldKpi")} error={shown.kpi}>
            <SelectField {...field("kpi")} value={draft.kpi} onChange={set("kpi")}>
              {KPIS.map((kpi) => (
                <option key={kpi} value={kpi}>
                  {t(`enumLabels.kpi.${kpi}`)}
                </option>
              ))}
            </SelectField>
          </TargetField>
          <TargetField name="scope" label={t("targets.fieldScope")} error={shown.scope}>
            <SelectField {...field("scope")} value={draft.scope} onChange={set("scope")}>
              {TARGET_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {t(SCOPE_LABEL[scope])}
                </option>
              ))}
            </SelectField>
          </TargetField>
          {draft.scope === "segment" && (
            <TargetField
              name="segmentId"
              label={t("targets.fieldSegment")}
              error={shown.segmentId}
              hint={options.segments.length === 0 ? t("targets.noSegments") : undefined}
            >
              <SelectField {...field("segmentId")} value={draft.segmentId} onChange={set("segmentId")}>
                <option value="">{t("targets.choose")}</option>
                {options.segments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
            </TargetField>
          )}
          {draft.scope === "stage" && (
            <TargetField
              name="stageId"
              label={t("targets.fieldStage")}
              error={shown.stageId}
              hint={options.stages.length === 0 ? t("targets.noStages") : undefined}
            >
              <SelectField {...field("stageId")} value={draft.stageId} onChange={set("stageId")}>
                <option value="">{t("targets.choose")}</option>
                {options.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
                {/* an archived stage stays selectable on the target that already has it */}
                {target?.stageId && !options.stages.some((s) => s.id === target.stageId) && (
                  <option value={target.stageId}>{target.stageName ?? target.stageId}</option>
                )}
              </SelectField>
            </TargetField>
          )}
          {draft.scope === "channel" && (
            <TargetField name="channel" label={t("targets.fieldChannel")} error={shown.channel}>
              <SelectField {...field("channel")} value={draft.channel} onChange={set("channel")}>
                <option value="">{t("targets.choose")}</option>
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`enumLabels.channel.${channel}`)}
                  </option>
                ))}
              </SelectField>
            </TargetField>
          )}
          <TargetField
            name="targetValue"
            label={t("targets.fieldValue")}
            error={shown.targetValue}
            hint={t(`targets.valueHint.${unit}`, { currency })}
          >
            <Input
              {...field("targetValue")}
              inputMode="decimal"
              autoComplete="off"
              placeholder={TARGET_VALUE_RULES[draft.kpi].example}
              value={draft.targetValue}
              onChange={set("targetValue")}
            />
          </TargetField>
          <TargetField name="periodStart" label={t("targets.fieldPeriodStart")} error={shown.periodStart}>
            <Input {...field("periodStart")} type="date" value={draft.periodStart} onChange={set("periodStart")} />
          </TargetField>
          <TargetField name="periodEnd" label={t("targets.fieldPeriodEnd")} error={shown.periodEnd}>
            <Input {...field("periodEnd")} type="date" value={draft.periodEnd} onChange={set("periodEnd")} />
          </TargetField>
          <TargetField
            name="reviewDate"
            label={t("targets.fieldReviewDate")}
            error={shown.reviewDate}
            hint={t("targets.reviewHint")}
          >
            <Input {...field("reviewDate")} type="date" value={draft.reviewDate} onChange={set("reviewDate")} />
          </TargetField>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? t("targets.saving") : t("targets.save")}
            </Button>
            <Button type="button" variant="outline" onClick={onCancel}>
              {t("targets.cancel")}
            </Button>
            {mutation.error && !serverErrors && (
              <p className="text-sm text-destructive" role="alert">
                {mutation.error.message}
              </p>
            )}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function TargetField({ name, label, hint, error, children }: { name: Field; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={`target-${name}`}>{label}</Label>
      {children}
      <p id={`target-${name}-note`} className={error ? "min-h-4 text-xs text-destructive" : "min-h-4 text-xs text-muted-foreground"}>
        {error ?? hint}
      </p>
    </div>
  );
}
