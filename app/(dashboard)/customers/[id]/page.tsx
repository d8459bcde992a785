import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { customerPageInput, nextTimelineCursor } from "@/components/customers/customer-query";
import { NoAccess } from "@/components/layout/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { hasPermission } from "@/server/auth/permissions";
import { getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("customers.title") };
}

/** One customer: the profile and the first page of their timeline, fetched here; "Load more" on the client. */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslator();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const queryClient = getQueryClient();
  const { current } = await queryClient.fetchQuery(trpc.workspace.current.queryOptions());
  if (!hasPermission(current.role, "customers.read")) {
    return <NoAccess message={t("customers.noAccess", { role: t(`roles.${current.role}`) })} />;
  }
  const access = {
    canErase: hasPermission(current.role, "customers.erase"),
    canReadSegments: hasPermission(current.role, "segments.read"),
  };
  // NOT_FOUND (missing, or another workspace's) renders the 404 page
  await queryClient
    .fetchInfiniteQuery(
      trpc.customers.byId.infiniteQueryOptions(customerPageInput(id), { getNextPageParam: nextTimelineCursor }),
    )
    .catch(() => notFound());
  return (
    <HydrateClient>
      <Suspense fallback={<Skeleton className="h-48 rounded-xl" />}>
        <CustomerProfile id={id} access={access} />
      </Suspense>
    </HydrateClient>
  );
}
