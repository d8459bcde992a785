"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Input } from "@/components/ui/input";
import { updateWebhookInput } from "@/server/domain/ingest/webhook-settings";
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
import type { WebhookEndpoint } from "./integrations-types";
import { mutationMessage } from "./mutation-message";

interface EditWebhookProps {
  endpoint: WebhookEndpoint;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** Rename an endpoint; for a generic one, edit its field mapping and try it on a sample payload. */
export function EditWebhookForm({ endpoint, onSaved, onCancel }: EditWebhookProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const generic = endpoint.tool === "generic";
  const [name, setName] = useState(endpoint.name);
  const [mapping, setMapping] = useState(() => mappingDraftOf(endpoint.settings.mapping));
  const [problems, setProblems] = useState<MappingProblem[]>([]);
  const editMapping = (next: MappingDraft) => {
    setMapping(next);
    setProblems(withoutMappingProblems);
  };
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: (saved) => onSaved(saved.name) }));
  const nameProblem = messageAt(problems, "name");

  function submit() {
    const check = checkInput(updateWebhookInput, { id: endpoint.id, name }, generic ? mapping : null);
    setProblems(check.ok ? [] : check.problems);
    if (check.ok) update.mutate(check.data);
  }

  return (
    <form
      noValidate
      aria-label={t("settingsIntegrations.webhooks.editTitle", { name: endpoint.name })}
      className="grid gap-4 rounded-lg border p-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 className="text-sm font-medium">{t("settingsIntegrations.webhooks.editTitle", { name: endpoint.name })}</h3>
      <div className="max-w-md">
        <Field id="webhook-edit-name" label={t("settingsIntegrations.webhooks.name")} note={nameProblem} invalid>
          <Input
            id="webhook-edit-name"
            autoFocus
            value={name}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? "webhook-edit-name-note" : undefined}
            className="aria-invalid:border-destructive"
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
      </div>
      {generic && <MappingEditor draft={mapping} onChange={editMapping} problems={mappingProblems(problems)} />}
      <FormFooter
        error={update.error ? mutationMessage(update.error) : null}
        pending={update.isPending}
        submitLabel={t("settingsIntegrations.webhooks.save")}
        pendingLabel={t("settingsIntegrations.webhooks.saving")}
        onCancel={onCancel}
      />
    </form>
  );
}
