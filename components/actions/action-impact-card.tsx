"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatCount, formatMoney } from "@/components/dashboard/format";
import { SegmentedToggle } from "@/components/dashboard/segmented-toggle";
import { useTimeZone } from "@/components/feedback/use-time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ColumnHeads } from "@/components/layout/column-heads";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Skeleton } from "@/components/ui/skeleton";
import type { Kpi } from "@/server/domain/enums";
import type { ChangeEstimate, GroupEstimate } from "@/server/domain/kpi/diff-in-diff";
import { VerdictBadge } from "./action-badges";
import type { ActionImpact } from "./action-types";
import { CHANGE_UNIT_LABEL, changeUnit, formatKpiChange, formatKpiInterval, formatKpiValue } from "./impact-format";
import { LoadFailed } from "./load-failed";
import { LoadingState } from "./loading-state";

const WINDOWS = ["30", "60", "90"] as const;
type WindowOption = (typeof WINDOWS)[number];

/**
 * Did the action move its KPI? Equal windows before and after completion, inside the scope and in
 * a comparison group outside it, the difference-in-differences with its 95% interval, the sample
 * sizes, the verdict in words ("cannot tell" with the reason) and what the change is worth.
 */
export function ActionImpactCard({ actionId, currency }: { actionId: number; currency: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const headingId = useId();
  const [windowDays, setWindowDays] = useState<WindowOption>("90");
  const impact = useQuery(trpc.actions.impact.queryOptions({ id: actionId, windowDays: Number(windowDays) }));

  let body;
  if (impact.isPending) {
    body = (
      <LoadingState label={t("actions.impact.loading")} className="gap-2">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-28" />
      </LoadingState>
    );
  } else if (impact.isError) {
    body = (
      <LoadFailed
        framed={false}
        title={t("actions.impact.loadFailed")}
        error={impact.error}
        onRetry={() => void impact.refetch()}
      />
    );
  } else {
    body = <ImpactBody impact={impact.data} currency={currency} />;
  }

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-xl border bg-card p-4"
      data-testid="action-impact"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {t("actions.impact.heading")}
        </h2>
        <SegmentedToggle
          label={t("actions.impact.windowLabel")}
          value={windowDays}
          options={WINDOWS.map((days) => ({ value: days, label: t("actions.impact.windowDays", { days }) }))}
          onChange={setWindowDays}
        />
      </div>
      {body}
    </section>
  );
}

function ImpactBody({ impact, currency }: { impact: ActionImpact; currency: string }) {
  const { t, locale } = useI18n();
  const timeZone = useTimeZone();
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const { measurement, headline, windows } = impact;
  const unit = t(CHANGE_UNIT_LABEL[changeUnit(impact.kpi)]);
  const afterEnd = new Date(windows.after.end.getTime() - 1);
  return (
    <div className="flex flex-col gap-3 text-sm">
      <div className="flex flex-col gap-1">
        <div>
          <VerdictBadge verdict={impact.verdict} />
        </div>
        <p data-testid="impact-explanation">{impact.explanation}</p>
      </div>
      {windows.lengthDays > 0 && (
        <p className="text-xs text-muted-foreground">
          {t("actions.impact.windows", {
            days: windows.lengthDays,
            beforeFrom: day.format(windows.before.start),
            beforeTo: day.format(new Date(windows.before.end.getTime() - 1)),
            afterFrom: day.format(windows.after.start),
            afterTo: day.format(afterEnd),
          })}
        </p>
      )}
      {measurement && (
        <table className="w-full text-sm tabular-nums">
          <caption className="sr-only">
            {t("actions.impact.tableCaption", { kpi: t(`enumLabels.kpi.${impact.kpi}`) })}
          </caption>
          <ColumnHeads
            size="sm"
            columns={[
              { label: t("actions.impact.group") },
              { label: t("actions.impact.before"), align: "end" },
              { label: t("actions.impact.after"), align: "end" },
              { label: t("actions.impact.change"), align: "end" },
            ]}
          />
          <tbody>
            <GroupRow
              label={t("actions.impact.scope")}
              kpi={impact.kpi}
              currency={currency}
              before={measurement.groups.scopeBefore}
              after={measurement.groups.scopeAfter}
              change={measurement.beforeAfter}
            />
            {impact.comparison && (
              <GroupRow
                label={t("actions.impact.comparison")}
                kpi={impact.kpi}
                currency={currency}
                before={measurement.groups.comparisonBefore}
                after={measurement.groups.comparisonAfter}
                change={measurement.comparisonChange}
              />
            )}
          </tbody>
        </table>
      )}
      {!impact.comparison && <p className="text-xs text-muted-foreground">{t("actions.impact.noComparison")}</p>}
      {headline && (
        <p data-testid="impact-headline">
          <span className="font-medium">
            {impact.comparison ? t("actions.impact.methodDid") : t("actions.impact.methodBeforeAfter")}:{" "}
          </span>
          {formatKpiChange(locale, impact.kpi, headline.estimate, currency)} {unit}{" "}
          <span className="text-muted-foreground">
            ({t("actions.impact.ci", formatKpiInterval(locale, impact.kpi, headline.ci95, currency))})
          </span>
        </p>
      )}
      {impact.worth ? (
        <div className="rounded-lg bg-muted/50 p-3" data-testid="impact-worth">
          <p>
            <span className="font-medium">{t("actions.impact.worthLabel")}: </span>
            {formatMoney(locale, impact.worth.estimate, impact.worth.currency, { signed: true })}{" "}
            <span className="text-muted-foreground">
              (
              {t("actions.impact.ci", {
                low: formatMoney(locale, impact.worth.ci95[0], impact.worth.currency, { signed: true }),
                high: formatMoney(locale, impact.worth.ci95[1], impact.worth.currency, { signed: true }),
              })}
              )
            </span>
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            {t("actions.impact.worthBasis", {
              perPoint: formatMoney(locale, impact.worth.perPoint, impact.worth.currency, { cents: true }),
              customers: formatCount(locale, impact.worth.customers),
              basis: impact.worth.basis,
            })}
          </p>
        </div>
      ) : (
        impact.verdict !== "cannot tell" && (
          <p className="text-xs text-muted-foreground">{t("actions.impact.noWorthDetail")}</p>
        )
      )}
    </div>
  );
}

function GroupRow({
  label,
  kpi,
  currency,
  before,
  after,
  change,
}: {
  label: string;
  kpi: Kpi;
  currency: string;
  before: GroupEstimate | undefined;
  after: GroupEstimate | undefined;
  change: ChangeEstimate | null;
}) {
  const { t, locale } = useI18n();
  const cell = (group: GroupEstimate | undefined) => (
    <td className="py-1 pe-3 text-end">
      <span className="block">{formatKpiValue(locale, kpi, group?.value ?? null, currency)}</span>
      <span
        className={group?.lowSample ? "block text-xs font-medium text-negative" : "block text-xs text-muted-foreground"}
      >
        {t("actions.impact.n", { n: formatCount(locale, group?.sampleSize ?? 0) })}
        {group?.lowSample ? ` · ${t("actions.impact.lowSample")}` : ""}
      </span>
    </td>
  );
  return (
    <tr className="border-t align-top">
      <th scope="row" className="py-1 pe-3 text-start font-medium">
        {label}
      </th>
      {cell(before)}
      {cell(after)}
      <td className="py-1 text-end">{formatKpiChange(locale, kpi, change?.estimate ?? null, currency)}</td>
    </tr>
  );
}
