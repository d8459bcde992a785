import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { kpiTilesEmptyFixture, kpiTilesFixture } from "@/components/dashboard/fixtures";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { en, type Messages } from "@/server/i18n/messages/en";
import type { KpiTilesPayload } from "@/server/domain/dashboard/payload";
import { KpiTiles } from "./kpi-tiles";

// children go as createElement arguments (lint); the provider type says they are required
const Provider = I18nProvider as (props: { locale: string; messages: Messages; children?: ReactNode }) => ReactNode;
const render = (props: { data?: KpiTilesPayload; loading?: boolean; error?: string }) =>
  renderToStaticMarkup(createElement(Provider, { locale: "en", messages: en }, createElement(KpiTiles, props)));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("KpiTiles (server-rendered markup)", () => {
  it("renders six tiles with values, sample sizes and targets", () => {
    const html = render({ data: kpiTilesFixture });
    expect(html.match(/data-testid="kpi-[a-z_]+-value"/g)).toHaveLength(6);
    const visible = text(html);
    expect(visible).toContain("n = 1,234");
    expect(visible).toContain("82.3%");
    expect(visible).toContain("On track");
    expect(visible).toContain("not significant");
    expect(visible).toContain("Not filtered by journey stage and channel");
    expect(visible).not.toContain("Low sample");
  });

  it("shows — and a low-sample mark on every tile without data", () => {
    const visible = text(render({ data: kpiTilesEmptyFixture }));
    expect(visible.match(/Low sample/g)?.length).toBeGreaterThanOrEqual(6);
    expect(visible).not.toMatch(/\$0\b|0\.0%/);
    expect(visible.match(/—/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it("shows skeletons while loading and the error with its message", () => {
    expect(render({ loading: true })).toContain('aria-busy="true"');
    const error = render({ error: "The dashboard service timed out." });
    expect(error).toContain('role="alert"');
    expect(text(error)).toContain("The dashboard service timed out.");
  });
});
