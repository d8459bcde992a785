import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, signIn, statValue } from "./fixtures/auth";

test("an anonymous visit is sent to sign-in, and back after signing in", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Sign in to Touchpoint" })).toBeVisible();
  await page.getByLabel("Email").fill("admin@touchpoint.demo");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});

test("API calls without a session get 401", async ({ request }) => {
  const response = await request.get("/api/trpc/overview.counts");
  expect(response.status()).toBe(401);
});

test("a wrong password shows an error and keeps the user on sign-in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@touchpoint.demo");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
});

for (const user of DEMO_USERS) {
  test(`${user.role}: signs in, sees live figures, switches workspace, signs out`, async ({ page }) => {
    await signIn(page, user.email);

    const firstWorkspace = (await page.getByTestId("current-workspace").textContent()) ?? "";
    const customers = await statValue(page, "stat-customers");
    expect(customers).toBeGreaterThan(0);
    const feedbackTile = page.getByTestId("stat-feedback");
    await expect(feedbackTile).toHaveText(/^[\d,]+$/);
    // month to date can be 0 on the first day of a month; last month never is with demo data
    await expect(page.getByText(/Last month: [1-9][\d,]*/).first()).toBeVisible();

    await page.getByRole("button", { name: "Switch workspace" }).click();
    const other = page.getByRole("menuitemradio").filter({ hasNotText: firstWorkspace });
    const otherName = (await other.first().textContent())?.trim() ?? "";
    await other.first().click();
    await expect(page.getByTestId("current-workspace")).toHaveText(otherName);
    await expect.poll(() => statValue(page, "stat-customers")).not.toBe(customers);
    expect(await statValue(page, "stat-customers")).toBeGreaterThan(0);

    // the choice is in the session: a reload stays in the new workspace
    await page.reload();
    await expect(page.getByTestId("current-workspace")).toHaveText(otherName);

    await page.getByRole("button", { name: "Account menu" }).click();
    await expect(page.getByTestId("current-role")).toContainText(/Admin|Executive|CX manager|Team member/);
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}
