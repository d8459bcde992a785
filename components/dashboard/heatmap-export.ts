import { wrapText } from "./chart-png";
import { type GridBox, gridSvgMarkup } from "./grid-svg";

/**
 * The rendered heatmap table as SVG markup for the PNG export: every header and cell marked
 * `data-grid-box` becomes a box at its measured position, with its computed background and text
 * colour (theme variables and color-mix resolved by the browser) and its text wrapped to its width.
 */
export function tableToSvgMarkup(table: HTMLElement): string {
  const origin = table.getBoundingClientRect();
  const style = getComputedStyle(table);
  const boxes: GridBox[] = [];
  for (const node of Array.from(table.querySelectorAll<HTMLElement>("[data-grid-box]"))) {
    const rect = node.getBoundingClientRect();
    const computed = getComputedStyle(node);
    const fontSize = Number.parseFloat(computed.fontSize) || 12;
    const fontWeight = Number.parseInt(computed.fontWeight, 10) || 400;
    const text = node.dataset.gridText ?? node.textContent ?? "";
    const background = computed.backgroundColor;
    boxes.push({
      x: rect.left - origin.left,
      y: rect.top - origin.top,
      width: rect.width,
      height: rect.height,
      fill: background === "rgba(0, 0, 0, 0)" || background === "transparent" ? undefined : background,
      textColor: computed.color,
      lines: wrapText(text, `${fontWeight} ${fontSize}px ${style.fontFamily}`, rect.width - 12).slice(0, 2),
      fontSize,
      fontWeight,
      align: node.dataset.gridBox === "start" ? "start" : "middle",
      hatched: node.dataset.lowSample === "true",
    });
  }
  const probe = document.createElement("span");
  probe.style.color = "color-mix(in oklab, var(--foreground) 22%, transparent)";
  table.append(probe);
  const hatch = getComputedStyle(probe).color;
  probe.remove();
  return gridSvgMarkup(boxes, origin.width, origin.height, style.fontFamily, hatch);
}
