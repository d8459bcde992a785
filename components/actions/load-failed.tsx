"use client";

import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

/**
 * A part of the actions pages that failed to load: what failed, the server's reason, and Retry.
 * `framed` stands alone in a card; unframed it fills a card that is already there.
 */
export function LoadFailed({
  title,
  error,
  onRetry,
  framed,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  framed: boolean;
}) {
  const { t } = useI18n();
  const body = (
    <>
      <p className="font-medium">{title}</p>
      <p className="text-muted-foreground">{describeError(error, t("errors.generic")).message}</p>
      <Button variant="outline" size="sm" onClick={onRetry}>
        {t("actions.retry")}
      </Button>
    </>
  );
  if (!framed) {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 text-sm">
        {body}
      </div>
    );
  }
  return (
    <Card role="alert">
      <CardContent className="flex flex-col items-start gap-3 p-6 text-sm">{body}</CardContent>
    </Card>
  );
}
