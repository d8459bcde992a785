import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";

/** A label, the control, and one line beneath: the hint, or the problem when `invalid`. */
export function Field(props: {
  id: string;
  label: string;
  note: string | null;
  invalid?: boolean;
  children: ReactNode;
}) {
  const { id, label, note, invalid, children } = props;
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {note && (
        <p id={`${id}-note`} className={invalid ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
          {note}
        </p>
      )}
    </div>
  );
}
