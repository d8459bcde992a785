import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { en, type Messages } from "@/server/i18n/messages/en";
import { PriorityMatrixChart } from "./priority-matrix-chart";
import type { ThemeImpactRow } from "./priority-matrix";
import { ThemeImpactTable } from "./theme-impact-table";

const Provider = I18nProvider as (props: { locale: string; messages: Messages; children?: ReactNode }) => ReactNode;
const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(Provider, { locale: "en", messages: en }, element));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

function theme(
  themeId: number,
  name: string,
  frequencyPercent: number | null,
  value: number | null,
  lowSample = false,
): ThemeImpactRow {
  return {
    themeId,
    name,
    mentions: 40,
    negativeMentions: 30,
    impact: {
      value,
      sampleSize: lowSample ? 12 : 80,
      lowSample,
      frequencyPercent,
      npsAll: 12,
      npsWithoutTheme: value === null ? null : 12 - value,
    },
  };
}

const payload = {
  responses: 400,
  themes: [
    theme(1, "Delivery delay", 30, -9.5),
    theme(2, "איחור במשלוח", 4, -6, true),
    theme(3, "Price", 20, -1),
    theme(4, "Unused", 0, null),
  ],
};
const hrefOf = (id: number) => `/feedback?theme=${id}&from=2026-01-01&to=2026-03-31`;

describe("PriorityMatrixChart", () => {
  const props = { from: "2026-01-01", to: "2026-03-31" };

  it("states the method with the period, and names the themes it cannot plot", () => {
    const visible = text(render(createElement(PriorityMatrixChart, { ...props, data: payload, onOpen: () => {} })));
    expect(visible).toContain("Theme priority matrix");
    expect(visible).toContain(
      "Impact on NPS (NPS of all responses − NPS of responses without the theme) against frequency (share of NPS responses that mention it), Jan 1, 2026 – Mar 31, 2026.",
    );
    for (const quadrant of ["Fix first", "Fix where it occurs", "Monitor", "Low priority", "Low sample (n < 30)"]) {
      expect(visible).toContain(quadrant);
    }
    expect(visible).toContain("Not plotted (no NPS responses mention it, or every one does): Unused.");
    expect(visible).toContain("Select a dot, or a theme in the table below");
  });

  it("shows a skeleton while loading and the empty message when no theme has NPS responses", () => {
    expect(render(createElement(PriorityMatrixChart, props))).toContain('aria-busy="true"');
    const empty = text(
      render(
        createElement(PriorityMatrixChart, {
          ...props,
          data: { responses: 0, themes: [theme(4, "Unused", null, null)] },
        }),
      ),
    );
    expect(empty).toContain("No NPS responses mention a theme in this period.");
  });

  it("shows the error with Retry", () => {
    const html = render(createElement(PriorityMatrixChart, { ...props, error: "Timed out.", onRetry: () => {} }));
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("Retry");
  });
});

describe("ThemeImpactTable", () => {
  const html = render(
    createElement(ThemeImpactTable, { rows: payload.themes, loading: false, hrefOf, onOpen: () => {} }),
  );

  it("lists every theme worst impact first, themes without impact last, each linking to the inbox", () => {
    const names = [...html.matchAll(/<bdi>([^<]+)<\/bdi>/g)].map((match) => match[1]);
    expect(names).toEqual(["Delivery delay", "איחור במשלוח", "Price", "Unused"]);
    expect(html).toContain('href="/feedback?theme=1&amp;from=2026-01-01&amp;to=2026-03-31"');
    expect(html).toContain('aria-label="Open the feedback about Delivery delay"');
  });

  it("marks the sorted column and offers every figure column for sorting", () => {
    expect(html).toContain('aria-sort="ascending"');
    const visible = text(html);
    for (const column of [
      "Theme",
      "Mentions",
      "Negative share",
      "Frequency",
      "Impact on NPS",
      "NPS without",
      "Priority",
    ]) {
      expect(visible).toContain(column);
    }
  });

  it("writes figures with units, low-sample impacts marked, missing ones as —", () => {
    const visible = text(html);
    expect(visible).toContain("-9.5 pts");
    expect(visible).toContain("75.0%");
    expect(visible).toContain("Low sample");
    expect(visible).toMatch(/Delivery delay .*Fix first .*איחור במשלוח .*Fix where it occurs/);
    expect(visible).toContain("Not plotted");
    expect(visible).toMatch(/Unused .*—/);
  });
});
