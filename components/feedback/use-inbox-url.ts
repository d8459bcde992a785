"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useOptimistic, useTransition } from "react";
import { feedbackInboxPath } from "@/server/domain/feedback/filter-query";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import type { FeedbackSort } from "@/server/domain/feedback/list";

const ITEM_ID = /^[1-9]\d{0,9}$/;

export type HistoryMode = "push" | "replace";

interface View {
  filters: FeedbackFilters;
  sort: FeedbackSort;
}

/**
 * The inbox's state in its URL. Filters and order navigate: the server reads them and prefetches
 * the list; meanwhile the controls show the new choice at once (`view` is optimistic) and `pending`
 * is true. The open item changes the URL through the History API, which Next.js folds into its
 * router: no server round trip, yet the link is shareable and Back closes the item.
 */
export function useInboxUrl(server: View) {
  const router = useRouter();
  const pathname = usePathname();
  const item = useSearchParams().get("item");
  const itemId = item !== null && ITEM_ID.test(item) ? Number(item) : undefined;
  const [pending, startTransition] = useTransition();
  const [view, setView] = useOptimistic(server);

  return useMemo(() => {
    const href = (next: View & { itemId?: number }) => feedbackInboxPath(next).replace(/^\/feedback/, pathname);
    const navigate = (next: View, mode: HistoryMode = "push") =>
      startTransition(() => {
        setView(next);
        if (mode === "push") router.push(href({ ...next, itemId }), { scroll: false });
        else router.replace(href({ ...next, itemId }), { scroll: false });
      });
    return {
      view,
      itemId,
      pending,
      setFilters: (filters: FeedbackFilters, mode?: HistoryMode) => navigate({ ...view, filters }, mode),
      setSort: (sort: FeedbackSort) => navigate({ ...view, sort }),
      /** Opens (or with `undefined` closes) an item beside the list. */
      showItem: (id: number | undefined, mode: HistoryMode = "push") => {
        const url = href({ ...server, itemId: id });
        if (mode === "push") window.history.pushState(null, "", url);
        else window.history.replaceState(null, "", url);
      },
    };
  }, [view, itemId, pending, server, pathname, router, setView]);
}
