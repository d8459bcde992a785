"use client";

import { Download } from "lucide-react";
import { formatCount } from "@/components/dashboard/format";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { ValidationReport } from "@/server/services/imports";

/**
 * Step 4: what validation found, before anything is written — counts, the first problems per row
 * and column, every problem as a CSV download, and the choice: import the valid rows and skip the
 * listed ones, or fix the file and upload it again.
 */
export function ImportReport({
  report,
  starting,
  onStart,
  onRetry,
}: {
  report: ValidationReport;
  starting: boolean;
  onStart: (skipInvalid: boolean) => void;
  onRetry: () => void;
}) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatCount(locale, value);
  return (
    <section className="grid gap-4 border-t pt-6" aria-labelledby="import-report-heading" data-testid="import-report">
      <h3 id="import-report-heading" className="text-base font-medium">
        {t("settingsImport.report.heading")}
      </h3>
      <p className="text-sm" data-testid="import-report-counts">
        {t("settingsImport.report.counts", {
          read: n(report.rowsRead),
          valid: n(report.rowsValid),
          invalid: n(report.rowsInvalid),
        })}
      </p>
      {report.warning && (
        <p className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">{report.warning}</p>
      )}
      {report.errors.length === 0 ? (
        <p className="text-sm text-positive">{t("settingsImport.report.allValid")}</p>
      ) : (
        <>
          <div className="max-h-80 overflow-auto rounded-md border">
            <table aria-label={t("settingsImport.report.tableLabel")} className="w-full text-sm">
              <thead className="sticky top-0 bg-muted/60 text-muted-foreground backdrop-blur">
                <tr>
                  <th scope="col" className="w-16 p-2 text-end font-medium">
                    {t("settingsImport.report.row")}
                  </th>
                  <th scope="col" className="w-48 p-2 text-start font-medium">
                    {t("settingsImport.report.column")}
                  </th>
                  <th scope="col" className="p-2 text-start font-medium">
                    {t("settingsImport.report.problem")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, index) => (
                  <tr key={index} className="border-t align-top">
                    <td className="p-2 text-end tabular-nums">{n(error.row)}</td>
                    <td className="p-2" dir="auto">
                      {error.column}
                    </td>
                    <td className="p-2">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {report.errorCount > report.errors.length && (
              <p className="text-muted-foreground">
                {t("settingsImport.report.more", { shown: n(report.errors.length), total: n(report.errorCount) })}
              </p>
            )}
            <Button asChild variant="outline" size="sm">
              <a href={`/api/imports/${report.importId}/errors`} download>
                <Download aria-hidden />
                {t("settingsImport.report.download")}
              </a>
            </Button>
          </div>
        </>
      )}
      <div className="flex flex-wrap gap-3">
        {report.rowsValid === 0 ? (
          <p className="text-sm text-destructive">{t("settingsImport.report.nothingValid")}</p>
        ) : (
          <Button disabled={starting} onClick={() => onStart(report.rowsInvalid > 0)}>
            {report.rowsInvalid > 0
              ? t("settingsImport.report.importValid", { valid: n(report.rowsValid), invalid: n(report.rowsInvalid) })
              : t("settingsImport.report.importAll", { count: n(report.rowsValid) })}
          </Button>
        )}
        {report.rowsInvalid > 0 && (
          <Button variant="outline" onClick={onRetry}>
            {t("settingsImport.report.fixRetry")}
          </Button>
        )}
      </div>
    </section>
  );
}
