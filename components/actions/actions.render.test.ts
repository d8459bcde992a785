import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { ActionStatus } from "@/server/domain/enums";
import { en, type Messages } from "@/server/i18n/messages/en";
import { ActionBoard } from "./action-board";
import { ActionHistory } from "./action-history";
import { ActionTeamTable } from "./action-team-table";
import type { ActionListItem } from "./action-types";

const Provider = I18nProvider as (props: { locale: string; messages: Messages; children?: ReactNode }) => ReactNode;
const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(Provider, { locale: "en", messages: en }, element));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

let nextId = 1;
function item(status: ActionStatus, overrides: Partial<ActionListItem> = {}): ActionListItem {
  const id = nextId++;
  return {
    id,
    title: `Action ${id}`,
    status,
    kpi: "nps",
    dueDate: "2025-03-01",
    reviewDate: null,
    ownerTeamId: 1,
    ownerTeamName: "Delivery",
    assigneeId: null,
    assigneeName: null,
    baseline: "20.00",
    target: "30.00",
    completedAt: null,
    version: 1,
    overdue: false,
    upForReview: false,
    ...overrides,
  };
}

describe("ActionBoard", () => {
  it("shows a labelled column per status with its count, cards linking to the action, dropped apart", () => {
    const items = [item("planned", { overdue: true }), item("done"), item("dropped", { title: "Old idea" })];
    const html = render(createElement(ActionBoard, { items }));
    for (const name of ["Proposed", "Planned", "In progress", "Done", "Verified"]) {
      expect(html).toMatch(new RegExp(`<h2 id="[^"]+"[^>]*>${name}<span`));
    }
    expect(html).toContain(`href="/actions/${items[0]!.id}"`);
    expect(text(html)).toContain("Overdue");
    expect(text(html)).toContain("Dropped (1)");
    expect(html).toMatch(/<details[^>]*>/);
    expect(html).not.toMatch(/<details[^>]* open/);
  });
});

describe("ActionTeamTable", () => {
  it("captions one table per team, no team last, and highlights overdue rows", () => {
    const items = [
      item("planned", { ownerTeamId: null, ownerTeamName: null }),
      item("in_progress", { ownerTeamId: 2, ownerTeamName: "Billing", overdue: true }),
    ];
    const html = render(createElement(ActionTeamTable, { items }));
    const captions = [...html.matchAll(/<caption[^>]*>(.*?)<\/caption>/g)].map((m) => text(m[1]!).trim());
    expect(captions).toEqual(["Billing Actions: 1 Overdue: 1", "No team Actions: 1"]);
    expect(html).toContain('data-overdue="true"');
  });
});

describe("ActionHistory", () => {
  it("says who moved the action, from what to what, with the note", () => {
    const at = new Date("2025-01-02T10:00:00Z");
    const html = render(
      createElement(ActionHistory, {
        when: new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }),
        history: [
          {
            id: 1,
            fromStatus: null,
            toStatus: "proposed",
            changedAt: at,
            changedById: 1,
            changedByName: "Ana",
            note: null,
          },
          {
            id: 2,
            fromStatus: "proposed",
            toStatus: "dropped",
            changedAt: at,
            changedById: 2,
            changedByName: null,
            note: "Duplicate of #4",
          },
        ],
      }),
    );
    expect(text(html)).toContain("Ana created it as Proposed");
    expect(text(html)).toContain("Someone moved it from Proposed to Dropped");
    expect(text(html)).toContain("Duplicate of #4");
  });
});
