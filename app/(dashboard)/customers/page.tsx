import type { Metadata } from "next";
import { Suspense } from "react";
import { customersListInput, nextCustomersCursor, parseCustomerSearch } from "@/components/customers/customer-query";
import { CustomerSearch } from "@/components/customers/customer-search";
import { CustomerTable, CustomerTableSkeleton } from "@/components/customers/customer-table";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/layout/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("customers.title") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
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

  const search = parseCustomerSearch((await searchParams).q);
  void queryClient.prefetchInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions(customersListInput(search), { getNextPageParam: nextCustomersCursor }),
  );
  return (
    <HydrateClient>
      {header}
      <CustomerSearch initial={search} />
      <Suspense fallback={<CustomerTableSkeleton />}>
        <CustomerTable search={search} />
      </Suspense>
    </HydrateClient>
  );
}
