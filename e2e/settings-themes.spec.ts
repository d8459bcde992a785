import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

/** Open a settings page through the settings tabs, as a person would. */
async function openSettings(page: Page, section: "Themes" | "SLA policy"): Promise<void> {
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: section }).click();
  if (section === "Themes") {
    await expect(page).toHaveURL(/\/settings\/themes$/);
    await expect(page.getByRole("heading", { name: "Theme library" })).toBeVisible();
  } else {
    await expect(page).toHaveURL(/\/settings\/sla$/);
    await expect(page.getByRole("heading", { name: "SLA policy" })).toBeVisible();
  }
}

const THEME = "Parking (e2e)";

test("a CX manager adds a theme with a Hebrew keyword, sets the SLA for high, and opens a theme from the matrix into the inbox", async ({
  page,
}) => {
  await signIn(page, "cx@touchpoint.demo");
  await page.goto("/settings");
  await openSettings(page, "Themes");

  // the form takes the keyboard and says what is missing
  await page.getByRole("button", { name: "New theme" }).click();
  await expect(page.getByRole("heading", { name: "New theme" })).toBeVisible();
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toBeFocused();
  await name.fill(THEME);
  await page.getByRole("button", { name: "Save theme" }).click();
  await expect(page.getByText("Give the theme at least one keyword or phrase.")).toBeVisible();

  // Hebrew keywords, one per line, typed right to left; and an English one in a second language row
  await page.getByLabel("Language", { exact: true }).selectOption("he");
  const hebrew = page.getByRole("textbox", { name: "Keywords in Hebrew (he)" });
  await expect(hebrew).toHaveAttribute("dir", "auto");
  await hebrew.fill("חניה\nאין מקום חניה");
  await page.getByRole("button", { name: "Add a language" }).click();
  await page.getByRole("textbox", { name: "Keywords in English (en)" }).fill("parking, car park");
  await page.getByRole("button", { name: "Save theme" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Theme “${THEME}” created.` })).toBeVisible();

  const row = page.getByRole("table", { name: "Themes", exact: true }).getByRole("row").filter({ hasText: THEME });
  await expect(row).toContainText("Hebrew (he)");
  await expect(row.getByText("אין מקום חניה", { exact: true })).toHaveAttribute("dir", "auto");
  await expect(row.getByText("car park", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Edit theme ${THEME}` })).toBeVisible();

  // a second theme of the same name is refused, on the name
  await page.getByRole("button", { name: "New theme" }).click();
  await page.getByLabel("Name", { exact: true }).fill(THEME);
  await page.getByRole("textbox", { name: "Keywords in English (en)" }).fill("garage");
  await page.getByRole("button", { name: "Save theme" }).click();
  await expect(page.getByText(`A theme named “${THEME}” already exists.`)).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Cancel" }).click();

  // SLA: a resolution target sooner than the first response is refused inline, then a valid one is saved
  await openSettings(page, "SLA policy");
  await expect(page.getByText("New targets apply to due dates computed from now on")).toBeVisible();
  const first = page.getByLabel("High: first response target (hours)");
  const resolution = page.getByLabel("High: resolution target (hours)");
  await first.fill("6");
  await resolution.fill("2");
  await page.getByRole("button", { name: "Save SLA policy" }).click();
  await expect(page.getByText("Resolution cannot be due before the first response (6 h).")).toBeVisible();
  await expect(resolution).toHaveAttribute("aria-invalid", "true");
  await resolution.fill("30");
  await page.getByRole("button", { name: "Save SLA policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "SLA policy saved." })).toBeVisible();
  const high = page.getByRole("table", { name: "SLA targets per priority" }).getByRole("row", { name: /^High/ });
  await expect(high).toContainText("This workspace");
  await page.reload();
  await expect(page.getByLabel("High: resolution target (hours)")).toHaveValue("30");
  await expect(page.getByLabel("High: first response target (hours)")).toHaveValue("6");

  // theme analytics: the matrix and the table, for a period kept in the URL
  await page.goto("/feedback/analytics");
  await expect(page.getByRole("heading", { name: "Theme analytics", level: 1 })).toBeVisible();
  await page.getByLabel("Period").selectOption("last365");
  await expect(page).toHaveURL(/\/feedback\/analytics\?period=last365$/);
  const matrix = page.getByRole("figure", { name: "Theme priority matrix" });
  await expect(matrix.locator("svg.recharts-surface")).toBeVisible();
  await expect(matrix.getByText("Fix first").first()).toBeVisible();
  await expect(matrix.locator(".recharts-scatter circle").first()).toBeVisible();

  const table = page.getByRole("table", { name: "Themes by impact on NPS" });
  await expect(table.getByRole("link", { name: "Open the feedback about Delivery delay" })).toBeVisible();
  // no feedback of the demo data mentions the new theme's keywords: listed, not plotted
  await expect(table.getByRole("row").filter({ hasText: THEME })).toContainText("Not plotted");
  await table.getByRole("button", { name: "Mentions", exact: true }).click();
  await expect(table.getByRole("columnheader", { name: "Mentions", exact: true })).toHaveAttribute(
    "aria-sort",
    "descending",
  );

  // a theme's row opens the inbox filtered to that theme and the period
  await table.getByRole("row").filter({ hasText: "Delivery delay" }).getByRole("cell").first().click();
  await expect(page).toHaveURL(/\/feedback\?theme=\d+&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("heading", { name: "Feedback", level: 1 })).toBeVisible();
});

test("an executive sees the theme library and the SLA policy read-only", async ({ page }) => {
  await signIn(page, "exec@touchpoint.demo");
  await page.goto("/settings");
  await openSettings(page, "Themes");
  await expect(page.getByText("Your role (Executive) can see the themes but not change them.")).toBeVisible();
  const themes = page.getByRole("table", { name: "Themes", exact: true });
  await expect(themes.getByRole("row").filter({ hasText: "Delivery delay" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New theme" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit theme / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove theme / })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Suggested themes" })).toHaveCount(0);

  await openSettings(page, "SLA policy");
  await expect(page.getByText("Your role (Executive) can see the SLA policy but not change it.")).toBeVisible();
  const sla = page.getByRole("table", { name: "SLA targets per priority" });
  await expect(sla.getByRole("row")).toHaveCount(5);
  await expect(sla.getByRole("row", { name: /^Urgent/ })).toContainText(/\d+ h/);
  await expect(sla.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save SLA policy" })).toHaveCount(0);
});
