import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Placeholders (`children`, skeletons) while a part of the page loads, with the wait said to screen readers. */
export function LoadingState({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div aria-busy="true" className={cn("flex flex-col gap-3", className)}>
      <span className="sr-only" role="status">
        {label}
      </span>
      {children}
    </div>
  );
}
