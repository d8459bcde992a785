import { formatMoney, formatRelativePercent, formatScoreChange } from "@/components/dashboard/format";
import type { MoneyDelta } from "@/server/domain/dashboard/payload";
import type { Delta, Direction } from "@/server/domain/kpi/delta";
import type { Translate } from "@/server/i18n/core";

/** How a change reads: good (green), bad (red), or neither. */
export type Tone = "good" | "bad" | "neutral";

/** Up is good when higher is better, down is good otherwise; flat or unknown is neutral. */
export function deltaTone(direction: Direction | null, higherIsBetter: boolean): Tone {
  if (direction === null || direction === "flat") return "neutral";
  return (direction === "up") === higherIsBetter ? "good" : "bad";
}

/** A change against the comparison period, as a KPI tile or a segment's figure shows it. */
export interface DeltaView {
  direction: Direction | null;
  tone: Tone;
  /** "+3.5 pts", "+$55,518 (+4.5%)", "+12". */
  text: string;
  /** "Better", "Worse", "Unchanged" for screen readers (the colour and arrow say it to the eye). */
  meaning: string;
}

export interface DeltaContext {
  t: Translate;
  locale: string;
  currency: string;
}

function meaningOf(t: Translate, tone: Tone): string {
  if (tone === "good") return t("dashboard.kpi.better");
  if (tone === "bad") return t("dashboard.kpi.worse");
  return t("dashboard.kpi.unchanged");
}

/**
 * The change of a score or a count; `unit` says how it prints: points ("+3.5 pts"), a percentage's
 * points ("+2 pts"), a mean ("+0.3") or a whole count ("+12"). Null without a change to show.
 */
export function scoreDeltaView(
  ctx: DeltaContext,
  unit: "points" | "percent" | "mean" | "count",
  delta: Delta | null | undefined,
  higherIsBetter: boolean,
): DeltaView | null {
  if (!delta || delta.absolute === null) return null;
  const tone = deltaTone(delta.direction, higherIsBetter);
  let text: string;
  if (unit === "count") {
    text = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(
      delta.absolute,
    );
  } else {
    const change = formatScoreChange(ctx.locale, unit, delta.absolute);
    text = unit === "mean" ? change : ctx.t("dashboard.kpi.points", { value: change });
  }
  return { direction: delta.direction, tone, text, meaning: meaningOf(ctx.t, tone) };
}

/** The change of a money figure: "+$1,200 (+4.5%)", or the amount alone when the previous one was 0. */
export function moneyDeltaView(
  ctx: DeltaContext,
  delta: MoneyDelta | null | undefined,
  higherIsBetter: boolean,
): DeltaView | null {
  if (!delta || delta.absolute === null) return null;
  const tone = deltaTone(delta.direction, higherIsBetter);
  const absolute = formatMoney(ctx.locale, delta.absolute, ctx.currency, { signed: true });
  const text =
    delta.relativePercent === null
      ? absolute
      : ctx.t("dashboard.kpi.moneyChange", {
          value: absolute,
          percent: formatRelativePercent(ctx.locale, delta.relativePercent),
        });
  return { direction: delta.direction, tone, text, meaning: meaningOf(ctx.t, tone) };
}
