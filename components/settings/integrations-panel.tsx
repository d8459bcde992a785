"use client";

import { BookOpen } from "lucide-react";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ApiKeysSection } from "./integrations-api-keys";
import { WebhooksSection } from "./integrations-webhooks";

/** Settings → Integrations (admins): API keys and webhook endpoints, and the way to the API docs. */
export function IntegrationsPanel({ origin }: { origin: string }) {
  const { t } = useI18n();
  return (
    <div className="grid max-w-6xl grid-cols-1 gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-3xl text-sm text-muted-foreground">{t("settingsIntegrations.intro")}</p>
        <Link
          href="/docs/api"
          className="inline-flex items-center gap-2 text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          <BookOpen aria-hidden className="size-4" />
          {t("settingsIntegrations.docsLink")}
        </Link>
      </div>
      <ApiKeysSection />
      <WebhooksSection origin={origin} />
    </div>
  );
}
