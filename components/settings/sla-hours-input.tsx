"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Input } from "@/components/ui/input";
import { useSlaHours } from "./use-sla-hours";

interface SlaHoursInputProps {
  id: string;
  /** The accessible name: priority, target and unit ("High: resolution target (hours)"). */
  label: string;
  value: string;
  defaultHours: number;
  /** Why the value cannot be saved, shown under the input and announced with it. */
  error?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** One target in hours, with the default beneath it and, when it cannot be saved, why. */
export function SlaHoursInput({ id, label, value, defaultHours, error, onChange, onBlur }: SlaHoursInputProps) {
  const { t } = useI18n();
  const hoursText = useSlaHours();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <Input
          id={id}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          inputMode="numeric"
          autoComplete="off"
          className="w-24 tabular-nums aria-invalid:border-destructive"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
        <span className="text-xs text-muted-foreground" aria-hidden>
          {t("settingsSla.unit")}
        </span>
      </div>
      <p id={`${id}-note`} className={error ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
        {error ?? t("settingsSla.defaultValue", { value: hoursText(defaultHours) })}
      </p>
    </div>
  );
}
