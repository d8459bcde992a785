"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

/** The link's values the page could not use (it shows the default instead), listed above the figures. */
export function IgnoredParams({ errors }: { errors: string[] }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div role="status" className="mb-4 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
      <p className="font-medium">{t("segments.ignoredFilters")}</p>
      <ul className="list-disc ps-5">
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  );
}
