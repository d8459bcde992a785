"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasPermission } from "@/server/auth/permissions";
import type { FeedbackFilters } from "@/server/domain/feedback/filters";
import { ThemeForm } from "./theme-form";
import { keywordRowsOf, suggestionDraft, type ThemeDraft } from "./theme-keywords";
import { ThemeRow } from "./theme-row";
import { ThemeSuggestions } from "./theme-suggestions";
import type { Theme } from "./theme-types";

type Editing = { theme: Theme | null; initial: ThemeDraft; key: string };

const EMPTY_DRAFT: ThemeDraft = { name: "", rows: [{ id: 0, language: "en", text: "" }] };

/**
 * Settings → Themes: the theme library for every role that reads feedback; the form, removal and
 * suggested themes for those who configure feedback.
 */
export function ThemesPanel({ suggestionsInput }: { suggestionsInput: FeedbackFilters }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const { data: themes } = useSuspenseQuery(trpc.themes.list.queryOptions());
  const canConfigure = hasPermission(ws.current.role, "feedback.configure");
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changed = (message: string) => {
    setEditing(null);
    setNotice(message);
    // the matrix, the suggestions and the inbox's theme filter read the library too
    void queryClient.invalidateQueries(trpc.themes.pathFilter());
    void queryClient.invalidateQueries(trpc.feedback.themeOptions.pathFilter());
  };
  const open = (next: Editing) => {
    setNotice(null);
    setEditing(next);
  };

  return (
    <div className="grid max-w-6xl grid-cols-1 gap-6">
      {canConfigure && editing && (
        <ThemeForm
          key={editing.key}
          theme={editing.theme}
          initial={editing.initial}
          onSaved={(name, created) =>
            changed(created ? t("settingsThemes.created", { name }) : t("settingsThemes.updated", { name }))
          }
          onCancel={() => setEditing(null)}
        />
      )}
      <Card>
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-4">
          <div className="flex max-w-3xl flex-col gap-1.5">
            <CardTitle className="text-base text-foreground">{t("settingsThemes.title")}</CardTitle>
            <p className="text-sm text-muted-foreground">{t("settingsThemes.description")}</p>
            <p className="text-sm text-muted-foreground">{t("settingsThemes.analysedFromNow")}</p>
            <Link
              href="/feedback/analytics"
              className="text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              {t("settingsThemes.impactLink")}
            </Link>
          </div>
          {canConfigure && editing?.key !== "new" && (
            <Button onClick={() => open({ theme: null, initial: EMPTY_DRAFT, key: "new" })}>
              {t("settingsThemes.add")}
            </Button>
          )}
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-3">
          {!canConfigure && (
            <p className="text-sm text-muted-foreground">
              {t("settingsThemes.readOnly", { role: t(`roles.${ws.current.role}`) })}
            </p>
          )}
          <p className="text-sm text-positive empty:hidden" role="status">
            {notice}
          </p>
          {themes.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("settingsThemes.empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" aria-label={t("settingsThemes.tableLabel")}>
                <thead className="text-muted-foreground">
                  <tr>
                    <th scope="col" className="py-2 pe-4 text-start font-medium">
                      {t("settingsThemes.colName")}
                    </th>
                    <th scope="col" className="py-2 pe-4 text-start font-medium">
                      {t("settingsThemes.colKeywords")}
                    </th>
                    <th scope="col" className="whitespace-nowrap py-2 pe-4 text-end font-medium">
                      {t("settingsThemes.colItems")}
                    </th>
                    {canConfigure && (
                      <th scope="col" className="py-2 text-end font-medium">
                        <span className="sr-only">{t("settingsThemes.colActions")}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {themes.map((theme) => (
                    <ThemeRow
                      key={theme.id}
                      theme={theme}
                      canConfigure={canConfigure}
                      onEdit={(target) =>
                        open({
                          theme: target,
                          initial: { name: target.name, rows: keywordRowsOf(target.keywords) },
                          key: `edit-${target.id}`,
                        })
                      }
                      onRemoved={(name) => changed(t("settingsThemes.removed", { name }))}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </CardContent>
      </Card>
      {canConfigure && (
        <ThemeSuggestions
          input={suggestionsInput}
          onAdd={(suggestion) =>
            open({
              theme: null,
              initial: suggestionDraft(suggestion),
              key: `suggestion-${suggestion.language}-${suggestion.phrase}`,
            })
          }
        />
      )}
    </div>
  );
}
