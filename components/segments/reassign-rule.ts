import { CHANNELS, type Channel } from "@/server/domain/enums";
import type { MessageKey } from "@/server/i18n/core";

/** The rule form as typed: "" is "any"; `currentSegment` is "" (any), "none" (no segment) or an id. */
export interface RuleFormValues {
  region: string;
  channel: string;
  createdAfter: string;
  createdBefore: string;
  currentSegment: string;
}

export const EMPTY_RULE_FORM: RuleFormValues = {
  region: "",
  channel: "",
  createdAfter: "",
  createdBefore: "",
  currentSegment: "",
};

export interface ReassignRule {
  region?: string;
  preferredChannel?: Channel;
  createdBefore?: Date;
  createdAfter?: Date;
  currentSegmentId?: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const midnightUtc = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * segments.reassign's rule from the form. Days are UTC calendar days: "created on or after D" is
 * created_at > D 00:00 UTC (the server compares strictly), "created before D" is created_at < D 00:00.
 * Returns the message key of the first problem instead when no condition is set or the dates are inverted.
 */
export function buildReassignRule(values: RuleFormValues): { rule: ReassignRule } | { error: MessageKey } {
  const rule: ReassignRule = {};
  const region = values.region.trim();
  if (region) rule.region = region;
  const channel = CHANNELS.find((name) => name === values.channel);
  if (channel) rule.preferredChannel = channel;
  if (DAY.test(values.createdAfter)) rule.createdAfter = midnightUtc(values.createdAfter);
  if (DAY.test(values.createdBefore)) rule.createdBefore = midnightUtc(values.createdBefore);
  if (values.currentSegment === "none") rule.currentSegmentId = null;
  else if (/^[1-9]\d*$/.test(values.currentSegment)) rule.currentSegmentId = Number(values.currentSegment);
  if (Object.keys(rule).length === 0) return { error: "segments.reassign.ruleEmpty" };
  if (rule.createdAfter && rule.createdBefore && rule.createdAfter >= rule.createdBefore) {
    return { error: "segments.reassign.datesInverted" };
  }
  return { rule };
}

/** At most this many unknown ids are listed; the rest are counted. */
export const UNKNOWN_IDS_SHOWN = 50;

/** The unknown ids to list and how many more there are. */
export function unknownIdsPreview(ids: readonly string[]): { shown: string[]; more: number } {
  return { shown: ids.slice(0, UNKNOWN_IDS_SHOWN), more: Math.max(0, ids.length - UNKNOWN_IDS_SHOWN) };
}
