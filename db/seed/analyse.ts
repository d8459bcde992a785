import { analyseStoredItem, type AnalysisContext } from "../text-analysis";
import type { ActivityBatch } from "./generate";
import type { AnalysedFeedbackRow, FeedbackThemeRow } from "./rows";

/**
 * The text analysis every ingest runs (language, sentiment, search words, text key, the theme
 * library's links, the closed loop's priority and SLA due date), done in JavaScript on a generated
 * batch before it is written: each item is inserted once, analysed, instead of inserted and then
 * rewritten by `analyseFeedback` (at 10M items that pass alone took over an hour). The same
 * function as the stored-row pass (`analyseStoredItem`, as for a new, unanalysed item), so the
 * rows are those the pass would leave; the generator's own theme links give way to the library's.
 */
export function analyseBatch(
  batch: ActivityBatch,
  context: AnalysisContext,
  analysedAt: Date,
): { feedback: AnalysedFeedbackRow[]; feedbackThemes: FeedbackThemeRow[] } {
  const at = analysedAt.toISOString();
  const feedbackThemes: FeedbackThemeRow[] = [];
  const feedback = batch.feedback.map((row): AnalysedFeedbackRow => {
    const analysis = analyseStoredItem(
      {
        id: row.id,
        text: row.text,
        source: row.source,
        language: row.language,
        metricKind: row.metricKind,
        score: row.score,
        status: row.status,
        priority: row.priority,
        receivedAt: new Date(row.receivedAt),
        analysedAt: null,
      },
      context,
    );
    for (const themeId of analysis.themeIds) feedbackThemes.push({ feedbackId: row.id, themeId, origin: "rule" });
    return {
      ...row,
      language: row.language ?? analysis.language,
      sentiment: analysis.sentiment,
      sentimentLabel: analysis.label,
      sentimentSource: analysis.source,
      searchTerms: analysis.terms,
      textKey: analysis.text_key,
      priority: analysis.priority,
      dueAt: analysis.setDue && analysis.dueAt !== null ? analysis.dueAt : row.dueAt,
      analysedAt: at,
    };
  });
  return { feedback, feedbackThemes };
}
