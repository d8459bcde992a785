"use client";

import Link from "next/link";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { JourneyStage } from "./types";

/** A stage's friction points: the themes its negative feedback carries most, each opening that feedback. */
export function FrictionList({
  stageName,
  friction,
  hrefOf,
}: {
  stageName: string;
  friction: JourneyStage["friction"];
  hrefOf: (themeId: number) => string;
}) {
  const { t, locale } = useI18n();
  if (friction.length === 0) return <p className="text-sm text-muted-foreground">{t("journeys.map.noFriction")}</p>;
  const most = Math.max(...friction.map((theme) => theme.negative));
  return (
    <ol className="flex flex-col gap-1">
      {friction.map((theme) => {
        const count = formatCount(locale, theme.negative);
        return (
          <li key={theme.themeId}>
            <Link
              href={hrefOf(theme.themeId)}
              aria-label={t("journeys.map.frictionLink", { theme: theme.name, count, stage: stageName })}
              className="group relative flex items-center justify-between gap-2 overflow-hidden rounded-md px-2 py-1 text-sm hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {/* the bar's length is the theme's share of the stage's worst theme */}
              <span
                aria-hidden
                className="absolute inset-y-0 start-0 bg-negative/12 dark:bg-negative/20"
                style={{ width: `${(100 * theme.negative) / Math.max(1, most)}%` }}
              />
              <bdi className="relative min-w-0 truncate group-hover:underline">{theme.name}</bdi>
              <span className="relative shrink-0 text-xs tabular-nums text-negative">
                {t("journeys.map.frictionCount", { count })}
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
