"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// next/dynamic wants its options written out at every call (the compiler reads them statically)

/**
 * Parts of the inbox that wait for a click: the item panel, the bulk bar and the shortcuts overlay
 * (with the dialog primitive). The list and its filters come with the page; these load when first
 * needed, so the inbox's first load stays light.
 */
function PanelPlaceholder() {
  return (
    <div aria-busy="true" className="flex flex-col gap-3 rounded-xl border bg-card p-5">
      <Skeleton className="h-6 w-40" />
      <Skeleton className="h-24" />
      <Skeleton className="h-40" />
    </div>
  );
}

export const LazyFeedbackDetailPanel = dynamic(
  () => import("./feedback-detail-panel").then((module) => module.FeedbackDetailPanel),
  { loading: PanelPlaceholder },
);
export const LazyFeedbackBulkBar = dynamic(
  () => import("./feedback-bulk-bar").then((module) => module.FeedbackBulkBar),
  {
    ssr: false,
  },
);
export const LazyFeedbackShortcutsHelp = dynamic(
  () => import("./feedback-shortcuts-help").then((module) => module.FeedbackShortcutsHelp),
  { ssr: false },
);
