import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

export interface FilterOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * A labelled select whose first option ("All …", value "") turns the filter off. Options may come
 * in named groups (people and teams of the owner filter).
 */
export function FilterSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options?: FilterOption[];
  groups?: { label: string; options: FilterOption[] }[];
  onChange: (value: string | undefined) => void;
  disabled?: boolean;
  className?: string;
}) {
  const option = (o: FilterOption) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  return (
    <FilterField id={props.id} label={props.label} className={props.className}>
      <NativeSelect
        id={props.id}
        value={props.value ?? ""}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value || undefined)}
      >
        <option value="">{props.allLabel}</option>
        {props.options?.map(option)}
        {props.groups?.map(
          (group) =>
            group.options.length > 0 && (
              <optgroup key={group.label} label={group.label}>
                {group.options.map(option)}
              </optgroup>
            ),
        )}
      </NativeSelect>
    </FilterField>
  );
}

export function FilterField({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ?? "flex min-w-0 flex-col gap-1"}>
      <Label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </Label>
      {children}
    </div>
  );
}
