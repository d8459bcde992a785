"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** The buttons that end an action dialog's form: the submit button (it says what it does), then Cancel. */
export function FormButtons({
  submit,
  disabled,
  onCancel,
  variant,
  size,
  className,
}: {
  submit: string;
  disabled: boolean;
  onCancel: () => void;
  variant?: "destructive";
  size?: "sm";
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <div className={cn("flex gap-2", className)}>
      <Button type="submit" size={size} variant={variant} disabled={disabled}>
        {submit}
      </Button>
      <Button type="button" size={size} variant="ghost" onClick={onCancel}>
        {t("actions.create.cancel")}
      </Button>
    </div>
  );
}
