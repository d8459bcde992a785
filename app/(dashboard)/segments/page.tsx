import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { IgnoredParams } from "@/components/segments/ignored-params";
import { parseSegmentsSearchParams } from "@/components/segments/parse-segments-params";
import { SegmentFormDialog } from "@/components/segments/segment-form-dialog";
import { SegmentsFilterBar } from "@/components/segments/segments-filter-bar";
import { SegmentsList, SegmentsListSkeleton } from "@/components/segments/segments-list";
import { compareHref } from "@/components/segments/segments-url";
import { Button } from "@/components/ui/button";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import type { SearchParams } from "@/server/domain/dashboard/filters";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("segments.title") };
}

/**
 * Every segment with its figures for the period in the URL (`?period=2026-Q3&compare=yoy`; default
 * the last 365 days against the 365 before), prefetched here; admins create segments from here.
 */
export default async function SegmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  if (!hasPermission(current.role, "segments.read")) {
    return (
      <>
        <PageHeader title={t("segments.title")} description={t("segments.description")} />
        <NoAccess message={t("segments.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }
  const canManage = hasPermission(current.role, "segments.manage");
  const { filters, errors } = parseSegmentsSearchParams(await searchParams);
  void queryClient.prefetchQuery(trpc.segments.list.queryOptions(filters));

  return (
    <HydrateClient>
      <PageHeader title={t("segments.title")} description={t("segments.description")}>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <Link href={compareHref(undefined, undefined, filters)}>{t("segments.compareAction")}</Link>
          </Button>
          {canManage && <SegmentFormDialog filters={filters} trigger={<Button>{t("segments.newSegment")}</Button>} />}
        </div>
      </PageHeader>
      <IgnoredParams errors={errors} />
      <SegmentsFilterBar filters={filters} />
      <Suspense fallback={<SegmentsListSkeleton />}>
        <SegmentsList filters={filters} canManage={canManage} />
      </Suspense>
    </HydrateClient>
  );
}
