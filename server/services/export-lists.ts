import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, feedback, feedbackThemes, segments, themes, touchpoints } from "@/db/schema";
import type { Permission } from "../auth/permissions";
import type { Role } from "../domain/enums";
import type { CsvValue } from "../domain/export/csv";
import {
  actionsExportInput,
  customersExportInput,
  type ExportInput,
  type ExportList,
  feedbackExportInput,
} from "../domain/export/list-params";
import { listActions, loadActionsActor } from "./actions";
import { listCustomers } from "./customers";
import { listFeedback } from "./feedback";

/** Rows per page of a list read for an export (each list's own keyset pagination). */
const PAGE = 500;

export interface ExportActor {
  userId: number;
  workspaceId: number;
  role: Role;
}

/** Pages of CSV rows, fetched only as the download asks for them. */
export type CsvPages = AsyncGenerator<CsvValue[][]>;

/** One list's CSV export: who may read it, its columns, and its rows for the URL's filters. */
export interface ListExport {
  /** The permission of the list's `list` procedure. */
  permission: Permission;
  header: readonly string[];
  /** The rows the URL's parameters select, or why they cannot be exported. */
  prepare(
    params: URLSearchParams,
  ): { ok: true; pages: (db: Db, actor: ExportActor) => CsvPages } | { ok: false; error: string };
}

interface ListExportParts<T> {
  permission: Permission;
  header: readonly string[];
  parse: (params: URLSearchParams) => ExportInput<T>;
  pages: (db: Db, actor: ExportActor, input: Omit<T, "cursor" | "limit">) => CsvPages;
}

function listExport<T>(parts: ListExportParts<T>): ListExport {
  return {
    permission: parts.permission,
    header: parts.header,
    prepare(params) {
      const parsed = parts.parse(params);
      return parsed.ok ? { ok: true, pages: (db, actor) => parts.pages(db, actor, parsed.input) } : parsed;
    },
  };
}

const iso = (value: Date | string | null | undefined) => (value == null ? null : new Date(value).toISOString());

/**
 * The inbox as filtered: feedback.list itself, page after page (its filters, order, read scope and
 * keyset cursor), each page completed with the columns the list does not show.
 */
const feedbackExport = listExport<Parameters<typeof listFeedback>[2]>({
  permission: "feedback.read",
  header: [
    "id",
    "received_at",
    "source",
    "external_id",
    "channel",
    "stage",
    "touchpoint",
    "customer_external_id",
    "segment",
    "metric_kind",
    "score",
    "text",
    "language",
    "sentiment",
    "sentiment_label",
    "themes",
    "status",
    "priority",
    "assignee",
    "team",
    "due_at",
    "overdue",
    "suspicious",
    "first_triaged_at",
    "resolved_at",
  ],
  parse: feedbackExportInput,
  async *pages(db, actor, input) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listFeedback>> = await listFeedback(db, actor, {
        ...input,
        cursor,
        limit: PAGE,
      });
      const more = await feedbackDetails(
        db,
        actor.workspaceId,
        page.items.map((item) => item.id),
      );
      yield page.items.map((item) => {
        const extra = more.get(item.id);
        return [
          item.id,
          iso(item.receivedAt),
          item.source,
          extra?.externalId,
          item.channel,
          item.stageName,
          extra?.touchpoint,
          item.customerExternalId,
          extra?.segment,
          item.metricKind,
          item.score,
          item.text,
          item.language,
          item.sentiment,
          item.sentimentLabel,
          extra?.themes,
          item.status,
          item.priority,
          item.assigneeName,
          item.teamName,
          iso(item.dueAt),
          item.overdue,
          item.suspicious,
          iso(extra?.firstTriagedAt),
          iso(extra?.resolvedAt),
        ];
      });
      cursor = page.nextCursor;
    } while (cursor);
  },
});

/** What the inbox's rows do not carry, for one page of them. */
async function feedbackDetails(db: Db, workspaceId: number, ids: number[]) {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: feedback.id,
      externalId: feedback.externalId,
      touchpoint: touchpoints.name,
      segment: segments.name,
      firstTriagedAt: feedback.firstTriagedAt,
      resolvedAt: feedback.resolvedAt,
      themes: sql<string | null>`(SELECT string_agg(${themes.name}, '; ' ORDER BY ${themes.name}) FROM ${feedbackThemes}
        JOIN ${themes} ON ${themes.id} = ${feedbackThemes.themeId} WHERE ${feedbackThemes.feedbackId} = ${feedback.id})`,
    })
    .from(feedback)
    .leftJoin(touchpoints, eq(touchpoints.id, feedback.touchpointId))
    .leftJoin(customers, eq(customers.id, feedback.customerId))
    .leftJoin(segments, eq(segments.id, customers.segmentId))
    .where(and(eq(feedback.workspaceId, workspaceId), inArray(feedback.id, ids)))
    .orderBy(asc(feedback.id));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The customers list as searched and filtered (customers.list, page after page), with e-mail and channel. */
const customersExport = listExport<Parameters<typeof listCustomers>[2]>({
  permission: "customers.read",
  header: ["id", "external_id", "name", "email", "segment", "region", "preferred_channel", "created_at", "churned_at"],
  parse: customersExportInput,
  async *pages(db, actor, input) {
    let cursor: number | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers(db, actor.workspaceId, {
        ...input,
        cursor,
        limit: PAGE,
      });
      const ids = page.items.map((item) => item.id);
      const contact = new Map(
        ids.length === 0
          ? []
          : (
              await db
                .select({ id: customers.id, email: customers.email, channel: customers.preferredChannel })
                .from(customers)
                .where(and(eq(customers.workspaceId, actor.workspaceId), inArray(customers.id, ids)))
            ).map((row) => [row.id, row]),
      );
      yield page.items.map((item) => [
        item.id,
        item.externalId,
        item.name,
        contact.get(item.id)?.email,
        item.segmentName,
        item.region,
        contact.get(item.id)?.channel,
        iso(item.createdAt),
        iso(item.churnedAt),
      ]);
      cursor = page.nextCursor;
    } while (cursor !== null);
  },
});

/** The actions one sees (actions.list: team members their teams'), by due date, as filtered. */
const actionsExport = listExport<Parameters<typeof listActions>[2]>({
  permission: "actions.read",
  header: [
    "id",
    "title",
    "status",
    "kpi",
    "due_date",
    "review_date",
    "owner_team",
    "assignee",
    "baseline",
    "target",
    "completed_at",
    "overdue",
    "up_for_review",
  ],
  parse: actionsExportInput,
  async *pages(db, actor, input) {
    const actionsActor = await loadActionsActor(db, actor);
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listActions>> = await listActions(db, actionsActor, {
        ...input,
        cursor,
        limit: PAGE,
      });
      yield page.items.map((item) => [
        item.id,
        item.title,
        item.status,
        item.kpi,
        item.dueDate,
        item.reviewDate,
        item.ownerTeamName,
        item.assigneeName,
        item.baseline,
        item.target,
        iso(item.completedAt),
        item.overdue,
        item.upForReview,
      ]);
      cursor = page.nextCursor;
    } while (cursor);
  },
});

/** Every list that exports to CSV. */
export const LIST_EXPORTS: Record<ExportList, ListExport> = {
  feedback: feedbackExport,
  customers: customersExport,
  actions: actionsExport,
};
