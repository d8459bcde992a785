"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { describeError } from "@/components/feedback/feedback-errors";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DialogForm } from "@/components/layout/dialog-form";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { CHANNELS } from "@/server/domain/enums";
import type { MessageKey } from "@/server/i18n/core";
import { buildReassignRule, EMPTY_RULE_FORM, type RuleFormValues, unknownIdsPreview } from "./reassign-rule";
import { useSegmentMutations } from "./use-segment-mutations";

/** segments.reassign accepts at most this many characters of CSV (REASSIGN_MAX_CSV). */
const MAX_CSV_CHARS = 2_000_000;

type Mode = "rule" | "csv";

/**
 * Move customers into a segment (admins): by a rule on their attributes (region, preferred
 * channel, created before/after, current segment) or by a CSV of customer ids, uploaded or pasted.
 * Shows what happened: matched, moved, already there, and the ids that match no customer.
 */
export function SegmentReassignDialog({ segment }: { segment: { id: number; name: string } }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.dashboard.filterOptions.queryOptions());
  const id = useId();
  const { reassign } = useSegmentMutations();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>("rule");
  const [rule, setRule] = useState<RuleFormValues>(EMPTY_RULE_FORM);
  const [csv, setCsv] = useState("");
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [onUnknown, setOnUnknown] = useState<"skip" | "abort">("skip");
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const serverError = reassign.error ? describeError(reassign.error, t("errors.generic")).message : null;
  const result = reassign.data;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setProblem(null);
      reassign.reset();
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CSV_CHARS) {
      setFileNote(t("segments.reassign.fileTooBig", { max: "2 MB" }));
      return;
    }
    try {
      const text = await file.text();
      setCsv(text);
      setFileNote(
        t("segments.reassign.fileLoaded", {
          name: file.name,
          count: count(text.split(/\r?\n/).filter(Boolean).length),
        }),
      );
    } catch (error) {
      setFileNote(
        t("segments.reassign.fileFailed", { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const submit = () => {
    setProblem(null);
    if (mode === "rule") {
      const built = buildReassignRule(rule);
      if ("error" in built) {
        setProblem(built.error);
        return;
      }
      reassign.mutate({ segmentId: segment.id, by: { kind: "rule", rule: built.rule } });
    } else {
      if (!csv.trim()) {
        setProblem("segments.reassign.csvEmpty");
        return;
      }
      reassign.mutate({ segmentId: segment.id, by: { kind: "csv", csv, onUnknown } });
    }
  };

  const setField = (name: keyof RuleFormValues) => (value: string) => setRule({ ...rule, [name]: value });
  const unknown = result ? unknownIdsPreview(result.unknownIds) : null;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">{t("segments.reassign.open")}</Button>
      </DialogTrigger>
      <DialogForm
        closeLabel={t("segments.reassign.close")}
        className="max-w-2xl"
        title={t("segments.reassign.title", { name: segment.name })}
        description={t("segments.reassign.description")}
        onSubmit={submit}
        cancelLabel={t("segments.reassign.close")}
        onCancel={() => setOpen(false)}
        submitLabel={reassign.isPending ? t("segments.reassign.moving") : t("segments.reassign.submit")}
        submitDisabled={reassign.isPending}
      >
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1.5 text-sm font-medium">{t("segments.reassign.mode")}</legend>
          {(["rule", "csv"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-mode`}
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setProblem(null);
                }}
              />
              {value === "rule" ? t("segments.reassign.byRule") : t("segments.reassign.byCsv")}
            </label>
          ))}
        </fieldset>

        {mode === "rule" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <p className="text-sm text-muted-foreground sm:col-span-2">{t("segments.reassign.ruleHint")}</p>
            <SelectField
              id={`${id}-region`}
              label={t("segments.reassign.region")}
              value={rule.region}
              onChange={setField("region")}
              options={[
                { value: "", label: t("segments.reassign.anyRegion") },
                ...options.regions.map((region) => ({ value: region, label: region })),
              ]}
            />
            <SelectField
              id={`${id}-channel`}
              label={t("segments.reassign.channel")}
              value={rule.channel}
              onChange={setField("channel")}
              options={[
                { value: "", label: t("segments.reassign.anyChannel") },
                ...CHANNELS.map((channel) => ({ value: channel, label: t(`enumLabels.channel.${channel}`) })),
              ]}
            />
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-after`}>{t("segments.reassign.createdAfter")}</Label>
              <Input
                id={`${id}-after`}
                type="date"
                value={rule.createdAfter}
                onChange={(event) => setField("createdAfter")(event.target.value)}
              />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-before`}>{t("segments.reassign.createdBefore")}</Label>
              <Input
                id={`${id}-before`}
                type="date"
                value={rule.createdBefore}
                onChange={(event) => setField("createdBefore")(event.target.value)}
              />
            </div>
            <SelectField
              id={`${id}-current`}
              label={t("segments.reassign.currentSegment")}
              value={rule.currentSegment}
              onChange={setField("currentSegment")}
              options={[
                { value: "", label: t("segments.reassign.anySegment") },
                { value: "none", label: t("segments.reassign.noSegment") },
                ...options.segments
                  .filter((other) => other.id !== segment.id)
                  .map((other) => ({ value: String(other.id), label: other.name })),
              ]}
            />
          </div>
        ) : (
          <div className="grid gap-3">
            <p id={`${id}-csv-hint`} className="text-sm text-muted-foreground">
              {t("segments.reassign.csvHint")}
            </p>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-file`}>{t("segments.reassign.csvFile")}</Label>
              <Input
                id={`${id}-file`}
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                onChange={(event) => void readFile(event.target.files?.[0])}
              />
              {fileNote && (
                <p role="status" className="text-xs text-muted-foreground">
                  {fileNote}
                </p>
              )}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-csv`}>{t("segments.reassign.csvText")}</Label>
              <Textarea
                id={`${id}-csv`}
                rows={6}
                className="font-mono text-xs"
                value={csv}
                aria-describedby={`${id}-csv-hint`}
                onChange={(event) => setCsv(event.target.value)}
              />
            </div>
            <fieldset className="grid gap-1.5">
              <legend className="mb-1 text-sm font-medium">{t("segments.reassign.onUnknown")}</legend>
              {(["skip", "abort"] as const).map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${id}-unknown`}
                    value={value}
                    checked={onUnknown === value}
                    onChange={() => setOnUnknown(value)}
                  />
                  {t(`segments.reassign.${value}`)}
                </label>
              ))}
            </fieldset>
          </div>
        )}

        {(problem || serverError) && (
          <p role="alert" className="text-sm text-destructive">
            {problem ? t(problem) : t("segments.reassign.failed", { message: serverError ?? "" })}
          </p>
        )}

        <div role="status" aria-live="polite">
          {result && (
            <section
              className="rounded-lg border bg-muted/40 p-3 text-sm"
              aria-label={t("segments.reassign.resultHeading")}
            >
              <p className="font-medium">
                {result.matched === 0
                  ? t("segments.reassign.noneMatched")
                  : t("segments.reassign.result", {
                      matched: count(result.matched),
                      moved: count(result.moved),
                      alreadyThere: count(result.alreadyThere),
                    })}
              </p>
              {unknown && unknown.shown.length > 0 && (
                <div className="mt-2">
                  <p>{t("segments.reassign.unknown", { count: count(result.unknownIds.length) })}</p>
                  <ul className="mt-1 flex max-h-40 flex-wrap gap-1 overflow-y-auto font-mono text-xs">
                    {unknown.shown.map((unknownId) => (
                      <li key={unknownId} className="rounded bg-background px-1.5 py-0.5" dir="auto">
                        {unknownId}
                      </li>
                    ))}
                  </ul>
                  {unknown.more > 0 && (
                    <p className="mt-1 text-xs">{t("segments.reassign.unknownMore", { count: count(unknown.more) })}</p>
                  )}
                </div>
              )}
            </section>
          )}
        </div>
      </DialogForm>
    </Dialog>
  );
}

function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      <NativeSelect id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
