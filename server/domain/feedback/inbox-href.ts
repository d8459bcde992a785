import { AppError } from "../../errors";
import { dayNumber, formatIsoDate, MAX_YEAR, MIN_YEAR } from "../dashboard/calendar";
import type { Channel, FeedbackStatus, MetricKind } from "../enums";
import { feedbackFiltersInput, type NpsCategory } from "./filters";
import { feedbackFiltersQuery } from "./search-params";

export const FEEDBACK_INBOX_PATH = "/feedback";

/** A drill-down into the inbox; every field is optional (none: the whole inbox). */
export interface FeedbackInboxLink {
  /** One segment; null: customers without a segment and anonymous feedback. */
  segmentId?: number | null;
  /** Several segments (any of them); not together with `segmentId`. */
  segmentIds?: readonly (number | null)[];
  stageId?: number;
  /** A calendar month "YYYY-MM" (UTC days 1 to its last); not together with `from`/`to`. */
  month?: string;
  /** First UTC day "YYYY-MM-DD", included. */
  from?: string;
  /** Last UTC day "YYYY-MM-DD", included. */
  to?: string;
  channel?: Channel;
  region?: string;
  kind?: MetricKind;
  /** An NPS category; implies `kind: "nps"` when no kind is given. */
  category?: NpsCategory;
  status?: FeedbackStatus;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** First and last day of "YYYY-MM" as "YYYY-MM-DD". */
function monthRange(month: string): { from: string; to: string } {
  const match = MONTH.exec(month);
  const [year, number] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || number < 1 || number > 12 || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError(
      "INVALID_INPUT",
      `"${month}" is not a month in the form YYYY-MM from ${MIN_YEAR}, e.g. 2026-03.`,
    );
  }
  return { from: formatIsoDate(dayNumber(year, number, 1)), to: formatIsoDate(dayNumber(year, number + 1, 0)) };
}

/**
 * The inbox URL ("/feedback?stage=12&from=2026-03-01&to=2026-03-31") that shows the feedback behind a
 * dashboard figure. `month` becomes `from`/`to` of that month; `category` without `kind` means NPS.
 * Parameters come in a fixed order, so equal links are equal strings.
 *
 * Throws INVALID_INPUT when the link breaks a rule of feedbackFiltersInput (./filters.ts), or mixes
 * `month` with `from`/`to` or `segmentId` with `segmentIds`: a caller's mistake, not a user's.
 */
export function feedbackInboxHref(link: FeedbackInboxLink = {}): string {
  const { segmentId, segmentIds, month, kind, category, ...rest } = link;
  if (month !== undefined && (rest.from !== undefined || rest.to !== undefined)) {
    throw new AppError("INVALID_INPUT", "A feedback link takes either a month or from/to dates, not both.");
  }
  if (segmentId !== undefined && segmentIds !== undefined) {
    throw new AppError("INVALID_INPUT", "A feedback link takes either segmentId or segmentIds, not both.");
  }
  const checked = feedbackFiltersInput.safeParse({
    ...rest,
    ...(month === undefined ? {} : monthRange(month)),
    segmentIds: segmentId === undefined ? [...(segmentIds ?? [])] : [segmentId],
    metricKind: kind ?? (category === undefined ? undefined : "nps"),
    npsCategory: category,
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError("INVALID_INPUT", `Cannot link to the feedback inbox: ${issue?.message ?? "invalid filters."}`);
  }
  const query = feedbackFiltersQuery(checked.data);
  return query ? `${FEEDBACK_INBOX_PATH}?${query}` : FEEDBACK_INBOX_PATH;
}
