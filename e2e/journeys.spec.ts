import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

/** Screenshots for a person to look at, kept after the run (Playwright clears test-results/ before one). */
const SCREENSHOTS = join("test-results", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

interface MapStage {
  id: number;
  name: string;
  current: { volume: number };
}
interface Moment {
  rank: number;
  stageId: number;
  name: string;
  revenueImpact: string;
}

/** A query procedure's answer, through the same HTTP API and session as the page (superjson inside). */
async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/api/trpc/${path}${search}`);
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The live stages in journey order, for the default filters (the last 90 days). */
const stageOrder = (page: Page) => query<{ stages: MapStage[] }>(page, "journeys.map", {}).then((map) => map.stages);

const journeyMap = (page: Page) => page.getByRole("list", { name: "Journey stages in order" });
/** The stage names as the map shows them, left to right. */
const shownStages = (page: Page) => journeyMap(page).getByRole("heading", { level: 3 });
/** A stage's card (the map's own items, not the friction and touchpoint lists inside them). */
const stageCards = (page: Page) => journeyMap(page).locator(":scope > li");
const announcement = (page: Page) => page.getByTestId("journey-announcement");
const count = (value: number) => new Intl.NumberFormat("en").format(value);

test.use({ viewport: { width: 1440, height: 1000 } });

test("a CX manager reads the journey, finds the costliest stage first and opens its feedback", async ({ page }) => {
  await signIn(page, "cx@touchpoint.demo");
  const stages = await stageOrder(page);
  expect(stages.length).toBeGreaterThan(2);
  const { ranking } = await query<{ ranking: Moment[] }>(page, "journeys.momentsOfTruth", {});
  const worst = ranking[0]!;
  expect(worst.rank).toBe(1);
  expect(Number(worst.revenueImpact)).toBeGreaterThan(0);

  await page.goto("/journeys");
  await expect(page.getByRole("heading", { name: "Journeys", level: 1 })).toBeVisible();
  await expect(shownStages(page)).toHaveText(stages.map((stage) => stage.name));
  // each stage card carries its figures: the place, the volume, friction and touchpoints
  const first = stageCards(page).first();
  await expect(first).toContainText(`Stage 1 of ${stages.length}`);
  await expect(first.getByRole("definition").filter({ hasText: count(stages[0]!.current.volume) })).not.toHaveCount(0);
  await expect(first.getByRole("region", { name: "Friction points" })).toBeVisible();
  await expect(first.getByRole("region", { name: "Touchpoints" })).toBeVisible();
  // a CX manager may edit the journey
  await expect(page.getByRole("button", { name: "Add stage" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Funnel" }).getByRole("table")).toBeVisible();
  // the funnel chart arrives after the page (lazy recharts)
  await expect(page.getByRole("figure", { name: "Funnel" }).locator(".recharts-surface")).toBeVisible();

  const moments = page.getByRole("list", { name: "Stages by revenue impact" });
  await expect(moments.getByRole("listitem").first()).toHaveAttribute("data-stage-id", String(worst.stageId));
  await expect(moments.getByRole("listitem").first()).toContainText(worst.name);

  const mapSection = page.getByRole("region", { name: "Journey map" });
  const funnelCard = page.getByRole("figure", { name: "Funnel" }).locator("xpath=..");
  await page.screenshot({ path: join(SCREENSHOTS, "journeys-light.png"), fullPage: true });
  await mapSection.screenshot({ path: join(SCREENSHOTS, "journeys-map-light.png") });
  await funnelCard.screenshot({ path: join(SCREENSHOTS, "journeys-funnel-light.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.screenshot({ path: join(SCREENSHOTS, "journeys-dark.png"), fullPage: true });
  await mapSection.screenshot({ path: join(SCREENSHOTS, "journeys-map-dark.png") });
  await funnelCard.screenshot({ path: join(SCREENSHOTS, "journeys-funnel-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });

  await moments.getByRole("link", { name: new RegExp(`^#1 ${worst.name}:`) }).click();
  await expect(page).toHaveURL(new RegExp(`/feedback\\?stage=${worst.stageId}&from=\\d{4}-\\d{2}-\\d{2}&to=`));
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`Stage: ${worst.name}`);
  await expect(page.getByRole("list", { name: "Feedback items" })).toBeVisible();
});

test("an admin moves a stage with the keyboard; the order is saved", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  const before = await stageOrder(page);
  const moved = before[1]!;
  const total = before.length;

  await page.goto("/journeys");
  await expect(shownStages(page)).toHaveText(before.map((stage) => stage.name));
  const handle = page.getByRole("button", { name: `Move ${moved.name}, place 2 of ${total}` });
  await handle.focus();
  await page.keyboard.press("ArrowRight");
  await expect(announcement(page)).toHaveText(`${moved.name} moved to place 3 of ${total}.`);
  await expect(page.getByRole("button", { name: `Move ${moved.name}, place 3 of ${total}` })).toBeFocused();
  const after = [before[0]!, before[2]!, moved, ...before.slice(3)].map((stage) => stage.name);
  await expect(shownStages(page)).toHaveText(after);
  await expect.poll(async () => (await stageOrder(page)).map((stage) => stage.name)).toEqual(after);

  await page.reload();
  await expect(shownStages(page)).toHaveText(after);

  // and back, so the journey is as it was
  await page.getByRole("button", { name: `Move ${moved.name}, place 3 of ${total}` }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(announcement(page)).toHaveText(`${moved.name} moved to place 2 of ${total}.`);
  await expect.poll(async () => (await stageOrder(page)).map((stage) => stage.id)).toEqual(before.map((s) => s.id));
  await page.reload();
  await expect(shownStages(page)).toHaveText(before.map((stage) => stage.name));
});

test("an admin drags a stage onto another, and back", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  const before = await stageOrder(page);
  const [first, second, third] = before;
  const names = before.map((stage) => stage.name);
  const total = before.length;

  await page.goto("/journeys");
  await expect(shownStages(page)).toHaveText(names);
  // dropped on a later stage, the dragged one takes its place
  await page
    .getByRole("button", { name: `Move ${first!.name}, place 1 of ${total}` })
    .dragTo(stageCards(page).nth(2).getByRole("heading", { level: 3 }));
  const dragged = [second!.name, third!.name, first!.name, ...names.slice(3)];
  await expect(announcement(page)).toHaveText(`${first!.name} moved to place 3 of ${total}.`);
  await expect(shownStages(page)).toHaveText(dragged);
  await expect.poll(async () => (await stageOrder(page)).map((stage) => stage.name)).toEqual(dragged);

  await page
    .getByRole("button", { name: `Move ${first!.name}, place 3 of ${total}` })
    .dragTo(stageCards(page).nth(0).getByRole("heading", { level: 3 }));
  await expect(shownStages(page)).toHaveText(names);
  await expect.poll(async () => (await stageOrder(page)).map((stage) => stage.id)).toEqual(before.map((s) => s.id));
});

test("an admin adds a stage with a touchpoint, renames it, and archives it", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  const before = await stageOrder(page);
  await page.goto("/journeys");
  await expect(shownStages(page)).toHaveText(before.map((stage) => stage.name));

  await page.getByRole("button", { name: "Add stage" }).click();
  const dialog = page.getByRole("dialog", { name: "New journey stage" });
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByText("Give it a name.")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toBeFocused();
  // a duplicate name comes back from the server, on the name
  await dialog.getByLabel("Name").fill(before[0]!.name);
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByText(/already exists here; choose another name/)).toBeVisible();
  await dialog.getByLabel("Name").fill("Returns (e2e)");
  await dialog.getByLabel("Main metric").selectOption("ces");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(announcement(page)).toHaveText("Returns (e2e) added.");
  await expect(shownStages(page)).toHaveText([...before.map((stage) => stage.name), "Returns (e2e)"]);

  const card = stageCards(page).last();
  await expect(card).toContainText("Main metric: CES");
  await card.getByRole("button", { name: "Add touchpoint" }).click();
  const touchpoint = page.getByRole("dialog", { name: "New touchpoint at Returns (e2e)" });
  await touchpoint.getByLabel("Name").fill("Returns desk");
  await touchpoint.getByLabel("Channel").selectOption("store");
  await touchpoint.getByRole("button", { name: "Add" }).click();
  await expect(card.getByRole("link", { name: /Returns desk, Store/ })).toBeVisible();

  await card.getByRole("button", { name: "Actions for stage Returns (e2e)" }).click();
  await page.getByRole("menuitem", { name: "Rename or change metric" }).click();
  const rename = page.getByRole("dialog", { name: "Edit stage Returns (e2e)" });
  await rename.getByLabel("Name").fill("Returns and refunds (e2e)");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(announcement(page)).toHaveText("Returns and refunds (e2e) saved.");
  await expect(shownStages(page).last()).toHaveText("Returns and refunds (e2e)");

  await card.getByRole("button", { name: "Actions for stage Returns and refunds (e2e)" }).click();
  await page.getByRole("menuitem", { name: "Archive" }).click();
  await page
    .getByRole("dialog", { name: "Archive stage Returns and refunds (e2e)?" })
    .getByRole("button", { name: "Archive" })
    .click();
  await expect(announcement(page)).toHaveText("Returns and refunds (e2e) archived; its feedback keeps it in history.");
  await expect(shownStages(page)).toHaveText(before.map((stage) => stage.name));
  expect((await stageOrder(page)).map((stage) => stage.id)).toEqual(before.map((stage) => stage.id));
});

test("an executive reads the journey without editing it", async ({ page }) => {
  await signIn(page, "exec@touchpoint.demo");
  const stages = await stageOrder(page);
  await page.goto("/journeys");
  await expect(shownStages(page)).toHaveText(stages.map((stage) => stage.name));
  await expect(page.getByRole("button", { name: "Add stage" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for stage / })).toHaveCount(0);
});
