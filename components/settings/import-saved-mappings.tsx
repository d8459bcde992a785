"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { draftFromMapping, mappingOfDraft, type ImportDraft, type MappingInput } from "./import-draft";
import { mutationMessage } from "./mutation-message";

/** Named mappings of the workspace for this entity: apply one to the file, save the current one, delete one. */
export function ImportSavedMappings({
  header,
  draft,
  onDraft,
}: {
  header: readonly string[];
  draft: ImportDraft;
  onDraft: (draft: ImportDraft) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const saved = useQuery(trpc.imports.savedMappings.queryOptions({ entity: draft.entity }));
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.imports.savedMappings.pathFilter());
  const fail = (error: Parameters<typeof mutationMessage>[0]) =>
    setNotice({ text: mutationMessage(error), error: true });
  const save = useMutation(
    trpc.imports.saveMapping.mutationOptions({
      onSuccess: (_, input) => {
        setNotice({ text: t("settingsImport.saved.saved", { name: input.name.trim() }), error: false });
        void refresh();
      },
      onError: fail,
    }),
  );
  const remove = useMutation(
    trpc.imports.removeMapping.mutationOptions({
      onSuccess: () => {
        const removed = saved.data?.find((m) => String(m.id) === chosen)?.name ?? "";
        setNotice({ text: t("settingsImport.saved.removed", { name: removed }), error: false });
        setChosen("");
        void refresh();
      },
      onError: fail,
    }),
  );
  const items = saved.data ?? [];
  const selected = items.find((m) => String(m.id) === chosen);

  const apply = () => {
    if (!selected) return;
    const { draft: next, missing } = draftFromMapping(selected.mapping as MappingInput, header);
    onDraft(next);
    setNotice({
      text: missing.length
        ? t("settingsImport.saved.appliedMissing", { name: selected.name, columns: missing.join(", ") })
        : t("settingsImport.saved.applied", { name: selected.name }),
      error: false,
    });
  };

  return (
    <section className="grid gap-3" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="text-sm font-medium">
        {t("settingsImport.saved.heading")}
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            {t("settingsImport.saved.none", { entity: t(`settingsImport.setup.entities.${draft.entity}`) })}
          </p>
        ) : (
          <>
            <div className="grid min-w-56 gap-1.5">
              <Label htmlFor={`${id}-saved`}>{t("settingsImport.saved.choose")}</Label>
              <NativeSelect id={`${id}-saved`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">—</option>
                {items.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button variant="outline" disabled={!selected} onClick={apply}>
              {t("settingsImport.saved.apply")}
            </Button>
            <Button
              variant="ghost"
              disabled={!selected || remove.isPending}
              onClick={() => selected && remove.mutate({ id: selected.id })}
            >
              {t("settingsImport.saved.remove")}
            </Button>
          </>
        )}
        <form
          className="ms-auto flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ name, mapping: mappingOfDraft(draft) });
          }}
        >
          <div className="grid min-w-56 gap-1.5">
            <Label htmlFor={`${id}-name`}>{t("settingsImport.saved.name")}</Label>
            <Input
              id={`${id}-name`}
              value={name}
              placeholder={t("settingsImport.saved.namePlaceholder")}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <Button type="submit" variant="outline" disabled={save.isPending}>
            {t("settingsImport.saved.save")}
          </Button>
        </form>
      </div>
      {notice && (
        <p role="status" className={notice.error ? "text-sm text-destructive" : "text-sm text-positive"}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
