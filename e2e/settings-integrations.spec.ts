import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { DATASETS_DIR, hasDataset, readDatasetBytes } from "../server/domain/ingest/test-datasets";
import { signIn } from "./fixtures/auth";

const SCREENSHOTS = join("test-results", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

// the payload shape Typeform documents, read from the shared datasets (never copied into the repository)
const TYPEFORM_SAMPLE = "webhooks/typeform_form_response.json";

async function openIntegrations(page: Page): Promise<void> {
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Integrations" }).click();
  await expect(page).toHaveURL(/\/settings\/integrations$/);
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
}

/** The inbox, searched for `word`, shows the feedback item `id`. */
async function expectInInbox(page: Page, word: string, id: number): Promise<void> {
  await page.goto(`/feedback?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("button", { name: `Open feedback ${id}` })).toBeVisible();
}

test("an admin creates an API key, a feedback item sent with it arrives in the inbox, and a revoked key is refused", async ({
  page,
  request,
}) => {
  await signIn(page, "admin@touchpoint.demo");
  await openIntegrations(page);

  await page.getByRole("button", { name: "New API key" }).click();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Name the key after what uses it")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("E2E shop");
  await page.getByLabel("Scope").selectOption("ingest");
  await page.getByRole("button", { name: "Create key" }).click();

  const dialog = page.getByRole("dialog", { name: "Copy the API key now" });
  await expect(dialog).toContainText("This is the only time the key is shown");
  const token = (await dialog.getByRole("status", { name: "API key “E2E shop”" }).textContent())!.trim();
  expect(token).toMatch(/^tp_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByRole("button", { name: "Copy API key “E2E shop”" })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "integrations-api-key-created.png") });
  await dialog.getByRole("button", { name: "Done, I have copied it" }).click();
  await expect(dialog).toHaveCount(0);

  const keys = page.getByRole("table", { name: "API keys" });
  const row = keys.getByRole("row").filter({ hasText: "E2E shop" });
  await expect(row).toContainText(`tp_${token.slice(3, 13)}_…`);
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await expect(page.getByRole("table", { name: "API keys" })).not.toContainText(token);

  // the test is the shop's backend: it posts with fetch and the bearer key
  const item = {
    source: "review",
    externalId: "e2e-shop-review-1",
    metricKind: "rating",
    score: 2,
    text: "Quokkaflux parcel arrived crushed and late.",
    receivedAt: new Date().toISOString(),
  };
  const sent = await request.post("/api/v1/feedback", { headers: { Authorization: `Bearer ${token}` }, data: item });
  expect(sent.status()).toBe(200);
  const written = await sent.json();
  expect(written).toMatchObject({ created: 1, items: [{ status: "created", externalId: "e2e-shop-review-1" }] });
  await expectInInbox(page, "quokkaflux", written.items[0].id);
  await page.getByRole("button", { name: `Open feedback ${written.items[0].id}` }).click();
  await expect(page.getByTestId("feedback-detail-text")).toContainText("Quokkaflux parcel arrived crushed");

  // the key shows it was used; revoking it (after confirming) refuses it from then on
  await openIntegrations(page);
  await expect(row).not.toContainText("Never");
  await page.getByRole("button", { name: "Revoke the key E2E shop" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke the key E2E shop" });
  await expect(confirm).toContainText("This cannot be undone.");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Key “E2E shop” revoked." })).toBeVisible();
  await expect(row).toContainText("Revoked");
  const refused = await request.post("/api/v1/feedback", {
    headers: { Authorization: `Bearer ${token}` },
    data: { ...item, externalId: "e2e-shop-review-2" },
  });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
});

test(`a Typeform webhook signed with the shown secret lands in the inbox; unsigned and wrongly signed ones are refused${hasDataset(TYPEFORM_SAMPLE) ? "" : ` (skipped: ${DATASETS_DIR}/${TYPEFORM_SAMPLE} is absent)`}`, async ({
  page,
  request,
}) => {
  test.skip(!hasDataset(TYPEFORM_SAMPLE), `${DATASETS_DIR}/${TYPEFORM_SAMPLE} is absent`);
  await signIn(page, "admin@touchpoint.demo");
  await openIntegrations(page);

  await page.getByRole("button", { name: "New webhook endpoint" }).click();
  await page.getByLabel("Tool").selectOption("typeform");
  await page.getByLabel("Name", { exact: true }).fill("E2E city survey");
  await page.getByRole("button", { name: "Create endpoint" }).click();

  const dialog = page.getByRole("dialog", { name: "Set up Typeform" });
  await expect(dialog).toContainText("shown only now");
  await expect(dialog).toContainText("In Typeform, open the form → Connect → Webhooks");
  const url = (await dialog.getByRole("status", { name: "Webhook URL" }).textContent())!.trim();
  const secret = (await dialog.getByRole("status", { name: "Signing secret" }).textContent())!.trim();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/v1\/webhooks\/typeform\?endpoint=[A-Za-z0-9_-]{43}$/);
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: join(SCREENSHOTS, "integrations-webhook-created.png") });
  await dialog.getByRole("button", { name: "Done, I have copied it" }).click();

  // Typeform's own payload, byte for byte, signed as Typeform signs it
  const body = Buffer.from(readDatasetBytes(TYPEFORM_SAMPLE));
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("base64")}`;
  const json = { "Content-Type": "application/json" };

  const unsigned = await request.post(url, { headers: json, data: body });
  expect(unsigned.status()).toBe(401);
  expect((await unsigned.json()).error.message).toContain("Typeform-Signature header is missing");
  const forged = `sha256=${createHmac("sha256", "not-the-secret").update(body).digest("base64")}`;
  const wrong = await request.post(url, { headers: { ...json, "Typeform-Signature": forged }, data: body });
  expect(wrong.status()).toBe(401);

  const delivered = await request.post(url, { headers: { ...json, "Typeform-Signature": signature }, data: body });
  expect(delivered.status()).toBe(200);
  const stored = await delivered.json();
  expect(stored).toMatchObject({ status: "created", externalId: "typeform:a3a12ec67a1365927098a606107fac15" });
  await expectInInbox(page, "hilly", stored.id);

  await openIntegrations(page);
  const endpoints = page.getByRole("table", { name: "Webhook endpoints" });
  // by its row header: the disclosed deliveries below it name the endpoint too
  const row = endpoints.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "E2E city survey" }) });
  await expect(row).toContainText("Typeform");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");
  await page.screenshot({ path: join(SCREENSHOTS, "integrations-page.png"), fullPage: true });

  // the delivery log shows each delivery, newest first, with what the tool was answered
  const toggle = page.getByRole("button", { name: "Recent deliveries of E2E city survey" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const deliveries = page.getByRole("table", { name: "Recent deliveries of E2E city survey" });
  const logged = deliveries.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(logged).toHaveCount(3);
  await expect(logged.nth(0)).toContainText("200");
  await expect(logged.nth(0)).toContainText("Accepted");
  await expect(logged.nth(0)).toContainText("1 created");
  await expect(logged.nth(1)).toContainText("Rejected");
  await expect(logged.nth(1)).toContainText("signature does not match");
  await expect(logged.nth(2)).toContainText("401");
  await expect(logged.nth(2)).toContainText("Typeform-Signature header is missing");
  await page.screenshot({ path: join(SCREENSHOTS, "integrations-deliveries.png"), fullPage: true });

  // disabling it refuses even a signed delivery
  await page.getByRole("button", { name: "Disable E2E city survey" }).click();
  await page
    .getByRole("dialog", { name: "Disable E2E city survey" })
    .getByRole("button", { name: "Disable endpoint" })
    .click();
  await expect(row).toContainText("Disabled");
  const disabled = await request.post(url, { headers: { ...json, "Typeform-Signature": signature }, data: body });
  expect(disabled.status()).toBe(401);
  // the log is written just after the answer: refresh until it shows
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(logged).toHaveCount(4, { timeout: 1_000 });
  }).toPass();
  await expect(logged.nth(0)).toContainText("This is not the URL of a live webhook");
});

test("the generic webhook's mapping is tried on a sample before it is saved", async ({ page }) => {
  await signIn(page, "admin@touchpoint.demo");
  await openIntegrations(page);
  await page.getByRole("button", { name: "New webhook endpoint" }).click();
  await page.getByLabel("Tool").selectOption("generic");
  await page.getByLabel("Name", { exact: true }).fill("E2E kiosk");
  await page.getByRole("button", { name: "Create endpoint" }).click();
  await expect(page.getByText("Map externalId to a path in the payload.")).toBeVisible();

  await page.getByLabel("External id (required)").fill("data.id");
  await page.getByLabel("Received at (required)").fill("data.at");
  await page.getByLabel("Score", { exact: true }).fill("data.stars");
  await page.getByLabel("Text", { exact: true }).fill("data.comment");
  await page.getByLabel("Metric kind, unless read from the payload").selectOption("rating");
  await page
    .getByLabel("Sample payload")
    .fill(
      JSON.stringify({ data: { id: "k-1", at: "2024-05-01T10:00:00+02:00", stars: 9, comment: "Queue too long" } }),
    );
  await page.getByRole("button", { name: "Test the mapping" }).click();
  await expect(page.getByText("This payload would be refused:")).toBeVisible();
  await expect(page.getByText(/^score: .*rating/)).toBeVisible();

  await page
    .getByLabel("Sample payload")
    .fill(
      JSON.stringify({ data: { id: "k-1", at: "2024-05-01T10:00:00+02:00", stars: 4, comment: "Queue too long" } }),
    );
  await page.getByRole("button", { name: "Test the mapping" }).click();
  const item = page.getByRole("definition").filter({ hasText: "Queue too long" });
  await expect(item).toBeVisible();
  await expect(page.getByText("2024-05-01T08:00:00Z")).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, "integrations-mapping-test.png"), fullPage: true });

  await page.getByRole("button", { name: "Create endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up Generic JSON" });
  await expect(dialog.getByRole("status", { name: "Signing secret" })).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done, I have copied it" }).click();
  await expect(page.getByRole("table", { name: "Webhook endpoints" })).toContainText("E2E kiosk");
});

test("only admins see Integrations; everyone reads the API documentation from the account menu", async ({ page }) => {
  await signIn(page, "cx@touchpoint.demo");
  await page.goto("/settings");
  const sections = page.getByRole("navigation", { name: "Settings sections" });
  await expect(sections.getByRole("link", { name: "Themes" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Integrations" })).toHaveCount(0);
  await page.goto("/settings/integrations");
  await expect(page.getByTestId("no-access")).toContainText("You need the admin role");

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "API documentation" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "API documentation", level: 1 })).toBeVisible();
  const feedback = page.locator("#op-ingestFeedback");
  await expect(feedback.getByRole("table", { name: "Feedback fields" })).toContainText("externalId");
  await expect(feedback).toContainText("Idempotency-Key");
  await expect(feedback).toContainText("429");
  await expect(feedback.getByText("Retry-After", { exact: true }).first()).toBeVisible();
  await expect(feedback.locator("pre")).toContainText(`curl -X POST 'http://localhost:`);
  await expect(page.locator("#webhook-typeform")).toContainText("Typeform-Signature");
  await expect(page.locator("#webhook-zendesk")).toContainText("X-Zendesk-Webhook-Signature-Timestamp");
  await page.screenshot({ path: join(SCREENSHOTS, "api-docs.png"), fullPage: true });

  // the page renders the same document the API serves
  const served = await page.request.get("/api/v1/openapi.json");
  expect(served.status()).toBe(200);
  const document = await served.json();
  for (const path of Object.keys(document.paths))
    await expect(page.getByText(path, { exact: true }).first()).toBeVisible();
});
