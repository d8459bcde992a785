import { buildOpenApiDocument } from "@/server/domain/ingest/openapi";

/** GET /api/v1/openapi.json: the REST API's OpenAPI 3.1 document, built from its zod schemas. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
