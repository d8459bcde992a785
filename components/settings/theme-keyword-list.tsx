"use client";

import { keywordLanguages } from "./theme-keywords";
import { useLanguageName } from "./use-language-name";

/** A theme's keywords as chips, a line per language; each keyword keeps its own direction. */
export function ThemeKeywordList({ keywords }: { keywords: Record<string, string[]> }) {
  const languageName = useLanguageName();
  return (
    <dl className="grid gap-1.5">
      {keywordLanguages(keywords).map((language) => (
        <div key={language} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <dt className="text-xs text-muted-foreground">{languageName(language)}</dt>
          <dd className="contents">
            <ul className="flex flex-wrap gap-1" lang={language === "*" ? undefined : language}>
              {(keywords[language] ?? []).map((word) => (
                <li key={word} dir="auto" className="rounded-full border bg-muted px-2 py-0.5 text-xs text-foreground">
                  {word}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
