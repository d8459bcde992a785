/** Shared by the server page (prefetch) and the client table, so both use the same query key. */
export const CUSTOMERS_PAGE_SIZE = 50;

export function customersListInput(search: string) {
  return search ? { limit: CUSTOMERS_PAGE_SIZE, search } : { limit: CUSTOMERS_PAGE_SIZE };
}

export function nextCustomersCursor(page: { nextCursor: number | null }): number | undefined {
  return page.nextCursor ?? undefined;
}

/** The `q` URL parameter as a search term: trimmed, at most 100 characters (the input's limit). */
export function parseCustomerSearch(value: string | string[] | undefined): string {
  return (typeof value === "string" ? value : "").trim().slice(0, 100);
}
