import type { TriageCommandType } from "./commands";

/**
 * Keyboard shortcuts of the feedback inbox, as data: the key handler and the help overlay (?) both
 * read this list, so a shortcut cannot exist without its description or vice versa.
 * `key` is the KeyboardEvent.key value (case-sensitive: "R" is Shift+R); `label` is how the help
 * overlay prints it. Shortcuts never fire while focus is in a text field.
 */
export interface InboxShortcut {
  key: string;
  label: string;
  group: "Navigation" | "Triage" | "General";
  description: string;
  /** The triage command the shortcut starts (a dialog collects the rest, e.g. the resolution note). */
  command?: TriageCommandType;
}

export const INBOX_SHORTCUTS: readonly InboxShortcut[] = [
  { key: "j", label: "J", group: "Navigation", description: "Move to the next item" },
  { key: "k", label: "K", group: "Navigation", description: "Move to the previous item" },
  { key: "Enter", label: "Enter", group: "Navigation", description: "Open the selected item" },
  { key: "x", label: "X", group: "Navigation", description: "Select or deselect the item (for bulk actions)" },
  { key: "Escape", label: "Esc", group: "Navigation", description: "Close the item or clear the selection" },
  { key: "t", label: "T", group: "Triage", description: "Mark as triaged", command: "triage" },
  {
    key: "s",
    label: "S",
    group: "Triage",
    description: "Start work (assigns it to you if unassigned)",
    command: "start",
  },
  { key: "a", label: "A", group: "Triage", description: "Assign to a person or a team", command: "assign" },
  { key: "p", label: "P", group: "Triage", description: "Change priority", command: "setPriority" },
  { key: "D", label: "Shift D", group: "Triage", description: "Set or reset the due date", command: "setDueDate" },
  { key: "r", label: "R", group: "Triage", description: "Resolve, with a note", command: "resolve" },
  {
    key: "d",
    label: "D",
    group: "Triage",
    description: "Dismiss as spam, duplicate or not actionable",
    command: "dismiss",
  },
  {
    key: "R",
    label: "Shift R",
    group: "Triage",
    description: "Reopen a resolved or dismissed item",
    command: "reopen",
  },
  { key: "/", label: "/", group: "General", description: "Search feedback" },
  { key: "?", label: "?", group: "General", description: "Show these shortcuts" },
];

const BY_KEY = new Map(INBOX_SHORTCUTS.map((shortcut) => [shortcut.key, shortcut]));

/** The shortcut bound to a KeyboardEvent.key value, if any. */
export function shortcutForKey(key: string): InboxShortcut | undefined {
  return BY_KEY.get(key);
}
