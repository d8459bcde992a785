import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

/** Screenshots for a person to look at, kept after the run (Playwright clears test-results/ before one). */
const SCREENSHOTS = join("test-results", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

test.use({ viewport: { width: 1440, height: 1000 } });

/** A query procedure's answer, through the same HTTP API and session as the page (superjson inside). */
async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/api/trpc/${path}${search}`);
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test("an executive reads the segments, opens one and compares two with a significance test", async ({ page }) => {
  await signIn(page, "exec@touchpoint.demo");
  const { items } = await query<{ items: { id: number; name: string }[] }>(page, "segments.list", {});
  expect(items.length).toBeGreaterThanOrEqual(2);
  const [a, b] = items as [{ id: number; name: string }, { id: number; name: string }];

  await page.goto("/segments");
  const table = page.getByRole("table", { name: "Segments" });
  await expect(table.getByRole("row")).toHaveCount(items.length + 1);
  await expect(table).toContainText("Revenue at risk");
  await page.screenshot({ path: join(SCREENSHOTS, "segments-list.png"), fullPage: true });
  // read-only: no editing for an executive
  await expect(page.getByRole("button", { name: "New segment" })).toHaveCount(0);

  await table.getByRole("link", { name: `Open segment ${a.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/segments/${a.id}`));
  await expect(page.getByRole("heading", { name: a.name, level: 1 })).toBeVisible();

  await page.goto(`/segments/compare?a=${a.id}&b=${b.id}`);
  const significance = page.getByRole("region", { name: "Is the gap real?" });
  await expect(significance).toContainText(/two-sample z-test/);
  await expect(significance).toContainText(/two-proportion z-test/);
  await expect(page.getByRole("table", { name: `${a.name} and ${b.name} side by side` })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "segments-compare.png"), fullPage: true });
});

test("an admin finds a customer, reads their omnichannel timeline and erases their personal data", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  const { items } = await query<{ items: { id: number; externalId: string; name: string | null }[] }>(
    page,
    "customers.list",
    { limit: 20 },
  );
  const customer = items.find((c) => c.name)!;
  await page.goto("/customers");
  await page.getByLabel("Search customers").fill(customer.externalId);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(customer.externalId)}`));
  await page.getByRole("link", { name: customer.externalId }).first().click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
  await expect(page.getByText("Revenue to date")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "customer-timeline.png"), fullPage: true });

  await page.getByRole("button", { name: "Erase personal data (GDPR)" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Erase the personal data of ${customer.name}?` });
  await expect(dialog).toContainText("Removed for good");
  await dialog.getByRole("button", { name: "Erase personal data" }).click();
  await expect(page.getByText(/Personal data erased on .* by Ada Admin\./)).toBeVisible();
  const profile = await query<{ name: string | null; email: string | null; erased: unknown }>(page, "customers.byId", {
    id: customer.id,
  });
  expect(profile).toMatchObject({ name: null, email: null, erased: expect.anything() });
});
