"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";

/**
 * The segments' writes (admins). After a change every segments read and the customers lists are
 * fetched again — names, colours and memberships show on all of them — and the dashboard's segment
 * options too.
 */
export function useSegmentMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.segments.pathFilter()),
      queryClient.invalidateQueries(trpc.customers.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.filterOptions.pathFilter()),
    ]);
  const create = useMutation(trpc.segments.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.segments.update.mutationOptions({ onSuccess: refresh }));
  const reassign = useMutation(trpc.segments.reassign.mutationOptions({ onSuccess: refresh }));
  return { create, update, reassign };
}
