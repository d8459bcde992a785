/**
 * A table drawn as SVG markup, for the PNG export of HTML charts (the heatmap): the browser measures
 * the rendered table and resolves its colours; this turns those boxes into rectangles and text.
 * Pure: the markup is built as a string with every text and attribute escaped.
 */
export interface GridBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Resolved CSS colours; no fill leaves the background showing. */
  fill?: string;
  textColor: string;
  /** Lines of text, already wrapped to the box. */
  lines: string[];
  fontSize: number;
  fontWeight?: number;
  align: "start" | "middle";
  /** Diagonal hatching over the box: a low-sample cell. */
  hatched?: boolean;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The boxes as one SVG document of `width` × `height` pixels, in `fontFamily`. */
export function gridSvgMarkup(
  boxes: readonly GridBox[],
  width: number,
  height: number,
  fontFamily: string,
  hatchColor: string,
): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="${escapeXml(fontFamily)}">`,
    `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${escapeXml(hatchColor)}" stroke-width="1.5"/></pattern></defs>`,
  ];
  for (const box of boxes) {
    const rect = `x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}"`;
    if (box.fill) parts.push(`<rect ${rect} rx="4" fill="${escapeXml(box.fill)}"/>`);
    if (box.hatched) parts.push(`<rect ${rect} rx="4" fill="url(#hatch)"/>`);
    const lineHeight = box.fontSize * 1.25;
    const top = box.y + box.height / 2 - ((box.lines.length - 1) * lineHeight) / 2;
    const x = box.align === "middle" ? box.x + box.width / 2 : box.x + 8;
    box.lines.forEach((line, index) => {
      parts.push(
        `<text x="${round(x)}" y="${round(top + index * lineHeight)}" dominant-baseline="central" text-anchor="${box.align}" font-size="${box.fontSize}" font-weight="${box.fontWeight ?? 400}" fill="${escapeXml(box.textColor)}">${escapeXml(line)}</text>`,
      );
    });
  }
  parts.push("</svg>");
  return parts.join("");
}
