import { ingestRoute } from "@/server/api/rest/routes";

/** POST /api/v1/feedback: see the OpenAPI document at /api/v1/openapi.json. */
export const POST = ingestRoute("feedback");
