"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { API_KEY_SCOPES, createApiKeyInput, type ApiKeyScope } from "@/server/domain/ingest/integrations";
import { FormFooter } from "./integrations-form-footer";
import { mutationMessage } from "./mutation-message";

interface ApiKeyFormProps {
  onCreated: (created: { name: string; token: string }) => void;
  onCancel: () => void;
}

/** Name and scope of a new key, checked with the procedure's own schema before it is sent. */
export function ApiKeyForm({ onCreated, onCancel }: ApiKeyFormProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScope>("ingest");
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({ onSuccess: ({ key, token }) => onCreated({ name: key.name, token }) }),
  );

  function submit() {
    const checked = createApiKeyInput.safeParse({ name, scope });
    if (!checked.success) {
      setNameError(z.flattenError(checked.error).fieldErrors.name?.[0] ?? null);
      return;
    }
    create.mutate({ name, scope });
  }

  return (
    <form
      noValidate
      aria-label={t("settingsIntegrations.keys.formTitle")}
      className="grid gap-4 rounded-lg border p-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="api-key-name">{t("settingsIntegrations.keys.name")}</Label>
        <Input
          id="api-key-name"
          autoFocus
          value={name}
          maxLength={100}
          aria-invalid={nameError ? true : undefined}
          aria-describedby="api-key-name-note"
          className="aria-invalid:border-destructive"
          onChange={(e) => {
            setName(e.target.value);
            setNameError(null);
          }}
        />
        <p id="api-key-name-note" className={nameError ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
          {nameError ?? t("settingsIntegrations.keys.nameHint")}
        </p>
      </div>
      <div className="grid content-start gap-1.5">
        <Label htmlFor="api-key-scope">{t("settingsIntegrations.keys.scope")}</Label>
        <NativeSelect id="api-key-scope" value={scope} onChange={(e) => setScope(e.target.value as ApiKeyScope)}>
          {API_KEY_SCOPES.map((value) => (
            <option key={value} value={value}>
              {t(`settingsIntegrations.keys.scopes.${value}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <FormFooter
        className="sm:col-span-2"
        error={create.error ? mutationMessage(create.error) : null}
        pending={create.isPending}
        submitLabel={t("settingsIntegrations.keys.create")}
        pendingLabel={t("settingsIntegrations.keys.creating")}
        onCancel={onCancel}
      />
    </form>
  );
}
