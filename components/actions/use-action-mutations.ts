"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";

/**
 * The actions' writes. After any of them every actions query is read again (list, board, the
 * action, its impact, the Impact view), so the screen matches the server; closing the loop also
 * refreshes the inbox. A failed write changes nothing and leaves its error on screen.
 */
export function useActionMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.actions.pathFilter());

  const create = useMutation(trpc.actions.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.actions.update.mutationOptions({ onSuccess: refresh }));
  const setStatus = useMutation(trpc.actions.setStatus.mutationOptions({ onSuccess: refresh }));
  const addComment = useMutation(
    trpc.actions.addComment.mutationOptions({
      onSuccess: (_result, { actionId }) =>
        queryClient.invalidateQueries(trpc.actions.byId.queryFilter({ id: actionId })),
    }),
  );
  const resolveFeedback = useMutation(
    trpc.actions.resolveFeedback.mutationOptions({
      onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries(trpc.feedback.pathFilter())]),
    }),
  );
  return { create, update, setStatus, addComment, resolveFeedback };
}
