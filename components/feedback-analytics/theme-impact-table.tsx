"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { type MouseEvent, useMemo, useState } from "react";
import { formatCount, formatNps, formatPercent } from "@/components/dashboard/format";
import { LowSampleBadge } from "@/components/dashboard/low-sample-badge";
import { useI18n } from "@/components/i18n/i18n-provider";
import { TableSkeleton } from "@/components/layout/table-skeleton";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { MessageKey } from "@/server/i18n/core";
import { QUADRANT_COLORS } from "./matrix-theme";
import {
  buildPriorityMatrix,
  defaultSortDirection,
  type ImpactSortKey,
  negativeShare,
  type SortDirection,
  sortImpactRows,
  type ThemeImpactRow,
} from "./priority-matrix";

const COLUMNS: ReadonlyArray<{ key: ImpactSortKey; label: MessageKey; numeric: boolean }> = [
  { key: "name", label: "themeAnalytics.table.colTheme", numeric: false },
  { key: "mentions", label: "themeAnalytics.table.colMentions", numeric: true },
  { key: "negativeShare", label: "themeAnalytics.table.colNegative", numeric: true },
  { key: "frequency", label: "themeAnalytics.table.colFrequency", numeric: true },
  { key: "impact", label: "themeAnalytics.table.colImpact", numeric: true },
  { key: "npsWithout", label: "themeAnalytics.table.colNpsWithout", numeric: true },
];

interface ThemeImpactTableProps {
  rows?: readonly ThemeImpactRow[];
  loading: boolean;
  /** The inbox filtered to a theme and the page's filters and period. */
  hrefOf: (themeId: number) => string;
  /** Go to `hrefOf(themeId)`: a click on the row outside the name's link. */
  onOpen: (themeId: number) => void;
}

/**
 * Every theme of the library with its figures, sortable by any column (themes without a figure stay
 * last); a theme's name links to its feedback in the inbox, and a click anywhere on its row does too.
 */
export function ThemeImpactTable({ rows, loading, hrefOf, onOpen }: ThemeImpactTableProps) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ key: ImpactSortKey; direction: SortDirection }>({
    key: "impact",
    direction: "ascending",
  });
  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const quadrants = useMemo(
    () => new Map(buildPriorityMatrix(rows ?? []).points.map((p) => [p.themeId, p.quadrant])),
    [rows],
  );
  const sorted = useMemo(() => sortImpactRows(rows ?? [], sort.key, sort.direction, collator), [rows, sort, collator]);

  const choose = (key: ImpactSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "ascending" ? "descending" : "ascending" }
        : { key, direction: defaultSortDirection(key) },
    );
  const openRow = (event: MouseEvent<HTMLTableRowElement>, themeId: number) => {
    // the name is a link of its own; a click on it navigates once
    if ((event.target as HTMLElement).closest("a")) return;
    onOpen(themeId);
  };

  let body;
  if (loading || !rows) {
    body = <TableSkeleton rows={6} />;
  } else if (rows.length === 0) {
    body = <p className="text-sm text-muted-foreground">{t("themeAnalytics.table.empty")}</p>;
  } else {
    body = (
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label={t("themeAnalytics.table.title")}>
          <thead className="text-muted-foreground">
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                const Icon = !active ? ArrowUpDown : sort.direction === "ascending" ? ArrowUp : ArrowDown;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? sort.direction : undefined}
                    className={cn("py-2 pe-4 font-medium", column.numeric ? "text-end" : "text-start")}
                  >
                    <button
                      type="button"
                      onClick={() => choose(column.key)}
                      className={cn(
                        "inline-flex items-center gap-1 rounded-sm hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                        active && "text-foreground",
                      )}
                    >
                      {t(column.label)}
                      <Icon aria-hidden className="size-3.5" />
                    </button>
                  </th>
                );
              })}
              <th scope="col" className="py-2 text-start font-medium">
                {t("themeAnalytics.table.colPriority")}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => {
              const quadrant = quadrants.get(row.themeId);
              return (
                <tr
                  key={row.themeId}
                  className="cursor-pointer border-t hover:bg-muted/50"
                  onClick={(event) => openRow(event, row.themeId)}
                >
                  <th scope="row" className="py-2 pe-4 text-start font-medium">
                    <Link
                      href={hrefOf(row.themeId)}
                      aria-label={t("themeAnalytics.table.openLabel", { name: row.name })}
                      className="underline-offset-4 hover:underline focus-visible:underline"
                    >
                      <bdi>{row.name}</bdi>
                    </Link>
                  </th>
                  <td className="py-2 pe-4 text-end tabular-nums">{formatCount(locale, row.mentions)}</td>
                  <td className="py-2 pe-4 text-end tabular-nums">{formatPercent(locale, negativeShare(row))}</td>
                  <td className="py-2 pe-4 text-end tabular-nums">
                    {formatPercent(locale, row.impact.frequencyPercent)}
                  </td>
                  <td className="whitespace-nowrap py-2 pe-4 text-end tabular-nums">
                    {row.impact.value !== null && row.impact.lowSample && <LowSampleBadge className="me-2" />}
                    {row.impact.value === null
                      ? formatNps(locale, null)
                      : t("themeAnalytics.matrix.impactValue", { value: formatNps(locale, row.impact.value) })}
                  </td>
                  <td className="py-2 pe-4 text-end tabular-nums">{formatNps(locale, row.impact.npsWithoutTheme)}</td>
                  <td className="whitespace-nowrap py-2">
                    {quadrant ? (
                      <span className="inline-flex items-center gap-1.5">
                        <span
                          aria-hidden
                          className="inline-block size-2.5 rounded-full"
                          style={{ background: QUADRANT_COLORS[quadrant] }}
                        />
                        {t(`themeAnalytics.quadrant.${quadrant}`)}
                      </span>
                    ) : (
                      <span className="text-muted-foreground">{t("themeAnalytics.table.notPlotted")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("themeAnalytics.table.title")}</CardTitle>
        <p className="text-xs text-muted-foreground">{t("themeAnalytics.table.about")}</p>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
