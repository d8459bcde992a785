"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { ImportEntity } from "@/server/domain/ingest/mapping";
import type { ValidationReport } from "@/server/services/imports";
import {
  draftFromSuggestion,
  draftProblems,
  mappingOfDraft,
  type EncodingChoice,
  type ImportDraft,
} from "./import-draft";
import { ImportMappingTable } from "./import-mapping-table";
import { ImportReport } from "./import-report";
import { ImportSavedMappings } from "./import-saved-mappings";
import { ImportSetup } from "./import-setup";
import type { UploadedFile } from "./import-upload";
import { ImportValueMaps } from "./import-value-maps";
import { mutationMessage } from "./mutation-message";

/** An import queued by this page: what the progress card shows. */
export interface StartedImport {
  importId: number;
  fileName: string;
  entity: ImportEntity;
}

/**
 * Steps 2–4 for an uploaded file: describe it, map its columns (from the preview's suggestion, a
 * saved mapping or by hand), check every row, then queue the import. Any change to the mapping
 * drops the report, which would describe another mapping.
 */
export function ImportMapper({
  file,
  onStarted,
  onRetry,
}: {
  file: UploadedFile;
  onStarted: (started: StartedImport) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [entity, setEntity] = useState<ImportEntity>("feedback");
  const [encoding, setEncoding] = useState<EncodingChoice>("auto");
  const preview = useQuery(
    trpc.imports.preview.queryOptions({
      uploadId: file.uploadId,
      entity,
      encoding: encoding === "auto" ? undefined : encoding,
    }),
  );
  // the draft belongs to one reading of the file: a new entity or encoding starts from its suggestion
  const key = `${entity}|${encoding}`;
  const [edited, setEdited] = useState<{ key: string; draft: ImportDraft } | null>(null);
  const [report, setReport] = useState<ValidationReport | null>(null);
  const draft =
    edited?.key === key ? edited.draft : preview.data ? draftFromSuggestion(entity, preview.data.suggestion) : null;
  const onDraft = (next: ImportDraft) => {
    setEdited({ key, draft: next });
    setReport(null);
  };
  const validate = useMutation(trpc.imports.validate.mutationOptions({ onSuccess: setReport }));
  const start = useMutation(
    trpc.imports.start.mutationOptions({
      onSuccess: ({ importId }) => {
        void queryClient.invalidateQueries(trpc.imports.list.queryFilter());
        onStarted({ importId, fileName: file.fileName, entity });
      },
    }),
  );
  const problems = draft ? draftProblems(draft) : [];
  const check = () => {
    if (!draft) return;
    start.reset();
    validate.mutate({
      uploadId: file.uploadId,
      fileName: file.fileName,
      encoding: encoding === "auto" ? preview.data?.encoding : encoding,
      mapping: mappingOfDraft(draft),
    });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settingsImport.setup.heading")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-6">
        <ImportSetup
          entity={entity}
          encoding={encoding}
          detected={preview.data ? { encoding: preview.data.encoding, warning: preview.data.warning } : null}
          draft={draft}
          onEntity={(next) => {
            setEntity(next);
            setReport(null);
          }}
          onEncoding={(next) => {
            setEncoding(next);
            setReport(null);
          }}
          onDraft={onDraft}
        />
        {preview.isPending && (
          <div className="grid gap-2" aria-busy="true">
            <p className="text-sm text-muted-foreground">{t("settingsImport.setup.loading")}</p>
            <Skeleton className="h-40" />
          </div>
        )}
        {preview.error && (
          <p className="text-sm text-destructive" data-testid="import-preview-error">
            {mutationMessage(preview.error)}
          </p>
        )}
        {preview.data && draft && (
          <>
            <section className="grid gap-3 border-t pt-6" aria-labelledby="import-mapping-heading">
              <h3 id="import-mapping-heading" className="text-base font-medium">
                {t("settingsImport.mapping.heading")}
              </h3>
              <ImportMappingTable
                header={preview.data.header}
                rows={preview.data.rows}
                draft={draft}
                onDraft={onDraft}
              />
            </section>
            <ImportValueMaps
              header={preview.data.header}
              samples={preview.data.samples}
              draft={draft}
              onDraft={onDraft}
            />
            <ImportSavedMappings header={preview.data.header} draft={draft} onDraft={onDraft} />
            <div className="flex flex-wrap items-center gap-3">
              <Button onClick={check} disabled={problems.length > 0 || validate.isPending}>
                {validate.isPending ? t("settingsImport.validate.checking") : t("settingsImport.validate.button")}
              </Button>
              {validate.error && <p className="text-sm text-destructive">{mutationMessage(validate.error)}</p>}
            </div>
          </>
        )}
        {report && (
          <ImportReport
            report={report}
            starting={start.isPending}
            onStart={(skipInvalid) => start.mutate({ importId: report.importId, skipInvalid })}
            onRetry={onRetry}
          />
        )}
        {start.error && <p className="text-sm text-destructive">{mutationMessage(start.error)}</p>}
      </CardContent>
    </Card>
  );
}
