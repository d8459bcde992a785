import { POST as postCustomers } from "@/app/api/v1/customers/route";
import { POST as postFeedback } from "@/app/api/v1/feedback/route";
import { POST as postOrders } from "@/app/api/v1/orders/route";
import { POST as postWebhook } from "@/app/api/v1/webhooks/[tool]/route";

/** Test-only: requests to the app's /api/v1 route handlers, called in-process (no server). */
const ROUTES = { feedback: postFeedback, customers: postCustomers, orders: postOrders };

export interface Sent {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer, read by each test
  body: any;
}

export async function send(
  entity: keyof typeof ROUTES,
  body: unknown,
  options: { token?: string | null; idempotencyKey?: string; raw?: string } = {},
): Promise<Sent> {
  const headers = new Headers({ "content-type": "application/json" });
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.idempotencyKey) headers.set("idempotency-key", options.idempotencyKey);
  const request = new Request(`http://localhost/api/v1/${entity}`, {
    method: "POST",
    headers,
    body: options.raw ?? JSON.stringify(body),
  });
  const response = await ROUTES[entity](request);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Deliver `body` (sent as given, byte for byte) to a webhook URL path such as `/api/v1/webhooks/typeform?endpoint=…`. */
export async function deliver(path: string, body: string, headers: Record<string, string> = {}): Promise<Sent> {
  const url = new URL(path, "http://localhost");
  const tool = url.pathname.split("/").at(-1)!;
  const request = new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const response = await postWebhook(request, { params: Promise.resolve({ tool }) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
