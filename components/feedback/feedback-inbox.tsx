"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { cn } from "@/components/ui/cn";
import { feedbackInboxQuery } from "@/server/domain/feedback/filter-query";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import type { FeedbackSort } from "@/server/domain/feedback/list";
import type { InboxShortcut } from "@/server/domain/triage/shortcuts";
import { describeError } from "./feedback-errors";
import { FeedbackFilterBar } from "./feedback-filter-bar";
import { moveActive, toggleSelection } from "./feedback-inbox-state";
import { FeedbackList } from "./feedback-list";
import { FeedbackListEmpty, FeedbackListError, FeedbackListSkeleton } from "./feedback-list-states";
import { type FeedbackFilterLabels, feedbackListInput, nextFeedbackCursor } from "./feedback-query";
import { FEEDBACK_SEARCH_ID } from "./feedback-search";
import type { CommandRequest } from "./feedback-triage-actions";
import { type InboxAccess, useFilterOptions } from "./use-filter-options";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { useInboxUrl } from "./use-inbox-url";
import { useTimeZone } from "./use-time-zone";
import { LazyFeedbackBulkBar, LazyFeedbackDetailPanel, LazyFeedbackShortcutsHelp } from "./lazy-inbox-parts";

export interface FeedbackInboxProps {
  filters: FeedbackFilters;
  sort: FeedbackSort;
  access: InboxAccess;
  me: { id: number; name: string };
  labels: FeedbackFilterLabels;
  languages: readonly string[];
  searchMaxLength: number;
}

/** How often relative times ("3 minutes ago", "due in 2 hours") are brought up to date. */
const CLOCK_MS = 60_000;
const INTERACTIVE = "button, a, input, select, textarea, summary, [role=button], [role=menuitem]";

/**
 * The CX manager's inbox: filters in the URL, a virtualised list loaded page by page, an item open
 * beside it (`?item=`), a selection for bulk commands and the keyboard shortcuts of INBOX_SHORTCUTS.
 */
export function FeedbackInbox(props: FeedbackInboxProps) {
  const { access, me } = props;
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const timeZone = useTimeZone();
  const server = useMemo(() => ({ filters: props.filters, sort: props.sort }), [props.filters, props.sort]);
  const url = useInboxUrl(server);
  const openId = url.itemId;

  const list = useInfiniteQuery({
    ...trpc.feedback.list.infiniteQueryOptions(feedbackListInput(props.filters, props.sort), {
      getNextPageParam: nextFeedbackCursor,
    }),
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const { options, chipLabels } = useFilterOptions(access, props.labels);

  const [activeId, setActiveId] = useState<number | undefined>(openId);
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [request, setRequest] = useState<(CommandRequest & { id: number }) | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [now, setNow] = useState(() => new Date());
  const viewKey = feedbackInboxQuery(server);
  const [shownView, setShownView] = useState(viewKey);
  // other filters or another order: a selection made under the old ones would act on hidden items
  if (shownView !== viewKey) {
    setShownView(viewKey);
    setSelected(new Set());
    setAnchor(null);
  }
  const scrollTo = useRef<(index: number) => void>(() => {});
  const listTop = useRef<HTMLDivElement>(null);
  const shownKey = useRef(viewKey);
  // new filters show their list from the top, not from where the old one was scrolled to
  useEffect(() => {
    if (shownKey.current === viewKey) return;
    shownKey.current = viewKey;
    const top = listTop.current?.getBoundingClientRect().top;
    if (top !== undefined && top < 0) listTop.current?.scrollIntoView({ block: "start" });
  }, [viewKey]);
  // an item opened by click or Enter takes the focus; one followed with J/K leaves it where it is
  const [focusFor, setFocusFor] = useState<{ id: number; nonce: number } | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(""), 6000);
    return () => clearTimeout(timer);
  }, [announcement]);

  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
    [locale, timeZone],
  );
  const registerScroll = useCallback((fn: (index: number) => void) => {
    scrollTo.current = fn;
  }, []);

  const openItem = useCallback(
    (id: number, options: { focus?: boolean; mode?: "push" | "replace" } = {}) => {
      setActiveId(id);
      if (options.focus ?? true) setFocusFor({ id, nonce: Date.now() });
      if (id !== openId) url.showItem(id, options.mode ?? "push");
    },
    [openId, url],
  );
  const closeItem = useCallback(() => {
    url.showItem(undefined);
    const row = document.querySelector<HTMLElement>(`[data-feedback-id="${activeId}"] [data-row-button]`);
    row?.focus();
  }, [url, activeId]);

  const onOpenRow = useCallback((id: number) => openItem(id), [openItem]);
  const onToggle = useCallback(
    (id: number, index: number, range: boolean) => {
      setSelected((current) => toggleSelection(current, ids, index, anchor, range));
      setAnchor(index);
      setActiveId(id);
    },
    [ids, anchor],
  );
  const onToggleAll = useCallback(
    () => setSelected((current) => (ids.every((id) => current.has(id)) ? new Set() : new Set(ids))),
    [ids],
  );

  const move = (delta: 1 | -1) => {
    const next = moveActive(ids, activeId, delta);
    if (next === undefined) return;
    setActiveId(next);
    const index = ids.indexOf(next);
    scrollTo.current(index);
    if (openId !== undefined) openItem(next, { focus: false, mode: "replace" });
    // keep the keyboard focus on the list when it was there
    if (document.activeElement?.closest('[role="list"]')) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-feedback-id="${next}"] [data-row-button]`)?.focus(),
      );
    }
  };

  useInboxShortcuts((shortcut: InboxShortcut, event) => {
    const target = event.target instanceof Element ? event.target : null;
    switch (shortcut.key) {
      case "j":
      case "k":
        event.preventDefault();
        move(shortcut.key === "j" ? 1 : -1);
        return;
      case "Enter":
        if (target?.closest(INTERACTIVE) || activeId === undefined) return;
        event.preventDefault();
        openItem(activeId);
        return;
      case "x":
        if (!access.canWork || activeId === undefined) return;
        event.preventDefault();
        onToggle(activeId, ids.indexOf(activeId), false);
        return;
      case "Escape":
        if (openId !== undefined) closeItem();
        else if (selected.size > 0) setSelected(new Set());
        return;
      case "/":
        event.preventDefault();
        document.getElementById(FEEDBACK_SEARCH_ID)?.focus();
        return;
      case "?":
        event.preventDefault();
        setHelpOpen(true);
        return;
    }
    if (!shortcut.command) return;
    if (!access.canWork) {
      setAnnouncement(t("feedback.actions.readOnly"));
      return;
    }
    const id = openId ?? activeId;
    if (id === undefined) {
      setAnnouncement(t("feedback.shortcuts.noItem"));
      return;
    }
    event.preventDefault();
    if (id !== openId) openItem(id, { focus: false });
    setRequest({ id, command: shortcut.command, nonce: Date.now() });
  });

  const state = { ...url.view, itemId: openId };
  let listBody;
  if (list.isPending) {
    listBody = <FeedbackListSkeleton />;
  } else if (list.isError && items.length === 0) {
    listBody = (
      <FeedbackListError
        message={describeError(list.error, t("feedback.loadFailed")).message}
        onRetry={() => void list.refetch()}
      />
    );
  } else if (items.length === 0) {
    listBody = <FeedbackListEmpty state={{ ...server, itemId: openId }} labels={chipLabels} />;
  } else {
    listBody = (
      <FeedbackList
        items={items}
        activeId={activeId}
        openId={openId}
        selected={selected}
        selectable={access.canWork}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        nextPageError={
          list.isFetchNextPageError ? describeError(list.error, t("feedback.loadMoreFailed")).message : null
        }
        fetchNextPage={() => void list.fetchNextPage()}
        stale={list.isPlaceholderData || url.pending}
        when={when}
        now={now}
        onOpen={onOpenRow}
        onToggle={onToggle}
        onToggleAll={onToggleAll}
        registerScroll={registerScroll}
      />
    );
  }

  return (
    <>
      <FeedbackFilterBar
        state={state}
        options={options}
        chipLabels={chipLabels}
        languages={props.languages}
        me={me}
        searchMaxLength={props.searchMaxLength}
        onFilters={url.setFilters}
        onSort={url.setSort}
        onShowShortcuts={() => setHelpOpen(true)}
      />
      <div
        className={cn(
          "grid items-start gap-4",
          openId !== undefined &&
            "lg:grid-cols-[minmax(0,1fr)_minmax(22rem,30rem)] 2xl:grid-cols-[minmax(0,1fr)_36rem]",
        )}
      >
        <div ref={listTop} className="min-w-0 scroll-mt-4">
          {listBody}
        </div>
        {openId !== undefined && (
          <LazyFeedbackDetailPanel
            key={openId}
            id={openId}
            canWork={access.canWork}
            assignees={
              options.users.length + options.teams.length > 0
                ? { users: options.users, teams: options.teams }
                : undefined
            }
            themes={options.themes}
            request={request?.id === openId ? request : null}
            now={now}
            focusNonce={focusFor?.id === openId ? focusFor.nonce : null}
            onClose={closeItem}
            onOpenItem={(id) => openItem(id)}
            onAnnounce={setAnnouncement}
          />
        )}
      </div>
      {access.canWork && selected.size > 0 && (
        <LazyFeedbackBulkBar
          ids={[...selected]}
          scope={props.filters}
          assignees={{ users: options.users, teams: options.teams }}
          themes={options.themes}
          onClear={() => setSelected(new Set())}
          onDone={setAnnouncement}
        />
      )}
      {helpOpen && <LazyFeedbackShortcutsHelp open onOpenChange={setHelpOpen} canWork={access.canWork} />}
      <div
        role="status"
        aria-live="polite"
        data-testid="inbox-announcement"
        className={cn(
          "pointer-events-none fixed bottom-4 start-1/2 z-50 -translate-x-1/2 rounded-lg bg-foreground px-4 py-2 text-sm text-background shadow-lg transition-opacity rtl:translate-x-1/2",
          announcement ? "opacity-100" : "opacity-0",
        )}
      >
        {announcement}
      </div>
    </>
  );
}
