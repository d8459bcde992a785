"use client";

import { CommentThread } from "@/components/comments/comment-thread";
import { useI18n } from "@/components/i18n/i18n-provider";
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
  const { addComment } = useFeedbackMutations();
  return (
    <CommentThread
      comments={comments}
      when={when}
      heading="h3"
      maxLength={COMMENT_MAX}
      messages="feedback.comments"
      someone={t("feedback.history.someone")}
      placeholder={t("feedback.comments.placeholder")}
      sender={
        mayComment
          ? {
              send: (body, onSent) => addComment.mutate({ id: itemId, body }, { onSuccess: onSent }),
              isPending: addComment.isPending,
              error: addComment.error,
            }
          : null
      }
    />
  );
}
