"use client";

import Link from "next/link";
import { formatCount, formatMoney, formatPoints } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card } from "@/components/ui/card";
import type { JourneyInboxTarget } from "./inbox-links";
import type { MomentsOfTruthData } from "./types";

/** Themes listed per moment: the costliest few. */
const THEMES_SHOWN = 3;

const answers = (responses: { promoters: number; passives: number; detractors: number }) =>
  responses.promoters + responses.passives + responses.detractors;

/**
 * Moments of truth: the stages ranked by the revenue their friction costs, most expensive first,
 * each with its detractor revenue, its theme impact and the themes that cost most, every one a
 * link to the feedback behind it. The bar is the stage's share of the largest impact.
 */
export function MomentsOfTruth({
  data,
  hrefOf,
}: {
  data: MomentsOfTruthData;
  hrefOf: (target: JourneyInboxTarget) => string;
}) {
  const { t, locale } = useI18n();
  const money = (amount: string) => formatMoney(locale, amount, data.currency);
  const largest = Math.max(0, ...data.ranking.map((moment) => Number(moment.revenueImpact)));
  const priced = data.ranking.some((moment) => answers(moment.responses) > 0);

  return (
    <Card className="flex flex-col gap-4 p-5">
      <div>
        <h2 className="text-base font-semibold leading-tight">{t("journeys.moments.heading")}</h2>
        <p className="mt-1 text-xs text-muted-foreground">{t("journeys.moments.about")}</p>
      </div>
      {!priced ? (
        <p className="text-sm text-muted-foreground">{t("journeys.moments.empty")}</p>
      ) : (
        <ol aria-label={t("journeys.moments.label")} className="flex flex-col gap-3">
          {data.ranking.map((moment) => {
            const share = largest > 0 ? (100 * Number(moment.revenueImpact)) / largest : 0;
            const themes = moment.themes.filter((theme) => Number(theme.revenueImpact) > 0).slice(0, THEMES_SHOWN);
            return (
              <li key={moment.stageId} className="rounded-lg border p-3" data-stage-id={moment.stageId}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <Link
                    href={hrefOf({ stageId: moment.stageId })}
                    aria-label={t("journeys.moments.stageLink", {
                      rank: moment.rank,
                      name: moment.name,
                      revenue: money(moment.revenueImpact),
                    })}
                    className="flex min-w-0 items-baseline gap-2 rounded text-base font-semibold hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    <span className="text-sm tabular-nums text-muted-foreground">
                      {t("journeys.moments.rank", { rank: moment.rank })}
                    </span>
                    <bdi className="truncate">{moment.name}</bdi>
                  </Link>
                  <p className="text-end">
                    <span className="text-xl font-semibold tabular-nums">{money(moment.revenueImpact)}</span>{" "}
                    <span className="text-xs text-muted-foreground">{t("journeys.moments.revenueImpact")}</span>
                  </p>
                </div>
                <div
                  className="mt-2 h-2 overflow-hidden rounded-full bg-muted"
                  role="meter"
                  aria-label={t("journeys.moments.share")}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(share)}
                >
                  <div className="h-full rounded-full bg-negative" style={{ width: `${share}%` }} />
                </div>
                <div className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs">
                  <dl className="contents">
                    <div className="flex gap-1">
                      <dt className="text-muted-foreground">{t("journeys.moments.detractorRevenue")}</dt>
                      <dd className="font-medium tabular-nums">{money(moment.detractorRevenue)}</dd>
                    </div>
                    <div className="flex gap-1">
                      <dt className="text-muted-foreground">{t("journeys.moments.themeRevenue")}</dt>
                      <dd className="font-medium tabular-nums">{money(moment.themeRevenueImpact)}</dd>
                    </div>
                  </dl>
                  <p className="text-muted-foreground">
                    {t("journeys.moments.responses", { count: formatCount(locale, answers(moment.responses)) })}
                  </p>
                </div>
                {themes.length === 0 ? (
                  <p className="mt-2 text-xs text-muted-foreground">{t("journeys.moments.noThemes")}</p>
                ) : (
                  <ul aria-label={t("journeys.moments.themes")} className="mt-2 flex flex-wrap gap-1.5">
                    {themes.map((theme) => (
                      <li key={theme.themeId}>
                        <Link
                          href={hrefOf({ stageId: moment.stageId, themeId: theme.themeId })}
                          aria-label={t("journeys.moments.themeLink", {
                            theme: theme.name,
                            stage: moment.name,
                            revenue: money(theme.revenueImpact),
                          })}
                          className="inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                        >
                          <bdi className="font-medium">{theme.name}</bdi>
                          <span className="tabular-nums text-negative">
                            {t("journeys.moments.themeImpact", { points: formatPoints(locale, theme.impactPoints) })}
                          </span>
                          <span className="tabular-nums text-muted-foreground">{money(theme.revenueImpact)}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
