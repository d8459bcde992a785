"use client";

import { useCallback, useMemo } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ANY_LANGUAGE } from "./theme-keywords";

/**
 * A keyword list's language as the theme pages write it: "Hebrew (he)" in the reader's locale,
 * "Every language (*)" for "*", the bare tag when the runtime does not know it.
 */
export function useLanguageName(): (tag: string) => string {
  const { t, locale } = useI18n();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
    } catch {
      return null;
    }
  }, [locale]);
  return useCallback(
    (tag: string) => {
      if (tag === ANY_LANGUAGE) return t("settingsThemes.anyLanguage");
      let name: string | undefined;
      try {
        name = names?.of(tag);
      } catch {
        // not a well-formed tag: show it as stored
      }
      return name ? t("settingsThemes.languageName", { name, tag }) : tag;
    },
    [names, t],
  );
}
