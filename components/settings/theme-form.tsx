"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { mutationMessage } from "./mutation-message";
import {
  ANY_LANGUAGE,
  checkThemeDraft,
  isThemeDraftValid,
  keywordsOf,
  type KeywordRow,
  MAX_KEYWORD_LENGTH,
  MAX_KEYWORDS_PER_LANGUAGE,
  MAX_THEME_NAME,
  THEME_LANGUAGES,
  type ThemeDraft,
  type ThemeDraftProblem,
} from "./theme-keywords";
import type { Theme } from "./theme-types";
import { useLanguageName } from "./use-language-name";

interface ThemeFormProps {
  /** The theme to edit, or null to create one. */
  theme: Theme | null;
  /** What the form starts with: the theme, a suggestion, or an empty English list. */
  initial: ThemeDraft;
  onSaved: (name: string, created: boolean) => void;
  onCancel: () => void;
}

/**
 * Create or edit a theme: a name, and keywords or phrases per language (a language select, "every
 * language" included, and a textarea each). Checked as themes.create/update would before it is
 * sent; a duplicate name comes back from the server and is shown on the name.
 */
export function ThemeForm({ theme, initial, onSaved, onCancel }: ThemeFormProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const languageName = useLanguageName();
  const formId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const nextId = useRef(Math.max(0, ...initial.rows.map((row) => row.id)) + 1);
  const create = useMutation(
    trpc.themes.create.mutationOptions({ onSuccess: (_, input) => onSaved(input.name.trim(), true) }),
  );
  const update = useMutation(
    trpc.themes.update.mutationOptions({ onSuccess: (_, input) => onSaved(input.name.trim(), false) }),
  );
  const mutation = theme ? update : create;
  const conflict = mutation.error?.data?.code === "CONFLICT";
  const problems = checkThemeDraft(draft);

  // the form opens on a click (New theme, Edit, Add as theme): take the keyboard there
  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const options = useMemo(() => {
    const used = draft.rows.map((row) => row.language);
    const tags = [...new Set([...THEME_LANGUAGES, ...used])].filter((tag) => tag !== ANY_LANGUAGE);
    const named = tags.map((tag) => ({ tag, label: languageName(tag) }));
    named.sort((a, b) => collator.compare(a.label, b.label));
    return [{ tag: ANY_LANGUAGE, label: languageName(ANY_LANGUAGE) }, ...named];
  }, [draft.rows, languageName, collator]);

  const problemText = (problem: ThemeDraftProblem) => {
    const max = {
      nameTooLong: MAX_THEME_NAME,
      keywordTooLong: MAX_KEYWORD_LENGTH,
      tooManyKeywords: MAX_KEYWORDS_PER_LANGUAGE,
    };
    return t(
      `settingsThemes.problem.${problem}`,
      problem in max ? { max: max[problem as keyof typeof max] } : undefined,
    );
  };
  const nameError =
    submitted && problems.name
      ? problemText(problems.name)
      : conflict
        ? t("settingsThemes.duplicateName", { name: draft.name.trim() })
        : undefined;
  const keywordsError = submitted && problems.keywords ? problemText(problems.keywords) : undefined;

  const setRow = (id: number, patch: Partial<KeywordRow>) => {
    setDraft((d) => ({ ...d, rows: d.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) }));
    mutation.reset();
  };
  const addRow = () => {
    const used = new Set(draft.rows.map((row) => row.language));
    const language = THEME_LANGUAGES.find((tag) => !used.has(tag)) ?? ANY_LANGUAGE;
    const id = nextId.current++;
    setDraft((d) => ({ ...d, rows: [...d.rows, { id, language, text: "" }] }));
    // after React renders the new row
    requestAnimationFrame(() => document.getElementById(`${formId}-language-${id}`)?.focus());
  };
  const removeRow = (id: number) => {
    const index = draft.rows.findIndex((row) => row.id === id);
    const rest = draft.rows.filter((row) => row.id !== id);
    setDraft((d) => ({ ...d, rows: d.rows.filter((row) => row.id !== id) }));
    const neighbour = rest[Math.min(index, rest.length - 1)];
    requestAnimationFrame(() => document.getElementById(`${formId}-keywords-${neighbour?.id}`)?.focus());
  };

  function submit() {
    setSubmitted(true);
    if (!isThemeDraftValid(problems)) {
      const firstInvalid = problems.name
        ? nameRef.current
        : document.getElementById(`${formId}-keywords-${Object.keys(problems.rows)[0] ?? draft.rows[0]?.id}`);
      firstInvalid?.focus();
      return;
    }
    const input = { name: draft.name.trim(), keywords: keywordsOf(draft.rows) };
    if (theme) update.mutate({ id: theme.id, ...input });
    else create.mutate(input);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">
          {theme ? t("settingsThemes.formEdit", { name: theme.name }) : t("settingsThemes.formCreate")}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          className="grid gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className="grid max-w-md gap-2">
            <Label htmlFor={`${formId}-name`}>{t("settingsThemes.fieldName")}</Label>
            <Input
              ref={nameRef}
              id={`${formId}-name`}
              dir="auto"
              autoComplete="off"
              value={draft.name}
              aria-required="true"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={`${formId}-name-note`}
              className="aria-invalid:border-destructive"
              onChange={(event) => {
                setDraft((d) => ({ ...d, name: event.target.value }));
                mutation.reset();
              }}
            />
            <p id={`${formId}-name-note`} aria-live="polite" className="min-h-4 text-xs text-destructive">
              {nameError}
            </p>
          </div>
          <fieldset className="grid gap-3" aria-describedby={`${formId}-keywords-note`}>
            <legend className="mb-1 text-sm font-medium">{t("settingsThemes.fieldKeywords")}</legend>
            <p
              id={`${formId}-keywords-note`}
              aria-live="polite"
              className={keywordsError ? "text-xs text-destructive" : "text-xs text-muted-foreground"}
            >
              {keywordsError ?? t("settingsThemes.keywordsHint")}
            </p>
            {draft.rows.map((row) => {
              const rowError = submitted && problems.rows[row.id] ? problemText(problems.rows[row.id]!) : undefined;
              const language = languageName(row.language);
              return (
                <div
                  key={row.id}
                  className="grid gap-2 rounded-lg border p-3 sm:grid-cols-[14rem_1fr_auto] sm:items-start"
                >
                  <div className="grid gap-1.5">
                    <Label htmlFor={`${formId}-language-${row.id}`} className="text-xs text-muted-foreground">
                      {t("settingsThemes.fieldLanguage")}
                    </Label>
                    <NativeSelect
                      id={`${formId}-language-${row.id}`}
                      value={row.language}
                      onChange={(event) => setRow(row.id, { language: event.target.value })}
                    >
                      {options.map((option) => (
                        <option key={option.tag} value={option.tag}>
                          {option.label}
                        </option>
                      ))}
                    </NativeSelect>
                  </div>
                  <div className="grid gap-1.5">
                    <Label htmlFor={`${formId}-keywords-${row.id}`} className="text-xs text-muted-foreground">
                      {t("settingsThemes.keywordsIn", { language })}
                    </Label>
                    <Textarea
                      id={`${formId}-keywords-${row.id}`}
                      dir="auto"
                      rows={3}
                      value={row.text}
                      aria-invalid={rowError ? true : undefined}
                      aria-describedby={rowError ? `${formId}-keywords-${row.id}-note` : undefined}
                      onChange={(event) => setRow(row.id, { text: event.target.value })}
                    />
                    {rowError && (
                      <p id={`${formId}-keywords-${row.id}-note`} className="text-xs text-destructive">
                        {rowError}
                      </p>
                    )}
                  </div>
                  {draft.rows.length > 1 && (
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      className="sm:mt-5"
                      aria-label={t("settingsThemes.removeLanguage", { language })}
                      onClick={() => removeRow(row.id)}
                    >
                      <X aria-hidden />
                    </Button>
                  )}
                </div>
              );
            })}
            <div>
              <Button type="button" variant="outline" size="sm" onClick={addRow}>
                <Plus aria-hidden />
                {t("settingsThemes.addLanguage")}
              </Button>
            </div>
          </fieldset>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? t("settingsThemes.saving") : t("settingsThemes.save")}
            </Button>
            <Button type="button" variant="outline" onClick={onCancel}>
              {t("settingsThemes.cancel")}
            </Button>
            {mutation.error && !conflict && (
              <p className="text-sm text-destructive" role="alert">
                {mutationMessage(mutation.error)}
              </p>
            )}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
