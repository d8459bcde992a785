import type { Metadata } from "next";
import { Suspense } from "react";
import { CustomerFilters } from "@/components/customers/customer-filters";
import {
  customersHref,
  customersListInput,
  nextCustomersCursor,
  parseCustomerSearch,
  parseCustomerSegment,
} from "@/components/customers/customer-query";
import { CustomerTable, CustomerTableSkeleton } from "@/components/customers/customer-table";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { DataCsvLink } from "@/components/settings/data-csv-link";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { exportCsvHref } from "@/server/domain/export/list-params";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("customers.title") };
}

type Params = { q?: string | string[]; segment?: string | string[] };

/**
 * The customers list: search and segment filter in the URL (`?q=…&segment=3|none`), the first page
 * prefetched here, "Load more" on the client (components/customers/customer-table.tsx).
 */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const t = await getTranslator();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  const header = <PageHeader title={t("customers.title")} description={t("customers.description")} />;
  if (!hasPermission(current.role, "customers.read")) {
    return (
      <>
        {header}
        <NoAccess message={t("customers.noAccess", { role: t(`roles.${current.role}`) })} />
      </>
    );
  }

  const params = await searchParams;
  const search = parseCustomerSearch(params.q);
  const segmentId = parseCustomerSegment(params.segment);
  void queryClient.prefetchInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions(customersListInput(search, segmentId), {
      getNextPageParam: nextCustomersCursor,
    }),
  );
  // the segment names for the filter; a role without the dashboard gets the filter without names
  const segments = hasPermission(current.role, "dashboard.read")
    ? (await queryClient.fetchQuery(trpc.dashboard.filterOptions.queryOptions())).segments
    : [];
  return (
    <HydrateClient>
      <PageHeader title={t("customers.title")} description={t("customers.description")}>
        <DataCsvLink
          href={exportCsvHref("customers", customersHref(search, segmentId).split("?")[1])}
          label={t("exportCsv.button")}
          title={t("exportCsv.title")}
        />
      </PageHeader>
      <CustomerFilters search={search} segmentId={segmentId} segments={segments} />
      <Suspense fallback={<CustomerTableSkeleton />}>
        <CustomerTable search={search} segmentId={segmentId} />
      </Suspense>
    </HydrateClient>
  );
}
