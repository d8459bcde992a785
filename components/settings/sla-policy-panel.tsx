"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasPermission } from "@/server/auth/permissions";
import { PRIORITIES, type Priority } from "@/server/domain/enums";
import { mutationMessage } from "./mutation-message";
import { SlaHoursInput } from "./sla-hours-input";
import {
  changedSlaRows,
  checkSlaDraft,
  MAX_SLA_HOURS,
  parseSlaHours,
  type SlaDraft,
  slaDraftOf,
  type SlaField,
  type SlaPolicyRow,
  type SlaProblem,
  type SlaTargets,
} from "./sla-draft";
import { useSlaHours } from "./use-sla-hours";

const FIELDS: readonly SlaField[] = ["firstResponseHours", "resolutionHours"];
type FieldKey = `${Priority}.${SlaField}`;

/** The draft of the policy sla.update returns (targets per priority). */
function draftOfSaved(saved: Record<Priority, SlaTargets>): SlaDraft {
  return slaDraftOf(
    PRIORITIES.map((priority) => ({ priority, ...saved[priority], isDefault: false, defaults: saved[priority] })),
  );
}

function sameDraft(a: SlaDraft, b: SlaDraft): boolean {
  return PRIORITIES.every((p) => FIELDS.every((field) => a[p][field].trim() === b[p][field].trim()));
}

/**
 * Settings → SLA policy: first-response and resolution targets per priority, each with the default
 * beside it and whether the workspace set its own. Those who configure feedback edit the targets in
 * place (checked as they type, saved together; only changed priorities are sent, so an untouched
 * one keeps following the default); everyone else reads the same table without inputs.
 */
export function SlaPolicyPanel() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const { data: policy } = useSuspenseQuery(trpc.sla.get.queryOptions());
  const canConfigure = hasPermission(ws.current.role, "feedback.configure");
  const [draft, setDraft] = useState(() => slaDraftOf(policy));
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: "positive" | "muted" } | null>(null);
  const update = useMutation(
    trpc.sla.update.mutationOptions({
      onSuccess: (saved) => {
        setDraft(draftOfSaved(saved));
        setTouched(new Set());
        setSubmitted(false);
        setNotice({ text: t("settingsSla.saved"), tone: "positive" });
        void queryClient.invalidateQueries(trpc.sla.pathFilter());
      },
    }),
  );
  const { rows, problems } = checkSlaDraft(draft, PRIORITIES);
  const invalid = Object.keys(problems).length > 0;
  const dirty = !sameDraft(draft, slaDraftOf(policy));

  const message = (priority: Priority, problem: SlaProblem) => {
    if (problem === "max") return t("settingsSla.problem.max", { max: formatCount(locale, MAX_SLA_HOURS) });
    if (problem === "beforeFirstResponse") {
      const first = parseSlaHours(draft[priority].firstResponseHours);
      return t("settingsSla.problem.beforeFirstResponse", {
        hours: "hours" in first ? formatCount(locale, first.hours) : "",
      });
    }
    return t(`settingsSla.problem.${problem}`);
  };
  const shownError = (priority: Priority, field: SlaField) => {
    const problem = problems[priority]?.[field];
    return problem && (submitted || touched.has(`${priority}.${field}`)) ? message(priority, problem) : undefined;
  };
  const edit = (priority: Priority, field: SlaField, value: string) => {
    setDraft((current) => ({ ...current, [priority]: { ...current[priority], [field]: value } }));
    setNotice(null);
    update.reset();
  };
  const submit = () => {
    setSubmitted(true);
    if (invalid) return;
    const changed = changedSlaRows(rows, policy);
    if (changed.length === 0) setNotice({ text: t("settingsSla.noChanges"), tone: "muted" });
    else update.mutate(changed);
  };
  const undo = () => {
    setDraft(slaDraftOf(policy));
    setTouched(new Set());
    setSubmitted(false);
    setNotice(null);
    update.reset();
  };

  return (
    <Card className="max-w-5xl">
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settingsSla.title")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("settingsSla.description")}</p>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-1 text-sm">
          <p>{t("settingsSla.appliesFromNow")}</p>
          <p className="text-muted-foreground">{t("settingsSla.firstResponseRule")}</p>
          {!canConfigure && (
            <p className="text-muted-foreground">
              {t("settingsSla.readOnly", { role: t(`roles.${ws.current.role}`) })}
            </p>
          )}
        </div>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("settingsSla.tableLabel")}>
              <thead className="text-muted-foreground">
                <tr>
                  <th scope="col" className="py-2 pe-4 text-start font-medium">
                    {t("settingsSla.colPriority")}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-start font-medium">
                    {t("settingsSla.colFirstResponse")}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-start font-medium">
                    {t("settingsSla.colResolution")}
                  </th>
                  <th scope="col" className="py-2 text-start font-medium">
                    {t("settingsSla.colSource")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {policy.map((row) => {
                  const priorityName = t(`enumLabels.priority.${row.priority}`);
                  return (
                    <tr key={row.priority} className="border-t align-top">
                      <th scope="row" className="whitespace-nowrap py-3 pe-4 text-start font-medium">
                        {priorityName}
                      </th>
                      {FIELDS.map((field) => (
                        <td key={field} className="py-2 pe-4">
                          {canConfigure ? (
                            <SlaHoursInput
                              id={`sla-${row.priority}-${field}`}
                              label={t("settingsSla.inputLabel", {
                                priority: priorityName,
                                target: t(
                                  field === "firstResponseHours"
                                    ? "settingsSla.firstResponseTarget"
                                    : "settingsSla.resolutionTarget",
                                ),
                              })}
                              value={draft[row.priority][field]}
                              defaultHours={row.defaults[field]}
                              error={shownError(row.priority, field)}
                              onChange={(value) => edit(row.priority, field, value)}
                              onBlur={() => setTouched((current) => new Set(current).add(`${row.priority}.${field}`))}
                            />
                          ) : (
                            <ReadOnlyHours hours={row[field]} defaultHours={row.defaults[field]} />
                          )}
                        </td>
                      ))}
                      <td className="py-3">
                        <SourceBadge row={row} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {canConfigure && (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={update.isPending}>
                {update.isPending ? t("settingsSla.saving") : t("settingsSla.save")}
              </Button>
              {dirty && (
                <Button type="button" variant="outline" onClick={undo}>
                  {t("settingsSla.reset")}
                </Button>
              )}
              {update.error && (
                <p className="text-sm text-destructive" role="alert">
                  {mutationMessage(update.error)}
                </p>
              )}
            </div>
          )}
          <p className="text-sm empty:hidden" role="status">
            {submitted && invalid ? (
              <span className="text-destructive">{t("settingsSla.fixErrors")}</span>
            ) : (
              notice && (
                <span className={notice.tone === "positive" ? "text-positive" : "text-muted-foreground"}>
                  {notice.text}
                </span>
              )
            )}
          </p>
        </form>
      </CardContent>
    </Card>
  );
}

/** A target as text, with the default beneath when the workspace's differs from it. */
function ReadOnlyHours({ hours, defaultHours }: { hours: number; defaultHours: number }) {
  const { t } = useI18n();
  const hoursText = useSlaHours();
  return (
    <div className="flex flex-col gap-0.5 py-1">
      <span className="tabular-nums">{hoursText(hours)}</span>
      {hours !== defaultHours && (
        <span className="text-xs text-muted-foreground">
          {t("settingsSla.defaultValue", { value: hoursText(defaultHours) })}
        </span>
      )}
    </div>
  );
}

/** Whether a priority's targets are the workspace's own or the defaults. */
function SourceBadge({ row }: { row: SlaPolicyRow }) {
  const { t } = useI18n();
  return row.isDefault ? (
    <span className="rounded-full border px-2 py-0.5 text-xs text-muted-foreground">{t("settingsSla.default")}</span>
  ) : (
    <span className="rounded-full border border-primary/30 bg-primary/10 px-2 py-0.5 text-xs font-medium text-primary">
      {t("settingsSla.own")}
    </span>
  );
}
