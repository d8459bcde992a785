import type { Role } from "../domain/enums";

/**
 * The one role → permission table. Procedures name a permission; nothing else checks roles.
 * Pure: the UI imports it to hide what a role cannot do (the server still enforces it).
 */
export const PERMISSIONS = [
  "workspace.read",
  "workspace.manage",
  /** API keys and webhook endpoints (Settings → Integrations): they let outside systems write data. */
  "workspace.integrations",
  /** The whole workspace to an archive file, and an archive into a new or empty workspace (Settings → Data). */
  "workspace.archive",
  "dashboard.read",
  "feedback.read",
  /** Every item of the workspace; without it, feedback.read shows one's own and one's teams' items. */
  "feedback.read_all",
  "feedback.triage",
  /** Triage commands on the items one may triage: all (with feedback.triage) or one's own and one's teams'. */
  "feedback.work",
  /** The theme library and the SLA policy. */
  "feedback.configure",
  "journeys.read",
  "journeys.manage",
  "segments.read",
  "segments.manage",
  "customers.read",
  /** GDPR erasure of a customer's personal data and free text: admins only. */
  "customers.erase",
  "actions.read",
  /** Create, edit anything on, verify, drop and close the loop of any action of the workspace. */
  "actions.manage",
  /** Edit, move and comment on the actions one may work on: all (with actions.manage) or one's teams'. */
  "actions.work",
  "targets.manage",
  "audit.read",
  /** CSV import in Settings (upload, map, run, undo) and its saved mappings: it writes customers, orders and feedback in bulk. */
  "imports.run",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  "workspace.read",
  "dashboard.read",
  "feedback.read",
  "feedback.read_all",
  "journeys.read",
  "segments.read",
  "customers.read",
  "actions.read",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  executive: new Set([...READ_ALL, "targets.manage"]),
  cx_manager: new Set([
    ...READ_ALL,
    "feedback.triage",
    "feedback.work",
    "feedback.configure",
    "journeys.manage",
    "actions.manage",
    "actions.work",
    // bringing survey, review and ticket exports in is part of measuring (the first step of the CX loop)
    "imports.run",
  ]),
  team_member: new Set([
    "workspace.read",
    "dashboard.read",
    "feedback.read",
    "feedback.work",
    "journeys.read",
    "actions.read",
    "actions.work",
  ]),
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
