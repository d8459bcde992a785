import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { FEEDBACK_SOURCES } from "../../domain/enums";

/** Every `$ref` in `node`, so the test can check each one points at something. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([key, value]) =>
      key === "$ref" && typeof value === "string" ? [value] : refs(value),
    );
  }
  return [];
}

function resolve(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}

describe("GET /api/v1/openapi.json", () => {
  it("serves an OpenAPI 3.1 document listing every endpoint, with resolvable schemas and bearer auth", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const document = JSON.parse(await response.text());
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/customers",
      "/api/v1/feedback",
      "/api/v1/openapi.json",
      "/api/v1/orders",
      "/api/v1/webhooks/{tool}",
    ]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const path of ["/api/v1/feedback", "/api/v1/customers", "/api/v1/orders"]) {
      const post = document.paths[path].post;
      expect(post.security).toEqual([{ bearerAuth: [] }]);
      expect(post.requestBody.content["application/json"].schema.oneOf).toHaveLength(2);
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "422", "429"]));
      expect(post.responses["429"].headers["Retry-After"]).toBeDefined();
    }
    for (const ref of refs(document)) expect(resolve(document, ref), ref).toBeDefined();
    const feedback = document.components.schemas.Feedback;
    expect(feedback.required.sort()).toEqual(["externalId", "receivedAt", "source"]);
    expect(feedback.properties.source.enum).toEqual([...FEEDBACK_SOURCES]);
    expect(document.components.schemas.Order.properties.amount.type).toBe("string");
  });
});
