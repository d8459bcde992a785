import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { FeedbackStatus, MetricKind, Priority } from "../server/domain/enums";
import { analyseComment } from "../server/domain/text/analyse";
import { compileThemes, matchThemes } from "../server/domain/text/themes";
import { segmentText, wordKeys } from "../server/domain/text/tokenise";
import { initialTriage, resolveSlaPolicy, slaDueAt } from "../server/domain/triage";
import type { Db } from "./index";
import { screenFeedback, storedTextKey } from "./screening";
import { feedback, feedbackThemes, slaPolicies, themes } from "./schema";

// Beside the rollups (db/rollups.ts): a maintenance pass over stored rows that ingest, the seed and
// `npm run analyse` share; no "server-only", so the seed and CLIs can run it under plain tsx.

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Writer = Db | Tx;

/** Items analysed per round trip: one SELECT, one UPDATE, one theme DELETE and INSERT each. */
export const ANALYSIS_BATCH = 2000;

export interface AnalysisOptions {
  /** Only these items (an ingest); otherwise every item of the workspace not analysed yet. */
  ids?: readonly number[];
  /** Every item again (a rebuild after the theme library or the analysis changed). */
  all?: boolean;
  now?: Date;
  onProgress?: (done: number) => void;
  /**
   * Run the suspicious-feedback screening afterwards (default). A bulk load turns it off and screens
   * once the analysis is committed and the planner has statistics of the new `text_key`s: screened
   * inside the analysing transaction, a 6.9M-row workspace did not finish in 14 minutes; after it,
   * 138k rows take 0.3 s.
   */
  screen?: boolean;
}

/**
 * The text analysis of feedback: language (a given one is kept), sentiment with its label and
 * source, the search words and the theme library's rule links (manual links stay). On an item's
 * first analysis while it is still new, the closed loop: a detractor, a CSAT of 1–2 or a strongly
 * negative comment raises a normal priority to high (urgent for NPS 0–2 with an angry comment)
 * and sets the SLA due date (server/domain/triage/initial.ts). Then the suspicious-feedback
 * screening (./screening.ts) over the same items, or the whole workspace. Runs in the caller's transaction
 * when given one, so an ingest and its analysis commit together. Returns how many items it wrote.
 */
export async function analyseFeedback(db: Writer, workspaceId: number, options: AnalysisOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const context = await loadAnalysisContext(db, workspaceId);
  const pending = options.all ? undefined : isNull(feedback.analysedAt);

  const wanted = options.ids ? [...new Set(options.ids)].sort((a, b) => a - b) : null;
  let done = 0;
  let afterId = 0;
  for (;;) {
    const ids = wanted ? wanted.filter((id) => id > afterId).slice(0, ANALYSIS_BATCH) : null;
    if (ids && ids.length === 0) break;
    const rows = await db
      .select({
        id: feedback.id,
        text: feedback.text,
        source: feedback.source,
        language: feedback.language,
        metricKind: feedback.metricKind,
        score: feedback.score,
        status: feedback.status,
        priority: feedback.priority,
        receivedAt: feedback.receivedAt,
        analysedAt: feedback.analysedAt,
      })
      .from(feedback)
      .where(
        and(
          eq(feedback.workspaceId, workspaceId),
          ids ? inArray(feedback.id, ids) : sql`${feedback.id} > ${afterId}`,
          ids ? undefined : pending,
        ),
      )
      .orderBy(feedback.id)
      .limit(ANALYSIS_BATCH);
    if (rows.length === 0) {
      if (ids) {
        afterId = ids[ids.length - 1]!;
        continue;
      }
      break;
    }
    afterId = ids ? ids[ids.length - 1]! : rows[rows.length - 1]!.id;

    const updates = rows.map((row) => analyseStoredItem(row, context));

    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE feedback f SET
        language = coalesce(f.language, u.language),
        sentiment = u.sentiment,
        sentiment_label = u.label::sentiment_label,
        sentiment_source = u.source,
        search_terms = u.terms,
        text_key = u.text_key,
        priority = u.priority::priority,
        due_at = CASE WHEN u.set_due THEN u.due_at ELSE f.due_at END,
        analysed_at = ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(
        updates.map(({ themeIds: _themes, setDue, dueAt: due, ...u }) => ({
          ...u,
          set_due: setDue,
          due_at: due,
        })),
      )}::jsonb) AS u (id integer, language text, sentiment real, label text, source text, terms text[], text_key text,
        priority text, due_at timestamptz, set_due boolean)
      WHERE f.id = u.id AND f.workspace_id = ${workspaceId}`);

      const batchIds = updates.map((u) => u.id);
      await tx
        .delete(feedbackThemes)
        .where(and(inArray(feedbackThemes.feedbackId, batchIds), eq(feedbackThemes.origin, "rule")));
      const links = updates.flatMap((u) =>
        u.themeIds.map((themeId) => ({
          feedbackId: u.id,
          themeId,
          origin: "rule" as const,
        })),
      );
      if (links.length > 0) await tx.insert(feedbackThemes).values(links).onConflictDoNothing();
    });

    done += rows.length;
    options.onProgress?.(done);
    if (!ids && rows.length < ANALYSIS_BATCH) break;
  }
  if (options.screen !== false) await screenFeedback(db, workspaceId, wanted ? { ids: wanted } : {});
  return done;
}

/** What the analysis reads once per workspace: the compiled theme library, the SLA policy, and a memo of comments. */
export interface AnalysisContext {
  compiled: ReturnType<typeof compileThemes<number>>;
  policy: ReturnType<typeof resolveSlaPolicy>;
  /** The same comment (a template, a copied review) is analysed once; cleared past 50,000 entries. */
  memo: Map<string, { analysis: ReturnType<typeof analyseComment<number>>; terms: string[] }>;
}

export async function loadAnalysisContext(db: Writer, workspaceId: number): Promise<AnalysisContext> {
  const library = await db
    .select({ id: themes.id, keywords: themes.keywords })
    .from(themes)
    .where(eq(themes.workspaceId, workspaceId));
  const policy = resolveSlaPolicy(
    await db
      .select({
        priority: slaPolicies.priority,
        firstResponseHours: slaPolicies.firstResponseHours,
        resolutionHours: slaPolicies.resolutionHours,
      })
      .from(slaPolicies)
      .where(eq(slaPolicies.workspaceId, workspaceId)),
  );
  return { compiled: compileThemes(library.map((t) => ({ id: t.id, keywords: t.keywords }))), policy, memo: new Map() };
}

/**
 * A feedback item as the analysis reads it: a stored row, or one about to be inserted (id 0, new,
 * normal priority, not analysed yet).
 */
export interface AnalysedItem {
  id: number;
  text: string | null;
  source: string;
  language: string | null;
  metricKind: MetricKind;
  score: number | null;
  status: FeedbackStatus;
  priority: Priority;
  receivedAt: Date;
  analysedAt: Date | null;
}

/**
 * The analysis of one item: language, sentiment, search words, text key, theme ids, and on its
 * first analysis while new and normal, the closed loop's priority and SLA due date.
 */
export function analyseStoredItem(row: AnalysedItem, context: AnalysisContext) {
  const key = `${row.language ?? ""}\u0000${row.metricKind}\u0000${row.score ?? ""}\u0000${row.text ?? ""}`;
  let result = context.memo.get(key);
  if (!result) {
    const analysis = analyseComment(
      {
        text: row.text,
        language: row.language,
        metricKind: row.metricKind,
        score: row.score,
      },
      context.compiled,
    );
    const terms = row.text ? searchTerms(row.text, analysis.language) : [];
    result = { analysis, terms };
    if (context.memo.size > 50_000) context.memo.clear();
    context.memo.set(key, result);
  }
  const { analysis, terms } = result;
  let priority: Priority = row.priority;
  let dueAt: string | undefined;
  if (row.analysedAt === null && row.status === "new" && row.priority === "normal") {
    const opening = initialTriage({
      metricKind: row.metricKind,
      score: row.score,
      sentiment: analysis.sentiment.score,
    });
    if (opening.priority !== "normal") {
      priority = opening.priority;
      dueAt = slaDueAt(context.policy, {
        status: "new",
        priority,
        receivedAt: row.receivedAt,
      })?.toISOString();
    }
  }
  return {
    id: row.id,
    language: analysis.language,
    sentiment: analysis.sentiment.score,
    label: analysis.sentiment.label,
    source: analysis.sentiment.source,
    terms,
    text_key: storedTextKey(row.source, row.text),
    priority,
    dueAt: dueAt ?? null,
    setDue: dueAt !== undefined,
    themeIds: analysis.themeIds,
  };
}

const HEBREW_PROCLITIC = /^[והבלמשכ](?=[\u05D0-\u05EA]{2})/;
const ARABIC_PROCLITIC = /^(?:ال|و|ف|ب|ل|ك)(?=[\u0621-\u064A]{2})/;

/**
 * The words a search finds a comment by: its words (normalised, accents folded), each once, and in
 * Hebrew and Arabic also each word without its attached particles (one or two: "במשלוח" is found
 * by "משלוח" and "שלוח", "والخدمة" by "الخدمة" and "خدمة"), since a search types the bare word.
 */
export function searchTerms(text: string, language: string | null): string[] {
  const primary = language?.split("-")[0]?.toLowerCase() ?? null;
  const proclitic =
    primary === "he" ? HEBREW_PROCLITIC : primary === "ar" || primary === "fa" ? ARABIC_PROCLITIC : null;
  const terms = new Set<string>();
  for (const word of wordKeys(segmentText(text, language))) {
    terms.add(word);
    let bare = word;
    for (let i = 0; proclitic && i < 2; i++) {
      const next = bare.replace(proclitic, "");
      if (next === bare) break;
      terms.add(next);
      bare = next;
    }
  }
  return [...terms];
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Re-link one theme after it was created or its keywords changed: its rule links are recomputed
 * over the workspace's stored feedback (manual links stay). Candidates are the items holding a
 * keyword's longest word inside one of their search words (which covers inflections, attached
 * prefixes and folded accents) or, for Chinese, Japanese and Thai keywords, inside the text;
 * the theme matcher (server/domain/text/themes.ts) then decides, exactly as the analysis would.
 * Returns how many items the theme is now linked to by rule.
 */
export async function relinkTheme(
  db: Writer,
  workspaceId: number,
  theme: { id: number; keywords: Record<string, string[]> },
): Promise<number> {
  const compiled = compileThemes([theme]);
  const conditions = Object.entries(theme.keywords).flatMap(([language, keywords]) =>
    keywords.map((keyword) => {
      const stem = keyword.replace(/\*/g, "").trim();
      if (UNSPACED.test(stem)) return sql`${feedback.text} LIKE ${`%${likeEscape(stem)}%`}`;
      const words = wordKeys(segmentText(stem, language === "*" ? null : language));
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
      if (!longest) return sql`FALSE`;
      return sql`EXISTS (SELECT 1 FROM unnest(${feedback.searchTerms}) AS w WHERE w LIKE ${`%${likeEscape(longest)}%`})`;
    }),
  );
  return db.transaction(async (tx) => {
    await tx.delete(feedbackThemes).where(and(eq(feedbackThemes.themeId, theme.id), eq(feedbackThemes.origin, "rule")));
    if (conditions.length === 0) return 0;
    let linked = 0;
    let afterId = 0;
    for (;;) {
      const rows = await tx
        .select({ id: feedback.id, text: feedback.text, language: feedback.language })
        .from(feedback)
        .where(
          and(
            eq(feedback.workspaceId, workspaceId),
            sql`${feedback.id} > ${afterId}`,
            sql`(${sql.join(conditions, sql` OR `)})`,
          ),
        )
        .orderBy(feedback.id)
        .limit(ANALYSIS_BATCH);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id;
      const matched = rows.filter((row) => matchThemes(row.text, row.language, compiled).length > 0);
      if (matched.length > 0) {
        await tx
          .insert(feedbackThemes)
          .values(matched.map((row) => ({ feedbackId: row.id, themeId: theme.id, origin: "rule" as const })))
          .onConflictDoNothing();
        linked += matched.length;
      }
      if (rows.length < ANALYSIS_BATCH) break;
    }
    return linked;
  });
}
