import type { ReactNode } from "react";

interface IntegrationsTableProps {
  label: string;
  /** Visible column headings, in order; a last, unlabelled column holds each row's actions. */
  columns: string[];
  actionsLabel: string;
  children: ReactNode;
}

/** The table of keys or endpoints: named for assistive technology, scrolled sideways when narrow. */
export function IntegrationsTable({ label, columns, actionsLabel, children }: IntegrationsTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label={label}>
        <thead className="text-muted-foreground">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="whitespace-nowrap py-2 pe-4 text-start font-medium">
                {column}
              </th>
            ))}
            <th scope="col" className="py-2 text-end font-medium">
              <span className="sr-only">{actionsLabel}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
