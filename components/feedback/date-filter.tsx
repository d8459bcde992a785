"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";
import { FilterField } from "./filter-select";

/**
 * A day of the received-date range (UTC). The list follows when the field is left or Enter is
 * pressed, not on every segment typed (each would be a valid date, and a page load).
 */
export function DateFilter(props: {
  id: string;
  label: string;
  value: string | undefined;
  min?: string;
  max?: string;
  onCommit: (value: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(props.value ?? "");
  const [shown, setShown] = useState(props.value);
  // a value changed elsewhere (a chip, Back) replaces what is typed
  if (props.value !== shown) {
    setShown(props.value);
    setText(props.value ?? "");
  }
  const invalid =
    text !== "" && ((props.min !== undefined && text < props.min) || (props.max !== undefined && text > props.max));
  const commit = () => {
    const next = text || undefined;
    if (!invalid && next !== props.value) props.onCommit(next);
  };
  return (
    <FilterField id={props.id} label={props.label}>
      <Input
        id={props.id}
        type="date"
        className="dark:[color-scheme:dark]"
        value={text}
        min={props.min}
        max={props.max}
        aria-invalid={invalid || undefined}
        title={t("feedback.filters.utcDays")}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
      />
    </FilterField>
  );
}
