import { MAX_ACTION_FEEDBACK } from "@/server/domain/actions/inputs";
import { CHANNELS, type Channel, type Role } from "@/server/domain/enums";

// The actions page's URL vocabulary, pure so the server page and the client views read it alike.

/** The page's views: `?view=board|table|mine|impact|review`. */
export const ACTION_VIEWS = ["board", "table", "mine", "impact", "review"] as const;
export type ActionsView = (typeof ACTION_VIEWS)[number];

/** The path of the actions page, and of one action (`/actions/ID`). */
export const ACTIONS_PATH = "/actions";
export const actionPath = (id: number) => `${ACTIONS_PATH}/${id}`;

/** The views that read actions.list. */
export type ListView = "board" | "table" | "mine";

/** The list input of a view: My actions are the user's teams' and their own; the others all they see. */
export function actionsListInput(view: ListView): { mine?: boolean } {
  return view === "mine" ? { mine: true } : {};
}

/** What the create dialog opens with: the scope parts and the inbox selection a link names. */
export interface CreatePrefill {
  segmentId?: number;
  stageId?: number;
  /** A touchpoint is a stage × channel: the dialog turns it into those two scope parts. */
  touchpointId?: number;
  channel?: Channel;
  themeId?: number;
  feedbackIds: number[];
}

export interface ActionsUrlState {
  view: ActionsView;
  /** `?create=1`: the create dialog is open, prefilled from the other parameters. */
  create: CreatePrefill | null;
  /** Parameters whose value was not understood, as "name=value": left out, and said so. */
  ignored: string[];
}

export type ActionsSearchParams = Record<string, string | string[] | undefined>;

const MAX_ID = 2_147_483_647;
const ID = /^[1-9]\d{0,9}$/;

/** A positive database id (PostgreSQL integer), or undefined. */
export function parseId(value: string | undefined): number | undefined {
  if (value === undefined || !ID.test(value.trim())) return undefined;
  const id = Number(value.trim());
  return id <= MAX_ID ? id : undefined;
}

/** The view a role lands on: a team member starts with their own actions, everyone else with the board. */
export function defaultActionsView(role: Role): ActionsView {
  return role === "team_member" ? "mine" : "board";
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Reads the page's search parameters. An unknown view falls back to the role's default; `create`
 * is on for "1" or "true". Ids must be positive integers; `feedback` is a comma-separated list
 * (or repeated), de-duplicated in order and capped at MAX_ACTION_FEEDBACK. Bad values are left
 * out and listed in `ignored`, so a mistyped link still opens.
 */
export function parseActionsSearchParams(params: ActionsSearchParams, role: Role): ActionsUrlState {
  const ignored: string[] = [];
  const rawView = first(params.view);
  const known = ACTION_VIEWS.find((view) => view === rawView);
  if (rawView !== undefined && !known) ignored.push(`view=${rawView}`);
  const view = known ?? defaultActionsView(role);
  const rawCreate = first(params.create);
  if (rawCreate !== "1" && rawCreate !== "true") return { view, create: null, ignored };

  const create: CreatePrefill = { feedbackIds: [] };
  const idParam = (name: "segment" | "stage" | "touchpoint" | "theme", key: keyof CreatePrefill) => {
    const raw = first(params[name]);
    if (raw === undefined || raw === "") return;
    const id = parseId(raw);
    if (id === undefined) ignored.push(`${name}=${raw}`);
    else Object.assign(create, { [key]: id });
  };
  idParam("segment", "segmentId");
  idParam("stage", "stageId");
  idParam("touchpoint", "touchpointId");
  idParam("theme", "themeId");
  const channel = first(params.channel);
  if (channel !== undefined && channel !== "") {
    const known = CHANNELS.find((c) => c === channel);
    if (known) create.channel = known;
    else ignored.push(`channel=${channel}`);
  }
  const seen = new Set<number>();
  for (const part of all(params.feedback).flatMap((value) => value.split(","))) {
    if (part.trim() === "") continue;
    const id = parseId(part);
    if (id === undefined) ignored.push(`feedback=${part}`);
    else if (!seen.has(id) && seen.size < MAX_ACTION_FEEDBACK) seen.add(id);
  }
  create.feedbackIds = [...seen];
  return { view, create, ignored };
}

/** The page URL of a view, with the create dialog's parameters when given. */
export function actionsHref(view: ActionsView, create?: CreatePrefill | null): string {
  const params = new URLSearchParams({ view });
  if (create) {
    params.set("create", "1");
    if (create.segmentId !== undefined) params.set("segment", String(create.segmentId));
    if (create.stageId !== undefined) params.set("stage", String(create.stageId));
    if (create.touchpointId !== undefined) params.set("touchpoint", String(create.touchpointId));
    if (create.channel !== undefined) params.set("channel", create.channel);
    if (create.themeId !== undefined) params.set("theme", String(create.themeId));
    if (create.feedbackIds.length > 0) params.set("feedback", create.feedbackIds.join(","));
  }
  return `${ACTIONS_PATH}?${params.toString()}`;
}

/**
 * The link that opens the create dialog for an inbox selection (the inbox's bulk bar), scoped as
 * the inbox was filtered: its stage, theme, channel and single segment become the action's scope.
 */
export function createFromFeedbackHref(
  feedbackIds: readonly number[],
  scope: { stageId?: number; themeId?: number; channel?: Channel; segmentIds?: readonly (number | null)[] } = {},
): string {
  const [segment, ...more] = scope.segmentIds ?? [];
  return actionsHref("board", {
    feedbackIds: [...feedbackIds],
    ...(scope.stageId !== undefined ? { stageId: scope.stageId } : {}),
    ...(scope.themeId !== undefined ? { themeId: scope.themeId } : {}),
    ...(scope.channel !== undefined ? { channel: scope.channel } : {}),
    ...(segment !== undefined && segment !== null && more.length === 0 ? { segmentId: segment } : {}),
  });
}

/**
 * The inbox filtered to an action's scope (segment, stage, channel, theme, as the inbox's own URL
 * names them), or the bare inbox for a whole-workspace scope. The inbox has no filter for the
 * feedback linked to one action; its scope is the nearest view of it.
 */
export function scopeInboxHref(scope: {
  segmentId: number | null;
  stageId: number | null;
  channel: Channel | null;
  themeId: number | null;
}): string {
  const params = new URLSearchParams();
  if (scope.segmentId !== null) params.set("segment", String(scope.segmentId));
  if (scope.stageId !== null) params.set("stage", String(scope.stageId));
  if (scope.channel !== null) params.set("channel", scope.channel);
  if (scope.themeId !== null) params.set("theme", String(scope.themeId));
  const query = params.toString();
  return query ? `/feedback?${query}` : "/feedback";
}
