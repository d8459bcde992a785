"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="page-error" className="rounded-xl border border-destructive/40 bg-card p-6">
      <p className="font-medium">{t("errors.generic")}</p>
      <Button variant="outline" className="mt-4" onClick={reset}>
        {t("overview.retry")}
      </Button>
    </div>
  );
}
