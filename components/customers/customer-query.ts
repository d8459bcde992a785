/** Shared by the server page (prefetch) and the client table, so both use the same query key. */
export const CUSTOMERS_PAGE_SIZE = 50;

/** A segment filter: a segment id, `null` for customers without a segment, `undefined` for all. */
export type CustomerSegmentFilter = number | null | undefined;

/** `segment=none` in the URL: customers without a segment. */
export const NO_SEGMENT_PARAM = "none";

export function customersListInput(search: string, segmentId?: CustomerSegmentFilter) {
  return {
    limit: CUSTOMERS_PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(segmentId === undefined ? {} : { segmentId }),
  };
}

export function nextCustomersCursor(page: { nextCursor: number | null }): number | undefined {
  return page.nextCursor ?? undefined;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The `q` URL parameter as a search term: trimmed, at most 100 characters (the input's limit). */
export function parseCustomerSearch(value: string | string[] | undefined): string {
  return (first(value) ?? "").trim().slice(0, 100);
}

/** The `segment` URL parameter: an id, "none", or anything else (all segments). */
export function parseCustomerSegment(value: string | string[] | undefined): CustomerSegmentFilter {
  const text = first(value)?.trim().toLowerCase();
  if (text === NO_SEGMENT_PARAM) return null;
  if (!text || !/^[1-9]\d{0,9}$/.test(text)) return undefined;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : undefined;
}

/** The customers list URL for a search and a segment filter; defaults are left out. */
export function customersHref(search: string, segmentId: CustomerSegmentFilter): string {
  const params = new URLSearchParams();
  const q = search.trim();
  if (q) params.set("q", q);
  if (segmentId !== undefined) params.set("segment", segmentId === null ? NO_SEGMENT_PARAM : String(segmentId));
  const query = params.toString();
  return query ? `/customers?${query}` : "/customers";
}

/** customers.byId's input without the cursor: the key of the customer page's timeline pages. */
export function customerPageInput(id: number) {
  return { id };
}

/** Where the next timeline page starts; undefined after the last. */
export function nextTimelineCursor<C>(page: { timeline: { nextCursor: C | null } }): C | undefined {
  return page.timeline.nextCursor ?? undefined;
}
