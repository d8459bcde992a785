"use client";

import { ShieldAlert } from "lucide-react";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describeError } from "./feedback-errors";
import type { FeedbackDetail } from "./feedback-query";
import { useFeedbackMutations } from "./use-triage";

const STATE_TONE = { open: "warning", confirmed: "negative", cleared: "neutral" } as const;

/**
 * The suspicion flags of an item (likely fake or low-quality review): each rule's reason and where
 * it stands, and, for managers, confirm or clear. Nothing when no rule flagged the item.
 */
export function FeedbackFlags({
  itemId,
  flags,
  mayReview,
  when,
  onAnnounce,
}: {
  itemId: number;
  flags: FeedbackDetail["flags"];
  mayReview: boolean;
  when: Intl.DateTimeFormat;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const { reviewFlags } = useFeedbackMutations();
  if (flags.length === 0) return null;
  const error = reviewFlags.error ? describeError(reviewFlags.error, t("errors.generic")).message : null;
  const open = flags.some((flag) => flag.state === "open");
  const review = (verdict: "confirm" | "clear") =>
    reviewFlags.mutate(
      { id: itemId, verdict },
      {
        onSuccess: () => {
          const message = t(verdict === "confirm" ? "feedback.flags.confirmed" : "feedback.flags.cleared");
          setStatus(message);
          onAnnounce(message);
        },
      },
    );

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-2 rounded-lg border border-amber-500/50 bg-amber-500/5 p-3"
    >
      <h3 id={headingId} className="flex items-center gap-2 text-sm font-semibold">
        <ShieldAlert aria-hidden className="size-4 text-amber-600 dark:text-amber-300" />
        {t("feedback.flags.heading")}
      </h3>
      {open && <p className="text-xs text-muted-foreground">{t("feedback.flags.intro")}</p>}
      <ul className="flex flex-col gap-2">
        {flags.map((flag) => (
          <li key={flag.code} className="flex flex-col gap-1 text-sm">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t(`feedback.flags.code.${flag.code}`)}</span>
              <Badge tone={STATE_TONE[flag.state]}>{t(`feedback.flags.state.${flag.state}`)}</Badge>
            </span>
            <span>{flag.reason}</span>
            {flag.state !== "open" && flag.reviewedAt && (
              <span className="text-xs text-muted-foreground">
                {t("feedback.flags.reviewedBy", {
                  state: t(`feedback.flags.state.${flag.state}`),
                  name: flag.reviewedByName ?? t("feedback.history.someone"),
                  date: when.format(flag.reviewedAt),
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {mayReview ? (
        <div className="flex flex-wrap gap-2 pt-1">
          <Button size="sm" variant="outline" disabled={reviewFlags.isPending} onClick={() => review("confirm")}>
            {t("feedback.flags.confirm")}
          </Button>
          <Button size="sm" variant="outline" disabled={reviewFlags.isPending} onClick={() => review("clear")}>
            {t("feedback.flags.clear")}
          </Button>
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">{t("feedback.flags.readOnly")}</p>
      )}
      {error && (
        <p role="alert" className="text-sm text-negative">
          {error}
        </p>
      )}
      {status && !error && (
        <p role="status" className="text-xs text-muted-foreground">
          {status}
        </p>
      )}
    </section>
  );
}
