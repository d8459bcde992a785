import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { signIn } from "./fixtures/auth";

test("an executive changes period and segment, reads a tile against its target, exports and drills into the inbox", async ({
  page,
}) => {
  await signIn(page, "exec@touchpoint.demo");
  const nps = page.getByTestId("kpi-nps-value");
  await expect(nps).toHaveText(/[+−-]?\d/);
  const revenue = page.getByTestId("kpi-revenue-value");
  await expect(revenue).toHaveText(/\d/);
  const revenue90 = await revenue.textContent();

  // the seeded NPS target for the whole workspace is shown with a status
  await expect(page.getByTestId("kpi-nps")).toContainText(/Target/);
  await expect(page.getByTestId("kpi-nps")).toContainText(/Met|On track|Behind/);

  // a longer period: the URL changes, and so does revenue
  await page.getByLabel("Period").selectOption("last365");
  await expect(page).toHaveURL(/period=last365/);
  await expect(revenue).not.toHaveText(revenue90 ?? "");

  // one segment: in the URL, and the segment chart shows only it
  await page.getByRole("button", { name: /Segments/ }).click();
  const first = page.getByRole("menuitemcheckbox").first();
  const segmentName = (await first.textContent())?.replace("✓", "").trim() ?? "";
  await first.click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/segment=\d+/);
  const afterSegment = await revenue.textContent();
  expect(afterSegment).not.toBe(revenue90);

  // back restores the previous filters
  await page.goBack();
  await expect(page).not.toHaveURL(/segment=/);
  await page.goForward();
  await expect(page).toHaveURL(/segment=\d+/);

  // export the revenue-at-risk data as CSV
  await page.getByRole("button", { name: /Export Revenue at risk by segment/ }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Download data (CSV)" }).click();
  const file = await (await download).path();
  const csv = await readFile(file, "utf8");
  expect(csv.split("\n").length).toBeGreaterThanOrEqual(2);
  expect(csv).toContain(segmentName);

  // a heatmap cell opens the inbox filtered to its stage and segment and the period
  const heatmap = page.getByRole("figure", { name: /by journey stage and segment/ });
  await heatmap.getByRole("button").first().click();
  await expect(page).toHaveURL(/\/feedback\?.*segment=\d+.*stage=\d+.*from=\d{4}-\d{2}-\d{2}.*to=/);
  await expect(page.getByRole("heading", { name: "Feedback", level: 1 })).toBeVisible();
});

test("a bad filter in the URL is named and the rest of the dashboard still works", async ({ page }) => {
  await signIn(page, "exec@touchpoint.demo");
  await page.goto("/?period=last-week&channel=web");
  await expect(page.getByRole("status").filter({ hasText: "Unknown period" })).toBeVisible();
  await expect(page.getByLabel("Channel")).toHaveValue("web");
  await expect(page.getByTestId("kpi-csat-value")).toHaveText(/\d|—/);
});
