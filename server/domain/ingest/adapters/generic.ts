import { z } from "zod";
import { CHANNELS, FEEDBACK_SOURCES, METRIC_KINDS } from "../../enums";
import { invalidPayload, isoFromEpochSeconds, toAdapterResult, type AdapterResult } from "./json";
import { parseJsonPath, readJsonPath, type PathSegment } from "./json-path";

/** Feedback fields a generic webhook can read from the payload. */
export const GENERIC_WEBHOOK_FIELDS = [
  "externalId",
  "score",
  "text",
  "receivedAt",
  "metricKind",
  "channel",
  "language",
  "customerExternalId",
  "customerEmail",
  "customerName",
] as const;
export type GenericWebhookField = (typeof GENERIC_WEBHOOK_FIELDS)[number];

const jsonPath = z.string().superRefine((path, ctx) => {
  const parsed = parseJsonPath(path);
  if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
});

/**
 * A saved mapping for a generic JSON webhook: a JSON path (json-path.ts) per field, constants for
 * what the payload does not say (source, and metric kind / channel unless read from a path), the
 * format of the time (ISO with offset, or epoch seconds / milliseconds) and optional value maps
 * per field (e.g. `{ metricKind: { "NPS": "nps" } }`). `externalId` and `receivedAt` must be mapped.
 */
export const genericWebhookMappingInput = z
  .object({
    paths: z.partialRecord(z.enum(GENERIC_WEBHOOK_FIELDS), jsonPath),
    source: z.enum(FEEDBACK_SOURCES).default("survey"),
    metricKind: z.enum(METRIC_KINDS).default("none"),
    channel: z.enum(CHANNELS).nullable().default(null),
    receivedAtFormat: z.enum(["iso", "epoch_seconds", "epoch_millis"]).default("iso"),
    valueMaps: z.partialRecord(z.enum(GENERIC_WEBHOOK_FIELDS), z.record(z.string(), z.string())).default({}),
  })
  .superRefine((mapping, ctx) => {
    for (const field of ["externalId", "receivedAt"] as const) {
      if (!mapping.paths[field]) {
        ctx.addIssue({ code: "custom", path: ["paths", field], message: `Map ${field} to a path in the payload.` });
      }
    }
  });
export type GenericWebhookMapping = z.output<typeof genericWebhookMappingInput>;

/**
 * A JSON payload as a feedback item through a saved mapping (validated with
 * genericWebhookMappingInput): each mapped path is read (a missing path gives null), a value map
 * turns a read value's text into another, numeric strings become numbers for `score`, and epoch
 * times become ISO text. The result is validated like any other feedback item, so a path pointing
 * at the wrong value surfaces as a per-field error.
 */
export function adaptGeneric(payload: unknown, mapping: GenericWebhookMapping): AdapterResult {
  if (typeof payload !== "object" || payload === null) return invalidPayload("The payload is not a JSON object.");
  const raw: Record<string, unknown> = {
    source: mapping.source,
    metricKind: mapping.metricKind,
    channel: mapping.channel,
  };
  for (const field of GENERIC_WEBHOOK_FIELDS) {
    const path = mapping.paths[field];
    if (path === undefined) continue;
    const parsed = parseJsonPath(path);
    const segments: PathSegment[] = "segments" in parsed ? parsed.segments : [];
    let value: unknown = readJsonPath(payload, segments) ?? null;
    const map = mapping.valueMaps[field];
    if (map && value !== null && Object.prototype.hasOwnProperty.call(map, String(value))) value = map[String(value)];
    raw[field] = convert(field, value, mapping.receivedAtFormat);
  }
  return toAdapterResult(raw);
}

function convert(field: GenericWebhookField, value: unknown, format: GenericWebhookMapping["receivedAtFormat"]) {
  if (field === "score" && typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value);
  if (field === "receivedAt" && format !== "iso") {
    const number = typeof value === "string" && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    return (
      isoFromEpochSeconds(format === "epoch_millis" && typeof number === "number" ? number / 1000 : number) ?? value
    );
  }
  return value;
}
