import { AppError } from "../../errors";
import { parseCsv } from "../text/csv";
import { REASSIGN_MAX_IDS } from "./inputs";

/** Header names (case, spaces, `-` and `_` ignored) that mark the column of customer ids. */
const ID_HEADERS = new Set(["externalid", "customerid", "customerexternalid", "id", "customer"]);
const normalise = (header: string) => header.toLowerCase().replace(/[\s_-]/g, "");

/**
 * Customer external ids from CSV text: the column whose header names an id (external_id,
 * customer_id, id, customer…, any case), else the first column of every row, header or not (a
 * header that is not an id then shows up among the unknown ids, which is what the user should see).
 * Fields are trimmed; blanks are skipped; repeats count once, in first-seen order.
 * Throws INVALID_INPUT when no id is left or there are more than {@link REASSIGN_MAX_IDS}.
 */
export function parseExternalIdsCsv(text: string): string[] {
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const column = header.findIndex((cell) => ID_HEADERS.has(normalise(cell.trim())));
  const body = column >= 0 ? rows.slice(1) : rows;
  const ids = new Set<string>();
  for (const row of body) {
    const value = row[Math.max(column, 0)]?.trim();
    if (value) ids.add(value);
  }
  if (ids.size === 0)
    throw new AppError("INVALID_INPUT", "The CSV names no customer ids: put one external id per row.");
  if (ids.size > REASSIGN_MAX_IDS) {
    throw new AppError(
      "INVALID_INPUT",
      `The CSV names ${ids.size} customers; at most ${REASSIGN_MAX_IDS} per upload. Split the file.`,
    );
  }
  return [...ids];
}
