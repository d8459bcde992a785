"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { mutationMessage } from "@/components/settings/mutation-message";
import { displayedOrder, sameOrder } from "./stage-order";

/**
 * The journey order as the manager moves stages: each move shows at once and is saved in the
 * background. Moves made while a save is on its way are sent together once it returns (only the
 * latest order matters: journeys.reorderStages takes the whole order), so quick key presses never
 * race each other to the server. A refused save puts the server's order back and reports why.
 */
export function useStageReorder(serverOrder: readonly number[], onError: (message: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<readonly number[] | null>(null);
  const saving = useRef(false);
  const queued = useRef<readonly number[] | null>(null);
  const { mutateAsync } = useMutation(trpc.journeys.reorderStages.mutationOptions());
  const order = displayedOrder(serverOrder, pending);

  const save = useCallback(
    async (ids: readonly number[]) => {
      queued.current = ids;
      if (saving.current) return;
      saving.current = true;
      while (queued.current) {
        const next = queued.current;
        queued.current = null;
        try {
          await mutateAsync({ ids: [...next] });
        } catch (error) {
          onError(mutationMessage(error as Parameters<typeof mutationMessage>[0]));
        }
        // the map, the moments of truth and the funnel all follow the journey order
        if (!queued.current) await queryClient.invalidateQueries(trpc.journeys.pathFilter());
      }
      saving.current = false;
      setPending(null);
    },
    [mutateAsync, onError, queryClient, trpc],
  );

  /** Show `ids` as the order and save it; false when it is the order already. */
  const reorder = useCallback(
    (ids: readonly number[]) => {
      if (sameOrder(ids, order)) return false;
      setPending(ids);
      void save(ids);
      return true;
    },
    [order, save],
  );

  return { order, reorder };
}
