import { BarChart3, Building2, Inbox, ListChecks, Route, Settings, Users } from "lucide-react";
import type { MessageKey } from "@/server/i18n/core";

/** The sidebar, in the order of the CX loop: measure, map, prioritise, act. */
export const NAV_ITEMS: ReadonlyArray<{ href: string; label: MessageKey; icon: typeof Inbox }> = [
  { href: "/", label: "nav.overview", icon: BarChart3 },
  { href: "/feedback", label: "nav.feedback", icon: Inbox },
  { href: "/journeys", label: "nav.journeys", icon: Route },
  { href: "/segments", label: "nav.segments", icon: Building2 },
  { href: "/actions", label: "nav.actions", icon: ListChecks },
  { href: "/customers", label: "nav.customers", icon: Users },
  { href: "/settings", label: "nav.settings", icon: Settings },
];
