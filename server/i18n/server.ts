import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { createTranslator, DEFAULT_LOCALE, isLocale, type Locale } from "./core";
import { en, type Messages } from "./messages/en";

export const LOCALE_COOKIE = "tp-locale";
const CATALOGUES: Record<Locale, Messages> = { en };

/** The request's locale: the cookie, else the first supported Accept-Language, else English. */
export const getLocale = cache(async (): Promise<Locale> => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const accepted = (await headers()).get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.split(";")[0]?.trim().split("-")[0];
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
});

export async function getMessages(): Promise<Messages> {
  return CATALOGUES[await getLocale()];
}

/** `t()` for server components. */
export async function getTranslator() {
  return createTranslator(await getMessages());
}
