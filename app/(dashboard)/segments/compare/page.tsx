import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { IgnoredParams } from "@/components/segments/ignored-params";
import { parseSegmentsSearchParams } from "@/components/segments/parse-segments-params";
import { ComparePicker, SegmentComparison } from "@/components/segments/segment-compare";
import { SegmentsFilterBar } from "@/components/segments/segments-filter-bar";
import { SegmentsListSkeleton } from "@/components/segments/segments-list";
import { parseIdParam, segmentsHref } from "@/components/segments/segments-url";
import { Card, CardContent } from "@/components/ui/card";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import type { SearchParams } from "@/server/domain/dashboard/filters";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("segments.compare.title") };
}

/**
 * Two segments side by side (`/segments/compare?a=3&b=7&period=…`): pick them, then every figure
 * for both and whether their NPS and CSAT gap is more than chance.
 */
export default async function CompareSegmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = <PageHeader title={t("segments.compare.title")} description={t("segments.compare.description")} />;
  if (!hasPermission(current.role, "segments.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("segments.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }
  const params = await searchParams;
  const { filters, errors } = parseSegmentsSearchParams(params);
  const a = parseIdParam(params.a);
  const b = parseIdParam(params.b);
  const segments = hasPermission(current.role, "dashboard.read")
    ? (await queryClient.fetchQuery(trpc.dashboard.filterOptions.queryOptions())).segments
    : (await queryClient.fetchQuery(trpc.segments.list.queryOptions(filters))).items;
  const pair = a !== undefined && b !== undefined && a !== b ? { a, b } : null;
  // a segment of another workspace (or a deleted one) is NOT_FOUND: say so and let the user pick again
  const found = pair
    ? await queryClient
        .fetchQuery(trpc.segments.compare.queryOptions({ ...pair, ...filters }))
        .then(() => true)
        .catch(() => false)
    : false;

  return (
    <HydrateClient>
      <Link href={segmentsHref(filters)} className="text-sm text-primary underline-offset-4 hover:underline">
        {t("segments.detail.back")}
      </Link>
      <div className="mt-2">{header}</div>
      <IgnoredParams errors={errors} />
      <ComparePicker key={`${a}-${b}`} a={a} b={b} filters={filters} segments={segments} />
      {pair && <SegmentsFilterBar filters={filters} keep={{ a: String(pair.a), b: String(pair.b) }} />}
      {pair && found && (
        <Suspense fallback={<SegmentsListSkeleton />}>
          <SegmentComparison a={pair.a} b={pair.b} filters={filters} />
        </Suspense>
      )}
      {pair && !found && (
        <Card role="status">
          <CardContent className="p-6 text-sm">{t("segments.compare.notFound")}</CardContent>
        </Card>
      )}
    </HydrateClient>
  );
}
