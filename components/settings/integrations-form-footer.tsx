"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

interface FormFooterProps {
  /** The failed mutation's message, if any. */
  error: string | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
  className?: string;
}

/** The end of an integrations form: the server's refusal, if any, then submit and cancel. */
export function FormFooter({ error, pending, submitLabel, pendingLabel, onCancel, className }: FormFooterProps) {
  const { t } = useI18n();
  return (
    <>
      {error && (
        <p role="alert" className={cn("text-sm text-destructive", className)}>
          {error}
        </p>
      )}
      <div className={cn("flex gap-2", className)}>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("settingsIntegrations.cancel")}
        </Button>
      </div>
    </>
  );
}
