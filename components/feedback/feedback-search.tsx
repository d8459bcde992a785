"use client";

import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";
import type { HistoryMode } from "./use-inbox-url";

export const FEEDBACK_SEARCH_ID = "feedback-search";
/** Typing pauses this long before the list follows. */
const DEBOUNCE_MS = 400;

/**
 * The free-text search (`?q=`): the list follows the typing after a pause, or at once on Enter. One
 * search adds one history entry (the first change pushes, the rest of the typing replaces it), so
 * Back goes to the inbox before the search. `/` focuses it (see the inbox's shortcuts); Esc clears it.
 */
export function FeedbackSearch({
  value,
  maxLength,
  onSearch,
}: {
  value: string | undefined;
  maxLength: number;
  onSearch: (q: string | undefined, mode: HistoryMode) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? "");
  const committed = useRef(value ?? "");
  const pushed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // a search changed elsewhere (Back, a chip, "Clear all") shows here; our own commits do not reset the typing
  useEffect(() => {
    const next = value ?? "";
    if (next === committed.current) return;
    committed.current = next;
    setText(next);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (raw: string) => {
    clearTimeout(timer.current);
    const q = raw.trim();
    if (q === committed.current) return;
    committed.current = q;
    onSearch(q || undefined, pushed.current ? "replace" : "push");
    pushed.current = true;
  };
  const change = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
  };

  return (
    <form
      role="search"
      className="relative min-w-56 flex-1"
      onSubmit={(event) => {
        event.preventDefault();
        commit(text);
      }}
    >
      <label htmlFor={FEEDBACK_SEARCH_ID} className="sr-only">
        {t("feedback.search.label")}
      </label>
      <Search
        aria-hidden
        className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <Input
        id={FEEDBACK_SEARCH_ID}
        type="search"
        dir="auto"
        value={text}
        maxLength={maxLength}
        placeholder={t("feedback.search.placeholder")}
        title={t("feedback.search.hint")}
        autoComplete="off"
        className="ps-8 pe-8 [&::-webkit-search-cancel-button]:hidden"
        onChange={(event) => change(event.target.value)}
        onBlur={() => {
          commit(text);
          pushed.current = false;
        }}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          if (text) change("");
          else event.currentTarget.blur();
        }}
      />
      {text && (
        <button
          type="button"
          aria-label={t("feedback.search.clear")}
          className="absolute end-1.5 top-1/2 -translate-y-1/2 rounded-sm p-1 text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          onClick={() => {
            setText("");
            commit("");
            document.getElementById(FEEDBACK_SEARCH_ID)?.focus();
          }}
        >
          <X aria-hidden className="size-4" />
        </button>
      )}
    </form>
  );
}
