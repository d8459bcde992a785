"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { METRIC_KINDS } from "@/server/domain/enums";
import { createWebhookInput, WEBHOOK_TOOLS, type WebhookTool } from "@/server/domain/ingest/integrations";
import { secretIsGenerated } from "@/server/domain/ingest/webhook-settings";
import { Field } from "./integrations-field";
import { FormFooter } from "./integrations-form-footer";
import { MappingEditor } from "./integrations-mapping-editor";
import {
  checkInput,
  mappingDraftOf,
  mappingProblems,
  messageAt,
  withoutMappingProblems,
  type MappingDraft,
  type MappingProblem,
} from "./integrations-mapping-draft";
import { mutationMessage } from "./mutation-message";

export interface CreatedWebhook {
  tool: WebhookTool;
  name: string;
  path: string;
  generatedSecret: string | null;
}

type TextField = "name" | "secret" | "apiKey" | "accessToken" | "scoreField";
const EMPTY: Record<TextField, string> = { name: "", secret: "", apiKey: "", accessToken: "", scoreField: "" };

/** The create input of `tool` from the form's fields: blank optional fields left out. */
function inputOf(
  tool: WebhookTool,
  text: Record<TextField, string>,
  options: { metricKind: string; fivePointKind: string },
) {
  const optional = (value: string) => (value.trim() === "" ? undefined : value);
  switch (tool) {
    case "typeform":
      return {
        tool,
        name: text.name,
        secret: optional(text.secret),
        scoreField: optional(text.scoreField),
        metricKind: optional(options.metricKind),
      };
    case "delighted":
      return { tool, name: text.name };
    case "zendesk":
      return { tool, name: text.name, secret: text.secret };
    case "surveymonkey":
      return {
        tool,
        name: text.name,
        secret: text.secret,
        apiKey: text.apiKey,
        accessToken: text.accessToken,
        fivePointKind: options.fivePointKind,
      };
    case "generic":
      return { tool, name: text.name, secret: optional(text.secret) };
  }
}

/** A new webhook endpoint: the tool, a name, what the tool needs; the generic tool's field mapping. */
export function WebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedWebhook) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [tool, setTool] = useState<WebhookTool>("typeform");
  const [text, setText] = useState(EMPTY);
  const [metricKind, setMetricKind] = useState("");
  const [fivePointKind, setFivePointKind] = useState("rating");
  const [mapping, setMapping] = useState(() => mappingDraftOf(null));
  const [problems, setProblems] = useState<MappingProblem[]>([]);
  const editMapping = (next: MappingDraft) => {
    setMapping(next);
    setProblems(withoutMappingProblems);
  };
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: ({ endpoint, path, generatedSecret }) =>
        onCreated({ tool: endpoint.tool, name: endpoint.name, path, generatedSecret }),
    }),
  );

  function submit() {
    const input = inputOf(tool, text, { metricKind, fivePointKind });
    const check = checkInput(createWebhookInput, input, tool === "generic" ? mapping : null);
    setProblems(check.ok ? [] : check.problems);
    if (check.ok) create.mutate(check.data);
  }

  const textField = (field: TextField, label: string, hint: string | null, type = "text") => {
    const error = messageAt(problems, field);
    return (
      <Field id={`webhook-${field}`} label={label} note={error ?? hint} invalid={error !== null}>
        <Input
          id={`webhook-${field}`}
          type={type}
          autoComplete="off"
          value={text[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={`webhook-${field}-note`}
          className="aria-invalid:border-destructive"
          onChange={(e) => {
            setText((current) => ({ ...current, [field]: e.target.value }));
            setProblems((current) => current.filter((p) => p.path !== field));
          }}
        />
      </Field>
    );
  };
  const secretLabel = secretIsGenerated(tool)
    ? t("settingsIntegrations.webhooks.secretOptional")
    : t("settingsIntegrations.webhooks.secret");

  return (
    <form
      noValidate
      aria-label={t("settingsIntegrations.webhooks.formTitle")}
      className="grid gap-4 rounded-lg border p-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="webhook-tool" label={t("settingsIntegrations.webhooks.tool")} note={null}>
          <NativeSelect
            id="webhook-tool"
            autoFocus
            value={tool}
            onChange={(e) => {
              setTool(e.target.value as WebhookTool);
              setProblems([]);
              create.reset();
            }}
          >
            {WEBHOOK_TOOLS.map((value) => (
              <option key={value} value={value}>
                {t(`settingsIntegrations.webhooks.tools.${value}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {textField("name", t("settingsIntegrations.webhooks.name"), t("settingsIntegrations.webhooks.nameHint"))}
        {tool !== "delighted" &&
          textField("secret", secretLabel, t(`settingsIntegrations.webhooks.secretHint.${tool}`), "password")}
        {tool === "surveymonkey" && (
          <>
            {textField("apiKey", t("settingsIntegrations.webhooks.apiKey"), null)}
            {textField(
              "accessToken",
              t("settingsIntegrations.webhooks.accessToken"),
              t("settingsIntegrations.webhooks.accessTokenHint"),
              "password",
            )}
            <Field id="webhook-five-point" label={t("settingsIntegrations.webhooks.fivePointKind")} note={null}>
              <NativeSelect
                id="webhook-five-point"
                value={fivePointKind}
                onChange={(e) => setFivePointKind(e.target.value)}
              >
                {(["rating", "csat"] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`settingsIntegrations.webhooks.fivePointKinds.${kind}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </>
        )}
        {tool === "typeform" && (
          <>
            {textField(
              "scoreField",
              t("settingsIntegrations.webhooks.scoreField"),
              t("settingsIntegrations.webhooks.scoreFieldHint"),
            )}
            <Field id="webhook-metric-kind" label={t("settingsIntegrations.webhooks.metricKind")} note={null}>
              <NativeSelect id="webhook-metric-kind" value={metricKind} onChange={(e) => setMetricKind(e.target.value)}>
                <option value="">{t("settingsIntegrations.webhooks.metricKindAuto")}</option>
                {METRIC_KINDS.filter((kind) => kind !== "none").map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`enumLabels.metricKind.${kind}`)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </>
        )}
      </div>
      {tool === "delighted" && (
        <p className="text-sm text-muted-foreground">{t("settingsIntegrations.webhooks.delightedNote")}</p>
      )}
      {tool === "generic" && (
        <MappingEditor draft={mapping} onChange={editMapping} problems={mappingProblems(problems)} />
      )}
      <FormFooter
        error={create.error ? mutationMessage(create.error) : null}
        pending={create.isPending}
        submitLabel={t("settingsIntegrations.webhooks.create")}
        pendingLabel={t("settingsIntegrations.webhooks.creating")}
        onCancel={onCancel}
      />
    </form>
  );
}
