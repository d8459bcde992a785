import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
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

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const move = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

test("the CX loop: worst stage → its feedback → an action for a team → done → verified, feedback resolved → impact", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Fix the worst stage ${Date.now()}`;

  // a CX manager finds the worst stage on the journey map and drills into its open feedback
  const manager = await as(browser, "cx@touchpoint.demo");
  await manager.goto("/journeys");
  const moments = manager.getByRole("list", { name: "Stages by revenue impact" });
  const worst = moments.getByRole("listitem").first();
  await expect(worst).toBeVisible();
  const { ranking } = await query<{ ranking: { name: string }[] }>(manager, "journeys.momentsOfTruth", {});
  const stageName = ranking[0]!.name;
  await expect(worst).toContainText(stageName);
  await moments.getByRole("link", { name: /^#1 / }).click();
  await expect(manager).toHaveURL(/\/feedback\?.*stage=\d+/);
  await expect(manager.getByRole("list", { name: "Active filters" })).toContainText(`Stage: ${stageName}`);
  await manager.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "New" }).click();
  await expect(manager).toHaveURL(/status=new/);
  // the stage's new items, as the list shows them once it has settled on the new filter
  const open = await query<{ items: { id: number }[] }>(manager, "feedback.list", {
    status: "new",
    stageId: Number(new URL(manager.url()).searchParams.get("stage")),
    from: new URL(manager.url()).searchParams.get("from"),
    to: new URL(manager.url()).searchParams.get("to"),
    limit: 2,
  });
  expect(open.items.length).toBeGreaterThan(0);
  const selected = open.items.map((item) => item.id);
  const list = manager.getByRole("list", { name: "Feedback items" });
  for (const id of selected) {
    const box = list.getByRole("checkbox", { name: `Select feedback ${id}` });
    await box.check();
    await expect(box).toBeChecked();
  }

  // … and creates an action for the team member's team from the selection
  await manager.getByRole("link", { name: "Create action" }).click();
  await expect(manager).toHaveURL(new RegExp(`feedback=${selected.join("(,|%2C)")}`));
  // the action takes the inbox's stage as its scope
  await expect(manager).toHaveURL(/[?&]stage=\d+/);
  const dialog = manager.getByRole("dialog", { name: "New improvement action" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Feedback items from the inbox to link: ${selected.length}.`);
  const { teams } = await query<{ teams: { id: number; name: string }[] }>(manager, "feedback.assignees");
  const team = teams.find((candidate) => /service/i.test(candidate.name))!;
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Owner team").selectOption({ label: team.name });
  await dialog.getByLabel("KPI to move").selectOption("nps");
  await dialog.getByRole("button", { name: "Create action" }).click();
  await expect(manager).toHaveURL(/\/actions\/\d+$/);
  const actionUrl = new URL(manager.url()).pathname;
  await expect(manager.getByRole("heading", { name: title })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "Scope" }).locator("xpath=..")).toContainText(stageName);
  const linked = `${selected.length} linked feedback items`;
  await expect(manager.getByTestId("linked-feedback")).toContainText(`${linked}, ${selected.length} still open.`);
  await move(manager, "Plan").click();
  await expect(manager.getByText("Action moved to Planned.")).toBeVisible();

  // the team member sees it in My actions and takes it to done
  const member = await as(browser, "team@touchpoint.demo");
  await member.goto("/actions");
  await expect(
    member.getByRole("navigation", { name: "Action views" }).getByRole("link", { name: "My actions" }),
  ).toHaveAttribute("aria-current", "page");
  await member.getByRole("link", { name: title }).click();
  await expect(member).toHaveURL(new RegExp(`${actionUrl}$`));
  await expect(move(member, "Verify")).toHaveCount(0);
  await move(member, "Start work").click();
  await expect(member.getByText("Action moved to In progress.")).toBeVisible();
  await move(member, "Mark done").click();
  await expect(member.getByText("Action moved to Done.")).toBeVisible();
  await member.context().close();

  // the manager verifies it and resolves the linked feedback, saying the customers were told
  await manager.goto("/actions?view=board");
  await manager.screenshot({ path: join(SCREENSHOTS, "actions-board.png"), fullPage: true });
  await manager.goto(actionUrl);
  await move(manager, "Verify").click();
  await expect(manager.getByText("Action moved to Verified.")).toBeVisible();
  await manager.getByRole("button", { name: "Resolve linked feedback" }).click();
  const resolve = manager.getByRole("dialog");
  await resolve.getByRole("radio", { name: "Yes, customers were contacted" }).check();
  await resolve.getByRole("button", { name: "Resolve feedback" }).click();
  await expect(manager.getByText(`Feedback items resolved: ${selected.length}.`)).toBeVisible();
  await expect(manager.getByTestId("linked-feedback")).toContainText(`${linked}, 0 still open.`);
  for (const id of selected) {
    const detail = await query<{ item: { status: string; resolutionNote: string | null; customerContacted: boolean } }>(
      manager,
      "feedback.detail",
      { id },
    );
    expect(detail.item.status).toBe("resolved");
    expect(detail.item.customerContacted).toBe(true);
    expect(detail.item.resolutionNote).toContain(title);
  }
  await manager.screenshot({ path: join(SCREENSHOTS, "action-detail.png"), fullPage: true });
  await manager.context().close();

  // an executive sees it on the Impact view
  const executive = await as(browser, "exec@touchpoint.demo");
  await executive.goto("/actions?view=impact");
  await expect(executive.getByText(title).first()).toBeVisible();
  await executive.screenshot({ path: join(SCREENSHOTS, "actions-impact.png"), fullPage: true });
  await executive.context().close();
});
