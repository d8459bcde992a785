import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { RevenueAtRiskChart } from "@/components/segment/revenue-at-risk-chart";
import { SegmentNpsRevenueChart } from "@/components/segment/segment-nps-revenue-chart";
import { en, type Messages } from "@/server/i18n/messages/en";
import { ChartCard } from "./chart-card";
import { heatmapFixture, segmentsFixture } from "./fixtures";
import { JourneyHeatmap } from "./journey-heatmap";

// children go as createElement arguments (lint); the provider type says they are required
const Provider = I18nProvider as (props: { locale: string; messages: Messages; children?: ReactNode }) => ReactNode;
const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(Provider, { locale: "en", messages: en }, element));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("ChartCard", () => {
  const card = (props: Partial<Parameters<typeof ChartCard>[0]>) =>
    render(
      createElement(ChartCard, { title: "Revenue at risk", description: "How it is computed.", ...props }, "CHART"),
    );

  it("labels the chart region with its heading and description", () => {
    const html = card({});
    const heading = /<h2 id="([^"]+)"[^>]*>Revenue at risk<\/h2>/.exec(html);
    expect(heading).not.toBeNull();
    expect(html).toMatch(new RegExp(`role="figure" aria-labelledby="${heading![1]}"`));
    expect(html).toContain("CHART");
  });

  it("shows a skeleton while loading, not the chart", () => {
    const html = card({ loading: true });
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain("CHART");
  });

  it("shows the error with a Retry button when it can retry", () => {
    const html = card({ error: "Timed out.", onRetry: () => {} });
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("Timed out.");
    expect(text(html)).toContain("Retry");
    expect(text(card({ error: "Timed out." }))).not.toContain("Retry");
  });

  it("says so when the period has no data", () => {
    expect(text(card({ empty: true }))).toContain("No responses in this period");
  });
});

describe("JourneyHeatmap", () => {
  it("renders an accessible table in journey order, — for empty cells, low-sample cells marked", () => {
    const html = render(createElement(JourneyHeatmap, { data: heatmapFixture }));
    expect(html).toContain("<table");
    expect(html.match(/<th scope="row"/g)).toHaveLength(8);
    expect(html.match(/<th scope="col"/g)).toHaveLength(8);
    const rows = [...html.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(rows).toEqual([
      "Awareness",
      "Consideration",
      "Purchase",
      "Delivery",
      "Use",
      "Service",
      "Loyalty",
      "No stage",
    ]);
    expect(html).toContain('data-low-sample="true"');
    expect(html).toMatch(/data-grid-text="—"/);
    expect(html).not.toContain('<button type="button" data-grid-box');
  });

  it("makes cells with answers buttons when it can drill down", () => {
    const html = render(createElement(JourneyHeatmap, { data: heatmapFixture, onDrill: () => {} }));
    const buttons = html.match(/<button type="button" data-grid-box/g) ?? [];
    expect(buttons.length).toBe(8 * 7 - 2);
  });
});

describe("segment charts", () => {
  it("state the revenue-at-risk rule on the card", () => {
    const visible = text(render(createElement(RevenueAtRiskChart, { data: segmentsFixture })));
    expect(visible).toContain(
      "Trailing-12-month revenue (Oct 1, 2025 – Sep 30, 2026) of customers whose latest NPS answer is 0–6.",
    );
    expect(visible).toMatch(/Total at risk: \$[\d,]+ · churn-weighted: \$[\d,]+/);
  });

  it("load until data arrives", () => {
    expect(render(createElement(SegmentNpsRevenueChart, {}))).toContain('aria-busy="true"');
  });
});
