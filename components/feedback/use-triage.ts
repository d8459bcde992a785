"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";

/**
 * The inbox's writes. After a change the list and the item are read again, so what is on screen
 * matches the server (an item that no longer fits the filters leaves the list). A failed write
 * changes nothing: a CONFLICT stays on screen until the user reloads.
 */
export function useFeedbackMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshList = () => queryClient.invalidateQueries(trpc.feedback.list.pathFilter());
  const refreshDetails = () => queryClient.invalidateQueries(trpc.feedback.detail.pathFilter());

  const triage = useMutation(
    trpc.feedback.triage.mutationOptions({
      onSuccess: (_result, { id }) =>
        Promise.all([refreshList(), queryClient.invalidateQueries(trpc.feedback.detail.queryFilter({ id }))]),
    }),
  );
  const bulkTriage = useMutation(
    trpc.feedback.bulkTriage.mutationOptions({ onSuccess: () => Promise.all([refreshList(), refreshDetails()]) }),
  );
  const themesBulk = useMutation(
    trpc.feedback.themesBulk.mutationOptions({ onSuccess: () => Promise.all([refreshList(), refreshDetails()]) }),
  );
  const addComment = useMutation(
    trpc.feedback.addComment.mutationOptions({
      onSuccess: (_result, { id }) => queryClient.invalidateQueries(trpc.feedback.detail.queryFilter({ id })),
    }),
  );
  const reviewFlags = useMutation(
    trpc.feedback.reviewFlags.mutationOptions({
      onSuccess: (_result, { id }) =>
        Promise.all([refreshList(), queryClient.invalidateQueries(trpc.feedback.detail.queryFilter({ id }))]),
    }),
  );
  return { triage, bulkTriage, themesBulk, addComment, reviewFlags, refreshList };
}
