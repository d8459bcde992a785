"use client";

import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { describeError } from "./feedback-errors";
import type { FeedbackDetail } from "./feedback-query";
import { useFeedbackMutations } from "./use-triage";

/** The server's limit (feedback.addComment), repeated so the form can say so before sending. */
const COMMENT_MAX = 5000;

/** Internal comments on the item, oldest first, and (for those who may work on it) a form to add one. */
export function FeedbackComments({
  itemId,
  comments,
  mayComment,
  when,
}: {
  itemId: number;
  comments: FeedbackDetail["comments"];
  mayComment: boolean;
  when: Intl.DateTimeFormat;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const [body, setBody] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const { addComment } = useFeedbackMutations();
  const error = addComment.error ? describeError(addComment.error, t("errors.generic")).message : null;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="text-sm font-semibold">
        {t("feedback.comments.heading")}
      </h3>
      {comments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("feedback.comments.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-lg bg-muted/60 p-2.5 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
                <span className="font-medium text-foreground">
                  {comment.authorName ?? t("feedback.history.someone")}
                </span>
                <time dateTime={comment.at.toISOString()}>{when.format(comment.at)}</time>
              </p>
              <p dir="auto" className="mt-1 whitespace-pre-wrap break-words">
                {comment.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {mayComment && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const text = body.trim();
            if (!text) return;
            addComment.mutate(
              { id: itemId, body: text },
              {
                onSuccess: () => {
                  setBody("");
                  setStatus(t("feedback.comments.added"));
                },
              },
            );
          }}
        >
          <label htmlFor={fieldId} className="sr-only">
            {t("feedback.comments.label")}
          </label>
          <Textarea
            id={fieldId}
            dir="auto"
            rows={2}
            maxLength={COMMENT_MAX}
            placeholder={t("feedback.comments.placeholder")}
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              setStatus(null);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
            }}
          />
          <div className="flex items-center gap-3">
            <Button type="submit" size="sm" variant="outline" disabled={!body.trim() || addComment.isPending}>
              {addComment.isPending ? t("feedback.comments.submitting") : t("feedback.comments.submit")}
            </Button>
            <span role="status" className="text-xs text-muted-foreground">
              {status}
            </span>
          </div>
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
