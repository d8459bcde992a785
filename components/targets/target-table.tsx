"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Skeleton } from "@/components/ui/skeleton";
import { TargetRow } from "./target-row";
import type { Target } from "./use-target-format";

interface TargetTableProps {
  items: Target[];
  currency: string;
  canManage: boolean;
  onEdit: (target: Target) => void;
  onRemoved: () => void;
}

export function TargetTable({ items, currency, canManage, onEdit, onRemoved }: TargetTableProps) {
  const { t } = useI18n();
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm" aria-label={t("targets.tableLabel")}>
        <thead className="text-muted-foreground">
          <tr>
            <th className="py-2 pe-4 text-start font-medium">{t("targets.colKpi")}</th>
            <th className="py-2 pe-4 text-start font-medium">{t("targets.colScope")}</th>
            <th className="py-2 pe-4 text-start font-medium">{t("targets.colTarget")}</th>
            <th className="py-2 pe-4 text-start font-medium">{t("targets.colPeriod")}</th>
            <th className="py-2 pe-4 text-start font-medium">{t("targets.colReview")}</th>
            {canManage && (
              <th className="py-2 text-end font-medium">
                <span className="sr-only">{t("targets.colActions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((target) => (
            <TargetRow
              key={target.id}
              target={target}
              currency={currency}
              canManage={canManage}
              onEdit={onEdit}
              onRemoved={onRemoved}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TargetTableSkeleton() {
  return (
    <div className="grid max-w-5xl gap-2" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}
