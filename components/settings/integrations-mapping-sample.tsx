"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { FeedbackInput } from "@/server/domain/ingest/feedback-input";
import type { MessageKey } from "@/server/i18n/core";
import { describeProblem, mappingOfDraft, runSample, type MappingDraft } from "./integrations-mapping-draft";

type Outcome =
  { kind: "message"; tone: "error" | "note"; text: string; list?: string[] } | { kind: "item"; item: FeedbackInput };

/** Field → label, in the order a person reads a feedback item. */
const ITEM_FIELDS: [keyof FeedbackInput, MessageKey][] = [
  ["externalId", "settingsIntegrations.mapping.fields.externalId"],
  ["receivedAt", "settingsIntegrations.mapping.fields.receivedAt"],
  ["source", "settingsIntegrations.mapping.source"],
  ["metricKind", "settingsIntegrations.mapping.fields.metricKind"],
  ["score", "settingsIntegrations.mapping.fields.score"],
  ["text", "settingsIntegrations.mapping.fields.text"],
  ["channel", "settingsIntegrations.mapping.fields.channel"],
  ["language", "settingsIntegrations.mapping.fields.language"],
  ["customerExternalId", "settingsIntegrations.mapping.fields.customerExternalId"],
  ["customerEmail", "settingsIntegrations.mapping.fields.customerEmail"],
  ["customerName", "settingsIntegrations.mapping.fields.customerName"],
];

/**
 * Runs a pasted sample payload through the mapping being edited — the same adapter and validation a
 * delivery goes through — and shows the feedback item it gives, or why it would be refused.
 */
export function MappingSampleTest({ draft }: { draft: MappingDraft }) {
  const { t } = useI18n();
  const [sample, setSample] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function test() {
    const check = mappingOfDraft(draft);
    if (!check.ok) {
      const list = check.problems.map((problem) => describeProblem(problem, t));
      setOutcome({ kind: "message", tone: "error", text: t("settingsIntegrations.mapping.fixErrors"), list });
      return;
    }
    const run = runSample(check.mapping, sample);
    if (run.kind === "empty") {
      setOutcome({ kind: "message", tone: "error", text: t("settingsIntegrations.mapping.sampleEmpty") });
    } else if (run.kind === "not-json") {
      setOutcome({
        kind: "message",
        tone: "error",
        text: t("settingsIntegrations.mapping.sampleInvalid", { error: run.detail }),
      });
    } else if (run.result.status === "item") {
      setOutcome({ kind: "item", item: run.result.item });
    } else if (run.result.status === "ignored") {
      setOutcome({
        kind: "message",
        tone: "note",
        text: t("settingsIntegrations.mapping.resultIgnored", { reason: run.result.reason }),
      });
    } else {
      const list = run.result.errors.map(
        (error) => `${error.path || t("settingsIntegrations.mapping.wholePayload")}: ${error.message}`,
      );
      setOutcome({ kind: "message", tone: "error", text: t("settingsIntegrations.mapping.resultInvalid"), list });
    }
  }

  return (
    <div className="grid gap-2">
      <Label htmlFor="mapping-sample">{t("settingsIntegrations.mapping.sample")}</Label>
      <Textarea
        id="mapping-sample"
        dir="ltr"
        rows={5}
        className="font-mono text-xs"
        value={sample}
        aria-describedby="mapping-sample-note"
        onChange={(e) => {
          setSample(e.target.value);
          setOutcome(null);
        }}
      />
      <p id="mapping-sample-note" className="text-xs text-muted-foreground">
        {t("settingsIntegrations.mapping.sampleHint")}
      </p>
      <div>
        <Button type="button" variant="outline" onClick={test}>
          {t("settingsIntegrations.mapping.test")}
        </Button>
      </div>
      <div role="status" className="empty:hidden">
        {outcome?.kind === "message" && (
          <div className={outcome.tone === "error" ? "text-sm text-destructive" : "text-sm"}>
            <p>{outcome.text}</p>
            {outcome.list && (
              <ul className="ms-5 list-disc">
                {outcome.list.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {outcome?.kind === "item" && <SampleItem item={outcome.item} />}
      </div>
    </div>
  );
}

function SampleItem({ item }: { item: FeedbackInput }) {
  const { t } = useI18n();
  return (
    <div className="grid gap-2 rounded-md border border-positive/30 bg-positive/5 p-3 text-sm">
      <p className="font-medium">{t("settingsIntegrations.mapping.resultItem")}</p>
      <dl
        aria-label={t("settingsIntegrations.mapping.resultLabel")}
        className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1"
      >
        {ITEM_FIELDS.filter(([field]) => item[field] !== null && item[field] !== undefined).map(([field, label]) => (
          <div key={field} className="contents">
            <dt className="text-muted-foreground">{t(label)}</dt>
            <dd dir="auto" className="break-words">
              {String(item[field])}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
