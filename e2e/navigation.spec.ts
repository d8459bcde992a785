import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

const SECTIONS = [
  {
    link: "Feedback",
    heading: "Feedback",
    content: (p: import("@playwright/test").Page) => p.getByRole("list", { name: "Feedback items" }),
  },
  { link: "Journeys", heading: "Journeys", content: (p: import("@playwright/test").Page) => p.getByText("Stage 1") },
  { link: "Segments", heading: "Segments", content: (p: import("@playwright/test").Page) => p.getByRole("table") },
  {
    link: "Actions",
    heading: "Actions",
    content: (p: import("@playwright/test").Page) => p.getByRole("heading", { name: "In progress" }),
  },
  { link: "Customers", heading: "Customers", content: (p: import("@playwright/test").Page) => p.getByRole("table") },
  { link: "Settings", heading: "Settings", content: (p: import("@playwright/test").Page) => p.getByText("Audit log") },
];

test("the sidebar opens every section with live data for an admin", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  for (const section of SECTIONS) {
    await nav.getByRole("link", { name: section.link }).click();
    await expect(page.getByRole("heading", { name: section.heading, level: 1 })).toBeVisible();
    await expect(section.content(page).first()).toBeVisible();
    await expect(page.getByTestId("page-error")).toHaveCount(0);
  }
});

test("renaming the workspace is saved and appears in the audit log", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  await page.goto("/settings");
  const name = page.getByLabel("Workspace name");
  const original = await name.inputValue();
  await name.fill(`${original} (renamed)`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByTestId("current-workspace")).toHaveText(`${original} (renamed)`);
  await page.reload();
  await expect(page.getByRole("cell", { name: "workspace.update" }).first()).toBeVisible();
  // put it back for the other tests
  await page.getByLabel("Workspace name").fill(original);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
});

test("a team member is told what their role cannot see, and cannot edit settings", async ({ page }) => {
  await signIn(page, "team@touchpoint.demo");
  await page.goto("/customers");
  await expect(page.getByTestId("no-access")).toContainText("cannot see customer records");
  await page.goto("/settings");
  await expect(page.getByLabel("Workspace name")).toBeDisabled();
  await expect(page.getByText("Your role cannot change workspace settings.")).toBeVisible();
});

test("a customer of another workspace is not found", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  await page.goto("/customers");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByText("Revenue to date")).toBeVisible();
  const url = page.url();
  // switch workspace: the same customer URL now belongs to another workspace
  await page.getByRole("button", { name: "Switch workspace" }).click();
  const current = (await page.getByTestId("current-workspace").textContent()) ?? "";
  const other = page.getByRole("menuitemradio").filter({ hasNotText: current }).first();
  const otherName = (await other.textContent())?.trim() ?? "";
  await other.click();
  await expect(page.getByTestId("current-workspace")).toHaveText(otherName);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
