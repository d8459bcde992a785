import "server-only";
import { after } from "next/server";
import { getDatabase } from "@/db";
import { apiError, type ApiAnswer } from "../../services/ingest-http";
import { handleIngest, type IngestEntity } from "../../services/ingest";
import { receiveWebhook } from "../../services/ingest-webhooks";

/**
 * The REST API's route handlers (app/api/v1/…/route.ts re-export them): read the request, call
 * a service with the app's database, turn its answer into a JSON Response.
 */

/** 1,000 items of up to 20,000 characters of text each fit; anything larger is refused unread. */
export const MAX_INGEST_BODY_BYTES = 32 * 1024 * 1024;
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export function toResponse(answer: ApiAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

/** The body as text, or null when it exceeds `maxBytes` (read no further than that). */
export async function readBody(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLargeAnswer(maxBytes: number): ApiAnswer {
  return apiError(
    413,
    "payload_too_large",
    `The body is larger than ${maxBytes / (1024 * 1024)} MB; send smaller batches.`,
  );
}

function tooLarge(maxBytes: number): Response {
  return toResponse(tooLargeAnswer(maxBytes));
}

/** `POST /api/v1/<entity>`. */
export function ingestRoute(entity: IngestEntity) {
  return async function POST(request: Request): Promise<Response> {
    const body = await readBody(request, MAX_INGEST_BODY_BYTES);
    if (body === null) return tooLarge(MAX_INGEST_BODY_BYTES);
    const { db } = await getDatabase();
    const answer = await handleIngest(db, {
      entity,
      path: new URL(request.url).pathname,
      authorization: request.headers.get("authorization"),
      idempotencyKey: request.headers.get("idempotency-key"),
      contentType: request.headers.get("content-type"),
      body,
    });
    return toResponse(answer);
  };
}

/** `POST /api/v1/webhooks/<tool>?endpoint=<token>`. */
export async function webhookPost(request: Request, context: { params: Promise<{ tool: string }> }): Promise<Response> {
  const { tool } = await context.params;
  const body = await readBody(request, MAX_WEBHOOK_BODY_BYTES);
  const { db } = await getDatabase();
  const token = new URL(request.url).searchParams.get("endpoint");
  // a body too large is refused unread, and still logged when the token names an endpoint
  const delivery = body === null ? { body: "", refused: tooLargeAnswer(MAX_WEBHOOK_BODY_BYTES) } : { body };
  return toResponse(
    await receiveWebhook(db, { tool, token, headers: request.headers, ...delivery }, { defer: afterResponse }),
  );
}

/**
 * Runs `task` once the response is sent (Next's `after`), so the delivery log does not hold up the
 * answer. Called outside a request Next serves (tests and benches run the handlers in-process),
 * `after` throws: the task then runs before the answer, as receiveWebhook runs it by default.
 */
function afterResponse(task: () => Promise<void>): Promise<void> | void {
  try {
    after(task);
  } catch {
    return task();
  }
}
