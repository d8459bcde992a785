"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `value` to the clipboard; says "Copied" for a moment, or — when the browser refuses
 * (no permission, an insecure origin) — that the text must be selected and copied by hand.
 */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-label={t("settingsIntegrations.copyLabel", { what })}
        onClick={() => void copy()}
      >
        {state === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
        {state === "copied" ? t("settingsIntegrations.copied") : t("settingsIntegrations.copy")}
      </Button>
      {state === "failed" && (
        <span role="alert" className="text-xs text-destructive">
          {t("settingsIntegrations.copyFailed")}
        </span>
      )}
    </span>
  );
}
