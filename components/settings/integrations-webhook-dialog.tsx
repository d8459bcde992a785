"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Input } from "@/components/ui/input";
import { rotateWebhookSecretInput, secretIsGenerated } from "@/server/domain/ingest/webhook-settings";
import { ConfirmDialog } from "./integrations-confirm-dialog";
import { Field } from "./integrations-field";
import type { WebhookEndpoint } from "./integrations-types";
import { mutationMessage } from "./mutation-message";

export type ConfirmedAction = "rotate" | "disable" | "remove";

interface WebhookDialogProps {
  endpoint: WebhookEndpoint;
  action: ConfirmedAction;
  /** After the change: what to announce, and a generated secret to show once. */
  onDone: (result: { generatedSecret: string | null }) => void;
  onCancel: () => void;
}

/**
 * Confirms disabling, deleting or rotating the secret of an endpoint. Rotating asks for the new
 * secret where the tool makes it (Zendesk, SurveyMonkey); elsewhere a blank field means generate one.
 */
export function WebhookDialog({ endpoint, action, onDone, onCancel }: WebhookDialogProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [secret, setSecret] = useState("");
  const [secretError, setSecretError] = useState<string | null>(null);
  const done = (generatedSecret: string | null) => onDone({ generatedSecret });
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: (r) => done(r.generatedSecret) }));
  const disable = useMutation(trpc.webhooks.revoke.mutationOptions({ onSuccess: () => done(null) }));
  const remove = useMutation(trpc.webhooks.remove.mutationOptions({ onSuccess: () => done(null) }));
  const mutation = { rotate, disable, remove }[action];
  const names = { name: endpoint.name, tool: t(`settingsIntegrations.webhooks.tools.${endpoint.tool}`) };
  const generated = secretIsGenerated(endpoint.tool);

  function confirm() {
    if (action === "disable") return disable.mutate({ id: endpoint.id });
    if (action === "remove") return remove.mutate({ id: endpoint.id });
    const checked = rotateWebhookSecretInput.safeParse({
      id: endpoint.id,
      secret: secret.trim() === "" ? undefined : secret,
    });
    if (!checked.success) {
      setSecretError(checked.error.issues[0]?.message ?? null);
      return;
    }
    rotate.mutate(checked.data);
  }

  const copy = {
    rotate: {
      title: t("settingsIntegrations.webhooks.rotateLabel", names),
      message: generated
        ? t("settingsIntegrations.webhooks.rotateGenerated", names)
        : t("settingsIntegrations.webhooks.rotatePaste", names),
      confirm: t("settingsIntegrations.webhooks.rotateYes"),
    },
    disable: {
      title: t("settingsIntegrations.webhooks.disableLabel", names),
      message: t("settingsIntegrations.webhooks.disableConfirm", names),
      confirm: t("settingsIntegrations.webhooks.disableYes"),
    },
    remove: {
      title: t("settingsIntegrations.webhooks.removeLabel", names),
      message: t("settingsIntegrations.webhooks.removeConfirm", names),
      confirm: t("settingsIntegrations.webhooks.removeYes"),
    },
  }[action];

  return (
    <ConfirmDialog
      title={copy.title}
      message={copy.message}
      confirmLabel={copy.confirm}
      pending={mutation.isPending}
      error={mutation.error ? mutationMessage(mutation.error) : null}
      destructive={action !== "rotate"}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      {action === "rotate" && (
        <Field
          id="webhook-new-secret"
          label={
            generated ? t("settingsIntegrations.webhooks.secretOptional") : t("settingsIntegrations.webhooks.newSecret")
          }
          note={
            secretError ??
            (endpoint.tool === "delighted" ? null : t(`settingsIntegrations.webhooks.secretHint.${endpoint.tool}`))
          }
          invalid={secretError !== null}
        >
          <Input
            id="webhook-new-secret"
            type="password"
            autoComplete="off"
            autoFocus
            value={secret}
            aria-invalid={secretError ? true : undefined}
            aria-describedby="webhook-new-secret-note"
            className="aria-invalid:border-destructive"
            onChange={(e) => {
              setSecret(e.target.value);
              setSecretError(null);
            }}
          />
        </Field>
      )}
    </ConfirmDialog>
  );
}
