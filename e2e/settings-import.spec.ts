import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

const SCREENSHOTS = join("test-results", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

/** A word no demo comment has, to find the imported rows in the inbox. */
const WORD = "quokkazephyr";

/** dd/mm/yyyy of `daysAgo` days before today (UTC), as a European survey tool writes dates. */
function dmy(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** A survey export: a score in words, a channel the app calls otherwise, and one score off the CSAT scale. */
function surveyCsv(): string {
  return [
    "Response ID,Rating,Comment,Submitted at,Channel",
    `e2e-import-1,Very satisfied,The ${WORD} checkout was quick,${dmy(3)} 10:00,Web`,
    `e2e-import-2,4,${WORD} delivery arrived on time,${dmy(4)} 09:30,App`,
    `e2e-import-3,9,${WORD} score beyond the scale,${dmy(5)} 08:00,Web`,
    `e2e-import-4,2,"${WORD} support never called back, twice",${dmy(6)},Phone`,
  ].join("\r\n");
}

test("a CX manager uploads a survey export, maps it, reads the validation report, imports the valid rows with a progress bar, finds them in the inbox and undoes the import", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "cx@touchpoint.demo");
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/settings\/import$/);
  await expect(page.getByRole("heading", { name: "1. Upload a file" })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "settings-import-start.png"), fullPage: true });

  // upload through the file picker; the columns come back suggested
  await page.getByLabel("CSV file").setInputFiles({
    name: "nps-export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(surveyCsv(), "utf8"),
  });
  await expect(page.getByTestId("import-uploaded-file")).toContainText("nps-export.csv");
  const table = page.getByRole("table", { name: "Columns of the file and their fields" });
  await expect(table).toBeVisible();
  await expect(page.getByLabel("Field for column Response ID")).toHaveValue("externalId");
  await expect(page.getByLabel("Field for column Rating")).toHaveValue("score");
  await expect(page.getByLabel("Field for column Comment")).toHaveValue("text");
  await expect(page.getByLabel("Field for column Submitted at")).toHaveValue("receivedAt");
  await expect(page.getByLabel("Field for column Channel")).toHaveValue("channel");
  await expect(page.getByLabel("Date format")).toHaveValue("dmy");
  await expect(table).toContainText(`The ${WORD} checkout was quick`);

  // the file does not say where it comes from: the page says so until a source is chosen
  const problems = page.getByTestId("import-mapping-problems");
  await expect(problems).toContainText("Choose the source of this feedback");
  await expect(page.getByRole("button", { name: "Check the file" })).toBeDisabled();
  await page.getByLabel("Source", { exact: true }).selectOption("survey");
  await page.getByLabel("Scale of the score", { exact: true }).selectOption("csat");
  await page.getByLabel("Time zone of local times").fill("Europe/Warsaw");
  await expect(problems).toHaveCount(0);

  // values the app would not read as they are
  await page.getByLabel("“Very satisfied” in column Rating is read as").fill("5");
  await page.getByLabel("“Phone” in column Channel is read as").selectOption("call_centre");

  // the mapping is kept for the next export of the same tool
  await page.getByLabel("Save as").fill("NPS tool export (e2e)");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mapping “NPS tool export (e2e)” saved." })).toBeVisible();
  await expect(page.getByLabel("Saved mapping", { exact: true })).toContainText("NPS tool export (e2e)");
  await page.screenshot({ path: join(SCREENSHOTS, "settings-import-mapping.png"), fullPage: true });

  // the validation report: the one bad row, per row and column, and all of them as CSV
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-report-counts")).toHaveText("4 rows read: 3 valid, 1 with problems.");
  const errors = page.getByRole("table", { name: "Problems found" });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("row").nth(1)).toContainText("4");
  await expect(errors.getByRole("row").nth(1)).toContainText("Rating");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download errors CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("nps-export-errors.csv");
  const csv = readFileSync((await download.path())!, "utf8").split("\r\n");
  expect(csv[0]).toBe("row,column,message");
  expect(csv[1]).toMatch(/^4,Rating,/);
  await expect(page.getByRole("button", { name: "Fix and retry" })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "settings-import-report.png"), fullPage: true });

  // import the valid rows; the job runs on the server and the bar follows it
  await page.getByRole("button", { name: "Import 3 valid rows and skip 1" }).click();
  const card = page.getByTestId("import-progress");
  await expect(card.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await expect(card.getByRole("status")).toHaveText("nps-export.csv imported: 3 added, 0 updated, 1 skipped.");
  await expect(card.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(card.getByTestId("import-progress-figures")).toContainText("4 of 4 rows");
  await page.screenshot({ path: join(SCREENSHOTS, "settings-import-done.png"), fullPage: true });

  const history = page.getByRole("table", { name: "Imports" });
  const row = history.getByRole("row").filter({ hasText: "nps-export.csv" });
  await expect(row).toContainText("Done");
  await expect(row).toContainText("Carl CX Manager");

  // the rows are in the inbox, the score read from words and the channel translated
  await card.getByRole("link", { name: "Open the feedback inbox" }).click();
  await expect(page).toHaveURL(/\/feedback$/);
  await page.getByRole("searchbox", { name: "Search comments" }).fill(WORD);
  await expect(page).toHaveURL(new RegExp(`q=${WORD}`));
  const items = page.getByRole("button", { name: /^Open feedback \d+/ });
  await expect(items).toHaveCount(3);
  await expect(page.getByText(`The ${WORD} checkout was quick`)).toBeVisible();
  await expect(page.getByText(`${WORD} support never called back, twice`)).toBeVisible();
  await expect(page.getByText(`${WORD} score beyond the scale`)).toHaveCount(0);

  // undo: the rows leave the inbox
  await page.goto("/settings/import");
  await page.getByRole("button", { name: "Undo the import of nps-export.csv" }).click();
  await expect(page.getByRole("heading", { name: "Undo the import of nps-export.csv?" })).toBeVisible();
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Import of nps-export.csv undone: 3 records removed, 0 restored." }),
  ).toBeVisible();
  await expect(history.getByRole("row").filter({ hasText: "nps-export.csv" })).toContainText("Undone");
  await page.goto(`/feedback?q=${WORD}`);
  await expect(page.getByText(`The ${WORD} checkout was quick`)).toHaveCount(0);
});

test("a team member has no Import tab and is told why on the page", async ({ page }) => {
  await signIn(page, "team@touchpoint.demo");
  await page.goto("/settings");
  await expect(
    page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Import" }),
  ).toHaveCount(0);
  await page.goto("/settings/import");
  await expect(page.getByTestId("no-access")).toContainText("cannot import data");
});
