"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { NativeSelect } from "@/components/ui/native-select";
import { IMPORT_FIELDS } from "@/server/domain/ingest/mapping";
import { assignField, columnOf, draftProblems, type ImportDraft } from "./import-draft";
import { useFieldLabel } from "./import-labels";

/**
 * Step 3: the file's columns side by side, each with the field it goes to above its first rows
 * (scrolls sideways for wide files), then what the mapping still lacks, in the server's words.
 */
export function ImportMappingTable({
  header,
  rows,
  draft,
  onDraft,
}: {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  draft: ImportDraft;
  onDraft: (draft: ImportDraft) => void;
}) {
  const { t } = useI18n();
  const fieldLabel = useFieldLabel();
  const problems = draftProblems(draft);
  const noId = columnOf(draft, "externalId") === undefined;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">{t("settingsImport.mapping.hint", { count: rows.length })}</p>
      <div className="max-h-[28rem] overflow-auto rounded-md border">
        <table aria-label={t("settingsImport.mapping.tableLabel")} className="w-max min-w-full text-sm">
          <thead className="sticky top-0 bg-muted/60 backdrop-blur">
            <tr>
              {header.map((column, index) => (
                <th
                  key={`${index}-${column}`}
                  scope="col"
                  className="min-w-40 max-w-64 p-2 text-start align-top font-medium"
                >
                  <span className="mb-1.5 block truncate" dir="auto" title={column}>
                    {column || `#${index + 1}`}
                  </span>
                  <NativeSelect
                    aria-label={t("settingsImport.mapping.fieldFor", { column: column || `#${index + 1}` })}
                    value={draft.fields[column] ?? ""}
                    onChange={(e) => onDraft(assignField(draft, column, e.target.value))}
                    className={draft.fields[column] ? "border-primary/60" : "text-muted-foreground"}
                  >
                    <option value="">{t("settingsImport.mapping.ignore")}</option>
                    {IMPORT_FIELDS[draft.entity].map((field) => (
                      <option key={field} value={field}>
                        {fieldLabel(field)}
                      </option>
                    ))}
                  </NativeSelect>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="border-t">
                {header.map((column, c) => (
                  <td
                    key={`${c}-${column}`}
                    dir="auto"
                    title={row[c]}
                    className={`max-w-64 truncate p-2 ${draft.fields[column] ? "" : "text-muted-foreground"}`}
                  >
                    {row[c]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > 0 && (
        <div className="text-sm" data-testid="import-mapping-problems">
          <p className="font-medium">{t("settingsImport.mapping.missing")}</p>
          <ul className="list-disc ps-5 text-destructive">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {noId && <p className="text-sm text-muted-foreground">{t("settingsImport.mapping.noId")}</p>}
    </div>
  );
}
