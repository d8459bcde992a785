"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeftRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { MetricDelta, MetricValue, SegmentSwatch } from "./metric-delta";
import { PeriodSummary } from "./period-summary";
import { buildSegmentMetrics } from "./segment-metrics";
import { compareHref, segmentHref, type SegmentsUrlFilters } from "./segments-url";
import { type ComparedKpi, significanceSentence } from "./significance-sentence";

/** The two segments to compare; changing them pushes `/segments/compare?a=…&b=…` (period kept). */
export function ComparePicker({
  a,
  b,
  filters,
  segments,
}: {
  a: number | undefined;
  b: number | undefined;
  filters: SegmentsUrlFilters;
  segments: { id: number; name: string }[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const [pick, setPick] = useState({ a: a === undefined ? "" : String(a), b: b === undefined ? "" : String(b) });
  const same = pick.a !== "" && pick.a === pick.b;
  const ready = pick.a !== "" && pick.b !== "" && !same;
  const go = (next: { a: string; b: string }) =>
    router.push(compareHref(next.a ? Number(next.a) : undefined, next.b ? Number(next.b) : undefined, filters), {
      scroll: false,
    });

  if (segments.length < 2) {
    return (
      <Card role="status">
        <CardContent className="p-6 text-sm text-muted-foreground">{t("segments.compare.tooFew")}</CardContent>
      </Card>
    );
  }
  const select = (side: "a" | "b") => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`${id}-${side}`}>
        {side === "a" ? t("segments.compare.pickA") : t("segments.compare.pickB")}
      </Label>
      <NativeSelect
        id={`${id}-${side}`}
        className="w-auto min-w-48"
        value={pick[side]}
        aria-invalid={side === "b" && same ? true : undefined}
        aria-describedby={same ? `${id}-same` : undefined}
        onChange={(event) => setPick({ ...pick, [side]: event.target.value })}
      >
        <option value="">{t("segments.compare.choose")}</option>
        {segments.map((segment) => (
          <option key={segment.id} value={String(segment.id)}>
            {segment.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <form
      aria-label={t("segments.compare.pick")}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) go(pick);
      }}
    >
      {select("a")}
      <Button
        type="button"
        variant="ghost"
        size="icon"
        aria-label={t("segments.compare.swap")}
        title={t("segments.compare.swap")}
        onClick={() => {
          const swapped = { a: pick.b, b: pick.a };
          setPick(swapped);
          if (swapped.a && swapped.b && swapped.a !== swapped.b) go(swapped);
        }}
      >
        <ArrowLeftRight className="size-4" aria-hidden />
      </Button>
      {select("b")}
      <Button type="submit" disabled={!ready}>
        {t("segments.compare.submit")}
      </Button>
      {same && (
        <p id={`${id}-same`} role="alert" className="w-full text-sm text-destructive">
          {t("segments.compare.needTwo")}
        </p>
      )}
    </form>
  );
}

/**
 * Two segments side by side: every figure for both with its change, then for NPS and CSAT whether
 * the gap is more than chance, said in a sentence that names the test, the p-value and the interval.
 */
export function SegmentComparison({ a, b, filters }: { a: number; b: number; filters: SegmentsUrlFilters }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.segments.compare.queryOptions({ a, b, ...filters }));
  const ctx = { t, locale, currency: data.currency };
  const left = buildSegmentMetrics(data.a, ctx);
  const right = buildSegmentMetrics(data.b, ctx);
  const names = { a: data.a.name, b: data.b.name };
  const kpis: ComparedKpi[] = ["nps", "csat"];

  const head = (segment: typeof data.a) => (
    <th scope="col" className="px-4 py-2 text-end font-medium">
      <span className="inline-flex items-center gap-2">
        <SegmentSwatch color={segment.color} />
        <Link href={segmentHref(segment.id, filters)} className="text-primary underline-offset-4 hover:underline">
          <bdi>{segment.name}</bdi>
        </Link>
      </span>
    </th>
  );
  const cell = (view: (typeof left)[number]) => (
    <td className="px-4 py-3 text-end">
      <div className="flex flex-col items-end gap-0.5">
        <MetricValue view={view} className="justify-end" />
        {view.sample && <span className="text-[11px] text-muted-foreground">{view.sample}</span>}
        {view.detail && <span className="text-[11px] text-muted-foreground">{view.detail}</span>}
        <MetricDelta delta={view.delta} noChange={t("segments.noChange")} />
      </div>
    </td>
  );

  return (
    <>
      <PeriodSummary periods={data} />
      <section aria-labelledby="compare-significance" className="mb-6">
        <h2 id="compare-significance" className="mb-1 text-lg font-semibold">
          {t("segments.compare.significance")}
        </h2>
        <p className="mb-3 text-sm text-muted-foreground">{t("segments.compare.significanceIntro")}</p>
        <ul className="grid gap-3 md:grid-cols-2">
          {kpis.map((kpi) => {
            const result = data.tests[kpi];
            const tone =
              result.conclusion === "significant"
                ? "border-s-positive"
                : result.conclusion === "cannot tell"
                  ? "border-s-muted-foreground"
                  : "border-s-amber-500";
            return (
              <li key={kpi}>
                <Card className={`h-full border-s-4 p-4 ${tone}`} data-testid={`significance-${kpi}`}>
                  <h3 className="text-sm font-semibold">{t(`segments.compare.kpi.${kpi}`)}</h3>
                  <p className="mt-1 text-sm">{significanceSentence(t, locale, kpi, result, names)}</p>
                  {result.note && result.conclusion !== "cannot tell" && (
                    <p className="mt-1 text-xs text-muted-foreground">
                      {t("segments.compare.note", { note: result.note })}
                    </p>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      </section>
      <Card>
        <CardContent className="overflow-x-auto p-0">
          <table className="w-full min-w-[36rem] text-sm" aria-label={t("segments.compare.tableLabel", names)}>
            <thead className="bg-muted/40 text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-2 text-start font-medium">
                  {t("segments.compare.colFigure")}
                </th>
                {head(data.a)}
                {head(data.b)}
              </tr>
            </thead>
            <tbody>
              {left.map((view, index) => (
                <tr key={view.metric} className="border-t align-top">
                  <th
                    scope="row"
                    className="px-4 py-3 text-start font-medium"
                    title={t(`segments.metricHints.${view.metric}`)}
                  >
                    {view.label}
                  </th>
                  {cell(view)}
                  {cell(right[index]!)}
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
      <p className="mt-2 text-xs text-muted-foreground">{t("segments.lowSampleLegend")}</p>
    </>
  );
}
