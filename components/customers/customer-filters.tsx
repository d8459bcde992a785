"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type CustomerSegmentFilter, customersHref, NO_SEGMENT_PARAM, parseCustomerSegment } from "./customer-query";

const DEBOUNCE_MS = 300;

/**
 * The customers list's search box and segment filter, kept in the URL (`?q=…&segment=3|none`):
 * the URL follows typing after a short pause, and a segment choice at once.
 */
export function CustomerFilters({
  search,
  segmentId,
  segments,
}: {
  search: string;
  segmentId: CustomerSegmentFilter;
  segments: { id: number; name: string }[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(search);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (q: string, segment: CustomerSegmentFilter) =>
    startTransition(() => router.replace(customersHref(q, segment), { scroll: false }));

  function onSearch(next: string) {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go(next, segmentId), DEBOUNCE_MS);
  }

  return (
    <div
      role="search"
      aria-label={t("customers.filtersLabel")}
      aria-busy={pending}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <div className="relative w-full max-w-md">
        <Search
          className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          type="search"
          aria-label={t("customers.searchLabel")}
          placeholder={t("customers.searchPlaceholder")}
          value={value}
          maxLength={100}
          onChange={(event) => onSearch(event.target.value)}
          className="ps-9"
        />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-segment`}>{t("customers.segmentFilter")}</Label>
        <NativeSelect
          id={`${id}-segment`}
          className="w-auto min-w-48"
          value={segmentId === undefined ? "" : segmentId === null ? NO_SEGMENT_PARAM : String(segmentId)}
          onChange={(event) => {
            clearTimeout(timer.current);
            go(value, parseCustomerSegment(event.target.value));
          }}
        >
          <option value="">{t("customers.allSegments")}</option>
          <option value={NO_SEGMENT_PARAM}>{t("customers.noSegmentOption")}</option>
          {segments.map((segment) => (
            <option key={segment.id} value={String(segment.id)}>
              {segment.name}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}
