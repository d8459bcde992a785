import type { ActionStatus } from "@/server/domain/enums";
import type { MessageKey } from "@/server/i18n/core";

/** A calendar day (YYYY-MM-DD) as that day, whatever the viewer's time zone. */
export function formatCalendarDay(locale: string, day: string | null): string | null {
  if (day === null) return null;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** The badge tone of each status: finished work positive, dropped muted, the rest neutral. */
export const STATUS_TONE: Readonly<Record<ActionStatus, "neutral" | "primary" | "positive" | "outline">> = {
  proposed: "outline",
  planned: "neutral",
  in_progress: "primary",
  done: "positive",
  verified: "positive",
  dropped: "outline",
};

/**
 * The button that moves an action from `from` to `to`, named for what it does: "Plan", "Start
 * work", "Mark done", "Verify", "Reopen", "Drop…".
 */
export function transitionLabel(from: ActionStatus, to: ActionStatus): MessageKey {
  if (to === "in_progress") return from === "done" ? "actions.move.reopen" : "actions.move.start";
  return (
    {
      proposed: "actions.move.propose",
      planned: "actions.move.plan",
      done: "actions.move.done",
      verified: "actions.move.verify",
      dropped: "actions.move.drop",
    } as const
  )[to];
}
