import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

// The inbox filters whole UTC days; showing times in UTC lets the test compare them with the range.
test.use({ timezoneId: "UTC" });

/** A query procedure's answer, through the same HTTP API and session as the page (superjson inside). */
async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/api/trpc/${path}${search}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A journey stage with feedback and the calendar month (UTC) of its newest item. */
async function stageWithFeedback(page: Page) {
  const { items: stages } = await query<{ items: { id: number; name: string; feedbackCount: number }[] }>(
    page,
    "journeys.list",
  );
  const stage = [...stages].sort((a, b) => b.feedbackCount - a.feedbackCount)[0];
  if (!stage) throw new Error("the demo data has no journey stages");
  const { items } = await query<{ items: { receivedAt: string }[] }>(page, "feedback.list", {
    stageId: stage.id,
    limit: 1,
  });
  const newest = items[0]?.receivedAt;
  if (!newest) throw new Error(`stage ${stage.name} has no feedback`);
  const [year, month] = newest.slice(0, 7).split("-").map(Number) as [number, number];
  const from = `${newest.slice(0, 7)}-01`;
  const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { stage, from, to };
}

/** Received instants (from the <time> elements) and texts of the rows on screen. */
async function visibleRows(page: Page) {
  const list = page.getByRole("list", { name: "Feedback items" });
  await expect(list).toBeVisible();
  const rows = list.getByRole("listitem");
  const received = await rows
    .locator("time")
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime") ?? ""));
  const texts = await rows.allTextContents();
  return { received, texts };
}

test("a drill-down link shows only matching feedback, with its filters as removable chips", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  const { stage, from, to } = await stageWithFeedback(page);

  await page.goto(`/feedback?stage=${stage.id}&from=${from}&to=${to}`);
  const chips = page.getByRole("list", { name: "Active filters" });
  const stageChip = chips.getByRole("link", { name: `Remove filter Stage: ${stage.name}` });
  await expect(stageChip).toBeVisible();
  const dateChip = chips.getByRole("link", { name: /^Remove filter .*\d{4}$/ });
  await expect(dateChip).toBeVisible();

  const { received, texts } = await visibleRows(page);
  expect(received.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).toContain(stage.name);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  for (const at of received) {
    expect(at >= `${from}T00:00:00.000Z` && at < end, `${at} within ${from}..${to}`).toBe(true);
  }

  // a status keeps the drill-down filters
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "New" }).click();
  await expect(page).toHaveURL(new RegExp(`/feedback\\?status=new&stage=${stage.id}&from=${from}&to=${to}$`));
  await expect(stageChip).toBeVisible();

  // removing a chip drops that filter from the URL and no other
  await stageChip.click();
  await expect(page).toHaveURL(new RegExp(`/feedback\\?status=new&from=${from}&to=${to}$`));
  await expect(chips.getByRole("link", { name: /Stage:/ })).toHaveCount(0);
  await expect(dateChip).toBeVisible();

  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/feedback\?status=new$/);
  await expect(chips).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Feedback items" })).toBeVisible();
});

test("values the inbox cannot use are left out, with a message, and the rest still apply", async ({ page }) => {
  await signIn(page, "team@touchpoint.demo");
  await page.goto("/feedback?stage=delivery&channel=fax&to=2026-02-30&kind=nps&category=detractor");
  const notice = page.getByTestId("filter-errors");
  await expect(notice).toContainText("Some filters in this link could not be used");
  await expect(notice).toContainText('Ignored journey stage "delivery"');
  await expect(notice).toContainText('Ignored channel "fax"');
  await expect(notice).toContainText("2026-02-30 is not a date in the calendar.");
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("link")).toHaveText(["Score: NPS", "NPS: Detractors"]);
  await expect(page.getByTestId("page-error")).toHaveCount(0);
  // a team member sees only their own and their teams' items: perhaps none of these
  await expect(page.getByRole("list", { name: "Feedback items" }).or(page.getByTestId("feedback-empty"))).toBeVisible();
});
