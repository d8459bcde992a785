import type { Role } from "../../server/domain/enums";

/** Demo workspaces: two brands with different economics, so switching shows different figures. */
export const DEMO_WORKSPACES = [
  { slug: "northwind", name: "Northwind Retail", currency: "USD" },
  { slug: "contoso", name: "Contoso Telecom", currency: "EUR" },
] as const;

/** Shared by every demo user; printed at start. Demo data only — never used for real accounts. */
export const DEMO_PASSWORD = "touchpoint-demo";

/** One demo user per role; each is a member of every demo workspace with that role. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@touchpoint.demo", name: "Ada Admin", role: "admin" },
  { email: "exec@touchpoint.demo", name: "Eve Executive", role: "executive" },
  { email: "cx@touchpoint.demo", name: "Carl CX Manager", role: "cx_manager" },
  { email: "team@touchpoint.demo", name: "Tia Team Member", role: "team_member" },
];
