"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCount, formatDay } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import { mutationMessage } from "./mutation-message";
import type { ThemeSuggestion } from "./theme-types";
import { useLanguageName } from "./use-language-name";

interface ThemeSuggestionsProps {
  /** The last 90 days, as the page computed them (the server prefetched the same input). */
  input: FeedbackFilters;
  onAdd: (suggestion: ThemeSuggestion) => void;
}

/**
 * Suggested themes: phrases frequent in negative feedback and rare elsewhere that no theme covers
 * yet (themes.suggestions), each with "Add as theme", which opens the form prefilled with it.
 */
export function ThemeSuggestions({ input, onAdd }: ThemeSuggestionsProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const languageName = useLanguageName();
  const query = useQuery(trpc.themes.suggestions.queryOptions(input));
  const lift = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const titleId = "theme-suggestions-title";

  let body;
  if (query.isPending) {
    body = (
      <div aria-busy="true" className="grid gap-2">
        <span className="sr-only">{t("settingsThemes.suggestions.loading")}</span>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-9" />
        ))}
      </div>
    );
  } else if (query.isError) {
    body = (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm">
        <p>
          {t("settingsThemes.suggestions.failed")}{" "}
          <span className="text-muted-foreground">{mutationMessage(query.error)}</span>
        </p>
        <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
          {t("settingsThemes.suggestions.retry")}
        </Button>
      </div>
    );
  } else if (query.data.length === 0) {
    body = <p className="text-sm text-muted-foreground">{t("settingsThemes.suggestions.empty")}</p>;
  } else {
    body = (
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-labelledby={titleId} aria-describedby="theme-suggestions-lift">
          <thead className="text-muted-foreground">
            <tr>
              <th scope="col" className="py-2 pe-4 text-start font-medium">
                {t("settingsThemes.suggestions.colPhrase")}
              </th>
              <th scope="col" className="py-2 pe-4 text-start font-medium">
                {t("settingsThemes.suggestions.colLanguage")}
              </th>
              <th scope="col" className="py-2 pe-4 text-end font-medium">
                {t("settingsThemes.suggestions.colCount")}
              </th>
              <th scope="col" className="py-2 pe-4 text-end font-medium">
                {t("settingsThemes.suggestions.colLift")}
              </th>
              <th scope="col" className="py-2 text-end font-medium">
                <span className="sr-only">{t("settingsThemes.colActions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {query.data.map((suggestion) => (
              <tr key={`${suggestion.language}:${suggestion.phrase}`} className="border-t">
                <th scope="row" className="py-2 pe-4 text-start font-medium">
                  <bdi dir="auto">{suggestion.phrase}</bdi>
                </th>
                <td className="py-2 pe-4 text-muted-foreground">{languageName(suggestion.language)}</td>
                <td className="whitespace-nowrap py-2 pe-4 text-end tabular-nums">
                  {t("settingsThemes.suggestions.countOf", {
                    count: formatCount(locale, suggestion.count),
                    total: formatCount(locale, suggestion.totalCount),
                  })}
                </td>
                <td className="whitespace-nowrap py-2 pe-4 text-end tabular-nums">
                  {t("settingsThemes.suggestions.lift", { value: lift.format(suggestion.lift) })}
                </td>
                <td className="whitespace-nowrap py-1 text-end">
                  <Button
                    variant="outline"
                    size="sm"
                    aria-label={t("settingsThemes.suggestions.addLabel", { phrase: suggestion.phrase })}
                    onClick={() => onAdd(suggestion)}
                  >
                    {t("settingsThemes.suggestions.add")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle id={titleId} className="text-base text-foreground">
          {t("settingsThemes.suggestions.title")}
        </CardTitle>
        <p className="text-sm text-muted-foreground">
          {t("settingsThemes.suggestions.description", {
            from: input.from ? formatDay(locale, input.from) : "",
            to: input.to ? formatDay(locale, input.to) : "",
          })}
        </p>
        <p id="theme-suggestions-lift" className="text-xs text-muted-foreground">
          {t("settingsThemes.suggestions.liftHint")}
        </p>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
