import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { en, type Messages } from "@/server/i18n/messages/en";
import { CommentThread } from "./comment-thread";

const Provider = I18nProvider as (props: { locale: string; messages: Messages; children?: ReactNode }) => ReactNode;
const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(Provider, { locale: "en", messages: en }, element));
const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const comments = [
  { id: 1, authorName: "Dana", at: new Date("2025-01-02T10:00:00Z"), body: "Called the carrier" },
  { id: 2, authorName: null, at: new Date("2025-01-03T10:00:00Z"), body: "שלום" },
];
const sender = { send: () => {}, isPending: false, error: null };

type ThreadProps = Parameters<typeof CommentThread>[0];
/** An action's thread (h2, visible label), or a feedback item's with `feedback` overrides. */
const thread = (overrides: Partial<ThreadProps> = {}) =>
  render(
    createElement(CommentThread, {
      comments,
      when,
      messages: "actions.comments",
      someone: "Someone",
      heading: "h2",
      maxLength: 10_000,
      sender,
      ...overrides,
    }),
  );
const feedback: Partial<ThreadProps> = {
  messages: "feedback.comments",
  heading: "h3",
  maxLength: 5000,
  placeholder: en.feedback.comments.placeholder,
};

describe("CommentThread", () => {
  it("lists comments oldest first with their author, an erased author as the fallback name", () => {
    const html = thread({ sender: null });
    expect(html).toMatch(/<h2 id="[^"]+" class="text-base font-semibold">Comments<\/h2>/);
    expect(html.indexOf("Called the carrier")).toBeLessThan(html.indexOf("שלום"));
    expect(html).toContain('<span class="font-medium text-foreground">Someone</span>');
    expect(html).toContain('dateTime="2025-01-02T10:00:00.000Z"');
    expect(html).not.toContain("<form");
  });

  it("says so when there is no comment", () => {
    const html = thread({ ...feedback, comments: [] });
    expect(html).toContain(en.feedback.comments.empty);
    expect(html).not.toContain("<ol");
  });

  it("shows the label above the field, or only to screen readers when the field has a placeholder", () => {
    const visible = thread();
    expect(visible).toMatch(/<label for="[^"]+" class="text-sm font-medium">Add a comment<\/label>/);
    expect(visible).toContain('maxLength="10000"');
    expect(visible).not.toContain("placeholder=");

    const hidden = thread(feedback);
    expect(hidden).toMatch(/<h3 id="[^"]+" class="text-sm font-semibold">Internal comments<\/h3>/);
    expect(hidden).toMatch(/<label for="[^"]+" class="sr-only">New internal comment<\/label>/);
    expect(hidden).toContain(`placeholder="${en.feedback.comments.placeholder}"`);
    expect(hidden).toContain('maxLength="5000"');
  });

  it("says the comment is being sent, and shows the server's refusal", () => {
    const html = thread({
      sender: { send: () => {}, isPending: true, error: { message: "Action 4 was archived; reload the page." } },
    });
    expect(html).toContain("Sending…");
    expect(html).toMatch(/<p role="alert"[^>]*>Action 4 was archived; reload the page\.<\/p>/);
  });
});
