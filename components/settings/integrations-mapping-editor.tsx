"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { CHANNELS, FEEDBACK_SOURCES, METRIC_KINDS } from "@/server/domain/enums";
import { GENERIC_WEBHOOK_FIELDS } from "@/server/domain/ingest/adapters/generic";
import {
  describeProblem,
  VALUE_MAPS_EXAMPLE,
  type MappingDraft,
  type MappingProblem,
  type ReceivedAtFormat,
} from "./integrations-mapping-draft";
import { Field } from "./integrations-field";
import { MappingSampleTest } from "./integrations-mapping-sample";

const REQUIRED = new Set(["externalId", "receivedAt"]);
const FORMATS: ReceivedAtFormat[] = ["iso", "epoch_seconds", "epoch_millis"];

interface MappingEditorProps {
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  /** Problems of the last save attempt, at their paths ("paths.externalId", "valueMaps", …). */
  problems: MappingProblem[];
}

/** The generic webhook's field mapping: a JSON path per field, constants, value maps, and a trial on a sample. */
export function MappingEditor({ draft, onChange, problems }: MappingEditorProps) {
  const { t } = useI18n();
  const problemAt = (path: string) => {
    const problem = problems.find((p) => p.path === path);
    return problem ? describeProblem(problem, t) : null;
  };
  const set = <K extends keyof MappingDraft>(key: K, value: MappingDraft[K]) => onChange({ ...draft, [key]: value });
  const valueMapsError = problemAt("valueMaps");

  return (
    <fieldset className="grid gap-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-medium">{t("settingsIntegrations.mapping.title")}</legend>
      <p className="text-sm text-muted-foreground">{t("settingsIntegrations.mapping.description")}</p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {GENERIC_WEBHOOK_FIELDS.map((field) => {
          const label = t(`settingsIntegrations.mapping.fields.${field}`);
          const error = problemAt(`paths.${field}`);
          return (
            <Field
              key={field}
              id={`mapping-${field}`}
              label={REQUIRED.has(field) ? t("settingsIntegrations.mapping.required", { field: label }) : label}
              note={error}
              invalid
            >
              <Input
                id={`mapping-${field}`}
                dir="ltr"
                className="font-mono aria-invalid:border-destructive"
                value={draft.paths[field]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `mapping-${field}-note` : undefined}
                onChange={(e) => set("paths", { ...draft.paths, [field]: e.target.value })}
              />
            </Field>
          );
        })}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="mapping-source" label={t("settingsIntegrations.mapping.source")} note={null}>
          <NativeSelect
            id="mapping-source"
            value={draft.source}
            onChange={(e) => set("source", e.target.value as MappingDraft["source"])}
          >
            {FEEDBACK_SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`enumLabels.feedbackSource.${source}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="mapping-kind" label={t("settingsIntegrations.mapping.metricKind")} note={null}>
          <NativeSelect
            id="mapping-kind"
            value={draft.metricKind}
            onChange={(e) => set("metricKind", e.target.value as MappingDraft["metricKind"])}
          >
            {METRIC_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`enumLabels.metricKind.${kind}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="mapping-channel" label={t("settingsIntegrations.mapping.channel")} note={null}>
          <NativeSelect
            id="mapping-channel"
            value={draft.channel}
            onChange={(e) => set("channel", e.target.value as MappingDraft["channel"])}
          >
            <option value="">{t("settingsIntegrations.mapping.channelNone")}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`enumLabels.channel.${channel}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="mapping-format" label={t("settingsIntegrations.mapping.receivedAtFormat")} note={null}>
          <NativeSelect
            id="mapping-format"
            value={draft.receivedAtFormat}
            onChange={(e) => set("receivedAtFormat", e.target.value as ReceivedAtFormat)}
          >
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`settingsIntegrations.mapping.formats.${format}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Field
        id="mapping-value-maps"
        label={t("settingsIntegrations.mapping.valueMaps")}
        note={valueMapsError ?? t("settingsIntegrations.mapping.valueMapsHint", { example: VALUE_MAPS_EXAMPLE })}
        invalid={valueMapsError !== null}
      >
        <Textarea
          id="mapping-value-maps"
          dir="ltr"
          rows={2}
          className="font-mono"
          value={draft.valueMaps}
          aria-invalid={valueMapsError ? true : undefined}
          aria-describedby="mapping-value-maps-note"
          onChange={(e) => set("valueMaps", e.target.value)}
        />
      </Field>
      <MappingSampleTest draft={draft} />
    </fieldset>
  );
}
