"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FeedbackListRow } from "./feedback-list-row";
import type { FeedbackItem } from "./feedback-query";

/** First guess of a row's height (two lines); rows are measured once drawn. */
const ROW_ESTIMATE = 72;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 15;

export interface FeedbackListProps {
  items: FeedbackItem[];
  activeId: number | undefined;
  openId: number | undefined;
  selected: ReadonlySet<number>;
  selectable: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: string | null;
  fetchNextPage: () => void;
  /** Another set of filters is loading: the rows shown are the previous ones. */
  stale: boolean;
  when: Intl.DateTimeFormat;
  now: Date;
  onOpen: (id: number, index: number) => void;
  onToggle: (id: number, index: number, range: boolean) => void;
  onToggleAll: () => void;
  /** Called with a function that scrolls a row into view (for J/K). */
  registerScroll: (scrollTo: (index: number) => void) => void;
}

/**
 * The inbox's rows, virtualised against the page's scroll (only the rows in view and a few more are
 * in the DOM, so thousands of loaded items stay fast), loading the next page through the cursor as
 * the end comes near.
 */
export function FeedbackList(props: FeedbackListProps) {
  const { items, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const { t, locale } = useI18n();
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const measure = () => setScrollMargin(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !props.nextPageError && lastIndex >= items.length - PREFETCH_ROWS) {
      fetchNextPage();
    }
  }, [lastIndex, items.length, hasNextPage, isFetchingNextPage, props.nextPageError, fetchNextPage]);

  const { registerScroll } = props;
  useEffect(() => {
    registerScroll((index) => virtualizer.scrollToIndex(index, { align: "auto" }));
  }, [registerScroll, virtualizer]);

  const selectedCount = items.filter((item) => props.selected.has(item.id)).length;
  const count = new Intl.NumberFormat(locale).format(items.length);

  return (
    <div className="rounded-xl border bg-card shadow-sm">
      <div className="flex items-center gap-3 border-b px-3 py-2 text-xs text-muted-foreground">
        {props.selectable && (
          <input
            type="checkbox"
            className="size-4 cursor-pointer accent-primary"
            aria-label={t("feedback.row.selectAll", { count })}
            checked={items.length > 0 && selectedCount === items.length}
            ref={(element) => {
              if (element) element.indeterminate = selectedCount > 0 && selectedCount < items.length;
            }}
            onChange={props.onToggleAll}
          />
        )}
        <span aria-live="polite">
          {hasNextPage ? t("feedback.loadedSome", { count }) : t("feedback.loadedAll", { count })}
        </span>
      </div>
      <div
        ref={listRef}
        role="list"
        aria-label={t("feedback.listLabel")}
        aria-busy={props.stale || isFetchingNextPage}
        className={cn("relative transition-opacity", props.stale && "opacity-60")}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualRows.map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="absolute inset-x-0 top-0"
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            >
              <FeedbackListRow
                item={item}
                index={row.index}
                active={item.id === props.activeId}
                open={item.id === props.openId}
                selected={props.selected.has(item.id)}
                selectable={props.selectable}
                setSize={hasNextPage ? -1 : items.length}
                when={props.when}
                now={props.now}
                onOpen={props.onOpen}
                onToggle={props.onToggle}
              />
            </div>
          );
        })}
      </div>
      <div className="flex items-center justify-center px-3 text-sm text-muted-foreground empty:hidden has-[*]:py-2">
        {isFetchingNextPage && <span role="status">{t("feedback.loadingMore")}</span>}
        {props.nextPageError && (
          <div role="alert" className="flex flex-wrap items-center justify-center gap-3">
            <span>
              {t("feedback.loadMoreFailed")} {props.nextPageError}
            </span>
            <Button variant="outline" size="sm" onClick={fetchNextPage}>
              {t("feedback.retry")}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
