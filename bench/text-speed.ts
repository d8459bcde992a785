// `npm run bench:text-speed` (or `npx tsx bench/text-speed.ts [--runs N] [--comments N] [--datasets DIR]`)
// Times language detection + sentiment + theme matching (analyseBatch with DEFAULT_THEMES, no
// language given) for 10,000 comments on one core: real texts from the shared datasets (airline
// tweets, clothing reviews, Olist reviews in Portuguese) and the demo seed's comment templates in
// Hebrew, Persian, Chinese, Polish and French, interleaved. One warm-up run (it builds the
// lexicons), then `runs` timed runs; prints p50/max per run and throughput, a JSON line, and
// exits 1 when p50 is over the 5 s budget. Reads ../shared/datasets; skips (exit 0) without it.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { COMMENTS } from "../db/seed/comments";
import { analyseBatch, type CommentInput } from "../server/domain/text/analyse";
import { parseCsvRecords } from "../server/domain/text/csv";
import { DEFAULT_THEMES } from "../server/domain/text/default-themes";
import { parseCount } from "../db/seed/cli-args";
import { quantile } from "./target";

/** p50 budget for one batch of 10,000 comments, in ms. */
const BUDGET_MS = 5_000;
const BUDGET_COMMENTS = 10_000;

function column(file: string, name: string): string[] {
  return parseCsvRecords(readFileSync(file, "utf8"))
    .map((r) => r[name] ?? "")
    .filter((t) => t.trim() !== "");
}

function seedTemplates(): string[] {
  const texts: string[] = [];
  for (const [language, pool] of Object.entries(COMMENTS)) {
    if (language === "en" || language === "pt") continue;
    for (const list of [...Object.values(pool.negative), pool.neutral, pool.positive, pool.employee]) {
      for (const text of list) texts.push(text.replace("{n}", "3"));
    }
  }
  return texts;
}

function main(): number {
  const { values } = parseArgs({
    strict: true,
    options: { runs: { type: "string", default: "5" }, comments: { type: "string" }, datasets: { type: "string" } },
  });
  const runs = parseCount("runs", values.runs, { min: 1 }) ?? 5;
  const size = parseCount("comments", values.comments, { min: 1 }) ?? BUDGET_COMMENTS;
  const root = resolve(values.datasets ?? join(import.meta.dirname, "..", "..", "shared", "datasets"));
  const files = {
    tweets: join(root, "airline_tweets", "Tweets.csv"),
    clothing: join(root, "womens_clothing_reviews", "reviews.csv"),
    olist: join(root, "olist_classified", "olist_classified_public_dataset.csv"),
  };
  if (!Object.values(files).every(existsSync)) {
    console.log(`text-speed skipped: datasets not found under ${root} (pass --datasets DIR)`);
    return 0;
  }

  // Interleave the sources in these proportions: 5 tweets, 3 clothing reviews, 1 Olist review, 1 seed template.
  const sources = [
    { texts: column(files.tweets, "text"), weight: 5 },
    { texts: column(files.clothing, "Review Text"), weight: 3 },
    { texts: column(files.olist, "review_comment_message"), weight: 1 },
    { texts: seedTemplates(), weight: 1 },
  ];
  const cursors = sources.map(() => 0);
  const comments: CommentInput[] = [];
  while (comments.length < size) {
    sources.forEach((source, s) => {
      for (let k = 0; k < source.weight && comments.length < size; k++) {
        comments.push({ text: source.texts[cursors[s]! % source.texts.length]! });
        cursors[s]! += 1;
      }
    });
  }
  const characters = comments.reduce((sum, c) => sum + (c.text?.length ?? 0), 0);

  const coldStart = performance.now();
  const warm = analyseBatch(comments, DEFAULT_THEMES);
  const coldMs = performance.now() - coldStart;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    analyseBatch(comments, DEFAULT_THEMES);
    times.push(performance.now() - start);
  }
  const p50 = quantile(times, 0.5);
  const max = Math.max(...times);
  const budget = (BUDGET_MS * size) / BUDGET_COMMENTS;
  const languages: Record<string, number> = {};
  for (const r of warm) languages[r.language ?? "null"] = (languages[r.language ?? "null"] ?? 0) + 1;
  const withTheme = warm.filter((r) => r.themeIds.length > 0).length;

  console.log(`\nText analytics speed: ${size} comments (${characters} characters), ${runs} runs after one warm-up`);
  console.log(`  cold first run (builds lexicons)  ${coldMs.toFixed(0).padStart(7)} ms`);
  console.log(`  p50 per run                       ${p50.toFixed(0).padStart(7)} ms   budget ${budget.toFixed(0)} ms`);
  console.log(`  max per run                       ${max.toFixed(0).padStart(7)} ms`);
  console.log(
    `  throughput                        ${Math.round((size / p50) * 1000)
      .toString()
      .padStart(7)} comments/s`,
  );
  console.log(`  languages detected                ${JSON.stringify(languages)}`);
  console.log(`  comments with a theme             ${withTheme}`);
  const ok = p50 <= budget;
  console.log(
    JSON.stringify({
      bench: "text-speed",
      comments: size,
      runs,
      coldMs: Math.round(coldMs),
      p50Ms: Math.round(p50),
      maxMs: Math.round(max),
      commentsPerSecond: Math.round((size / p50) * 1000),
      budgetMs: Math.round(budget),
      ok,
    }),
  );
  if (!ok) console.error(`text-speed: p50 ${p50.toFixed(0)} ms is over the ${budget.toFixed(0)} ms budget`);
  return ok ? 0 : 1;
}

process.exitCode = main();
