"use client";

import { useId } from "react";
import { CopyButton } from "@/components/docs/copy-button";
import { Label } from "@/components/ui/label";

/** A value to copy (a key, a URL, a secret): labelled, selectable, never wrapped mid-screen, with a copy button. */
export function SecretValue({ label, value }: { label: string; value: string }) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-start gap-2">
        <output
          id={id}
          dir="ltr"
          className="min-w-0 flex-1 select-all break-all rounded-md border bg-muted px-3 py-2 font-mono text-sm"
        >
          {value}
        </output>
        <CopyButton value={value} what={label} />
      </div>
    </div>
  );
}
