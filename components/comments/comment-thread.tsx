"use client";

import { useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

export interface ThreadComment {
  id: number;
  authorName: string | null;
  at: Date;
  body: string;
}

/**
 * Where the thread's words are in the messages: `<messages>.heading`, `.empty`, `.label`, `.submit`,
 * `.submitting` and `.added`.
 */
export type CommentThreadMessages = "actions.comments" | "feedback.comments";

/** How a new comment is sent: the record's addComment mutation, bound to the record. */
export interface CommentSender {
  send: (body: string, onSent: () => void) => void;
  isPending: boolean;
  error: unknown;
}

const HEADING_CLASS = { h2: "text-base font-semibold", h3: "text-sm font-semibold" } as const;

/**
 * Comments on a record (an action, a feedback item), oldest first, and — when `sender` is given,
 * for those who may work on the record — a form to add one (Ctrl/⌘+Enter sends).
 */
export function CommentThread({
  comments,
  when,
  messages,
  someone,
  placeholder,
  heading: Heading,
  maxLength,
  sender,
}: {
  comments: readonly ThreadComment[];
  when: Intl.DateTimeFormat;
  messages: CommentThreadMessages;
  /** The author of a comment whose account is gone. */
  someone: string;
  /** Given, it stands in the empty field and the field's label is read by screen readers only. */
  placeholder?: string;
  /** The heading's level where the thread stands (a page section or a panel's part). */
  heading: keyof typeof HEADING_CLASS;
  /** The server's limit on a comment, so the field stops there. */
  maxLength: number;
  sender: CommentSender | null;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const [body, setBody] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const error = sender?.error ? describeError(sender.error, t("errors.generic")).message : null;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <Heading id={headingId} className={HEADING_CLASS[Heading]}>
        {t(`${messages}.heading`)}
      </Heading>
      {comments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t(`${messages}.empty`)}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-lg bg-muted/60 p-2.5 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
                <span className="font-medium text-foreground">{comment.authorName ?? someone}</span>
                <time dateTime={comment.at.toISOString()}>{when.format(comment.at)}</time>
              </p>
              <p dir="auto" className="mt-1 whitespace-pre-wrap break-words">
                {comment.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {sender && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = body.trim();
            if (!trimmed) return;
            sender.send(trimmed, () => {
              setBody("");
              setStatus(t(`${messages}.added`));
            });
          }}
        >
          <label htmlFor={fieldId} className={placeholder ? "sr-only" : "text-sm font-medium"}>
            {t(`${messages}.label`)}
          </label>
          <Textarea
            id={fieldId}
            dir="auto"
            rows={2}
            maxLength={maxLength}
            placeholder={placeholder}
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
            <Button type="submit" size="sm" variant="outline" disabled={!body.trim() || sender.isPending}>
              {t(sender.isPending ? `${messages}.submitting` : `${messages}.submit`)}
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
