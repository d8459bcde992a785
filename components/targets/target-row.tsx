"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { type Target, useTargetFormat } from "./use-target-format";

interface TargetRowProps {
  target: Target;
  currency: string;
  canManage: boolean;
  onEdit: (target: Target) => void;
  onRemoved: () => void;
}

/** One target; removing it asks first, in a row of its own beneath. */
export function TargetRow({ target, currency, canManage, onEdit, onRemoved }: TargetRowProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const format = useTargetFormat(currency);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation(trpc.targets.remove.mutationOptions({ onSuccess: onRemoved }));
  const names = { kpi: format.kpi(target.kpi), scope: format.scope(target) };

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  return (
    <>
      <tr className={cn("border-t align-middle", confirming && "bg-destructive/10")}>
        <td className="whitespace-nowrap py-2 pe-4 font-medium">{names.kpi}</td>
        <td className="py-2 pe-4">
          <bdi>{names.scope}</bdi>
        </td>
        <td className="whitespace-nowrap py-2 pe-4 tabular-nums">{format.value(target.kpi, target.targetValue)}</td>
        <td className="whitespace-nowrap py-2 pe-4 tabular-nums">
          {t("targets.period", { start: format.date(target.periodStart), end: format.date(target.periodEnd) })}
        </td>
        <td className="whitespace-nowrap py-2 pe-4 tabular-nums">
          <time dateTime={target.reviewDate}>{format.date(target.reviewDate)}</time>
          {target.reviewDue && (
            <span className="ms-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-500/20 dark:text-amber-200">
              {t("targets.reviewDue")}
            </span>
          )}
        </td>
        {canManage && (
          <td className="whitespace-nowrap py-1 text-end">
            <Button variant="ghost" size="sm" aria-label={t("targets.editLabel", names)} onClick={() => onEdit(target)}>
              {t("targets.edit")}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              className="text-destructive hover:text-destructive"
              aria-label={t("targets.removeLabel", names)}
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
            >
              {t("targets.remove")}
            </Button>
          </td>
        )}
      </tr>
      {confirming && (
        <tr className="bg-destructive/10">
          <td colSpan={6} className="px-2 pb-3">
            <div role="group" aria-label={t("targets.removeLabel", names)} className="flex flex-wrap items-center gap-3">
              <p className="text-sm">{t("targets.removeConfirm", names)}</p>
              <Button variant="destructive" size="sm" disabled={remove.isPending} onClick={() => remove.mutate({ id: target.id })}>
                {remove.isPending ? t("targets.removing") : t("targets.removeYes")}
              </Button>
              <Button ref={cancelRef} variant="outline" size="sm" onClick={() => setConfirming(false)}>
                {t("targets.cancel")}
              </Button>
              {remove.error && <p className="text-sm text-destructive" role="alert">{remove.error.message}</p>}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
