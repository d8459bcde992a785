"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { useCreated, useWhen } from "./integrations-format";
import { StatusBadge } from "./integrations-status-badge";

interface LifecycleCellsProps {
  createdAt: Date;
  createdByName: string | null;
  /** Last use of a key, last stored delivery of an endpoint. */
  lastAt: Date | null;
  /** When it was revoked or disabled, in words; null while active. */
  off: string | null;
  activeLabel: string;
}

/** The created, last-used and status cells every key and endpoint row ends with. */
export function LifecycleCells({ createdAt, createdByName, lastAt, off, activeLabel }: LifecycleCellsProps) {
  const { t } = useI18n();
  const when = useWhen();
  const created = useCreated();
  return (
    <>
      <td className="py-3 pe-4">{created(createdAt, createdByName)}</td>
      <td className="whitespace-nowrap py-3 pe-4">{lastAt ? when(lastAt) : t("settingsIntegrations.never")}</td>
      <td className="py-3 pe-4">
        <StatusBadge activeLabel={activeLabel} off={off} />
      </td>
    </>
  );
}
