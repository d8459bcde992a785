"use client";

import { useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { MAX_ACTION_TEXT_LENGTH } from "@/server/domain/actions/inputs";
import type { ActionDetail } from "./action-types";
import { useActionMutations } from "./use-action-mutations";

/** The action's comments, oldest first, and (for those who may work on it) a form to add one. */
export function ActionComments({ detail, when }: { detail: ActionDetail; when: Intl.DateTimeFormat }) {
  const { t } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const [body, setBody] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const { addComment } = useActionMutations();
  const error = addComment.error ? describeError(addComment.error, t("errors.generic")).message : null;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-base font-semibold">
        {t("actions.comments.heading")}
      </h2>
      {detail.comments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("actions.comments.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {detail.comments.map((comment) => (
            <li key={comment.id} className="rounded-lg bg-muted/60 p-2.5 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
                <span className="font-medium text-foreground">{comment.authorName ?? t("actions.someone")}</span>
                <time dateTime={comment.at.toISOString()}>{when.format(comment.at)}</time>
              </p>
              <p dir="auto" className="mt-1 whitespace-pre-wrap break-words">
                {comment.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {detail.mayComment && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const text = body.trim();
            if (!text) return;
            addComment.mutate(
              { actionId: detail.action.id, body: text },
              {
                onSuccess: () => {
                  setBody("");
                  setStatus(t("actions.comments.added"));
                },
              },
            );
          }}
        >
          <label htmlFor={fieldId} className="text-sm font-medium">
            {t("actions.comments.label")}
          </label>
          <Textarea
            id={fieldId}
            dir="auto"
            rows={2}
            maxLength={MAX_ACTION_TEXT_LENGTH}
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
              {addComment.isPending ? t("actions.comments.submitting") : t("actions.comments.submit")}
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
