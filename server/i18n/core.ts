import type { Messages } from "./messages/en";

/** Locales with a message catalogue; `dir` drives `<html dir>` so RTL needs no page rewrites. */
export const LOCALES = {
  en: { label: "English", dir: "ltr" },
} as const;
export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = "en";
/** Scripts written right to left, for locales added later (he, fa, ar, ur). */
const RTL_LANGUAGES = new Set(["he", "fa", "ar", "ur"]);

export function textDirection(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(locale.split("-")[0] ?? "") ? "rtl" : "ltr";
}

export function isLocale(value: string | undefined | null): value is Locale {
  return value != null && Object.hasOwn(LOCALES, value);
}

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
type Leaves<T> = { [K in keyof T]: T[K] extends string ? K : Join<K, Leaves<T[K]>> }[keyof T];
/** Every message key, e.g. "overview.title"; a typo is a type error. */
export type MessageKey = Leaves<Messages>;
export type TranslateValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: TranslateValues) => string;

/** Look a key up and fill `{name}` placeholders; an unknown key returns the key (visible, not blank). */
export function createTranslator(messages: Messages): Translate {
  return (key, values) => {
    let node: unknown = messages;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== "string") return key;
    if (!values) return node;
    return node.replace(/\{(\w+)\}/g, (match, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : match,
    );
  };
}

/** Exact decimal strings format without passing through a float sum (display only). */
export function formatMoney(locale: string, amount: string, currency: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(
    amount as unknown as number,
  );
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}
