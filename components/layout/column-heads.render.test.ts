import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type ColumnHead, ColumnHeads } from "./column-heads";

const render = (columns: readonly (ColumnHead | false)[], size?: "sm" | "md") =>
  renderToStaticMarkup(createElement("table", null, createElement(ColumnHeads, { columns, size })));
const heads = (html: string) =>
  [...html.matchAll(/<th scope="col" class="([^"]+)">([^<]+)<\/th>/g)].map((m) => [m[2], m[1]]);

describe("ColumnHeads", () => {
  it("draws one column header per shown column, no gap after the last, numbers at the end", () => {
    const html = render([{ label: "Title" }, false, { label: "KPI" }, { label: "Worth", align: "end" }]);
    expect(html).toContain('<thead class="text-muted-foreground">');
    expect(heads(html)).toEqual([
      ["Title", "py-2 font-medium pe-4 text-start"],
      ["KPI", "py-2 font-medium pe-4 text-start"],
      ["Worth", "py-2 font-medium text-end"],
    ]);
  });

  it("draws a small header for a few figures in a card", () => {
    const html = render(
      [{ label: "Group" }, { label: "Before", align: "end" }, { label: "Change", align: "end" }],
      "sm",
    );
    expect(html).toContain('<thead class="text-xs text-muted-foreground">');
    expect(heads(html)).toEqual([
      ["Group", "py-1 font-medium pe-3 text-start"],
      ["Before", "py-1 font-medium pe-3 text-end"],
      ["Change", "py-1 font-medium text-end"],
    ]);
  });
});
