"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { columnOf, FIELD_CHOICES, needsTranslation, VALUE_MAP_FIELDS, type ImportDraft } from "./import-draft";
import { useChoiceLabel, useFieldLabel } from "./import-labels";

/**
 * Value maps: for each mapped field with closed or checked values (score, source, channel, segment,
 * churned, kind, currency…), the values of the first rows that would not read as they are, each
 * with what it means — "Very satisfied" → 5, "Month-to-month" → a segment, "Churned" → yes.
 */
export function ImportValueMaps({
  header,
  samples,
  draft,
  onDraft,
}: {
  header: readonly string[];
  samples: readonly (readonly string[])[];
  draft: ImportDraft;
  onDraft: (draft: ImportDraft) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const fieldLabel = useFieldLabel();
  const choiceLabel = useChoiceLabel();
  const segmentsMapped = draft.entity === "customer" && columnOf(draft, "segment") !== undefined;
  const options = useQuery({ ...trpc.dashboard.filterOptions.queryOptions(), enabled: segmentsMapped });
  const segmentNames = options.data?.segments.map((s) => s.name) ?? [];

  const groups = VALUE_MAP_FIELDS[draft.entity].flatMap((field) => {
    const column = columnOf(draft, field);
    if (column === undefined) return [];
    const mapped = draft.valueMaps[field] ?? {};
    const values = (samples[header.indexOf(column)] ?? []).filter(
      (value) => value in mapped || needsTranslation(field, value, segmentNames),
    );
    return values.length > 0 ? [{ field, column, values, mapped }] : [];
  });
  const setValue = (field: string, from: string, to: string) =>
    onDraft({ ...draft, valueMaps: { ...draft.valueMaps, [field]: { ...draft.valueMaps[field], [from]: to } } });

  return (
    <section className="grid gap-3" aria-labelledby="import-value-maps-heading">
      <h3 id="import-value-maps-heading" className="text-sm font-medium">
        {t("settingsImport.valueMaps.heading")}
      </h3>
      {groups.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("settingsImport.valueMaps.none")}</p>
      ) : (
        <>
          <p className="text-sm text-muted-foreground">{t("settingsImport.valueMaps.hint")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            {groups.map(({ field, column, values, mapped }) => {
              const choices = field === "segment" ? segmentNames : FIELD_CHOICES[field];
              return (
                <table key={field} className="self-start text-sm">
                  <caption className="pb-1 text-start font-medium">
                    {t("settingsImport.valueMaps.group", { field: fieldLabel(field), column })}
                  </caption>
                  <thead className="text-muted-foreground">
                    <tr>
                      <th scope="col" className="py-1 text-start font-normal">
                        {t("settingsImport.valueMaps.from")}
                      </th>
                      <th scope="col" className="py-1 text-start font-normal">
                        {t("settingsImport.valueMaps.to")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {values.map((value) => {
                      const label = t("settingsImport.valueMaps.toLabel", { value, column });
                      const to = mapped[value] ?? "";
                      return (
                        <tr key={value} className="border-t">
                          <td className="max-w-48 truncate py-1.5 pe-3" dir="auto" title={value}>
                            {value}
                          </td>
                          <td className="py-1.5">
                            {choices ? (
                              <NativeSelect
                                aria-label={label}
                                value={to}
                                onChange={(e) => setValue(field, value, e.target.value)}
                              >
                                <option value="">{t("settingsImport.valueMaps.keep")}</option>
                                {choices.map((choice) => (
                                  <option key={choice} value={choice}>
                                    {field === "segment" ? choice : choiceLabel(field, choice)}
                                  </option>
                                ))}
                              </NativeSelect>
                            ) : (
                              <Input
                                aria-label={label}
                                inputMode={field === "score" ? "numeric" : undefined}
                                value={to}
                                onChange={(e) => setValue(field, value, e.target.value)}
                              />
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
