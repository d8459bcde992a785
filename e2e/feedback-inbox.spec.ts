import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

/** Screenshots for a person to look at, kept after the run (Playwright clears test-results/ before one). */
const SCREENSHOTS = join("test-results", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

interface ListItem {
  id: number;
  status: string;
  text: string | null;
  teamId: number | null;
  language: string | null;
}

/** A query procedure's answer, through the same HTTP API and session as the page (superjson inside). */
async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/api/trpc/${path}${search}`);
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

const list = (page: Page, input: Record<string, unknown>) =>
  query<{ items: ListItem[] }>(page, "feedback.list", { limit: 50, ...input }).then((answer) => answer.items);

const inbox = (page: Page) => page.getByRole("list", { name: "Feedback items" });
const panel = (page: Page) => page.getByTestId("feedback-detail");
const announcement = (page: Page) => page.getByTestId("inbox-announcement");

/** The detail panel's fact (Owner, Journey stage…) by its label. */
const fact = (detail: Locator, label: string) =>
  detail.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");

test.use({ viewport: { width: 1440, height: 1000 } });

test("a manager filters to detractors in one segment, opens an item and assigns it to a team", async ({ page }) => {
  await signIn(page, "cx@touchpoint.demo");
  // a segment with a new NPS detractor, the first one the inbox will list, and a team to give it to
  const { segments } = await query<{ segments: { id: number; name: string }[] }>(page, "dashboard.filterOptions");
  let target: { segment: { id: number; name: string }; item: ListItem } | undefined;
  for (const segment of segments) {
    const [item] = await list(page, {
      status: "new",
      metricKind: "nps",
      npsCategory: "detractor",
      segmentIds: [segment.id],
      limit: 1,
    });
    if (item) {
      target = { segment, item };
      break;
    }
  }
  if (!target) throw new Error("the demo data has no new NPS detractor in any segment");
  const { teams } = await query<{ teams: { id: number; name: string }[] }>(page, "feedback.assignees");
  const team = teams.find((candidate) => candidate.id !== target.item.teamId)!;

  await page.goto("/feedback");
  await expect(inbox(page)).toBeVisible();
  await page.getByRole("button", { name: "More filters" }).click();
  await page.getByLabel("NPS group").selectOption("detractor");
  await expect(page).toHaveURL(/\/feedback\?kind=nps&category=detractor$/);
  await page.getByLabel("Segment", { exact: true }).selectOption(String(target.segment.id));
  await expect(page).toHaveURL(new RegExp(`\\?segment=${target.segment.id}&kind=nps&category=detractor$`));
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "New" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?status=new&segment=${target.segment.id}&kind=nps&category=detractor$`));

  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("link")).toHaveText([
    `Segment: ${target.segment.name}`,
    "Score: NPS",
    "NPS: Detractors",
  ]);
  // every row on screen is an NPS answer of 0–6
  const scores = await inbox(page)
    .getByRole("img")
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label")));
  expect(scores.length).toBeGreaterThan(0);
  for (const label of scores) expect(Number(/^NPS (\d+)\/10$/.exec(label ?? "")?.[1] ?? 99)).toBeLessThanOrEqual(6);

  await page.getByRole("button", { name: `Open feedback ${target.item.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`&item=${target.item.id}$`));
  const detail = panel(page);
  await expect(detail.getByRole("heading", { name: `Feedback ${target.item.id}` })).toBeFocused();
  await expect(detail.getByTestId("feedback-detail-text")).toHaveAttribute("dir", "auto");

  await detail.getByRole("button", { name: "Assign", exact: true }).click();
  await detail.getByLabel("Team").selectOption({ label: team.name });
  await detail.getByRole("button", { name: "Save owner" }).click();
  await expect(announcement(page)).toHaveText("Saved: assigned.");
  await expect(fact(detail, "Owner")).toContainText(team.name);
  await expect(detail.getByRole("region", { name: "History" })).toContainText("Carl CX Manager changed the owner");
  // the list shows the new owner too
  await expect(inbox(page).locator(`[data-feedback-id="${target.item.id}"]`)).toContainText(team.name);

  // a shared link opens the same item
  const link = page.url();
  await page.goto(link);
  await expect(panel(page).getByRole("heading", { name: `Feedback ${target.item.id}` })).toBeVisible();
  // Back closes the item, and Escape does too
  await page.keyboard.press("Escape");
  await expect(panel(page)).toHaveCount(0);
  await expect(page).not.toHaveURL(/item=/);
});

test("a manager resolves an item with a note from the keyboard", async ({ page }) => {
  await signIn(page, "cx@touchpoint.demo");
  const [first] = await list(page, { status: "triaged", limit: 1 });
  if (!first) throw new Error("the demo data has no triaged item");

  await page.goto("/feedback?status=triaged");
  await expect(inbox(page)).toBeVisible();
  await page.keyboard.press("j");
  await expect(inbox(page).locator(`[data-feedback-id="${first.id}"]`)).toHaveClass(/ring-2/);
  await page.keyboard.press("r");
  const detail = panel(page);
  const note = detail.getByLabel("Resolution note");
  await expect(note).toBeFocused();
  // shortcuts never fire while typing: "j" and "r" are just letters here
  await page.keyboard.type("Called the customer, refunded the delivery fee.");
  await expect(note).toHaveValue("Called the customer, refunded the delivery fee.");
  await detail.getByLabel("The customer was contacted about this resolution").check();
  await detail.getByRole("button", { name: "Resolve item" }).click();

  await expect(announcement(page)).toHaveText("Saved: resolved.");
  await expect(detail.getByText("Resolved", { exact: true }).first()).toBeVisible();
  // the note, in the resolution and in the history
  await expect(detail.getByText("Called the customer, refunded the delivery fee.")).toHaveCount(2);
  await expect(detail.getByRole("region", { name: "History" })).toContainText("Carl CX Manager resolved it");
  await expect(detail.getByText("Customer contacted", { exact: true })).toBeVisible();
  // it no longer belongs to the triaged list
  await expect(inbox(page).locator(`[data-feedback-id="${first.id}"]`)).toHaveCount(0);

  // the help overlay lists every shortcut
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Resolve, with a note");
  await expect(help).toContainText("Move to the next item");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
});

test("a Hebrew word finds its comment, shown right to left; screenshots in light and dark", async ({ page }) => {
  await signIn(page, "cx@touchpoint.demo");
  const hebrew = (await list(page, { language: "he" })).find((item) => item.text);
  if (!hebrew?.text) throw new Error("the demo data has no Hebrew comment");
  const word = [...hebrew.text.matchAll(/\p{L}+/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0]!;
  const [found] = await list(page, { q: word, limit: 1 });
  expect(found, `a search for ${word}`).toBeDefined();

  await page.goto("/feedback");
  await expect(inbox(page)).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "feedback-inbox-light.png") });

  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search comments" });
  await expect(search).toBeFocused();
  await search.fill(word);
  await expect(page).toHaveURL(new RegExp(`/feedback\\?q=${new URLSearchParams({ q: word }).toString().slice(2)}$`));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(word);
  const row = page.getByRole("button", { name: `Open feedback ${found!.id}` });
  await expect(row).toBeVisible();

  await row.click();
  const text = panel(page).getByTestId("feedback-detail-text");
  await expect(text).toContainText(word);
  await expect(text).toHaveAttribute("lang", "he");
  expect(await text.evaluate((node) => getComputedStyle(node).direction)).toBe("rtl");
  await page.screenshot({ path: join(SCREENSHOTS, "feedback-inbox-rtl-item.png") });

  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.screenshot({ path: join(SCREENSHOTS, "feedback-inbox-dark.png") });
});

test("bulk commands apply to every selected item or to none, naming the ones that cannot take them", async ({
  page,
}) => {
  await signIn(page, "cx@touchpoint.demo");
  const newest = await list(page, { status: "new", limit: 3 });
  expect(newest.length).toBe(3);

  await page.goto("/feedback?status=new");
  await expect(inbox(page)).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await inbox(page)
    .getByRole("checkbox", { name: `Select feedback ${newest[2]!.id}` })
    .click({ modifiers: ["Shift"] });
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("3 selected");

  await bar.getByRole("button", { name: "Priority…" }).click();
  const dialog = page.getByRole("dialog", { name: "Priority · 3 selected" });
  await dialog.getByLabel("Priority").selectOption("urgent");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(announcement(page)).toHaveText("Priority: 3 changed, 0 unchanged.");
  await expect(bar).toHaveCount(0);
  for (const item of newest) {
    await expect(inbox(page).locator(`[data-feedback-id="${item.id}"]`)).toContainText("Urgent");
  }

  // new items cannot start before triage: nothing changes, and the message names them (x selects the
  // row the keyboard is on: the one Shift+click reached)
  await page.keyboard.press("x");
  await expect(bar).toContainText("1 selected");
  await bar.getByRole("button", { name: "Status" }).click();
  await page.getByRole("menuitem", { name: "Start work…" }).click();
  const start = page.getByRole("dialog", { name: "Start work · 1 selected" });
  await start.getByRole("button", { name: "Confirm" }).click();
  const refusal = start.getByRole("alert");
  await expect(refusal).toContainText("Nothing was changed.");
  await expect(refusal).toContainText(`Feedback ${newest[2]!.id}`);
  await page.keyboard.press("Escape");
  await expect(inbox(page).locator(`[data-feedback-id="${newest[2]!.id}"]`)).toContainText("New");
});

test("an executive reads the inbox and its items without any triage action", async ({ page }) => {
  await signIn(page, "exec@touchpoint.demo");
  await page.goto("/feedback");
  await expect(inbox(page)).toBeVisible();
  await expect(page.getByText("can read feedback but not triage it")).toBeVisible();
  await expect(inbox(page).getByRole("checkbox")).toHaveCount(0);
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  const detail = panel(page);
  await expect(detail.getByText("You can read this item; your role cannot change it.")).toBeVisible();
  await expect(detail.getByRole("button", { name: /^(Triage|Resolve|Dismiss|Assign)$/ })).toHaveCount(0);
  await expect(detail.getByRole("textbox", { name: "New internal comment" })).toHaveCount(0);
  // a triage key says why nothing happens
  await page.keyboard.press("r");
  await expect(announcement(page)).toHaveText("You can read this item; your role cannot change it.");
});

test("a change made elsewhere meanwhile is a conflict that names who made it, and Reload shows it", async ({
  page,
}) => {
  await signIn(page, "cx@touchpoint.demo");
  const [item] = await list(page, { status: "in_progress", limit: 1 });
  if (!item) throw new Error("the demo data has no item in progress");
  await page.goto(`/feedback?status=in_progress&item=${item.id}`);
  const detail = panel(page);
  await expect(detail.getByRole("heading", { name: `Feedback ${item.id}` })).toBeVisible();
  await expect(detail.getByRole("button", { name: "Priority", exact: true })).toBeVisible();

  // the same change from another tab: the panel still holds the version before it
  const { item: seen } = await query<{ item: { version: number; priority: string } }>(page, "feedback.detail", {
    id: item.id,
  });
  const elsewhere = seen.priority === "low" ? "high" : "low";
  const response = await page.request.post("/api/trpc/feedback.triage", {
    data: { json: { id: item.id, version: seen.version, command: { type: "setPriority", priority: elsewhere } } },
  });
  expect(response.ok()).toBe(true);

  await detail.getByRole("button", { name: "Priority", exact: true }).click();
  await detail.getByLabel("Priority").selectOption("urgent");
  await detail.getByRole("button", { name: "Save priority" }).click();
  const conflict = detail.getByRole("alert").filter({ hasText: "This item changed since you opened it" });
  await expect(conflict).toContainText("You changed this item");
  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(detail.getByRole("region", { name: "History" })).toContainText("Carl CX Manager changed the priority");
});

test("a team member sees only their and their teams' items, and may work on them", async ({ page }) => {
  await signIn(page, "team@touchpoint.demo");
  const { items } = await query<{ items: { assigneeName: string | null; teamName: string | null }[] }>(
    page,
    "feedback.list",
    { limit: 50 },
  );
  await page.goto("/feedback");
  await expect(page.getByText("can read feedback but not triage it")).toHaveCount(0);
  if (items.length === 0) {
    await expect(page.getByTestId("feedback-empty")).toBeVisible();
    return;
  }
  await expect(inbox(page)).toBeVisible();
  await expect(inbox(page).getByRole("checkbox").first()).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  const detail = panel(page);
  await expect(detail.getByRole("region", { name: "Actions" })).toBeVisible();
  await expect(detail.getByText("your role cannot change it")).toHaveCount(0);
});

test("a manager finds the suspicious reviews, reads why each was flagged and clears a genuine one", async ({
  page,
}) => {
  await signIn(page, "cx@touchpoint.demo");
  await page.goto("/feedback");
  await expect(inbox(page)).toBeVisible();
  await page.getByRole("group", { name: "Show only" }).getByRole("button", { name: "Suspicious" }).click();
  await expect(page).toHaveURL(/\/feedback\?suspicious=true$/);
  await expect(page.getByRole("list", { name: "Active filters" }).getByRole("link")).toHaveText(["Suspicious only"]);
  // the demo's planted campaign: the same five-star text, many times, within minutes
  const campaign = await list(page, { suspicious: true, q: "amazing prices" });
  expect(campaign.length).toBeGreaterThanOrEqual(2);
  const [first, second] = campaign as [ListItem, ListItem];

  // the list is newest first: the campaign's items are in it, further down
  await inbox(page).locator(`[data-feedback-id="${first.id}"]`).scrollIntoViewIfNeeded();
  await expect(inbox(page).locator(`[data-feedback-id="${first.id}"]`)).toContainText("Suspicious");
  await page.getByRole("button", { name: `Open feedback ${first.id}` }).click();
  const flags = panel(page).getByRole("region", { name: "Why it looks suspicious" });
  await expect(flags).toContainText("Copied text");
  await expect(flags).toContainText(/The same text came from \d+ customers \(\d+ items\)\./);
  await expect(flags).toContainText(
    /\d+ items came from review \(web\) within 10 minutes; the 7 days around it average (under )?[\d.]+ per 10 minutes\./,
  );
  await expect(flags).toContainText("A review with no customer: no order can back it.");
  await panel(page).screenshot({ path: join(SCREENSHOTS, "inbox-suspicious-flags.png") });
  await page.screenshot({ path: join(SCREENSHOTS, "inbox-suspicious.png") });

  await flags.getByRole("button", { name: "Clear: it is genuine" }).click();
  await expect(announcement(page)).toHaveText("Flags cleared; this item will not be flagged again for these reasons.");
  // cleared: it leaves the suspicious list, its history says so, and the others stay
  await expect(inbox(page).locator(`[data-feedback-id="${first.id}"]`)).toHaveCount(0);
  await expect(panel(page).getByRole("region", { name: "History" })).toContainText("cleared its suspicion flags");
  await expect(inbox(page).locator(`[data-feedback-id="${second.id}"]`)).toBeVisible();
});
