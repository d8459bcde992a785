"use client";

import { Search } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";

const DEBOUNCE_MS = 300;

/** Search box kept in the URL (`?q=`); the URL follows typing after a short pause. */
export function CustomerSearch({ initial }: { initial: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(initial);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(next: string) {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const q = next.trim();
      const href = q ? `${pathname}?${new URLSearchParams({ q })}` : pathname;
      startTransition(() => router.replace(href, { scroll: false }));
    }, DEBOUNCE_MS);
  }

  return (
    <div role="search" className="relative mb-4 max-w-md">
      <Search className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        type="search"
        aria-label={t("customers.searchLabel")}
        placeholder={t("customers.searchPlaceholder")}
        value={value}
        maxLength={100}
        onChange={(e) => onChange(e.target.value)}
        aria-busy={pending}
        className="ps-9"
      />
    </div>
  );
}
