/**
 * The OpenAPI document (what GET /api/v1/openapi.json serves) read into what the docs page shows:
 * operations with their auth, parameters, body and responses, the schemas' fields, the error codes
 * and the webhook tools. Pure and defensive: a part the document lacks is left out, not invented.
 */

export type JsonSchema = Record<string, unknown>;

export interface WebhookSignature {
  header: string;
  value: string;
  algorithm: string;
  signed: string;
  key: string;
  timestamp?: { format: string; header?: string; maxAgeSeconds: number };
}

export interface WebhookToolDoc {
  tool: string;
  title: string;
  events: string;
  secret: string;
  signature: WebhookSignature | null;
}

export interface DocParameter {
  name: string;
  in: string;
  required: boolean;
  description: string | null;
  schema: JsonSchema;
}

export interface DocResponse {
  status: string;
  description: string;
  headers: { name: string; description: string | null }[];
  /** The component schema the body follows, e.g. "Error". */
  schemaName: string | null;
}

export interface DocAuth {
  scheme: string;
  description: string | null;
  bearerFormat: string | null;
}

export interface DocOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  tags: string[];
  /** Empty: no authentication. */
  auth: DocAuth[];
  parameters: DocParameter[];
  body: {
    description: string | null;
    /** One object of this component schema, or (with `batchMax`) an array of them. */
    schemaName: string | null;
    batchMax: number | null;
  } | null;
  responses: DocResponse[];
  webhookTools: WebhookToolDoc[];
}

export interface DocModel {
  title: string;
  version: string;
  description: string | null;
  operations: DocOperation[];
  schemas: Record<string, JsonSchema>;
  errorCodes: string[];
}

const METHODS = ["get", "put", "post", "patch", "delete"];

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** The component name a `$ref` points at ("#/components/schemas/Feedback" → "Feedback"). */
export function refName(schema: unknown): string | null {
  const ref = text(record(schema).$ref);
  return ref ? (ref.split("/").at(-1) ?? null) : null;
}

/** The node a local `$ref` points at, or the node itself when it is not a reference. */
function resolve(document: Record<string, unknown>, node: unknown): Record<string, unknown> {
  const ref = text(record(node).$ref);
  if (!ref?.startsWith("#/")) return record(node);
  return record(
    ref
      .slice(2)
      .split("/")
      .reduce<unknown>((at, part) => record(at)[part], document),
  );
}

function bodyOf(operation: Record<string, unknown>): DocOperation["body"] {
  const body = record(operation.requestBody);
  if (Object.keys(body).length === 0) return null;
  const schema = record(record(record(body.content)["application/json"]).schema);
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf.map(record) : [schema];
  const one = branches.find((branch) => refName(branch));
  const batch = branches.find((branch) => branch.type === "array");
  return {
    description: text(body.description),
    schemaName: one ? refName(one) : null,
    batchMax: batch && typeof batch.maxItems === "number" ? batch.maxItems : null,
  };
}

function responsesOf(operation: Record<string, unknown>): DocResponse[] {
  return Object.entries(record(operation.responses)).map(([status, value]) => {
    const response = record(value);
    return {
      status,
      description: text(response.description) ?? "",
      headers: Object.entries(record(response.headers)).map(([name, header]) => ({
        name,
        description: text(record(header).description),
      })),
      schemaName: refName(record(record(record(response.content)["application/json"]).schema)),
    };
  });
}

function authOf(document: Record<string, unknown>, operation: Record<string, unknown>): DocAuth[] {
  const requirements = Array.isArray(operation.security) ? operation.security : (document.security ?? []);
  const schemes = record(record(document.components).securitySchemes);
  return (requirements as unknown[]).flatMap((requirement) =>
    Object.keys(record(requirement)).map((scheme) => {
      const definition = record(schemes[scheme]);
      return {
        scheme: text(definition.scheme) ?? scheme,
        description: text(definition.description),
        bearerFormat: text(definition.bearerFormat),
      };
    }),
  );
}

function webhookToolsOf(operation: Record<string, unknown>): WebhookToolDoc[] {
  const tools = operation["x-webhook-tools"];
  if (!Array.isArray(tools)) return [];
  return tools.map(record).map((tool) => {
    const signature = record(tool.signature);
    return {
      tool: text(tool.tool) ?? "",
      title: text(tool.title) ?? text(tool.tool) ?? "",
      events: text(tool.events) ?? "",
      secret: text(tool.secret) ?? "",
      signature: text(signature.header) ? (signature as unknown as WebhookSignature) : null,
    };
  });
}

/** Reads the document; throws only when it is not an OpenAPI document at all. */
export function readOpenApi(input: unknown): DocModel {
  const document = record(input);
  if (typeof document.openapi !== "string") throw new Error("Not an OpenAPI document: it has no openapi version.");
  const info = record(document.info);
  const components = record(document.components);
  const schemas = Object.fromEntries(Object.entries(record(components.schemas)).map(([name, s]) => [name, record(s)]));
  const operations = Object.entries(record(document.paths)).flatMap(([path, item]) =>
    METHODS.filter((method) => record(item)[method]).map((method): DocOperation => {
      const operation = record(record(item)[method]);
      return {
        id: text(operation.operationId) ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: text(operation.summary) ?? path,
        description: text(operation.description),
        tags: Array.isArray(operation.tags) ? operation.tags.filter((tag) => typeof tag === "string") : [],
        auth: authOf(document, operation),
        parameters: (Array.isArray(operation.parameters) ? operation.parameters : []).map((parameter) => {
          const resolved = resolve(document, parameter);
          return {
            name: text(resolved.name) ?? "",
            in: text(resolved.in) ?? "",
            required: resolved.required === true,
            description: text(resolved.description),
            schema: record(resolved.schema),
          };
        }),
        body: bodyOf(operation),
        responses: responsesOf(operation),
        webhookTools: webhookToolsOf(operation),
      };
    }),
  );
  const errorSchema = record(record(record(schemas.Error?.properties).error).properties);
  const codes = record(errorSchema.code).enum;
  return {
    title: text(info.title) ?? "API",
    version: text(info.version) ?? "",
    description: text(info.description),
    operations,
    schemas,
    errorCodes: Array.isArray(codes) ? codes.filter((code) => typeof code === "string") : [],
  };
}
