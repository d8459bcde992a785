/**
 * Cell-value readers for the CSV import: each takes the trimmed text of one cell and returns the
 * value or a message saying what the cell should look like.
 */

export type Parsed<T> = { value: T } | { error: string };

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  euro: "€",
  copy: "©",
  reg: "®",
};
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi;

/**
 * Decodes HTML character references: the common named ones (&amp; &lt; &gt; &quot; &apos; &nbsp;
 * and typographic quotes/dashes), decimal (&#39;) and hex (&#x27;) ones. Unknown names, code points
 * past U+10FFFF and surrogates stay as written; one pass, so "&amp;lt;" becomes "&lt;".
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (match, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

const TRUE_WORDS = new Set(["yes", "y", "true", "t", "1", "sim", "oui", "ja", "si", "sí"]);
const FALSE_WORDS = new Set(["no", "n", "false", "f", "0", "não", "nao", "non", "nein"]);

/** Yes/No, Y/N, true/false, T/F, 1/0 (any case; a few other languages' yes/no too) as a boolean. */
export function parseBoolean(text: string): Parsed<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return { error: `"${text}" is not yes/no; write Yes or No, true or false, 1 or 0.` };
}

/** A whole-number score: "4", "4.0", " 10 " → 4, 4, 10; "4.5", "four" → error. */
export function parseScore(text: string): Parsed<number> {
  const match = /^([+-]?\d{1,6})(?:\.0*)?$/.exec(text.trim());
  if (!match) return { error: `"${text}" is not a whole-number score.` };
  return { value: Number(match[1]) };
}

/**
 * An amount as an exact decimal string, tolerant of how spreadsheets write money: a leading
 * currency symbol, thousands separators in the 1,234,567.89 form, a trailing minus and
 * accounting parentheses for negatives: "$1,234.50" → "1234.50", "(12.00)" → "-12.00", "12-" →
 * "-12". A comma as the decimal point ("12,50") is refused rather than guessed.
 */
export function parseAmount(text: string): Parsed<string> {
  let body = text.trim().replace(/\s/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  if (body.endsWith("-")) {
    negative = !negative;
    body = body.slice(0, -1);
  }
  if (body.startsWith("-")) {
    negative = !negative;
    body = body.slice(1);
  }
  body = body.replace(/^(?:[$€£¥₹]|R\$|[A-Z]{3})/, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(body)) {
    return { error: `"${text}" is not an amount; write it like 1234.56 (a "." as the decimal point).` };
  }
  return { value: `${negative && /[1-9]/.test(body) ? "-" : ""}${body}` };
}

/**
 * The comparison form of a column header: accents removed, camelCase split, everything but
 * letters and digits turned into single spaces, lower case, trimmed: "Review_Text" → "review text",
 * "customerID" → "customer id", "Créé le" → "cree le".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
