"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createTranslator, type Translate } from "@/server/i18n/core";
import type { Messages } from "@/server/i18n/messages/en";

interface I18nValue {
  locale: string;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: string; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(messages) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `{ t, locale }` for client components. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n() needs an <I18nProvider> above it.");
  return value;
}
