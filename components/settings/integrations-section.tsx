import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

interface IntegrationsSectionProps {
  title: string;
  description: string;
  addLabel: string;
  /** Opens the create form; null while it is open (the button is hidden). */
  onAdd: (() => void) | null;
  /** What the section shows beside its content, e.g. its dialogs. */
  overlays?: ReactNode;
  children: ReactNode;
}

/** A card of Settings → Integrations: title, what it is for, a create button, then its content. */
export function IntegrationsSection({
  title,
  description,
  addLabel,
  onAdd,
  overlays,
  children,
}: IntegrationsSectionProps) {
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 max-w-3xl flex-1 flex-col gap-1.5">
          <CardTitle className="text-base text-foreground">{title}</CardTitle>
          <p className="text-sm text-muted-foreground">{description}</p>
        </div>
        {onAdd && (
          <Button className="shrink-0" onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </CardHeader>
      <CardContent className="grid gap-4">{children}</CardContent>
      {overlays}
    </Card>
  );
}
