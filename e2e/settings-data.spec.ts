import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

const SCREENSHOTS = join("test-results", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

/** Clicks the page's "Export CSV" and returns the downloaded file's name and text (BOM checked and dropped). */
async function downloadCsv(page: Page): Promise<{ name: string; lines: string[] }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return {
    name: download.suggestedFilename(),
    lines: bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean),
  };
}

test("the inbox, customers and actions each export what they show as CSV", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  await page.goto("/feedback?status=new&kind=nps");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    "/api/export/feedback?status=new&kind=nps",
  );
  await page.screenshot({ path: join(SCREENSHOTS, "export-feedback.png") });
  const inbox = await downloadCsv(page);
  expect(inbox.name).toMatch(/^touchpoint-feedback-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(inbox.lines[0]).toMatch(/^id,received_at,source,external_id,/);
  expect(inbox.lines.length).toBeGreaterThan(1);

  await page.goto("/customers?segment=none");
  await page.screenshot({ path: join(SCREENSHOTS, "export-customers.png") });
  const customers = await downloadCsv(page);
  expect(customers.lines[0]).toBe("id,external_id,name,email,segment,region,preferred_channel,created_at,churned_at");

  await page.goto("/actions?view=table");
  await page.screenshot({ path: join(SCREENSHOTS, "export-actions.png") });
  const actions = await downloadCsv(page);
  expect(actions.lines[0]).toMatch(/^id,title,status,kpi,due_date/);
  expect(actions.lines.length).toBeGreaterThan(1);
});

test("an admin exports the workspace to one archive and imports it into a new workspace", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin@touchpoint.demo");
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Data" }).click();
  await expect(page).toHaveURL(/\/settings\/data$/);
  await expect(page.getByRole("heading", { name: "Export workspace" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /This workspace/ })).toBeDisabled();
  await page.screenshot({ path: join(SCREENSHOTS, "settings-data.png"), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 120_000 }),
    page.getByRole("link", { name: "Export workspace" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^touchpoint-archive-[a-z-]+-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
  const archive = readFileSync((await download.path())!);
  const tar = gunzipSync(archive).toString("utf8");
  expect(tar.slice(0, 13)).toBe("manifest.json");
  const workspaceName = (await page.getByTestId("current-workspace").textContent())!;

  await page.getByLabel("Archive file (.tar.gz)").setInputFiles({
    name: download.suggestedFilename(),
    mimeType: "application/gzip",
    buffer: archive,
  });
  // an address in use: refused, and said why
  await page.getByLabel("Address").fill("northwind");
  await page.getByRole("button", { name: "Import archive" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "northwind" })).toHaveText(
    "A workspace with the address “northwind” exists already; choose another.",
  );

  await page.getByLabel("Address").fill("archive-copy");
  await page.getByLabel("Name").fill("Archive copy");
  await page.getByRole("button", { name: "Import archive" }).click();
  await expect(page.getByText(/^Imported [\d,]+ rows into “Archive copy”\.$/)).toBeVisible({ timeout: 150_000 });
  await page.screenshot({ path: join(SCREENSHOTS, "settings-data-imported.png"), fullPage: true });

  await page.getByRole("button", { name: "Open Archive copy" }).click();
  await expect(page.getByTestId("current-workspace")).toHaveText("Archive copy");
  expect(workspaceName).not.toBe("Archive copy");
});

test("other roles have no Data section and are told why on its page", async ({ page }) => {
  await signIn(page, "cx@touchpoint.demo");
  await page.goto("/settings");
  await expect(
    page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Data" }),
  ).toHaveCount(0);
  await page.goto("/settings/data");
  await expect(page.getByTestId("no-access")).toContainText("cannot export or import a whole workspace");
});
