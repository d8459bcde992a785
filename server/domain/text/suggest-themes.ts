import type { MetricKind, SentimentLabel } from "../enums";
import { detectLanguage } from "./language";
import { primaryLanguage } from "./normalise";
import { sentimentOfSegments } from "./sentiment";
import { stopWords } from "./stop-words";
import { ANY_LANGUAGE, compileThemes, matchThemeSegments, type CompiledThemes, type ThemeDefinition } from "./themes";
import { segmentText, type TextSegment } from "./tokenise";

export interface SuggestionComment<Id = string | number> {
  id: Id;
  text: string | null | undefined;
  /** BCP 47 tag; null/absent → detected. */
  language?: string | null;
  /** The stored label; absent (undefined) → computed from the text, then the score. */
  sentimentLabel?: SentimentLabel | null;
  metricKind?: MetricKind | null;
  score?: number | null;
}

export interface SuggestThemesOptions {
  /** Negative comments a phrase must occur in (support). Default 5. */
  minCount?: number;
  /** Minimum log-odds ratio of a phrase in negative vs other comments. Default ln 2 (odds doubled). */
  minLogOdds?: number;
  /** Longest phrase, in words. Default 3. */
  maxWords?: number;
  /** At most this many suggestions. Default 20. */
  limit?: number;
  /** Ids of negative comments shown per suggestion. Default 3. */
  sampleSize?: number;
  /** A phrase is covered when more than this share of its negative comments already match a theme. Default 0.5. */
  maxCoveredShare?: number;
}

export interface ThemeSuggestion<Id = string | number> {
  /** As most customers wrote it (normalised, lower case): "lost my bag", "não recebi". */
  phrase: string;
  /** Language of the comments it came from (primary subtag), "*" for undetected ones. */
  language: string;
  /** Negative comments containing it. */
  count: number;
  /** All comments (of that language) containing it. */
  totalCount: number;
  /** P(phrase | negative) / P(phrase | all comments of the language). */
  lift: number;
  /** ln of the odds ratio, negative vs other comments, with 0.5 added to each cell. */
  logOdds: number;
  sampleIds: Id[];
}

const UNSPACED = new Set(["zh", "ja", "th"]);
const DIGITS = /^\p{N}+$/u;
const SINGLE_LETTER = /^\p{L}$/u;
const CJK = /\p{Script=Han}/u;

interface PhraseStats<Id> {
  language: string;
  words: number;
  key: string;
  total: number;
  negative: number;
  negativeCovered: number;
  surfaces: Map<string, number>;
  samples: Id[];
}

function isContentWord(key: string, stops: ReadonlySet<string>): boolean {
  if (stops.has(key) || DIGITS.test(key)) return false;
  return !SINGLE_LETTER.test(key) || CJK.test(key);
}

/**
 * Phrases (1–`maxWords` words, not starting or ending with a stop word, within a clause) of one
 * comment: key (accent-folded) → surface (as written, normalised).
 */
function phrasesOf(
  segments: readonly TextSegment[],
  language: string | null,
  maxWords: number,
): Map<string, { surface: string; words: number }> {
  const stops = stopWords(language);
  const separator = language && UNSPACED.has(language) ? "" : " ";
  const out = new Map<string, { surface: string; words: number }>();
  let run: Array<{ key: string; text: string }> = [];
  const flush = () => {
    for (let start = 0; start < run.length; start++) {
      if (!isContentWord(run[start]!.key, stops)) continue;
      for (let n = 1; n <= maxWords && start + n <= run.length; n++) {
        const last = run[start + n - 1]!;
        if (!isContentWord(last.key, stops)) continue;
        const slice = run.slice(start, start + n);
        const key = slice.map((w) => w.key).join(separator);
        if (!out.has(key)) out.set(key, { surface: slice.map((w) => w.text).join(separator), words: n });
      }
    }
    run = [];
  };
  for (const segment of segments) {
    if (segment.kind === "word") run.push({ key: segment.key, text: segment.text });
    else if (segment.kind === "break") flush();
  }
  flush();
  return out;
}

function containsPhrase(longer: string, shorter: string, separator: string): boolean {
  if (separator === "") return longer.includes(shorter);
  return ` ${longer} `.includes(` ${shorter} `);
}

/**
 * Candidate themes: phrases that negative comments use distinctly more than the others and that
 * no existing theme covers yet.
 *
 * Per language, every comment contributes each of its phrases once (1–`maxWords` words within a
 * clause, not starting or ending with a stop word or a number). With a negative comments of N⁻
 * containing a phrase and c of the other N⁺ comments: lift = (a / N⁻) / ((a + c) / (N⁻ + N⁺));
 * log-odds = ln(((a + ½)(N⁺ − c + ½)) / ((N⁻ − a + ½)(c + ½))). Kept when a ≥ `minCount`, log-odds
 * ≥ `minLogOdds`, the phrase itself matches no existing theme and at most `maxCoveredShare` of its
 * negative comments already match one. A shorter phrase is dropped for a longer one that holds at
 * least 70% of its negative comments ("lost" for "lost my bag"); then phrases are ranked by
 * a × log-odds and a phrase overlapping a better one is skipped.
 */
export function suggestThemes<Id>(
  comments: readonly SuggestionComment<Id>[],
  existingThemes: readonly ThemeDefinition<unknown>[] | CompiledThemes<unknown> = [],
  options: SuggestThemesOptions = {},
): ThemeSuggestion<Id>[] {
  const minCount = options.minCount ?? 5;
  const minLogOdds = options.minLogOdds ?? Math.LN2;
  const maxWords = options.maxWords ?? 3;
  const limit = options.limit ?? 20;
  const sampleSize = options.sampleSize ?? 3;
  const maxCoveredShare = options.maxCoveredShare ?? 0.5;
  const compiled = "byLanguage" in existingThemes ? existingThemes : compileThemes(existingThemes);

  const stats = new Map<string, PhraseStats<Id>>();
  const totals = new Map<string, { all: number; negative: number }>();
  for (const comment of comments) {
    const text = comment.text?.trim() ? comment.text : null;
    if (!text) continue;
    const language = primaryLanguage(comment.language) ?? detectLanguage(text);
    const group = language ?? ANY_LANGUAGE;
    const segments = segmentText(text, language);
    const label =
      comment.sentimentLabel !== undefined
        ? comment.sentimentLabel
        : sentimentOfSegments(language ? segments : null, language, comment.metricKind, comment.score).label;
    const negative = label === "negative";
    const covered = matchThemeSegments(segments, language, compiled).length > 0;
    const total = totals.get(group) ?? { all: 0, negative: 0 };
    total.all++;
    if (negative) total.negative++;
    totals.set(group, total);

    for (const [key, { surface, words }] of phrasesOf(segments, language, maxWords)) {
      const id = `${group}\u0000${key}`;
      let entry = stats.get(id);
      if (!entry) {
        entry = { language: group, words, key, total: 0, negative: 0, negativeCovered: 0, surfaces: new Map(), samples: [] };
        stats.set(id, entry);
      }
      entry.total++;
      if (!negative) continue;
      entry.negative++;
      if (covered) entry.negativeCovered++;
      entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
      if (entry.samples.length < sampleSize) entry.samples.push(comment.id);
    }
  }

  type Candidate = ThemeSuggestion<Id> & { key: string; words: number; rank: number };
  const candidates: Candidate[] = [];
  for (const entry of stats.values()) {
    const total = totals.get(entry.language)!;
    const a = entry.negative;
    if (a < minCount || entry.negativeCovered > maxCoveredShare * a) continue;
    const others = total.all - total.negative;
    const c = entry.total - a;
    const logOdds = Math.log(((a + 0.5) * (others - c + 0.5)) / ((total.negative - a + 0.5) * (c + 0.5)));
    if (logOdds < minLogOdds) continue;
    const phrase = [...entry.surfaces].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
    const language = entry.language === ANY_LANGUAGE ? null : entry.language;
    if (matchThemeSegments(segmentText(phrase, language), language, compiled).length > 0) continue;
    candidates.push({
      phrase,
      language: entry.language,
      count: a,
      totalCount: entry.total,
      lift: Math.round(((a / total.negative) / (entry.total / total.all)) * 1000) / 1000,
      logOdds: Math.round(logOdds * 1000) / 1000,
      sampleIds: entry.samples,
      key: entry.key,
      words: entry.words,
      rank: a * logOdds,
    });
  }

  const separatorOf = (language: string) => (UNSPACED.has(language) ? "" : " ");
  const subsumed = new Set<Candidate>();
  for (const longer of candidates) {
    for (const shorter of candidates) {
      if (shorter.language !== longer.language || shorter.words >= longer.words) continue;
      if (longer.count >= 0.7 * shorter.count && containsPhrase(longer.key, shorter.key, separatorOf(longer.language))) {
        subsumed.add(shorter);
      }
    }
  }
  const ranked = candidates
    .filter((c) => !subsumed.has(c))
    .sort((x, y) => y.rank - x.rank || y.count - x.count || (x.phrase < y.phrase ? -1 : 1));
  const chosen: Candidate[] = [];
  for (const candidate of ranked) {
    if (chosen.length >= limit) break;
    const separator = separatorOf(candidate.language);
    const overlaps = chosen.some(
      (c) =>
        c.language === candidate.language &&
        (containsPhrase(c.key, candidate.key, separator) || containsPhrase(candidate.key, c.key, separator)),
    );
    if (!overlaps) chosen.push(candidate);
  }
  return chosen.map(({ phrase, language, count, totalCount, lift, logOdds, sampleIds }) => ({
    phrase,
    language,
    count,
    totalCount,
    lift,
    logOdds,
    sampleIds,
  }));
}
