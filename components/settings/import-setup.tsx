"use client";

import { useId, useMemo } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { DATE_FORMATS } from "@/server/domain/ingest/dates";
import { IMPORT_ENCODINGS } from "@/server/domain/ingest/encoding";
import { IMPORT_ENTITIES, type ImportEntity } from "@/server/domain/ingest/mapping";
import {
  CONSTANT_FIELDS,
  columnOf,
  FIELD_CHOICES,
  isDateConstant,
  type ConstantField,
  type EncodingChoice,
  type ImportDraft,
} from "./import-draft";
import { useChoiceLabel } from "./import-labels";

/**
 * Step 2: what the file holds and how to read it — entity, encoding (with what was detected),
 * date format, time zone of local times, values for every row (constants) and the switches.
 */
export function ImportSetup({
  entity,
  encoding,
  detected,
  draft,
  onEntity,
  onEncoding,
  onDraft,
}: {
  entity: ImportEntity;
  encoding: EncodingChoice;
  /** The encoding the preview read the file with, and why when it was not UTF-8. */
  detected: { encoding: string; warning: string | null } | null;
  draft: ImportDraft | null;
  onEntity: (entity: ImportEntity) => void;
  onEncoding: (encoding: EncodingChoice) => void;
  onDraft: (draft: ImportDraft) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const timeZones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const set = (patch: Partial<ImportDraft>) => draft && onDraft({ ...draft, ...patch });
  const setConstant = (field: ConstantField, value: string) =>
    draft && onDraft({ ...draft, constants: { ...draft.constants, [field]: value } });

  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-entity`}>{t("settingsImport.setup.entity")}</Label>
          <NativeSelect id={`${id}-entity`} value={entity} onChange={(e) => onEntity(e.target.value as ImportEntity)}>
            {IMPORT_ENTITIES.map((value) => (
              <option key={value} value={value}>
                {t(`settingsImport.setup.entities.${value}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-encoding`}>{t("settingsImport.setup.encoding")}</Label>
          <NativeSelect
            id={`${id}-encoding`}
            value={encoding}
            onChange={(e) => onEncoding(e.target.value as EncodingChoice)}
          >
            {(["auto", ...IMPORT_ENCODINGS] as const).map((value) => (
              <option key={value} value={value}>
                {t(`settingsImport.setup.encodings.${value}`)}
              </option>
            ))}
          </NativeSelect>
          {detected && (
            <p className="text-xs text-muted-foreground">
              {t("settingsImport.setup.detected", {
                encoding: t(`settingsImport.setup.encodings.${detected.encoding as (typeof IMPORT_ENCODINGS)[number]}`),
              })}
            </p>
          )}
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-dates`}>{t("settingsImport.setup.dateFormat")}</Label>
          <NativeSelect
            id={`${id}-dates`}
            value={draft?.dateFormat ?? "iso"}
            disabled={!draft}
            onChange={(e) => set({ dateFormat: e.target.value as ImportDraft["dateFormat"] })}
          >
            {DATE_FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(`settingsImport.setup.dateFormats.${value}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${id}-zone`}>{t("settingsImport.setup.timeZone")}</Label>
          <Input
            id={`${id}-zone`}
            list={`${id}-zones`}
            value={draft?.timeZone ?? "UTC"}
            disabled={!draft}
            aria-describedby={`${id}-zone-hint`}
            onChange={(e) => set({ timeZone: e.target.value })}
          />
          <datalist id={`${id}-zones`}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <p id={`${id}-zone-hint`} className="text-xs text-muted-foreground">
            {t("settingsImport.setup.timeZoneHint")}
          </p>
        </div>
      </div>
      {detected?.warning && (
        <p
          className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm"
          data-testid="import-encoding-warning"
        >
          {detected.warning}
        </p>
      )}
      {draft && <Constants draft={draft} setConstant={setConstant} set={set} />}
    </div>
  );
}

function Constants({
  draft,
  setConstant,
  set,
}: {
  draft: ImportDraft;
  setConstant: (field: ConstantField, value: string) => void;
  set: (patch: Partial<ImportDraft>) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const choiceLabel = useChoiceLabel();
  // a date for every row only matters when no column gives one
  const fields = CONSTANT_FIELDS[draft.entity].filter(
    (f) => !isDateConstant(f) || !columnOf(draft, f) || f === "churnedAt",
  );
  return (
    <fieldset className="grid gap-3">
      <legend className="text-sm font-medium">{t("settingsImport.setup.constantsHeading")}</legend>
      <p className="text-xs text-muted-foreground">{t("settingsImport.setup.constantsHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {fields.map((field) => {
          const choices = FIELD_CHOICES[field];
          const value = draft.constants[field] ?? "";
          const inputId = `${id}-${field}`;
          return (
            <div key={field} className="grid content-start gap-1.5">
              <Label htmlFor={inputId}>{t(`settingsImport.setup.constants.${field}`)}</Label>
              {choices ? (
                <NativeSelect id={inputId} value={value} onChange={(e) => setConstant(field, e.target.value)}>
                  <option value="">{t("settingsImport.setup.notSet")}</option>
                  {choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choiceLabel(field, choice)}
                    </option>
                  ))}
                </NativeSelect>
              ) : (
                <Input
                  id={inputId}
                  type={isDateConstant(field) ? "date" : "text"}
                  maxLength={field === "currency" ? 3 : undefined}
                  value={value}
                  onChange={(e) => setConstant(field, e.target.value)}
                />
              )}
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {draft.entity === "order" && (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={draft.negativeAmountsAreRefunds}
              onChange={(e) => set({ negativeAmountsAreRefunds: e.target.checked })}
            />
            {t("settingsImport.setup.negativeRefunds")}
          </label>
        )}
        {draft.entity !== "order" && (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={draft.decodeHtmlEntities}
              onChange={(e) => set({ decodeHtmlEntities: e.target.checked })}
            />
            {t("settingsImport.setup.decodeHtml")}
          </label>
        )}
      </div>
    </fieldset>
  );
}
