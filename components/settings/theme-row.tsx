"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { feedbackInboxPath } from "@/server/domain/feedback/filter-query";
import { mutationMessage } from "./mutation-message";
import { ThemeKeywordList } from "./theme-keyword-list";
import type { Theme } from "./theme-types";

interface ThemeRowProps {
  theme: Theme;
  canConfigure: boolean;
  onEdit: (theme: Theme) => void;
  onRemoved: (name: string) => void;
}

/** One theme of the library; removing it asks first, in a row of its own beneath. */
export function ThemeRow({ theme, canConfigure, onEdit, onRemoved }: ThemeRowProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation(trpc.themes.remove.mutationOptions({ onSuccess: () => onRemoved(theme.name) }));
  const names = { name: theme.name };

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  return (
    <>
      <tr className={cn("border-t align-top", confirming && "bg-destructive/10")}>
        <th scope="row" className="py-3 pe-4 text-start font-medium">
          <bdi>{theme.name}</bdi>
        </th>
        <td className="py-3 pe-4">
          <ThemeKeywordList keywords={theme.keywords} />
        </td>
        <td className="whitespace-nowrap py-3 pe-4 text-end tabular-nums">
          {theme.items === 0 ? (
            formatCount(locale, 0)
          ) : (
            <Link
              className="underline-offset-4 hover:underline focus-visible:underline"
              href={feedbackInboxPath({ filters: { segmentIds: [], themeId: theme.id } })}
              aria-label={t("themeAnalytics.table.openLabel", names)}
            >
              {formatCount(locale, theme.items)}
            </Link>
          )}
        </td>
        {canConfigure && (
          <td className="whitespace-nowrap py-2 text-end">
            <Button
              variant="ghost"
              size="sm"
              aria-label={t("settingsThemes.editLabel", names)}
              onClick={() => onEdit(theme)}
            >
              {t("settingsThemes.edit")}
            </Button>
            <Button
              ref={removeRef}
              variant="ghost"
              size="sm"
              className="text-destructive hover:text-destructive"
              aria-label={t("settingsThemes.removeLabel", names)}
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
            >
              {t("settingsThemes.remove")}
            </Button>
          </td>
        )}
      </tr>
      {confirming && (
        <tr className="bg-destructive/10">
          <td colSpan={4} className="px-2 pb-3">
            <div
              role="group"
              aria-label={t("settingsThemes.removeLabel", names)}
              className="flex flex-wrap items-center gap-3"
            >
              <p className="text-sm">
                {t("settingsThemes.removeConfirm", { name: theme.name, count: formatCount(locale, theme.items) })}
              </p>
              <Button
                variant="destructive"
                size="sm"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: theme.id })}
              >
                {remove.isPending ? t("settingsThemes.removing") : t("settingsThemes.removeYes")}
              </Button>
              <Button
                ref={cancelRef}
                variant="outline"
                size="sm"
                onClick={() => {
                  setConfirming(false);
                  removeRef.current?.focus();
                }}
              >
                {t("settingsThemes.cancel")}
              </Button>
              {remove.error && (
                <p className="text-sm text-destructive" role="alert">
                  {mutationMessage(remove.error)}
                </p>
              )}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
