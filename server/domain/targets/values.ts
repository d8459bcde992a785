import type { Kpi } from "../enums";

/** How a KPI's target is read: the unit it is written in and the closed range it may take. */
export interface TargetValueRule {
  /** The KPI's name in messages, at the start of a sentence. */
  label: string;
  unit: "score" | "percent" | "mean" | "money";
  /** Inclusive bounds, exact decimal strings; `max` null means up to the column's limit. */
  min: string;
  max: string | null;
  /** What to tell someone whose value is out of range. */
  range: string;
  example: string;
}

/** numeric(14, 2): 12 integer digits and 2 decimals. */
export const MAX_TARGET_VALUE = "999999999999.99";

/**
 * The range of each KPI's target, on the scale the KPI engine reports it: NPS −100…100 (points),
 * CSAT and churn 0…100 (percent), CES 1…7 (mean score), revenue and revenue at risk ≥ 0 (money in
 * the workspace currency).
 */
export const TARGET_VALUE_RULES: Readonly<Record<Kpi, TargetValueRule>> = {
  nps: { label: "NPS", unit: "score", min: "-100", max: "100", range: "An NPS target is a score from -100 to 100", example: "35" },
  csat: { label: "CSAT", unit: "percent", min: "0", max: "100", range: "A CSAT target is a percentage from 0 to 100", example: "80" },
  ces: { label: "CES", unit: "mean", min: "1", max: "7", range: "A CES target is a mean score from 1 to 7", example: "5.5" },
  churn: {
    label: "Churn",
    unit: "percent",
    min: "0",
    max: "100",
    range: "A churn target is a percentage of customers from 0 to 100",
    example: "8",
  },
  revenue: { label: "Revenue", unit: "money", min: "0", max: null, range: "A revenue target is an amount of 0 or more", example: "125000.00" },
  revenue_at_risk: {
    label: "Revenue at risk",
    unit: "money",
    min: "0",
    max: null,
    range: "A revenue-at-risk target is an amount of 0 or more",
    example: "5000.00",
  },
};

const DECIMAL = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Hundredths of a decimal string with at most 12 integer digits and 2 decimals, or null. */
function toHundredths(value: string): bigint | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const hundredths = BigInt(match[2]! + (match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -hundredths : hundredths;
}

/**
 * Why `value` cannot be a target for `kpi`, or null when it can. A target is written as a decimal
 * string (digits, an optional "-", up to 2 decimals: "35", "-12.5", "125000.00") so money stays
 * exact; bounds are inclusive and compared exactly, never through a float.
 */
export function targetValueProblem(kpi: Kpi, value: string): string | null {
  const rule = TARGET_VALUE_RULES[kpi];
  const hundredths = toHundredths(value);
  if (hundredths === null) {
    const digits = rule.unit === "money" ? "a number with up to 2 decimals and no currency sign or separators" : "a number with up to 2 decimals";
    return `Write the target as ${digits}, e.g. ${rule.example}.`;
  }
  const below = hundredths < toHundredths(rule.min)!;
  const above = hundredths > toHundredths(rule.max ?? MAX_TARGET_VALUE)!;
  if (!below && !above) return null;
  const upper = rule.max === null && above ? ` and at most ${MAX_TARGET_VALUE}` : "";
  return `${rule.range}${upper}; ${value} is outside that range. Enter a value such as ${rule.example}.`;
}

/** A valid target value written the way PostgreSQL returns numeric(14, 2): "35" → "35.00", "-0" → "0.00". */
export function normaliseTargetValue(value: string): string {
  const hundredths = toHundredths(value);
  if (hundredths === null) throw new Error(`Not a target value: ${JSON.stringify(value)}`);
  const magnitude = (hundredths < 0n ? -hundredths : hundredths).toString().padStart(3, "0");
  return `${hundredths < 0n ? "-" : ""}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
}
