import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A native <select> styled like the Input primitive: the platform's own list, keyboard and screen-reader support. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "flex h-9 w-full rounded-md border border-input bg-background px-2 py-1 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive dark:[color-scheme:dark]",
        className,
      )}
      {...props}
    />
  );
}
