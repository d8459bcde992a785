import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder rows while a table's first page streams in. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="grid gap-2" aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  );
}
