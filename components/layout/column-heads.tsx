import { cn } from "@/components/ui/cn";

export interface ColumnHead {
  label: string;
  /** Numbers line up on their end; text starts at the start (the default). */
  align?: "start" | "end";
}

/** A list table's header, and a small one for a few figures inside a card. */
const SIZES = {
  md: { head: "text-muted-foreground", cell: "py-2", gap: "pe-4" },
  sm: { head: "text-xs text-muted-foreground", cell: "py-1", gap: "pe-3" },
} as const;

/**
 * The header of a plain table: one `<th scope="col">` per column, muted, with the gap after every
 * column but the last. A column left out (`false`) is not drawn, so a table can hide one.
 */
export function ColumnHeads({
  columns,
  size = "md",
}: {
  columns: readonly (ColumnHead | false)[];
  size?: keyof typeof SIZES;
}) {
  const shown = columns.filter((column): column is ColumnHead => column !== false);
  const style = SIZES[size];
  return (
    <thead className={style.head}>
      <tr>
        {shown.map((column, index) => (
          <th
            key={column.label}
            scope="col"
            className={cn(
              style.cell,
              "font-medium",
              index < shown.length - 1 && style.gap,
              column.align === "end" ? "text-end" : "text-start",
            )}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
