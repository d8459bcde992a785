"use client";

import { AlertTriangle } from "lucide-react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import type { ActionStatus } from "@/server/domain/enums";
import type { ImpactVerdict } from "@/server/domain/kpi/diff-in-diff";
import { STATUS_TONE } from "./action-format";
import { VERDICT_LABEL, VERDICT_TONE } from "./impact-format";

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`enumLabels.actionStatus.${status}`)}</Badge>;
}

/** Overdue: open and past its due date. An icon and the word, not colour alone. */
export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <Badge tone="negative">
      <AlertTriangle aria-hidden />
      {t("actions.overdue")}
    </Badge>
  );
}

export function VerdictBadge({ verdict }: { verdict: ImpactVerdict }) {
  const { t } = useI18n();
  const tone = VERDICT_TONE[verdict];
  return <Badge tone={tone === "neutral" ? "neutral" : tone}>{t(VERDICT_LABEL[verdict])}</Badge>;
}
