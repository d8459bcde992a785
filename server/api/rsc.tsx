import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { createContext } from "./context";
import { makeQueryClient } from "./query-client";
import { appRouter } from "./root";

/**
 * Server components: one QueryClient and one context per request. Prefetch with
 * `void getQueryClient().prefetchQuery(trpc.x.y.queryOptions())`, render <HydrateClient>, and the
 * client component's useSuspenseQuery reads the hydrated cache.
 */
export const getQueryClient = cache(makeQueryClient);
const getContext = cache(createContext);

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
