"use client";

import { useInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { LoadMoreButton } from "@/components/layout/load-more-button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasPermission } from "@/server/auth/permissions";

export function AuditLog() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { data: ws } = useSuspenseQuery(trpc.workspace.current.queryOptions());
  const allowed = hasPermission(ws.current.role, "audit.read");
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: 25 },
      { enabled: allowed, getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  if (!allowed) return null;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settings.auditSection")}</CardTitle>
      </CardHeader>
      <CardContent>
        {query.isSuccess && items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("settings.auditEmpty")}</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-start text-muted-foreground">
              <tr>
                <th className="py-2 text-start font-medium">{t("settings.auditWhen")}</th>
                <th className="py-2 text-start font-medium">{t("settings.auditWho")}</th>
                <th className="py-2 text-start font-medium">{t("settings.auditWhat")}</th>
                <th className="py-2 text-start font-medium">{t("settings.auditRecord")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} className="border-t">
                  <td className="py-2 tabular-nums">{when.format(e.at)}</td>
                  <td className="py-2">{e.actorName ?? "—"}</td>
                  <td className="py-2 font-mono text-xs">{e.action}</td>
                  <td className="py-2">
                    {e.entityType} {e.entityId}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMoreButton query={query} />
      </CardContent>
    </Card>
  );
}
