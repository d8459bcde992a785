import type { Priority, SentimentLabel } from "@/server/domain/enums";
import type { FeedbackSort } from "@/server/domain/feedback/list";
import type { DismissReason, TriageCommandType } from "@/server/domain/triage/commands";
import type { InboxShortcut } from "@/server/domain/triage/shortcuts";
import type { MessageKey } from "@/server/i18n/core";

// Message keys of the inbox's closed sets. Type-only imports: the domain modules above carry zod,
// and a Record over each union makes a new member a type error here until it has its words.

export const SORT_LABELS: Record<FeedbackSort, MessageKey> = {
  newest: "feedback.sort.newest",
  priority: "feedback.sort.priority",
  negative: "feedback.sort.negative",
};
export const SORTS = Object.keys(SORT_LABELS) as FeedbackSort[];

export const SENTIMENT_LABELS: Record<SentimentLabel, MessageKey> = {
  negative: "feedback.sentiment.negative",
  neutral: "feedback.sentiment.neutral",
  positive: "feedback.sentiment.positive",
};
export const SENTIMENTS = Object.keys(SENTIMENT_LABELS) as SentimentLabel[];

export const COMMAND_LABELS: Record<TriageCommandType, MessageKey> = {
  triage: "feedback.actions.command.triage",
  start: "feedback.actions.command.start",
  resolve: "feedback.actions.command.resolve",
  dismiss: "feedback.actions.command.dismiss",
  reopen: "feedback.actions.command.reopen",
  setPriority: "feedback.actions.command.setPriority",
  assign: "feedback.actions.command.assign",
  setDueDate: "feedback.actions.command.setDueDate",
};

/** The submit button of a command's form ("Resolve item"), distinct from the button that opens it. */
export const COMMAND_SUBMIT: Record<TriageCommandType, MessageKey> = {
  triage: "feedback.actions.submit.triage",
  start: "feedback.actions.submit.start",
  resolve: "feedback.actions.submit.resolve",
  dismiss: "feedback.actions.submit.dismiss",
  reopen: "feedback.actions.submit.reopen",
  setPriority: "feedback.actions.submit.setPriority",
  assign: "feedback.actions.submit.assign",
  setDueDate: "feedback.actions.submit.setDueDate",
};

/** What a command did, for "Saved: resolved." and "12 items resolved". */
export const COMMAND_PAST: Record<TriageCommandType, MessageKey> = {
  triage: "feedback.actions.past.triage",
  start: "feedback.actions.past.start",
  resolve: "feedback.actions.past.resolve",
  dismiss: "feedback.actions.past.dismiss",
  reopen: "feedback.actions.past.reopen",
  setPriority: "feedback.actions.past.setPriority",
  assign: "feedback.actions.past.assign",
  setDueDate: "feedback.actions.past.setDueDate",
};

/** What someone did, after their name in the history ("Dana Levi resolved it"). */
export const COMMAND_HISTORY: Record<TriageCommandType, MessageKey> = {
  triage: "feedback.history.did.triage",
  start: "feedback.history.did.start",
  resolve: "feedback.history.did.resolve",
  dismiss: "feedback.history.did.dismiss",
  reopen: "feedback.history.did.reopen",
  setPriority: "feedback.history.did.setPriority",
  assign: "feedback.history.did.assign",
  setDueDate: "feedback.history.did.setDueDate",
};

export const DISMISS_REASON_LABELS: Record<DismissReason, MessageKey> = {
  spam: "feedback.actions.dismissReasons.spam",
  duplicate: "feedback.actions.dismissReasons.duplicate",
  not_actionable: "feedback.actions.dismissReasons.not_actionable",
};
export const DISMISS_REASONS = Object.keys(DISMISS_REASON_LABELS) as DismissReason[];

/** Status commands, in workflow order (the bulk menu, the panel's buttons). */
export const STATUS_COMMANDS = [
  "triage",
  "start",
  "resolve",
  "dismiss",
  "reopen",
] as const satisfies readonly TriageCommandType[];

export const PRIORITY_ORDER: readonly Priority[] = ["urgent", "high", "normal", "low"];

/** The help overlay's words for each shortcut of INBOX_SHORTCUTS, by KeyboardEvent.key. */
export const SHORTCUT_LABELS: Record<string, MessageKey> = {
  j: "feedback.shortcuts.keys.next",
  k: "feedback.shortcuts.keys.previous",
  Enter: "feedback.shortcuts.keys.open",
  x: "feedback.shortcuts.keys.select",
  Escape: "feedback.shortcuts.keys.escape",
  t: "feedback.shortcuts.keys.triage",
  s: "feedback.shortcuts.keys.start",
  a: "feedback.shortcuts.keys.assign",
  p: "feedback.shortcuts.keys.priority",
  D: "feedback.shortcuts.keys.due",
  r: "feedback.shortcuts.keys.resolve",
  d: "feedback.shortcuts.keys.dismiss",
  R: "feedback.shortcuts.keys.reopen",
  "/": "feedback.shortcuts.keys.search",
  "?": "feedback.shortcuts.keys.help",
};

export const SHORTCUT_GROUPS: Record<InboxShortcut["group"], MessageKey> = {
  Navigation: "feedback.shortcuts.groups.Navigation",
  Triage: "feedback.shortcuts.groups.Triage",
  General: "feedback.shortcuts.groups.General",
};
