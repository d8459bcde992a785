import { describe, expect, it } from "vitest";
import { escapeXml, gridSvgMarkup } from "./grid-svg";

describe("gridSvgMarkup", () => {
  it("escapes text and attributes", () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>`)).toBe("&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;");
    const svg = gridSvgMarkup(
      [
        {
          x: 0,
          y: 0,
          width: 80,
          height: 40,
          fill: "oklch(0.7 0.1 240)",
          textColor: "rgb(0, 0, 0)",
          lines: ["A & B <C>"],
          fontSize: 12,
          align: "middle",
        },
      ],
      100,
      50,
      '"Inter", sans-serif',
      "rgba(0, 0, 0, 0.2)",
    );
    expect(svg).toContain("A &amp; B &lt;C&gt;");
    expect(svg).toContain('font-family="&quot;Inter&quot;, sans-serif"');
    expect(svg).not.toContain("<C>");
  });

  it("draws fills, hatching and centred lines", () => {
    const svg = gridSvgMarkup(
      [
        {
          x: 10,
          y: 20,
          width: 80,
          height: 40,
          fill: "red",
          textColor: "black",
          lines: ["+12", "◌"],
          fontSize: 10,
          align: "middle",
          hatched: true,
        },
        {
          x: 0,
          y: 20,
          width: 10,
          height: 40,
          textColor: "black",
          lines: ["Stage"],
          fontSize: 12,
          fontWeight: 600,
          align: "start",
        },
      ],
      100,
      60,
      "sans-serif",
      "gray",
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('fill="url(#hatch)"');
    // two lines centred on the box middle (y 40): 40 ∓ 12.5 / 2
    expect(svg).toContain('x="50" y="33.8"');
    expect(svg).toContain('x="50" y="46.3"');
    expect(svg).toContain('text-anchor="start" font-size="12" font-weight="600"');
  });
});
