// `npm run bench:text-accuracy` (or `npx tsx bench/text-accuracy.ts [--datasets DIR]`)
// Measures the offline text analytics against human labels nobody on this project wrote:
// - sentiment, 3 classes, against the airline tweets' `airline_sentiment` (English), reported on
//   a development half (the only half anything was ever tuned on), the held-out half and all;
// - theme tagging of negative tweets against `negativereason`, and of Olist reviews (Portuguese)
//   against `most_voted_class`, with DEFAULT_THEMES mapped to those labels (the keyword library
//   was written before this measurement and not tuned to it);
// - Portuguese sentiment against Olist's review score (1–2 negative, 3 neutral, 4–5 positive);
// - language detection: share of tweets detected as "en" and of Olist reviews as "pt".
// Prints tables and one JSON line. Reads ../shared/datasets; skips (exit 0) when it is absent.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SENTIMENT_LABELS, type SentimentLabel } from "../server/domain/enums";
import { parseCsvRecords } from "../server/domain/text/csv";
import { DEFAULT_THEMES } from "../server/domain/text/default-themes";
import { detectLanguage } from "../server/domain/text/language";
import { sentimentFromScore } from "../server/domain/text/score-sentiment";
import { analyseSentiment } from "../server/domain/text/sentiment";
import { compileThemes, matchThemes } from "../server/domain/text/themes";

/** Airline `negativereason` → the default themes that stand for it ("Can't Tell" is left out). */
const TWEET_REASON_THEMES: Record<string, string[]> = {
  "Late Flight": ["delays"],
  "Cancelled Flight": ["cancellations"],
  "Customer Service Issue": ["customer_service"],
  "Lost Luggage": ["lost_missing"],
  "Damaged Luggage": ["damaged"],
  "Flight Booking Problems": ["booking", "website_app"],
  "Flight Attendant Complaints": ["staff_attitude"],
  longlines: ["queues"],
  "Bad Flight": ["comfort"],
};

/** Olist `most_voted_class` → default themes; "satisfeito_com_pedido" should match none of them. */
const OLIST_CLASS_THEMES: Record<string, string[]> = {
  problemas_de_entrega: ["delays", "lost_missing"],
  problemas_de_qualidade: ["product_quality", "damaged", "not_as_described", "returns"],
};

interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

interface Classification {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassScores>;
  confusion: Record<string, Record<string, number>>;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function classify(
  pairs: ReadonlyArray<{ gold: string; predicted: string | null }>,
  classes: readonly string[],
): Classification {
  const confusion: Record<string, Record<string, number>> = {};
  for (const gold of classes) confusion[gold] = Object.fromEntries([...classes, "none"].map((c) => [c, 0]));
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    const row = confusion[gold]!;
    row[predicted ?? "none"] = (row[predicted ?? "none"] ?? 0) + 1;
    if (gold === predicted) correct++;
  }
  const perClass: Record<string, ClassScores> = {};
  for (const c of classes) {
    const tp = confusion[c]![c] ?? 0;
    const predictedC = classes.reduce((sum, g) => sum + (confusion[g]![c] ?? 0), 0);
    const support = Object.values(confusion[c]!).reduce((a, b) => a + b, 0);
    const precision = ratio(tp, predictedC);
    const recall = ratio(tp, support);
    perClass[c] = { precision: round(precision), recall: round(recall), f1: round(f1(precision, recall)), support };
  }
  const macroF1 = classes.reduce((sum, c) => sum + perClass[c]!.f1, 0) / classes.length;
  return {
    n: pairs.length,
    accuracy: round(ratio(correct, pairs.length)),
    macroF1: round(macroF1),
    perClass,
    confusion,
  };
}

/** FNV-1a, 32 bits: a stable split of the tweets into a development and a held-out half. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

interface TagScores {
  label: string;
  themes: string[];
  precision: number;
  recall: number;
  f1: number;
  support: number;
  tagged: number;
}

/**
 * Multi-label tagging: per gold label, "predicted" when any theme mapped to it matched; then per
 * theme on its own where a label has several (theme rows are named "label / theme").
 */
function tagScores(
  rows: ReadonlyArray<{ gold: string | null; matched: ReadonlySet<string> }>,
  mapping: Record<string, string[]>,
): TagScores[] {
  const entries = Object.entries(mapping).flatMap(([label, themes]) =>
    themes.length > 1
      ? [[label, themes] as const, ...themes.map((t) => [`${label} / ${t}`, [t]] as const)]
      : [[label, themes] as const],
  );
  return entries.map(([name, themes]) => {
    const label = name.split(" / ")[0]!;
    let tp = 0;
    let tagged = 0;
    let support = 0;
    for (const row of rows) {
      const predicted = themes.some((t) => row.matched.has(t));
      if (row.gold === label) support++;
      if (predicted) tagged++;
      if (predicted && row.gold === label) tp++;
    }
    const precision = ratio(tp, tagged);
    const recall = ratio(tp, support);
    return {
      label: name,
      themes: [...themes],
      precision: round(precision),
      recall: round(recall),
      f1: round(f1(precision, recall)),
      support,
      tagged,
    };
  });
}

function printClassification(title: string, c: Classification): void {
  console.log(`\n${title}: n=${c.n}  accuracy=${c.accuracy.toFixed(3)}  macro-F1=${c.macroF1.toFixed(3)}`);
  console.log(`  ${"class".padEnd(10)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)} ${"n".padStart(6)}`);
  for (const [name, s] of Object.entries(c.perClass)) {
    console.log(
      `  ${name.padEnd(10)} ${s.precision.toFixed(3).padStart(6)} ${s.recall.toFixed(3).padStart(6)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(6)}`,
    );
  }
}

function printTags(title: string, tags: TagScores[]): void {
  console.log(`\n${title}`);
  console.log(
    `  ${"label".padEnd(48)} ${"themes".padEnd(44)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)} ${"gold".padStart(6)} ${"tagged".padStart(7)}`,
  );
  for (const t of tags) {
    console.log(
      `  ${t.label.padEnd(48)} ${t.themes.join("+").padEnd(44)} ${t.precision.toFixed(3).padStart(6)} ${t.recall.toFixed(3).padStart(6)} ${t.f1.toFixed(3).padStart(6)} ${String(t.support).padStart(6)} ${String(t.tagged).padStart(7)}`,
    );
  }
}

function main(): number {
  const { values } = parseArgs({ strict: true, options: { datasets: { type: "string" } } });
  const root = resolve(values.datasets ?? join(import.meta.dirname, "..", "..", "shared", "datasets"));
  const tweetsFile = join(root, "airline_tweets", "Tweets.csv");
  const olistFile = join(root, "olist_classified", "olist_classified_public_dataset.csv");
  if (!existsSync(tweetsFile) || !existsSync(olistFile)) {
    console.log(`text-accuracy skipped: datasets not found under ${root} (pass --datasets DIR)`);
    return 0;
  }

  // Tweets: one record per tweet_id (155 ids repeat), in file order.
  const seen = new Set<string>();
  const tweets = parseCsvRecords(readFileSync(tweetsFile, "utf8")).filter((r) => {
    if (seen.has(r.tweet_id!)) return false;
    seen.add(r.tweet_id!);
    return true;
  });
  const started = performance.now();
  const scored = tweets.map((t) => {
    const known = analyseSentiment({ text: t.text, language: "en" });
    return {
      dev: fnv1a(t.tweet_id!) % 2 === 0,
      gold: t.airline_sentiment!,
      predicted: known.label,
      detectedLanguage: detectLanguage(t.text),
      reason: t.negativereason ?? "",
      text: t.text ?? "",
    };
  });
  const detectedPredicted = tweets.map((t) => analyseSentiment({ text: t.text }).label);
  const sentiment = {
    dev: classify(
      scored.filter((s) => s.dev),
      SENTIMENT_LABELS,
    ),
    heldOut: classify(
      scored.filter((s) => !s.dev),
      SENTIMENT_LABELS,
    ),
    all: classify(scored, SENTIMENT_LABELS),
    allDetectedLanguage: classify(
      scored.map((s, i) => ({ gold: s.gold, predicted: detectedPredicted[i] ?? null })),
      SENTIMENT_LABELS,
    ),
  };

  const compiled = compileThemes(DEFAULT_THEMES);
  const negativeTweets = scored.filter((s) => s.gold === "negative" && s.reason in TWEET_REASON_THEMES);
  const tweetTags = tagScores(
    negativeTweets.map((s) => ({ gold: s.reason, matched: new Set(matchThemes(s.text, "en", compiled)) })),
    TWEET_REASON_THEMES,
  );

  const olist = parseCsvRecords(readFileSync(olistFile, "utf8")).filter((r) => r.most_voted_class);
  const olistRows = olist.map((r) => {
    const text = [r.review_comment_title, r.review_comment_message].filter(Boolean).join(". ");
    return {
      text,
      gold: r.most_voted_class!,
      scoreLabel: sentimentFromScore("rating", Number(r.review_score))?.label ?? null,
      predicted: analyseSentiment({ text, language: "pt" }).label,
      matched: new Set(matchThemes(text, "pt", compiled)),
      detectedLanguage: detectLanguage(text),
    };
  });
  const olistTags = tagScores(olistRows, OLIST_CLASS_THEMES);
  const olistSentiment = classify(
    olistRows
      .filter((r) => r.scoreLabel !== null)
      .map((r) => ({ gold: r.scoreLabel as SentimentLabel, predicted: r.predicted })),
    SENTIMENT_LABELS,
  );
  const elapsed = performance.now() - started;

  const share = (rows: ReadonlyArray<{ detectedLanguage: string | null }>, tag: string) => ({
    expected: round(ratio(rows.filter((r) => r.detectedLanguage === tag).length, rows.length)),
    undetermined: round(ratio(rows.filter((r) => r.detectedLanguage === null).length, rows.length)),
  });
  const language = { tweetsEnglish: share(scored, "en"), olistPortuguese: share(olistRows, "pt") };

  printClassification("Sentiment, airline tweets, language given (en) — development half", sentiment.dev);
  printClassification("Sentiment, airline tweets, language given (en) — held-out half", sentiment.heldOut);
  printClassification("Sentiment, airline tweets, language given (en) — all", sentiment.all);
  printClassification("Sentiment, airline tweets, language detected — all", sentiment.allDetectedLanguage);
  printClassification("Sentiment, Olist reviews (pt) vs review score 1–2/3/4–5", olistSentiment);
  printTags(
    `Themes, negative airline tweets vs negativereason (n=${negativeTweets.length}, "Can't Tell" excluded)`,
    tweetTags,
  );
  printTags(`Themes, Olist reviews (pt) vs most_voted_class (n=${olistRows.length})`, olistTags);
  console.log(
    `\nLanguage detection: tweets → "en" ${language.tweetsEnglish.expected} (null ${language.tweetsEnglish.undetermined}); ` +
      `Olist → "pt" ${language.olistPortuguese.expected} (null ${language.olistPortuguese.undetermined})`,
  );
  console.log(`Analysed ${scored.length} tweets and ${olistRows.length} reviews in ${(elapsed / 1000).toFixed(1)} s\n`);

  const summary = {
    bench: "text-accuracy",
    sentiment: {
      tweets: {
        dev: { n: sentiment.dev.n, accuracy: sentiment.dev.accuracy, macroF1: sentiment.dev.macroF1 },
        heldOut: { n: sentiment.heldOut.n, accuracy: sentiment.heldOut.accuracy, macroF1: sentiment.heldOut.macroF1 },
        all: {
          n: sentiment.all.n,
          accuracy: sentiment.all.accuracy,
          macroF1: sentiment.all.macroF1,
          perClass: sentiment.all.perClass,
        },
        allDetectedLanguage: {
          accuracy: sentiment.allDetectedLanguage.accuracy,
          macroF1: sentiment.allDetectedLanguage.macroF1,
        },
      },
      olistPortuguese: { n: olistSentiment.n, accuracy: olistSentiment.accuracy, macroF1: olistSentiment.macroF1 },
    },
    themes: {
      tweets: Object.fromEntries(
        tweetTags.map((t) => [t.label, { precision: t.precision, recall: t.recall, support: t.support }]),
      ),
      olist: Object.fromEntries(
        olistTags.map((t) => [t.label, { precision: t.precision, recall: t.recall, support: t.support }]),
      ),
    },
    language,
  };
  console.log(JSON.stringify(summary));
  return 0;
}

process.exitCode = main();
