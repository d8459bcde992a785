"use client";

import { CommentThread } from "@/components/comments/comment-thread";
import { useI18n } from "@/components/i18n/i18n-provider";
import { MAX_ACTION_TEXT_LENGTH } from "@/server/domain/actions/inputs";
import type { ActionDetail } from "./action-types";
import { useActionMutations } from "./use-action-mutations";

/** The action's comments, oldest first, and (for those who may work on it) a form to add one. */
export function ActionComments({ detail, when }: { detail: ActionDetail; when: Intl.DateTimeFormat }) {
  const { t } = useI18n();
  const { addComment } = useActionMutations();
  return (
    <CommentThread
      comments={detail.comments}
      when={when}
      heading="h2"
      maxLength={MAX_ACTION_TEXT_LENGTH}
      messages="actions.comments"
      someone={t("actions.someone")}
      sender={
        detail.mayComment
          ? {
              send: (body, onSent) => addComment.mutate({ actionId: detail.action.id, body }, { onSuccess: onSent }),
              isPending: addComment.isPending,
              error: addComment.error,
            }
          : null
      }
    />
  );
}
