import type { LegendItem } from "./chart-legend";

/**
 * PNG export of a chart, in the browser, without a library: the chart's SVG is cloned with its
 * computed styles inlined (theme variables resolved, since an SVG drawn as an image sees no page
 * CSS), framed with the title, description and legend in one standalone SVG, drawn on a canvas at
 * 2× over the theme's card background, and downloaded.
 */
const SVG_NS = "http://www.w3.org/2000/svg";
const SCALE = 2;
const PAD = 16;
const STYLE_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "opacity",
  "visibility",
  "display",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
] as const;

/** A standalone copy of `svg`: computed styles inlined, explicit size, no focus or ARIA leftovers. */
export function standaloneSvg(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...Array.from(svg.querySelectorAll<SVGElement>("*"))];
  const targets = [clone, ...Array.from(clone.querySelectorAll<SVGElement>("*"))];
  sources.forEach((source, index) => {
    const target = targets[index];
    if (!target) return;
    const computed = getComputedStyle(source);
    for (const property of STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value) target.style.setProperty(property, value);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(Math.round(width)));
  clone.setAttribute("height", String(Math.round(height)));
  clone.removeAttribute("tabindex");
  clone.removeAttribute("role");
  return clone;
}

/** Parses SVG markup (e.g. a heatmap drawn as a grid) into an element for the frame. */
export function svgFromMarkup(markup: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = parsed.documentElement;
  return root instanceof SVGSVGElement ? (document.importNode(root, true) as SVGSVGElement) : null;
}

/** A standalone chart SVG and where it sits in the chart region, in CSS pixels. */
export interface PlacedSvg {
  svg: SVGSVGElement;
  x: number;
  y: number;
}

export interface FigureExport {
  /** The chart region: its width frames the image and its styles give the theme colours. */
  figure: HTMLElement;
  title: string;
  description: string;
  legend: readonly LegendItem[];
  /** Every SVG of the chart, laid out as on screen (stacked panels, small multiples). */
  charts: readonly PlacedSvg[];
  fileName: string;
}

/** The chart SVGs rendered inside `figure`, as standalone copies placed where they are on screen. */
export function placedChartSvgs(figure: HTMLElement, selector = "svg.recharts-surface"): PlacedSvg[] {
  const origin = figure.getBoundingClientRect();
  return Array.from(figure.querySelectorAll<SVGSVGElement>(selector)).map((svg) => {
    const rect = svg.getBoundingClientRect();
    return { svg: standaloneSvg(svg), x: rect.left - origin.left, y: rect.top - origin.top };
  });
}

/** Draws the chart, its title, description and legend into a PNG and downloads it. */
export async function downloadFigurePng(input: FigureExport): Promise<void> {
  const svg = composeFigureSvg(input);
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const markup = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement("canvas");
    canvas.width = width * SCALE;
    canvas.height = height * SCALE;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("Canvas 2D is not available.");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("The canvas produced no image.");
    downloadBlob(blob, `${input.fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` under `fileName` through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("The chart could not be drawn as an image."));
    image.src = url;
  });
}

interface Theme {
  background: string;
  foreground: string;
  muted: string;
  font: string;
}

/** Resolves any CSS colour (a theme variable too) to its computed value inside `scope`. */
function resolveColor(scope: HTMLElement, color: string): string {
  const probe = document.createElement("span");
  probe.style.color = color;
  probe.style.display = "none";
  scope.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

function readTheme(figure: HTMLElement): Theme {
  const style = getComputedStyle(figure);
  let background = "";
  for (let node: HTMLElement | null = figure; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== "transparent" && color !== "rgba(0, 0, 0, 0)") {
      background = color;
      break;
    }
  }
  return {
    background: background || resolveColor(figure, "var(--background)"),
    foreground: style.color,
    muted: resolveColor(figure, "var(--muted-foreground)"),
    font: style.fontFamily,
  };
}

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  style: Record<string, string> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  for (const [key, value] of Object.entries(style)) node.style.setProperty(key, value);
  return node;
}

/** Greedy word wrap to `maxWidth` pixels, measured with the canvas text metrics of `font`. */
export function wrapText(text: string, font: string, maxWidth: number): string[] {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return [text];
  context.font = font;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function textWidth(text: string, font: string): number {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return text.length * 7;
  context.font = font;
  return context.measureText(text).width;
}

function legendSwatch(item: LegendItem, color: string, border: string, x: number, y: number): SVGGElement {
  const group = element("g", { transform: `translate(${x} ${y})` });
  const none = { fill: "none" };
  if (item.shape === "square") {
    group.append(element("rect", { x: 2.5, y: 0.5, width: 11, height: 11, rx: 2 }, { fill: color, stroke: border }));
  }
  if (item.shape === "line" || item.shape === "dashed") {
    const dash: Record<string, string> = item.shape === "dashed" ? { "stroke-dasharray": "4 3" } : {};
    group.append(element("line", { x1: 0, y1: 6, x2: 16, y2: 6, "stroke-width": 2.5, ...dash }, { stroke: color }));
  }
  if (item.shape === "dot") group.append(element("circle", { cx: 8, cy: 6, r: 4.5 }, { fill: color }));
  if (item.shape === "hollow") {
    group.append(element("circle", { cx: 8, cy: 6, r: 4, "stroke-width": 1.5 }, { stroke: color, ...none }));
  }
  if (item.shape === "hatched") {
    group.append(
      element(
        "rect",
        { x: 2, y: 0.5, width: 12, height: 11, rx: 2, "stroke-dasharray": "2 1.5" },
        { stroke: color, ...none },
      ),
      element("path", { d: "M2 10 L10 0.5 M6 11.5 L14 2", "stroke-width": 1.2 }, { stroke: color }),
    );
  }
  return group;
}

/** One standalone SVG: background, title, wrapped description, the charts stacked, the legend. */
export function composeFigureSvg({ figure, title, description, legend, charts }: FigureExport): SVGSVGElement {
  const theme = readTheme(figure);
  const size = (chart: PlacedSvg, attribute: "width" | "height") => Number(chart.svg.getAttribute(attribute)) || 0;
  const chartWidth = Math.max(0, ...charts.map((chart) => chart.x + size(chart, "width")));
  const chartHeight = Math.max(0, ...charts.map((chart) => chart.y + size(chart, "height")));
  const width = Math.round(Math.max(320, figure.clientWidth, chartWidth + 2 * PAD));
  const inner = width - 2 * PAD;
  const smallFont = `400 12px ${theme.font}`;
  const content: SVGElement[] = [];
  let y = PAD;

  const text = (value: string, x: number, baseline: number, size: number, weight: number, fill: string) => {
    const node = element(
      "text",
      { x, y: baseline },
      {
        fill,
        "font-family": theme.font,
        "font-size": `${size}px`,
        "font-weight": String(weight),
      },
    );
    node.textContent = value;
    return node;
  };

  content.push(text(title, PAD, y + 16, 16, 600, theme.foreground));
  y += 24;
  for (const line of wrapText(description, smallFont, inner)) {
    content.push(text(line, PAD, y + 13, 12, 400, theme.muted));
    y += 17;
  }
  y += 8;
  for (const chart of charts) {
    chart.svg.setAttribute("x", String(Math.round(PAD + chart.x)));
    chart.svg.setAttribute("y", String(Math.round(y + chart.y)));
    content.push(chart.svg);
  }
  y += chartHeight + 8;
  let x = PAD;
  const border = resolveColor(figure, "var(--border)");
  if (legend.length > 0) y += 4;
  for (const item of legend) {
    const itemWidth = 22 + textWidth(item.label, smallFont) + 16;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += 20;
    }
    content.push(legendSwatch(item, resolveColor(figure, item.color), border, x, y + 2));
    content.push(text(item.label, x + 22, y + 12, 12, 400, theme.muted));
    x += itemWidth;
  }
  if (legend.length > 0) y += 20;
  const height = Math.round(y + PAD);

  const svg = element("svg", { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` });
  svg.append(element("rect", { width, height }, { fill: theme.background }), ...content);
  return svg;
}
