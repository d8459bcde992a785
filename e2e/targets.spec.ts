import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

/** Open Settings → Targets through the settings tabs, as a person would. */
async function openTargets(page: Page): Promise<void> {
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Targets" }).click();
  await expect(page).toHaveURL(/\/settings\/targets$/);
  await expect(page.getByRole("heading", { name: "KPI targets" })).toBeVisible();
}

async function fillTarget(
  page: Page,
  target: { kpi: string; scope: string; channel?: string; value: string; start: string; end: string; review: string },
): Promise<void> {
  await page.getByLabel("KPI", { exact: true }).selectOption({ label: target.kpi });
  await page.getByLabel("Applies to", { exact: true }).selectOption({ label: target.scope });
  if (target.channel) await page.getByLabel("Channel", { exact: true }).selectOption({ label: target.channel });
  await page.getByLabel("Target value").fill(target.value);
  await page.getByLabel("Period start").fill(target.start);
  await page.getByLabel("Period end").fill(target.end);
  await page.getByLabel("Review date").fill(target.review);
}

const CHAT_CSAT = { kpi: "CSAT", scope: "Channel", channel: "Chat", start: "2031-01-01", end: "2031-12-31", review: "2031-04-01" };

test("an executive creates a target and sees it in the list", async ({ page }) => {
  await signIn(page, "exec@touchpoint.demo");
  await openTargets(page);
  await page.getByRole("button", { name: "New target" }).click();
  await fillTarget(page, { ...CHAT_CSAT, value: "150" });
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByText("A CSAT target is a percentage from 0 to 100; 150 is outside that range.")).toBeVisible();
  await expect(page.getByLabel("Target value")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Target value").fill("82.5");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Target created." })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Channel: Chat" });
  await expect(row).toContainText("CSAT");
  await expect(row).toContainText("82.5%");
  await expect(row).toContainText("Jan 1, 2031 – Dec 31, 2031");
  await expect(row).not.toContainText("Review due");

  // the same KPI and scope cannot have a second target for an overlapping period
  await page.getByRole("button", { name: "New target" }).click();
  await fillTarget(page, { ...CHAT_CSAT, value: "85", start: "2031-06-01", review: "2031-09-01" });
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already has a target" })).toHaveText(
    "CSAT already has a target for the chat channel from 2031-01-01 to 2031-12-31; edit that target, or choose a period that does not overlap it.",
  );
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "Channel: Chat" })).toContainText("82.5%");
});

test("an executive edits a target and removes it after confirming", async ({ page }) => {
  await signIn(page, "exec@touchpoint.demo");
  await openTargets(page);
  await page.getByRole("button", { name: "New target" }).click();
  // a past period, so its review date has passed
  await fillTarget(page, { kpi: "Churn", scope: "Channel", channel: "Social", value: "9", start: "2024-01-01", end: "2024-06-30", review: "2024-03-01" });
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Target created." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Channel: Social" })).toContainText("Mar 1, 2024Review due");

  await page.getByRole("button", { name: "Edit target: Churn, Channel: Social" }).click();
  await expect(page.getByRole("heading", { name: "Edit target" })).toBeVisible();
  await page.getByLabel("Target value").fill("7.5");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Target updated." })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Channel: Social" });
  await expect(row).toContainText("7.5%");

  await page.getByRole("button", { name: "Remove target: Churn, Channel: Social" }).click();
  const confirm = page.getByRole("group", { name: "Remove target: Churn, Channel: Social" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveCount(1);
  await page.getByRole("button", { name: "Remove target: Churn, Channel: Social" }).click();
  await confirm.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Target removed." })).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("a team member sees the targets but cannot change them", async ({ page }) => {
  await signIn(page, "team@touchpoint.demo");
  await openTargets(page);
  await expect(page.getByText("Your role (Team member) can see targets but not change them.")).toBeVisible();
  await expect(page.getByRole("table", { name: "KPI targets" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("button", { name: "New target" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit target: / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove target: / })).toHaveCount(0);
});
