import type { Channel } from "../../server/domain/enums";
import type { Language } from "./catalog";
import { monthIndexOf, seasonalWeights, type DemoPlan, type MonthCalendar, type WorkspacePlan } from "./plan";
import type { Episode, WorkspaceProfile } from "./profiles";
import { WeightedTable, type Rng } from "./random";
import type { WorkspaceRefs } from "./reference";

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;

/** Everything the row generators of one workspace look up, precomputed once per workspace. */
export interface WorkspaceContext {
  plan: DemoPlan;
  ws: WorkspacePlan;
  refs: WorkspaceRefs;
  profile: WorkspaceProfile;
  calendar: MonthCalendar;
  segmentTable: WeightedTable<number>;
  regionTable: WeightedTable<number>;
  /** Per region index. */
  languageTables: WeightedTable<Language>[];
  /** Per segment index. */
  preferredChannelTables: WeightedTable<Channel>[];
  /** Languages of anonymous feedback: the regions' languages weighted by region share. */
  anonymousLanguageTable: WeightedTable<Language>;
  /** Mean mood of the workspace's customers, for anonymous feedback. */
  meanMood: number;
  orderMonthWeights: number[];
  orderMaxWeight: number;
  feedbackMonthWeights: number[];
  feedbackMaxWeight: number;
  /** Episodes active in each calendar entry. */
  monthEpisodes: Episode[][];
}

export function createWorkspaceContext(plan: DemoPlan, refs: WorkspaceRefs): WorkspaceContext {
  const { plan: ws } = refs;
  const { profile } = ws;
  const calendar = plan.calendar;

  const anonymousLanguages = new Map<Language, number>();
  for (const region of profile.regions) {
    const total = Object.values(region.languages).reduce((a, b) => a + (b ?? 0), 0);
    for (const [language, weight] of Object.entries(region.languages) as Array<[Language, number]>) {
      anonymousLanguages.set(language, (anonymousLanguages.get(language) ?? 0) + (region.share * weight) / total);
    }
  }

  const seasonal = seasonalWeights(calendar, profile);
  const monthEpisodes = calendar.monthsAgo.map((ago) =>
    profile.episodes.filter((e) => ago <= e.fromMonthsAgo && ago >= e.toMonthsAgo),
  );
  const feedbackMonthWeights = seasonal.map((w, i) =>
    (monthEpisodes[i] as Episode[]).reduce((acc, e) => acc * e.volumeBoost, w),
  );

  return {
    plan,
    ws,
    refs,
    profile,
    calendar,
    segmentTable: new WeightedTable(profile.segments.map((s, i) => [i, s.share] as const)),
    regionTable: new WeightedTable(profile.regions.map((r, i) => [i, r.share] as const)),
    languageTables: profile.regions.map((r) => WeightedTable.fromRecord(r.languages)),
    preferredChannelTables: profile.segments.map((s) => WeightedTable.fromRecord(s.preferredChannels)),
    anonymousLanguageTable: new WeightedTable([...anonymousLanguages.entries()]),
    meanMood: profile.segments.reduce((acc, s) => acc + s.share * s.mood, 0),
    orderMonthWeights: seasonal,
    orderMaxWeight: Math.max(...seasonal),
    feedbackMonthWeights,
    feedbackMaxWeight: Math.max(...feedbackMonthWeights),
    monthEpisodes,
  };
}

/**
 * A whole-second timestamp in [from, to) whose month follows `weights` (rejection sampling):
 * the holiday peak and incident months get proportionally more rows.
 */
export function sampleTime(
  rng: Rng,
  calendar: MonthCalendar,
  from: number,
  to: number,
  weights: readonly number[],
  maxWeight: number,
): number {
  const span = Math.max(to - from, 1000);
  let t = from;
  for (let attempt = 0; attempt < 16; attempt += 1) {
    t = from + rng.next() * span;
    if (rng.next() * maxWeight <= (weights[monthIndexOf(calendar, t)] as number)) break;
  }
  return Math.min(Math.floor(t / 1000) * 1000, Math.max(from, to - 1000));
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
